"""The window as at a past week (issue 12 point 5): the register lists as they stood at a week's
cut-off (read-only, with a banner), a record's versions and what changed between two of them, and
the dashboard and report dialog on the week's cut-off rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from PySide6.QtWidgets import QDialog

from kf5g_desktop.domain import codes
from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.storage.store import Store
from tests.builders import numbered_station, venue
from tests.gui.test_english import english  # noqa: F401  (the fixture: the program's English translators)

WEEK5 = IsoWeek(2021, 5)  # 2021-02-01 – 02-07, cut-off Monday 2021-02-08 18:00
ENTERED = datetime(2021, 2, 3, 10, 0)  # in week 5
EDITED = datetime(2021, 2, 10, 9, 0)  # in week 6, after week 5's cut-off
NOW = datetime(2021, 3, 1, 10, 0)  # Monday of week 9, before its cut-off


class Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def past_store(tmp_path):
    """Stations 1–3 and a venue entered in week 5; in week 6 station 1 renamed, station 2 put on
    air, station 3 deleted, station 4 entered; now is week 9."""
    clock = Clock(ENTERED)
    s = Store.open(tmp_path / "kf5g.db", user="张三", clock=clock)
    s.setup_installation(kind="unit", unit_code="410221", user_name="张三")
    st = [s.save(numbered_station(i)) for i in (1, 2, 3)]
    s.save(venue(name="县政府大楼", category="government", township_code="410221001"))
    clock.at = EDITED
    s.save(replace(s.get_station(st[0].id), name="杞县改名站"))
    s.save(replace(s.get_station(st[1].id), status="on_air", on_air=EDITED.date()))
    s.delete("station", st[2].id)
    s.save(numbered_station(4))
    clock.at = NOW
    s.ids = [r.id for r in st]  # type: ignore[attr-defined]
    yield s
    s.close()


@pytest.fixture
def past_window(qtbot, past_store, monkeypatch):
    from kf5g_desktop.gui.main_window import MainWindow
    from kf5g_desktop.gui.record_form import RecordForm

    win = MainWindow(past_store)
    win.show()
    qtbot.waitExposed(win)
    yield win
    monkeypatch.setattr(RecordForm, "is_dirty", lambda self: False)
    for form in list(win.forms):
        form.done(0)
    win.close()
    win.deleteLater()


def names(page) -> list[str]:
    return [page.model.record(r).name for r in range(page.model.rowCount())]


def test_store_reads_a_record_as_it_stood(past_store):
    moment = past_store.week_moment(WEEK5)
    assert moment == datetime(2021, 2, 8, 18, 0)
    one, two, three = past_store.ids
    assert past_store.get_at("station", one, at=moment).name == "杞县测试站1"
    assert past_store.get_at("station", one).name == "杞县改名站"
    then = past_store.get_at("station", two, at=moment)
    assert then.status == "approving" and [a.item for a in then.approvals] == ["land"]
    assert past_store.get_at("station", three, at=moment).name == "杞县测试站3"
    from kf5g_desktop.storage.errors import NotFoundError

    with pytest.raises(NotFoundError, match="所选时刻不在登记表中"):
        past_store.get_at("station", three, at=NOW)  # deleted since
    venue_id = past_store.query("venue")[0].id
    assert past_store.get_at("venue", venue_id, at=moment).station_count == 0


def test_list_as_at_a_past_week(qtbot, qtmodeltester, past_window, past_store):
    win = past_window
    win.show_page("station")
    page = win.registers["station"]
    assert sorted(names(page)) == ["杞县改名站", "杞县测试站2", "杞县测试站4"]
    assert not page.banner.isVisible()
    assert page.new_button.isEnabled() and win.act_new.isEnabled()

    page.moment_picker.set_week(WEEK5)
    assert page.is_past and page.moment == datetime(2021, 2, 8, 18, 0)
    assert sorted(names(page)) == ["杞县测试站1", "杞县测试站2", "杞县测试站3"]
    assert page.count_label.text() == "共 3 条"
    qtmodeltester.check(page.model)
    text = page.banner.label.text()
    assert page.banner.isVisible()
    assert text == "正在查看2021年第5周（2月1日—2月7日）报表截止时（2021-02-08 18:00）的登记情况，只读。"
    # nothing can be changed from a past list
    page.view.selectRow(0)
    win.update_actions()
    assert not page.new_button.isEnabled()
    assert not win.act_new.isEnabled() and not win.act_delete.isEnabled()
    assert win.new_record() is None
    with qtbot.assertNotEmitted(page.deleteRequested):
        page.delete_current()
    # search, filters and sorting work on the past
    page.set_filters({"statuses": ["approving"]})
    assert names(page) == ["杞县测试站2"]  # on air only since week 6
    page.set_filters({"search": "测试站1"})
    assert names(page) == ["杞县测试站1"]
    page.clear_filters()
    col = [c.key for c in page.model.columns].index("name")
    page.model.sort(col)
    assert names(page) == ["杞县测试站1", "杞县测试站2", "杞县测试站3"]
    qtmodeltester.check(page.model)

    # back to now
    page.banner.back.click()
    assert not page.is_past and not page.banner.isVisible()
    assert page.moment_picker.week() is None
    assert sorted(names(page)) == ["杞县改名站", "杞县测试站2", "杞县测试站4"]
    win.update_actions()
    assert page.new_button.isEnabled() and win.act_new.isEnabled()


def test_a_week_before_its_cut_off_is_shown_as_now(past_window):
    page = past_window.registers["station"]
    past_window.show_page("station")
    page.moment_picker.set_week(IsoWeek(2021, 9))  # now is its Monday, before 18:00
    assert not page.is_past
    assert page.banner.isVisible()
    assert "未到" in page.banner.label.text() and "2021-03-08 18:00" in page.banner.label.text()
    assert page.new_button.isEnabled()
    assert sorted(names(page)) == ["杞县改名站", "杞县测试站2", "杞县测试站4"]


def test_opening_a_record_of_a_past_list_shows_it_read_only_as_it_stood(qtbot, past_window, past_store):
    win = past_window
    win.show_page("station")
    page = win.registers["station"]
    page.moment_picker.set_week(WEEK5)
    row = names(page).index("杞县测试站1")
    page.view.selectRow(row)
    with qtbot.waitSignal(page.openAtRequested):
        page.open_current()
    form = win.forms[-1]
    assert form.ui.f_name.text() == "杞县测试站1" and form.ui.f_name.isReadOnly()
    assert not form.ui.b_save.isEnabled() and not form.ui.b_delete.isEnabled()
    assert form.ui.b_history.isEnabled()
    assert form.windowTitle().endswith("— 查看（2021-02-08 18:00时的登记情况，只读）")
    assert form.save() is False
    assert past_store.get_station(past_store.ids[0]).name == "杞县改名站"
    # a deleted record of the past opens as it stood then
    three = past_store.ids[2]
    form3 = win.open_record_at("station", three, page.moment)
    assert form3 is not None and form3.ui.f_name.text() == "杞县测试站3"


def test_history_versions_and_the_diff_between_two(qtbot, past_store):
    from kf5g_desktop.gui.pages import HistoryDialog

    one, two, three = past_store.ids
    dlg = HistoryDialog(past_store, "station", two)
    qtbot.addWidget(dlg)
    assert [r.what for r in dlg.versions] == ["登记", "修改"]
    vm = dlg.version_model
    assert vm.rowCount() == 2
    assert vm.data(vm.index(0, 2)) == "2021-02-03 10:00:00"
    assert vm.data(vm.index(0, 3)) == "2021-02-10 09:00:00"
    assert vm.data(vm.index(1, 3)) == "（当前版本）"
    # at first: the latest change
    diff = {d.label: (d.old, d.new) for d in dlg.diff()}
    assert diff["建设状态"] == (codes.STATUS.label("approving"), codes.STATUS.label("on_air"))
    assert diff["开通日期"] == ("", "2021-02-10")
    assert "基站名称" not in diff
    assert dlg.diff_note.text() == "版本1 → 版本2：2 个字段有变化。"
    # every field, the changed ones in bold
    dlg.every_field.setChecked(True)
    rows = dlg.diff()
    assert len(rows) > 10 and sum(r.changed for r in rows) == 2
    from PySide6.QtCore import Qt

    bold = [
        dlg.diff_model.data(dlg.diff_model.index(i, 0), Qt.ItemDataRole.FontRole) is not None
        for i in range(dlg.diff_model.rowCount())
    ]
    assert sum(bold) == 2
    # one version: what it held
    dlg.compare(0, 0)
    held = {d.label: d.new for d in dlg.diff()}
    assert held["基站名称"] == "杞县测试站2" and held["承建运营商"] == codes.OPERATOR.label("CTCC")
    assert held["审批事项"].startswith(codes.APPROVAL_ITEM.label("land"))
    assert held["记录状态"] == "在登记表中"
    assert dlg.diff_note.text() == "版本1的全部字段："
    assert dlg.diff_view.isColumnHidden(1) and dlg.diff_model.headerData(2, Qt.Orientation.Horizontal) == "值"
    # choosing a version in the list compares it with the one before
    dlg.version_view.selectRow(1)
    assert (dlg.old_combo.currentIndex(), dlg.new_combo.currentIndex()) == (0, 1)
    # the audit rows are still there, in their own tab
    assert dlg.tabs.count() == 2 and dlg.model.rowCount() > 0

    dlg3 = HistoryDialog(past_store, "station", three)
    qtbot.addWidget(dlg3)
    assert [r.what for r in dlg3.versions] == ["登记", "删除"]
    assert {d.label: (d.old, d.new) for d in dlg3.diff()} == {"记录状态": ("在登记表中", "已删除（回收站）")}
    dlg1 = HistoryDialog(past_store, "station", one)
    qtbot.addWidget(dlg1)
    assert [(d.label, d.old, d.new) for d in dlg1.diff()] == [("基站名称", "杞县测试站1", "杞县改名站")]


def test_past_week_in_english(qtbot, english, past_window, past_store):  # noqa: F811
    from kf5g_desktop.gui.pages import HistoryDialog
    from tests.gui.test_english import chinese_left, proper_names

    win = past_window
    win.show_page("station")
    page = win.registers["station"]
    page.moment_picker.set_week(WEEK5)
    page.view.selectRow(0)
    page.open_current()
    form = win.forms[-1]
    extra = ["杞县测试站1", "杞县测试站2", "杞县测试站3"]  # the names the records had then
    texts = proper_names(past_store) + extra
    assert chinese_left(win, texts) == []
    assert chinese_left(form, texts) == []
    assert "as they stood at 2021-02-08 18:00" in page.banner.label.text()
    assert "read-only" in form.windowTitle()
    dlg = HistoryDialog(past_store, "station", past_store.ids[0], win)
    qtbot.addWidget(dlg)
    dlg.show()
    assert chinese_left(dlg, texts) == []
    for r in range(dlg.version_model.rowCount()):
        for c in range(4):  # (the fifth: the name of who recorded it)
            assert chinese_left_text(dlg.version_model.data(dlg.version_model.index(r, c))) == ""
    assert len(dlg.diff()) == 1
    dlg.compare(0, 0)
    labels = {d.label: d.new for d in dlg.diff()}
    assert labels["Record state"] == "In the register"
    page.banner.back.click()
    page.moment_picker.set_week(IsoWeek(2021, 9))
    assert chinese_left(win, texts) == []


def chinese_left_text(text: str) -> str:
    from tests.gui.test_english import CJK

    return text if CJK.search(text or "") else ""


def test_dashboard_and_report_dialog_say_what_a_week_is_made_from(qtbot, past_store):
    """For a past week whose cut-off has passed, the figures are the week as it stood then (the
    command line's rule); the note under the week picker says so; before the cut-off, now."""
    from kf5g_desktop.gui.dashboard import DashboardPage
    from kf5g_desktop.gui.report_dialogs import ReportDialog
    from kf5g_desktop.reports.dashboard import compute
    from kf5g_desktop.reports.weekly import gather

    page = DashboardPage(past_store)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=30000):
        page.set_week(WEEK5)
    assert page.basis_note.text() == "按截止时（2021-02-08 18:00）的登记情况"
    # the page shows what the report of the week says (one rule for both, and the command line)
    report = gather(past_store, WEEK5, "410221")
    assert page.data is not None
    assert page.data.figures.total == report.figures.total
    assert page.data.figures.total == compute(past_store, WEEK5, "410221", page.counting_rule()).figures.total
    with qtbot.waitSignal(page.refreshed, timeout=30000):
        page.set_week(IsoWeek(2021, 9))
    assert page.basis_note.text() == "截止时间（2021-03-08 18:00）未到，按现在的登记情况"

    dlg = ReportDialog(past_store, None, WEEK5)
    qtbot.addWidget(dlg)
    assert dlg.basis_note.text() == "按截止时（2021-02-08 18:00）的登记情况"
    dlg.week_picker.set_week(IsoWeek(2021, 9))
    assert dlg.basis_note.text() == "截止时间（2021-03-08 18:00）未到，按现在的登记情况"


def test_history_from_a_past_list_opens_on_the_version_of_then(qtbot, past_window, past_store):
    win = past_window
    win.show_page("station")
    page = win.registers["station"]
    page.moment_picker.set_week(WEEK5)
    page.view.selectRow(names(page).index("杞县测试站1"))
    win.update_actions()
    win.act_history.trigger()
    dlg = next(d for d in win.findChildren(QDialog) if type(d).__name__ == "HistoryDialog")
    assert (dlg.old_combo.currentIndex(), dlg.new_combo.currentIndex()) == (0, 0)  # version 1, all it held
    assert {d.label: d.new for d in dlg.diff()}["基站名称"] == "杞县测试站1"
    dlg.close()
    page.banner.back.click()
    page.view.selectRow(names(page).index("杞县改名站"))
    win.update_actions()
    win.act_history.trigger()
    dlg = [d for d in win.findChildren(QDialog) if type(d).__name__ == "HistoryDialog"][-1]
    assert [(d.old, d.new) for d in dlg.diff()] == [("杞县测试站1", "杞县改名站")]  # the latest change
