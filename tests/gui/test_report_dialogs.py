"""The 周报 dialog and menu actions: the week's problems text is kept per unit and week."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMainWindow

from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.gui.report_dialogs import ReportDialog, install_report_actions
from tests.reports.dataset import build

W05 = IsoWeek(2021, 5)


@pytest.fixture
def fixed(tmp_path):
    store = build(tmp_path / "fixed.db")
    yield store
    store.close()


def test_actions_in_the_reports_menu(qtbot, fixed):
    win = QMainWindow()
    qtbot.addWidget(win)
    win.menu_reports = win.menuBar().addMenu("报表")
    actions = install_report_actions(win, fixed)
    assert [a.text() for a in win.menu_reports.actions()] == [a.text() for a in actions]
    assert "周报" in actions[0].text() and "问题" in actions[1].text()
    actions[1].trigger()
    dlg = win.findChild(ReportDialog)
    assert dlg is not None and dlg.isVisible()
    dlg.close()


def test_problems_are_saved_per_unit_and_week(qtbot, fixed):
    dlg = ReportDialog(fixed, None, W05, "410221")
    qtbot.addWidget(dlg)
    assert dlg.scope.count() == 10  # a city installation: the city and the 9 units
    assert dlg.unit_code() == "410221" and dlg.week() == W05
    dlg.problems.setPlainText("1. 用电报装慢。")
    dlg.reviewer.setText("王审核")
    dlg.week_picker.set_week(IsoWeek(2021, 6))  # switching week keeps what was typed
    note = fixed.week_note("410221", W05)
    assert note.problems == "1. 用电报装慢。" and note.reviewer == "王审核"
    assert dlg.problems.toPlainText() == ""  # W06 has none yet
    dlg.week_picker.set_week(W05)
    assert dlg.problems.toPlainText() == "1. 用电报装慢。"
    dlg.scope.setCurrentIndex(dlg.scope.findData("410200"))
    assert dlg.unit_code() is None and dlg.problems.toPlainText() == ""
    dlg.problems.setPlainText("全市：两个县未按时报送。")
    dlg.accept()
    assert fixed.week_note("410200", W05).problems == "全市：两个县未按时报送。"
    assert dlg.default_pdf_name() == "全市汇总5G周报_2021W05.pdf"


def test_print_preview_opens_with_all_pages(qtbot, fixed):
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
    from PySide6.QtWidgets import QApplication, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    from kf5g_desktop.gui.report_dialogs import preview_report

    preview_report(parent, fixed, W05, None, "all", exec_dialog=False)

    def opened():
        dialogs = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, QPrintPreviewDialog) and w.isVisible()
        ]
        assert dialogs
        return dialogs[0]

    qtbot.waitUntil(lambda: opened() is not None, timeout=10000)
    dlg = opened()
    view = dlg.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: view.pageCount() > 0, timeout=10000)
    assert view.pageCount() == dlg._report.page_count()
    assert "开封市5G网络建设周报" in dlg.windowTitle()
    dlg.close()
