"""The dashboard page on the fixed dataset: figures shown, charts drawn, unit table, no freezing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.gui.dashboard import DashboardPage, UnitProgressModel
from kf5g_desktop.reports.figures import week_figures
from tests.reports.dataset import build

W05 = IsoWeek(2021, 5)


@pytest.fixture(scope="module")
def fixed(tmp_path_factory):
    store = build(tmp_path_factory.mktemp("dash") / "fixed.db")
    yield store
    store.close()


def shown(qtbot, page, week=W05, unit=None):
    with qtbot.waitSignal(page.refreshed, timeout=10000):
        page.set_unit(unit)
        page.set_week(week)
        page.refresh()
    return page.data


def test_city_dashboard(qtbot, fixed):
    page = DashboardPage(fixed)
    qtbot.addWidget(page)
    page.resize(1280, 900)
    data = shown(qtbot, page)
    f = week_figures(fixed, W05)
    assert data.figures.total == f.total
    assert page.card_on_air.value.text() == "7"
    assert "2021年目标 2,500" in page.card_on_air.detail.text()
    assert page.card_new.value.text() == "4"
    assert page.card_indirect.value.text() == "42.9%"
    assert page.card_attention.value.text() == str(len(f.waiting) + len(f.late))
    assert page.unit_table.isVisibleTo(page)
    assert page.unit_model.rowCount() == 9
    # charts hold the series: cumulative line ends at the week's figure
    items = page.chart_cumulative.getPlotItem().listDataItems()
    xs, ys = items[0].getData()
    assert ys[-1] == 7 and len(xs) == len(data.series.weeks)
    assert len(items) == 2  # the cumulative line and the target line
    bars = [i for i in page.chart_new.getPlotItem().items if type(i).__name__ == "BarGraphItem"]
    assert len(bars) == 3  # CMCC, CUCC, CTCC opened stations; CBN none


def test_unit_table_sorts_and_emits_filter(qtbot, fixed):
    page = DashboardPage(fixed)
    qtbot.addWidget(page)
    shown(qtbot, page)
    proxy = page.unit_proxy
    page.unit_table.sortByColumn(UnitProgressModel.COL_ON_AIR, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 0).data() == "杞县" and proxy.index(1, 0).data() == "龙亭区"
    page.unit_table.sortByColumn(UnitProgressModel.COL_COMPLETION, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, UnitProgressModel.COL_COMPLETION).data() == "4.0%"
    with qtbot.waitSignal(page.filterRequested) as blocker:
        page.unit_table.clicked.emit(proxy.index(0, 2))
    assert blocker.args == [{"unit_codes": ["410221"]}]


def test_unit_model_is_a_proper_model(qtmodeltester, fixed):
    model = UnitProgressModel()
    model.set_rows(week_figures(fixed, W05).by_unit)
    qtmodeltester.check(model)
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


def test_unit_scope_and_rule(qtbot, fixed):
    page = DashboardPage(fixed)
    qtbot.addWidget(page)
    data = shown(qtbot, page, unit="410221")
    assert page.card_on_air.value.text() == "4" and "完成 4.0%" in page.card_on_air.detail.text()
    assert not page.unit_table.isVisibleTo(page)
    with qtbot.waitSignal(page.refreshed, timeout=10000):
        page.rule.setCurrentIndex(page.rule.findData("macro"))
    assert page.card_on_air.value.text() == "2"
    assert data is not page.data


def test_empty_and_year_end_weeks(qtbot, fixed):
    page = DashboardPage(fixed)
    qtbot.addWidget(page)
    shown(qtbot, page, week=IsoWeek(2021, 10), unit="410221")
    assert page.card_new.value.text() == "0"
    shown(qtbot, page, week=IsoWeek(2020, 53), unit="410221")
    assert page.card_on_air.value.text() == "2" and "2020年目标未设置" in page.card_on_air.detail.text()
    shown(qtbot, page, week=IsoWeek(2019, 10), unit="410221")
    assert page.card_on_air.value.text() == "0" and page.card_sa.value.text() == "—"


def test_refresh_does_not_block_and_drops_stale_results(qtbot, fixed):
    page = DashboardPage(fixed)
    qtbot.addWidget(page)
    page.refresh()  # returns at once: the work runs in a worker thread
    assert page.status.text() == "正在计算……"
    with qtbot.waitSignal(page.refreshed, timeout=10000):
        page.set_week(IsoWeek(2021, 6))  # a second request while the first may still run
    assert page.data.figures.week == IsoWeek(2021, 6)
    qtbot.wait(200)
    assert page.data.figures.week == IsoWeek(2021, 6)  # the older result did not overwrite it


def test_in_the_main_window(qtbot, fixed):
    """Wired as the lead will: the dashboard as home page, 周报 actions in the 报表 menu."""
    from kf5g_desktop.gui.main_window import MainWindow
    from kf5g_desktop.gui.report_dialogs import install_report_actions

    page = DashboardPage(fixed)
    win = MainWindow(fixed, home=page)
    qtbot.addWidget(win)
    actions = install_report_actions(win, fixed)
    assert all(a in win.menu_reports.actions() for a in actions)
    with qtbot.waitSignal(page.refreshed, timeout=10000):
        page.set_week(W05)
    row = next(r for r in range(page.unit_proxy.rowCount()) if page.unit_proxy.index(r, 0).data() == "杞县")
    with qtbot.waitSignal(page.filterRequested):
        page.unit_table.clicked.emit(page.unit_proxy.index(row, 0))
    register = win.current_register()
    assert register is not None and win.current_key() == "station"
    assert register.filters["unit_codes"].selected() == ["410221"]


def test_a_failed_refresh_is_shown_on_the_page_and_logged(qtbot, tmp_path, caplog):
    """The figures run through run_job without a dialog: a failure shows on the page (no message
    box, no progress dialog) and goes to the log with its traceback."""
    import sqlite3

    from PySide6.QtWidgets import QApplication, QProgressDialog

    store = build(tmp_path / "broken.db")
    try:
        page = DashboardPage(store)
        qtbot.addWidget(page)
        with sqlite3.connect(store.path) as con:  # a damaged database: the register's tables are gone
            con.execute("ALTER TABLE station RENAME TO station_gone")
            con.execute("ALTER TABLE station_history RENAME TO station_history_gone")
        with caplog.at_level("ERROR", logger="kf5g"), qtbot.waitSignal(page.refreshFailed, timeout=10000):
            page.refresh()
        assert page.status.text().startswith("计算失败：") and page.data is None
        assert any(
            "dashboard figures" in r.getMessage() and "Traceback" in r.getMessage() for r in caplog.records
        )
        assert not [
            w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()
        ]
    finally:
        store.close()


@pytest.mark.parametrize("which", ["city", "unit demo"])
def test_the_opening_figures_begun_at_start_up_are_taken_once(qtbot, fixed, demo_db, which):
    """The start-up begins the opening figures as soon as the database is open
    (``FirstFigures``); the page takes them for its first refresh, exactly once, only for its
    opening choice on the same store, and shows what it would have computed itself."""
    from kf5g_desktop.reports.dashboard import FirstFigures, compute
    from kf5g_desktop.storage.store import Store

    store = fixed if which == "city" else Store.open(demo_db[0], readonly=True)
    try:
        first = FirstFigures(store)
        page = DashboardPage(store, first=first)
        qtbot.addWidget(page)
        assert (page.week(), page.unit_code(), page.counting_rule()) == first.key
        with qtbot.waitSignal(page.figuresShown, timeout=10000):
            page.refresh()
        assert first.take(store, *first.key) is None  # taken by the page
        assert page.data == compute(store, *first.key)
        assert page.card_on_air.value.text() == f"{page.data.figures.total.on_air:,}"
        week, unit, rule = first.key
        assert FirstFigures(store).take(store, week.next(), unit, rule) is None  # another week
        assert FirstFigures(store).take(object(), week, unit, rule) is None  # another store
        other = FirstFigures(store)
        assert other.take(store, week, unit, rule) is not None
        assert other.take(store, week, unit, rule) is None  # once
    finally:
        if store is not fixed:
            store.close()
