"""Take the README screenshots of the data-entry window (offscreen, CJK font needed).

PYTHONPATH=. python -m kf5g_desktop demo --db /tmp/shot.db --unit 410221 --stations 400
QT_QPA_PLATFORM=offscreen PYTHONPATH=. python scripts/gui_screenshots.py /tmp/shot.db
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def save(widget: object, path: Path) -> None:
    """Grab a widget to PNG; 256 colours when that keeps the file under 300 KB."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    image = widget.grab().toImage()  # type: ignore[attr-defined]
    image.save(str(path), "PNG", 0)
    if path.stat().st_size > 300_000:
        small = image.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither)
        small.save(str(path), "PNG", 0)


def main() -> int:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from kf5g_desktop.domain.schema import STATION
    from kf5g_desktop.domain.values import ListQuery
    from kf5g_desktop.gui.main_window import RECYCLE, MainWindow
    from kf5g_desktop.storage.store import Store

    src = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shot.db")
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "docs/screenshots")
    work = Path(tempfile.mkdtemp()) / "shot.db"
    shutil.copyfile(src, work)  # the recycle-bin shot deletes records: never in the caller's file
    QCoreApplication.setOrganizationName("kf5g-screenshots")
    QCoreApplication.setApplicationName("shots")
    QSettings().clear()
    app = QApplication.instance() or QApplication([])
    app.setFont(QFont("Noto Sans CJK SC", 10))
    from kf5g_desktop.gui.app import install_translations

    install_translations(app, "zh_CN")
    store = Store.open(work, user="张三")
    inst = store.installation()
    if not inst.configured:
        store.setup_installation(kind="unit", unit_code="410221", user_name="张三", user_phone="0371-1234567")
    win = MainWindow(store)
    win.resize(1360, 820)
    win.show()
    win.show_page(STATION)
    app.processEvents()
    save(win, out / "main-list.png")

    rec = store.query(STATION, ListQuery(statuses=["building"], limit=1))[0]
    form = win.open_record(STATION, rec.id)
    assert form is not None
    form.resize(1200, 780)  # the size a form opens at on a 1360-pixel screen, not its minimum
    form.ui.f_lon.setText("119.5")
    form.ui.f_construction_start.setText("2021/13/1")
    form.save()  # refused: shows the errors in red
    app.processEvents()
    save(form, out / "station-form-validation.png")
    form.done(0)

    # A new station marked 已开通 without its on-air date and power supply: both asked for.
    form = win.new_record(STATION)
    assert form is not None
    form.resize(1200, 780)
    ui = form.ui

    def pick(combo: object, code: str) -> None:
        combo.setCurrentIndex(combo.findData(code))  # type: ignore[attr-defined]

    ui.f_station_code.setText("46000009901")
    pick(ui.f_operator, "CMCC")
    ui.f_name.setText("测试站甲")
    pick(ui.f_township_code, "410221001")
    ui.f_lon.setText("114.78")
    ui.f_lat.setText("34.55")
    pick(ui.f_station_type, "macro")
    pick(ui.f_network_mode, "SA")
    pick(ui.f_build_mode, "new")
    pick(ui.f_status, "on_air")
    ui.f_construction_start.setText("2021-01-05")
    form.save()  # refused: the fields 已开通 requires are marked
    app.processEvents()
    save(form, out / "station-form-required.png")
    form.done(0)

    for r in store.query(STATION, ListQuery(limit=3)):
        store.delete(STATION, r.id)
    win.show_page(RECYCLE)
    app.processEvents()
    save(win, out / "recycle-bin.png")
    store.close()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
