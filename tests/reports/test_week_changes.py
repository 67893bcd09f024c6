"""本周变化: the report lists exactly the edits made between the previous week's return and this
week's moment (hand-worked expectations over a store whose clock the test controls)."""

from __future__ import annotations

from datetime import date, datetime

from kf5g_desktop.reports import changes as rc
from kf5g_desktop.reports.changes import ChangeItem
from kf5g_desktop.reports.weekly import gather
from tests.reports import changes_scenario as sc


def _st(code: str, name: str, **kw: object) -> ChangeItem:
    return ChangeItem("station", "杞县", "中国移动", code, name, **kw)  # type: ignore[arg-type]


EXPECTED = {
    "added": [_st("KF007", "新建站", label="在建", day=date(2021, 1, 27))],
    "status": [_st("KF001", "金城北", old="在建", new="已开通", day=date(2021, 1, 26))],
    "power": [_st("KF002", "城关南", old="转供电", new="直供电", day=date(2021, 1, 26))],
    "removed": [
        _st("KF004", "西关", label="删除", day=date(2021, 1, 27)),
        _st("KF005", "东关", label="恢复", day=date(2021, 1, 27)),
    ],
    "corrected": [
        _st(
            "KF001",
            "金城北",
            label="审批事项",
            old="自然资源(申请 2021-01-02，办结 —)",
            new="自然资源(申请 2021-01-02，办结 2021-01-20)",
        ),
        _st("KF003", "老城区新址", label="基站名称", old="老城区", new="老城区新址"),
        _st("KF003", "老城区新址", label="共享运营商", old="", new="中国联通、中国电信"),
        ChangeItem(
            "venue", "杞县", "", "CS410221-0001", "杞县一中", "产权单位", "杞县教育局", "杞县教育体育局"
        ),
        ChangeItem("pole", "杞县", "", "GT410221-0001", "人民路1号路灯杆", "智能杆", "", "是"),
    ],
}


def _tables(ch: rc.WeekChanges) -> dict[str, list[ChangeItem]]:
    return {name: getattr(ch, name).items for name in EXPECTED}


def test_report_lists_exactly_the_edits_between_two_returns(tmp_path):
    s = sc.build(tmp_path)
    data = gather(s.store, sc.WEEK, "410221")
    ch = data.changes
    assert ch is not None
    assert (ch.since, ch.since_export, ch.until) == (sc.T_PREV_EXPORT, True, None)
    assert _tables(ch) == EXPECTED
    assert all(getattr(ch, n).more == 0 for n in EXPECTED)
    assert not ch.empty

    # An edit made before the previous return is not listed; one after this week's cut-off is
    # not either, once the cut-off has passed (the report of W is then made as at its cut-off).
    s.at(datetime(2021, 2, 2, 9, 0))
    late = s.store.get_station(s.ids["same"])
    late.name = "改名于下周"
    s.store.save(late)
    again = rc.week_changes(s.store, sc.WEEK, "410221")
    assert again.until == s.store.week_cutoff(sc.WEEK)
    assert _tables(again) == EXPECTED
    # ... but it is the next week's change.
    nxt = rc.week_changes(s.store, sc.WEEK.next(), "410221")
    assert nxt.since == sc.T_EXPORT and nxt.since_export
    assert [(i.code, i.label, i.old, i.new) for i in nxt.corrected.items] == [
        ("KF006", "基站名称", "不变站", "改名于下周")
    ]
    assert nxt.added.total == nxt.status.total == nxt.removed.total == 0


def test_without_a_previous_return_the_cutoff_is_the_start(tmp_path):
    s = sc.build(tmp_path)
    # week 2021-W02 was never exported: 2021-W03's changes run from W02's cut-off (Mon 2021-01-18 18:00)
    since, from_export = rc.previous_return_moment(s.store, sc.PREV_WEEK, "410221")
    assert (since, from_export) == (datetime(2021, 1, 18, 18, 0), False)
    ch = rc.week_changes(s.store, sc.PREV_WEEK, "410221")
    assert ch.until == s.store.week_cutoff(sc.PREV_WEEK)
    # everything of the set-up (2021-01-20/21) is new that week; the deleted one (before the cut-off)
    # was added and deleted in the same window, so it is not listed
    assert [i.code for i in ch.added.items] == [
        "KF001",
        "KF002",
        "KF003",
        "KF004",
        "KF006",
        "CS410221-0001",
        "GT410221-0001",
    ]
    assert ch.removed.total == 0


def test_long_lists_are_cut_and_counted(tmp_path):
    s = sc.build(tmp_path)
    s.at(datetime(2021, 1, 28, 9, 0))
    s.store.save_many([sc.station(f"KX{i:03d}", f"批量站{i}") for i in range(rc.CAP + 7)])
    ch = rc.week_changes(s.store, sc.WEEK, "410221")
    assert ch.added.total == rc.CAP + 8  # KF007 and the batch
    assert len(ch.added.items) == rc.CAP and ch.added.more == 8
