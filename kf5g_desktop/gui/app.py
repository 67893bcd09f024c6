"""Start the window: QApplication, open the store, show the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox


def run_gui(db: Path | None, *, demo: bool = False) -> int:
    from kf5g_desktop.paths import default_db_path
    from kf5g_desktop.storage.errors import Kf5gError
    from kf5g_desktop.storage.store import Store

    app = QApplication.instance() or QApplication(sys.argv)
    path = Path(db) if db else default_db_path()
    try:
        if demo and not path.exists():
            from kf5g_desktop.storage.demo import generate_demo

            generate_demo(path)
        store = Store.open(path)
    except Kf5gError as exc:
        QMessageBox.critical(None, "无法打开数据库", str(exc))
        return 2
    win = QMainWindow()
    win.setWindowTitle("开封市5G网络建设填报系统")
    counts = store.counts()
    win.setCentralWidget(
        QLabel(f"基站 {counts['station']} 个,场所 {counts['venue']} 处,杆塔 {counts['pole']} 根")
    )
    win.resize(1000, 700)
    win.show()
    rc = app.exec()
    store.close(backup_on_exit=True)
    return int(rc)
