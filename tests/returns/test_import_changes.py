"""The city's import preview shows what a unit changed since its previous accepted submission, and
the city edition of the report counts each unit's changes of the week."""

from __future__ import annotations

from datetime import datetime

from kf5g_desktop.reports.changes import UnitChangeCount, week_changes
from kf5g_desktop.returns import importer
from kf5g_desktop.returns.importer import import_files
from kf5g_desktop.storage import changes as record_changes
from tests.reports import changes_scenario as sc
from tests.returns import factory

T_CITY_PREV = datetime(2021, 1, 25, 15, 0)
T_CITY = datetime(2021, 2, 1, 15, 0)


def _city(tmp_path):
    clock = factory.fixed_clock(T_CITY_PREV)
    city = factory.open_store(tmp_path / "city" / "kf5g.db", kind="city", unit=None, clock=clock)
    return city, clock


def test_preview_shows_the_units_changes_since_its_previous_submission(tmp_path):
    s = sc.build(tmp_path)
    city, clock = _city(tmp_path)
    first = import_files(city, [s.prev_file])[0]
    assert first.outcome is not None and first.outcome.applied
    # before that, the unit had no accepted submission: everything is new
    assert first.plan is not None and first.plan.since_previous is not None
    assert first.plan.since_previous.submission is None
    assert len(first.plan.since_previous.new) == 7

    clock.state["now"] = T_CITY
    rep = import_files(city, [s.file], dry_run=True)[0]
    assert rep.ok and rep.plan is not None
    since = rep.plan.since_previous
    assert since is not None and since.submission is not None
    assert (since.submission.iso_week, since.submission.version, since.moment) == ("2021-W03", 1, T_CITY_PREV)
    # KF005 was in the recycle bin when W03 was returned: for the city it is new in W04
    assert [(d.kind, d.key) for d in since.new] == [
        ("station", "中国移动 KF005 东关"),
        ("station", "中国移动 KF007 新建站"),
    ]
    assert [(d.kind, d.key) for d in since.removed] == [("station", "中国移动 KF004 西关")]
    changed = {d.key: [(f.label, f.old_text, f.new_text) for f in d.fields] for d in since.changed}
    assert changed == {
        "中国移动 KF001 金城北": [
            ("建设状态", "在建", "已开通"),
            ("开通日期", "", "2021-01-26"),
            ("补助状态", "不适用", "待申请"),  # the return's effective state follows 已开通 + SA
            ("审批事项", "自然资源(申请 2021-01-02，办结 —)", "自然资源(申请 2021-01-02，办结 2021-01-20)"),
        ],
        "中国移动 KF002 城关南": [("供电方式", "转供电", "直供电"), ("直供电改造", "计划改造", "已改造")],
        "中国移动 KF003 老城区新址": [
            ("基站名称", "老城区", "老城区新址"),
            ("共享运营商", "", "中国联通、中国电信"),
        ],
        "CS410221-0001 杞县一中": [("产权单位", "杞县教育局", "杞县教育体育局")],
        "GT410221-0001 人民路1号路灯杆": [("智能杆", "", "是")],
    }
    assert "新增 2，修改 5，删除 1" in since.describe()
    # the texts of the fields that may differ only: the same changes as the texts of every field
    pairs = [(kind, old, new) for kind, p in rep.plan.plans.items() for old, new in p.changed]
    assert len(pairs) >= 5
    for kind, old, new in pairs:
        every = record_changes.field_changes(kind, importer._values(kind, old), importer._values(kind, new))
        assert record_changes.field_changes(kind, *importer._differing_values(kind, old, new)) == every

    # The city edits the unit's records meanwhile: the comparison is still with the submission
    # (the records as they stood when it was imported), not with the city's registers now.
    st = city.find_station("CMCC", "KF006")
    assert st is not None
    st.notes = "市局核对"
    city.save(st)
    again = import_files(city, [s.file], dry_run=True)[0].plan
    assert again is not None and again.since_previous is not None
    assert sorted(d.key for d in again.since_previous.changed) == sorted(changed)


def test_city_report_counts_each_units_changes_of_the_week(tmp_path):
    s = sc.build(tmp_path)
    city, clock = _city(tmp_path)
    import_files(city, [s.prev_file])
    clock.state["now"] = T_CITY
    out = import_files(city, [s.file])[0].outcome
    assert out is not None and out.applied
    ch = week_changes(city, sc.WEEK, None)
    by_unit = {u.unit_code: u for u in ch.by_unit}
    assert by_unit["410221"] == UnitChangeCount(
        "410221", "杞县", True, added=2, changed=5, deleted=1, restored=0
    )
    assert all(not u.submitted for code, u in by_unit.items() if code != "410221")
    # the week before: everything of 杞县 was new (no earlier submission)
    prev = {u.unit_code: u for u in week_changes(city, sc.PREV_WEEK, None).by_unit}
    assert prev["410221"] == UnitChangeCount("410221", "杞县", True, added=7)
