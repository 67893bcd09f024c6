"""Returns GUI pieces: actions, export dialog, import preview, bulk wizard, 报送情况 grid."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QMessageBox, QWizard

from kf5g_desktop.gui.returns_actions import install_returns_actions
from kf5g_desktop.gui.returns_bulk import BulkImportWizard
from kf5g_desktop.gui.returns_dialogs import ExportDialog, ImportPreviewDialog
from kf5g_desktop.gui.returns_status import ReturnsStatusPage
from kf5g_desktop.returns.export import export_return
from tests.returns import factory
from tests.returns.conftest import WEEK

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _shot(widget, name):
    if os.environ.get("KF5G_SCREENSHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / name))


@pytest.fixture
def quiet_boxes(monkeypatch):
    shown = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(
            QMessageBox, name, lambda *a, _n=name, **k: shown.append((_n, a[2] if len(a) > 2 else ""))
        )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return shown


@pytest.fixture
def unit(tmp_path):
    s = factory.open_store(tmp_path / "u" / "kf5g.db")
    factory.make_records(s, "410221", 25)
    yield s
    s.close()


@pytest.fixture
def city(tmp_path):
    s = factory.open_store(tmp_path / "c" / "kf5g.db", kind="city", unit=None)
    yield s
    s.close()


def test_actions_installed_in_the_reports_menu(qtbot, unit, city):
    from kf5g_desktop.gui.main_window import MainWindow

    for store, expected in (
        (unit, {"export", "verify", "bulk", "reference_import"}),
        (city, {"status", "reference_export"}),
    ):
        win = MainWindow(store)
        qtbot.addWidget(win)
        acts = install_returns_actions(win, store if store is unit else (lambda s=store: s))
        assert expected <= set(acts)
        texts = [
            a.text()
            for a in win.menu_reports.actions()
            for a in ([a] + (a.menu().actions() if a.menu() else []))
        ]
        assert "导出周报(&E)…" in texts
        nav = [win.nav.item(i).text() for i in range(win.nav.count())]
        if "status" in acts:  # 报送情况 is a page of the city's navigation (Ctrl+9), not a window
            assert nav[-1] == "报送情况" and len(nav) == 9  # after 地图
            acts["status"].trigger()
            assert win.current_key() == "returns_status" and win.nav.currentRow() == 8
            page = win.stack.currentWidget()
            assert isinstance(page, ReturnsStatusPage) and page.model.rowCount() == 9
            assert page.window() is win
            win.show_page("home")
            win.act_page_returns.trigger()
            assert win.stack.currentWidget() is page
        else:
            assert "报送情况" not in nav and not win.act_page_returns.isVisible()


def test_export_dialog_exports(qtbot, unit, tmp_path, quiet_boxes):
    dlg = ExportDialog(unit)
    qtbot.addWidget(dlg)
    assert dlg.selected_week() == WEEK.prev()  # the clock is on WEEK's Sunday: the last finished week
    dlg.folder.setText(str(tmp_path))
    dlg.show()
    _shot(dlg, "returns_export_dialog.png")
    dlg._export()
    qtbot.waitUntil(lambda: dlg.result_path is not None, timeout=20000)
    assert dlg.result_path.exists() and quiet_boxes[-1][0] == "information"


def test_import_preview_and_status_page(qtbot, qtmodeltester, unit, city, tmp_path, quiet_boxes):
    good = export_return(unit, WEEK, tmp_path).path
    bad = tmp_path / "坏文件.xlsx"
    bad.write_bytes(good.read_bytes()[:3000])
    dlg = ImportPreviewDialog(city, [good, bad])
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.model.rowCount() == 2, timeout=20000)
    qtmodeltester.check(dlg.model)
    assert dlg.import_button.isEnabled()
    dlg.view.selectRow(1)
    dlg._show_messages(dlg.model.index(1, 0))
    assert "损坏" in dlg.messages.toPlainText()
    dlg._show_messages(dlg.model.index(0, 0))
    dlg.resize(1000, 520)
    _shot(dlg, "returns_import_preview.png")
    dlg._import()
    qtbot.waitUntil(lambda: city.count("station") == 25, timeout=20000)

    page = ReturnsStatusPage(city)
    qtbot.addWidget(page)
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 9 and page.model.columnCount() == 8
    labels = {page.model.index(r, c).data() for r in range(9) for c in range(8)}
    assert {"按时", "未报"} <= labels or {"逾期", "未报"} <= labels
    page.resize(1100, 420)
    page.show()
    _shot(page, "returns_status.png")


def test_bulk_wizard_preview_and_commit(qtbot, qtmodeltester, unit, tmp_path, quiet_boxes):
    csvf = tmp_path / "移动清单.csv"
    lines = ["站名,gNodeB标识,运营商,经度,纬度,乡镇,状态"]
    lines += [f"批量{i}号站,99{i:06d},中国移动,114.8,34.5,五里河镇,规划" for i in range(30)]
    lines.append("坏行站,99999999,中国铁通,126.1,34.5,五里河镇,规划")
    csvf.write_text("\n".join(lines), encoding="utf-8")
    wiz = BulkImportWizard(unit)
    qtbot.addWidget(wiz)
    wiz.show()
    wiz.file_page.path.setText(str(csvf))
    wiz.next()
    assert wiz.mapping_page.combos["station_code"].currentText() == "gNodeB标识"
    _shot(wiz, "returns_bulk_mapping.png")
    wiz.next()
    qtbot.waitUntil(lambda: wiz.preview is not None, timeout=20000)
    qtmodeltester.check(wiz.preview_page.model)
    assert not wiz.preview_page.isComplete()  # one bad row: nothing can be imported
    first = wiz.preview_page.model.index(0, 3).data()
    assert ("中国铁通" in first and "经度" not in first) or "不在" in first
    _shot(wiz, "returns_bulk_preview.png")
    # Fix the file, go back and forth, import.
    csvf.write_text("\n".join(lines[:-1]), encoding="utf-8")
    wiz.back()
    wiz.back()
    wiz.next()
    wiz.next()
    qtbot.waitUntil(lambda: wiz.preview is not None and wiz.preview_page.isComplete(), timeout=20000)
    before = unit.count("station")
    wiz.button(QWizard.WizardButton.FinishButton).click()
    assert unit.count("station") == before + 30 and wiz.batch_id


def test_bulk_wizard_header_row_choice(qtbot, unit, tmp_path, quiet_boxes):
    """A summary block above the list wins the guess; the officer picks the header row in the dialog."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["运营商", "基站类型", "建设状态", "数量"])
    ws.append(["中国移动", "宏站", "规划", 2])
    ws.append([])
    ws.append(["编号", "站名", "运营商"])  # matches fewer known fields than the block above
    for i in range(3):
        ws.append([f"44{i:06d}", f"表头选择{i}号站", "中国移动"])
    path = tmp_path / "汇总在上.xlsx"
    wb.save(path)
    wiz = BulkImportWizard(unit)
    qtbot.addWidget(wiz)
    wiz.show()
    wiz.file_page.path.setText(str(path))
    wiz.next()
    page = wiz.mapping_page
    assert page.header_row.value() == 1 and "自动识别" in page.header_note.text()
    assert page.combos["station_code"].currentData() == -1  # nothing maps to 基站编码 in row 1
    page.header_row.setValue(3)  # an empty row: refused, the table stays as it was
    page._reread()
    assert "第3行是空行" in page.header_note.text() and wiz.table.header_row == 1
    page.header_row.setValue(4)
    page._reread()
    assert wiz.table.header_row == 4 and "第 4 行" in page.header_note.text()
    assert page.combos["name"].currentText() == "站名" and page.combos["operator"].currentText() == "运营商"
    combo = page.combos["station_code"]
    combo.setCurrentIndex(combo.findText("编号"))
    _shot(wiz, "returns_bulk_header_row.png")
    wiz.next()
    qtbot.waitUntil(lambda: wiz.preview is not None, timeout=20000)
    assert [r.record.station_code for r in wiz.preview.rows] == ["44000000", "44000001", "44000002"]
    assert wiz.preview.ok


def test_main_window_has_the_keyboard_after_the_export_message(qtbot, unit, tmp_path):
    """报表 → 报送 → 导出周报 → 导出 → the success message → OK: the main window is active again and
    Alt+F opens its 文件 menu without a click (issue 11.19)."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    from kf5g_desktop.gui.app import install_menus
    from kf5g_desktop.gui.main_window import MainWindow

    win = MainWindow(unit)
    qtbot.addWidget(win)
    install_menus(win, unit)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    seen: list[str] = []

    def fill_dialog() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, ExportDialog):
            QTimer.singleShot(50, fill_dialog)
            return
        dlg.folder.setText(str(tmp_path))
        QTimer.singleShot(0, answer_message)
        qtbot.keyClick(dlg.buttons.button(dlg.buttons.StandardButton.Ok), Qt.Key.Key_Space)

    def answer_message() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer_message)
            return
        seen.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill_dialog)
    win.findChild(QAction, "act_returns_export").trigger()  # returns when the dialog has closed
    assert seen and seen[0].startswith("已导出")
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)  # activation is delivered as an event
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    file_menu = win.menuBar().actions()[0].menu()
    qtbot.waitUntil(file_menu.isVisible)
    file_menu.close()


def test_export_offers_every_week_from_the_first_record_to_the_last_finished_one(qtbot, tmp_path):
    """导出周报 offers the weeks from the installation's first record to the last finished week,
    newest first, and opens on the same week as the report dialog (issue 11.7)."""
    import sqlite3
    from datetime import date, datetime

    from kf5g_desktop.domain.periods import IsoWeek, weeks_between
    from kf5g_desktop.domain.records import Venue
    from kf5g_desktop.gui.report_dialogs import ReportDialog
    from kf5g_desktop.gui.week_picker import initial_week
    from kf5g_desktop.storage.demo import generate_demo
    from kf5g_desktop.storage.store import Store

    clock = factory.fixed_clock(datetime(2020, 11, 4, 10, 0))  # a Wednesday of 2020-W45
    store = factory.open_store(tmp_path / "u" / "kf5g.db", clock=clock)
    try:
        factory.make_records(store, "410221", 3)
        clock.state["now"] = datetime(2021, 3, 10, 9, 0)  # a Wednesday of 2021-W10
        store.save(Venue(unit_code="410221", name="县图书馆", category="public_institution"))
        dlg = ExportDialog(store)
        qtbot.addWidget(dlg)
        weeks = [IsoWeek.parse(dlg.week.itemData(i)) for i in range(dlg.week.count())]
        assert weeks[0] == IsoWeek(2021, 9) and weeks[-1] == IsoWeek(2020, 45)  # not the unfinished W10
        assert weeks == sorted(weeks, reverse=True) and len(weeks) == len(set(weeks)) == 18
        assert dlg.selected_week() == IsoWeek(2021, 9) == initial_week(store)
        assert dlg.week.currentText() == "2021年第9周（3月1日—3月7日）"
    finally:
        store.close()
    # A demo installation (2020–2022, today much later): every week since 2020, opening on the week
    # of the latest activity, the week the report dialog opens on too.
    path = tmp_path / "demo.db"
    generate_demo(path, stations=200, seed=4)
    with Store.open(path) as demo:
        dlg = ExportDialog(demo)
        qtbot.addWidget(dlg)
        report = ReportDialog(demo)
        qtbot.addWidget(report)
        weeks = [IsoWeek.parse(dlg.week.itemData(i)) for i in range(dlg.week.count())]
        assert weeks[0] == IsoWeek.containing(demo.today()).prev()
        con = sqlite3.connect(path)
        first = min(
            con.execute(f"SELECT min(created_at) FROM {t}").fetchone()[0]
            for t in ("station", "venue", "pole")
        )
        con.close()
        assert weeks[-1] == IsoWeek.containing(date.fromisoformat(first[:10])) < IsoWeek(2020, 20)
        assert weeks == weeks_between(weeks[-1], weeks[0])[::-1]
        assert dlg.selected_week().year == 2022
        assert dlg.selected_week() == report.week() == initial_week(demo)


def test_export_dialog_offers_the_correction_of_a_past_week(qtbot, tmp_path, quiet_boxes):
    from dataclasses import replace
    from datetime import datetime

    clock = factory.fixed_clock(datetime(2021, 2, 1, 9))  # Monday of W05: W04's cut-off is at 18:00
    store = factory.open_store(tmp_path / "kf5g.db", clock=clock)
    try:
        factory.make_records(store, "410221", 10)
        past = WEEK.prev()
        dlg = ExportDialog(store)
        qtbot.addWidget(dlg)
        assert dlg.selected_week() == past
        assert dlg.correct.isHidden() and dlg.reason.isEnabled()  # before the cut-off: no correction
        first = export_return(store, past, tmp_path)
        clock.state["now"] = datetime(2021, 2, 3, 10)  # past the cut-off; a station is renamed today
        st = store.query("station")[0]
        store.save(replace(store.get_station(st.id), name=st.name + "（更正）"))

        dlg = ExportDialog(store)
        qtbot.addWidget(dlg)
        dlg.week.setCurrentIndex(dlg.week.findData(str(past)))
        dlg.folder.setText(str(tmp_path))
        dlg.show()
        assert not dlg.correct.isHidden() and dlg.correct.text() == "更正第4周报表"
        assert not dlg.reason.isEnabled()  # re-exporting as it stood asks no reason
        dlg.correct.setChecked(True)
        assert dlg.reason.isEnabled()
        dlg._export()
        assert quiet_boxes[-1][0] == "warning" and "更正原因" in quiet_boxes[-1][1]
        dlg.reason.setText("更正基站名称")
        dlg._export()
        qtbot.waitUntil(lambda: dlg.result_path is not None, timeout=20000)
        sub = store.latest_submission("export", "410221", str(past))
        assert (sub.version, sub.reason) == (2, "更正基站名称") and sub.content_sha256 != first.digest
    finally:
        store.close()


def test_import_preview_shows_the_units_changes_since_its_previous_submission(
    qtbot, qtmodeltester, tmp_path, quiet_boxes
):
    from datetime import datetime

    from kf5g_desktop.returns.importer import import_files
    from tests.reports import changes_scenario as sc

    s = sc.build(tmp_path)
    clock = factory.fixed_clock(datetime(2021, 1, 25, 15, 0))
    city = factory.open_store(tmp_path / "city" / "kf5g.db", kind="city", unit=None, clock=clock)
    import_files(city, [s.prev_file])
    clock.state["now"] = datetime(2021, 2, 1, 15, 0)  # type: ignore[attr-defined]
    dlg = ImportPreviewDialog(city, [s.file])
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.model.rowCount() == 1, timeout=20000)
    model = dlg.changes.model
    qtmodeltester.check(model)
    assert dlg.tabs.tabText(1) == "与上次报表相比（8）"
    assert dlg.changes.summary.text() == (
        "与该区县上次接收的 2021-W03 周报（第1版，2021-01-25 15:00 导入）相比：新增 2 条，修改 5 条，删除 1 条。"
    )
    rows = [tuple(model.index(r, c).data() for c in range(6)) for r in range(model.rowCount())]
    assert rows[0] == ("新增", "基站", "中国移动 KF005 东关", "", "", "")
    assert ("修改", "基站", "中国移动 KF001 金城北", "建设状态", "在建", "已开通") in rows
    assert ("修改", "场所", "CS410221-0001 杞县一中", "产权单位", "杞县教育局", "杞县教育体育局") in rows
    assert rows[-1] == ("删除", "基站", "中国移动 KF004 西关", "", "", "")
    assert len(rows) == 2 + 10 + 1  # one line per new/removed record, one per changed field
    city.close()
