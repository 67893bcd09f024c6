"""True weeks: a past week's return and report agree figure for figure, re-exporting a past week
gives back what it gave, and a correction follows the rule (domain.horizon)."""

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook

from kf5g_desktop.domain.periods import IsoWeek, weeks_between
from kf5g_desktop.domain.values import ListQuery
from kf5g_desktop.reports.figures import week_figures
from kf5g_desktop.returns import bulk
from kf5g_desktop.returns.content import SUMMARY_OPERATOR_COLUMNS, collect
from kf5g_desktop.returns.export import build_content, export_return
from kf5g_desktop.returns.format import S_STATIONS, S_SUMMARY
from kf5g_desktop.returns.writer import ExportError
from kf5g_desktop.storage.demo import generate_demo
from kf5g_desktop.storage.store import Store
from tests.builders import station
from tests.returns.test_bulk import _row, _xlsx

UNIT = "410221"
WEEKS = weeks_between(IsoWeek(2020, 30), IsoWeek(2022, 52))


@pytest.fixture(scope="module")
def unit_demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("unit") / "unit.db"
    generate_demo(path, unit_code=UNIT, seed=7)
    return path


@pytest.fixture(scope="module")
def city_demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("city") / "city.db"
    generate_demo(path, stations=400, seed=7)
    return path


def _return_figures(c):
    """The return's figures: from its rows, and from its 汇总 (they must agree with each other)."""
    status = [r[_col("建设状态")] for r in c.sheets[S_STATIONS]]
    t = c.summary.total
    assert status.count("已开通") == t.on_air
    assert len(status) == t.total
    s = c.summary
    return (
        t.on_air,
        t.new_this_week,
        t.sa,
        t.indirect_power,
        s.venues_total,
        s.venues_this_week,
        s.poles_total,
        s.poles_this_week,
        {op: (f.on_air, f.new_this_week, f.sa, f.indirect_power) for op, f in s.by_operator.items()},
    )


def _col(header):
    from kf5g_desktop.returns.format import HEADERS

    return HEADERS[S_STATIONS].index(header)


def _report_figures(f):
    t = f.total
    return (
        t.on_air,
        t.new,
        t.sa,
        t.indirect,
        f.venues_total,
        f.venues_week,
        f.poles_total,
        f.poles_week,
        {o.operator: (o.tally.on_air, o.tally.new, o.tally.sa, o.tally.indirect) for o in f.by_operator},
    )


def _summary_sheet_total(path):
    wb = load_workbook(path, read_only=True)
    try:
        rows = [list(r) for r in wb[S_SUMMARY].iter_rows(values_only=True)]
    finally:
        wb.close()
    (total,) = [r for r in rows if r and r[0] == "合计"]
    cols = {h: i for i, h in enumerate(SUMMARY_OPERATOR_COLUMNS)}
    return tuple(total[cols[h]] for h in ("已开通", "本周新开通", "其中SA", "转供电"))


@pytest.mark.parametrize("which", ["unit", "city"])
def test_every_week_the_report_equals_the_return(which, unit_demo, city_demo, tmp_path):
    path = unit_demo if which == "unit" else city_demo
    with Store.open(path, readonly=True) as store:
        code = UNIT if which == "unit" else None
        seen_on_air = set()
        for i, week in enumerate(WEEKS):
            basis = store.week_basis(week, code)
            assert basis.moment is not None  # every one of these weeks is past its cut-off
            content = collect(store, week, unit_code=code, kind=which, basis=basis)
            fig = week_figures(store, week, code, lists=False)
            assert _return_figures(content) == _report_figures(fig), week
            if which == "city":
                by_unit = {u.unit_code: u.tally.on_air for u in fig.by_unit}
                assert {u: n for u, (_, n) in content.unit_counts.items()} == by_unit, week
            seen_on_air.add(fig.total.on_air)
            if i % 40 == 0:  # a few real files, read back
                res = export_return(store, week, tmp_path, unit_code=code, record=False)
                t = content.summary.total
                assert _summary_sheet_total(res.path) == (t.on_air, t.new_this_week, t.sa, t.indirect_power)
        assert len(seen_on_air) > 10  # the weeks differ: the history is really read


def _week_with_later_on_air(store, week):
    """A station on air today that went on air after ``week`` ended, and one on air by then (NSA)."""
    stations = store.query("station", ListQuery(unit_codes=[UNIT], statuses=["on_air"]))
    later = next(s for s in stations if s.on_air > week.end + timedelta(days=30))
    before = next(
        s for s in stations if s.on_air < week.start - timedelta(days=30) and s.network_mode == "NSA"
    )
    return later, before


def test_a_past_week_re_exports_as_it_stood_after_edits_today(unit_demo, tmp_path):
    work = tmp_path / "unit.db"
    work.write_bytes(unit_demo.read_bytes())
    week = IsoWeek(2021, 10)
    with Store.open(work) as store:
        first = export_return(store, week, tmp_path / "a.xlsx")
        assert first.version == 1 and first.content.basis.moment == store.week_cutoff(week)
        # today: an edit through the Store, a deletion, and a bulk import of stations on air in that week
        later, before = _week_with_later_on_air(store, week)
        store.save(replace(store.get_station(before.id), name=before.name + "（更名）", network_mode="SA"))
        store.delete("station", later.id)
        rows = [_row(i, 开通时间=f"{week.start:%Y/%m/%d}") for i in range(3)]
        pv = bulk.load_and_preview(store, _xlsx(tmp_path / "b.xlsx", rows), "stations", default_unit=UNIT)
        assert pv.count("new") == 3, pv.summary()
        bulk.commit(store, pv)
        again = export_return(store, week, tmp_path / "c.xlsx")  # no reason asked
        assert again.digest == first.digest
        assert (again.version, again.new_version) == (1, False)
        assert build_content(store, week).digest == first.digest
    # and after reopening (another day's session)
    with Store.open(work) as store:
        assert export_return(store, week, tmp_path / "d.xlsx").digest == first.digest


def test_a_correction_follows_the_rule(unit_demo, tmp_path):
    work = tmp_path / "unit.db"
    work.write_bytes(unit_demo.read_bytes())
    week = IsoWeek(2021, 10)
    clock = [datetime.now().replace(microsecond=0)]

    def tick():  # each step a minute later (a write and the export after it are not one instant)
        clock[0] += timedelta(minutes=1)

    with Store.open(work, clock=lambda: clock[0]) as store:
        first = export_return(store, week, tmp_path / "a.xlsx")
        tick()
        orig = first.content.summary.total
        later, before = _week_with_later_on_air(store, week)
        codes = {r[_col("基站编码")]: r for r in first.content.sheets[S_STATIONS]}
        assert codes[before.station_code][_col("建设状态")] == "已开通"
        if later.station_code in codes:  # registered by then: not on air in that week
            assert codes[later.station_code][_col("建设状态")] != "已开通"
        # Corrections today: B was SA all along; a station that went on air in the week is entered
        # late; a station that went on air today (after the week) is added too.
        store.save(replace(store.get_station(before.id), network_mode="SA"))
        late_entry = station(
            unit_code=UNIT,
            station_code="LATE0001",
            operator="CMCC",
            status="on_air",
            on_air=week.start + timedelta(days=2),
            network_mode="NSA",
            power_supply="indirect",
        )
        store.save(late_entry)
        store.save(
            station(
                unit_code=UNIT, station_code="TODAY001", operator="CMCC", status="on_air", on_air=date.today()
            )
        )
        # a later edit of the station that went on air after the week: its on-air date stays hidden
        store.save(replace(store.get_station(later.id), name=later.name + "（改）"))
        tick()
        with pytest.raises(ExportError, match="更正原因"):
            export_return(store, week, tmp_path / "x.xlsx", correct=True)
        fix = export_return(store, week, tmp_path / "b.xlsx", correct=True, reason="补录漏报基站")
        assert (fix.version, fix.new_version) == (2, True)
        t = fix.content.summary.total
        assert (t.on_air, t.new_this_week, t.sa, t.indirect_power) == (
            orig.on_air + 1,
            orig.new_this_week + 1,
            orig.sa + (1 if before.network_mode == "NSA" else 0),
            orig.indirect_power + 1,
        )
        rows = {r[_col("基站编码")]: r for r in fix.content.sheets[S_STATIONS]}
        assert "TODAY001" not in rows
        assert rows["LATE0001"][_col("建设状态")] == "已开通"
        if later.station_code in rows:
            row = rows[later.station_code]
            assert row[_col("建设状态")] != "已开通" and row[_col("开通日期")] is None
            assert row[_col("基站名称")] == later.name + "（改）"
        sub = store.latest_submission("export", UNIT, str(week))
        assert (sub.version, sub.reason) == (2, "补录漏报基站")
        # From now on the week is made as at its correction: re-exporting gives the correction back,
        # and the week's report agrees with it.
        tick()
        store.save(replace(store.get_station(before.id), name="又改了"))
        tick()
        again = export_return(store, week, tmp_path / "c.xlsx")
        assert (again.digest, again.version, again.new_version) == (fix.digest, 2, False)
        f = week_figures(store, week, UNIT, lists=False)
        assert (f.total.on_air, f.total.new, f.total.sa, f.total.indirect) == (
            t.on_air,
            t.new_this_week,
            t.sa,
            t.indirect_power,
        )


def test_the_current_week_needs_no_correction(unit_demo, tmp_path):
    work = tmp_path / "unit.db"
    work.write_bytes(unit_demo.read_bytes())
    with Store.open(work, clock=lambda: datetime(2022, 12, 20, 9)) as store:
        week = IsoWeek(2022, 51)
        assert store.week_basis(week).moment is None
        with pytest.raises(ExportError, match="尚未过报送截止时间"):
            export_return(store, week, tmp_path / "a.xlsx", correct=True, reason="x")


def test_the_city_week_is_made_from_the_units_submissions(unit_store, exported, city_store):
    from kf5g_desktop.returns.importer import import_files
    from tests.returns.conftest import WEEK

    qi = "410221"
    city_store.clock_state["now"] = datetime(2021, 2, 8, 10)  # Monday: on time for 2021-W05
    (rep,) = import_files(city_store, [exported.path])
    assert rep.ok and rep.outcome is not None
    city_store.clock_state["now"] = datetime(2021, 2, 20, 10)  # past the cut-off of W06 too
    sent = exported.content
    w05 = build_content(city_store, WEEK)
    assert w05.basis.moment[qi] == datetime(2021, 2, 8, 10) and w05.basis.carried == {}
    assert w05.summary.total.on_air == sent.summary.total.on_air
    assert w05.unit_counts[qi] == (len(sent.sheets[S_STATIONS]), sent.summary.total.on_air)
    (row,) = [r for r in w05.completion if r.unit_code == qi]
    assert (row.returned, row.returned_text) == (True, "是")
    # 杞县 sent nothing for W06: its W05 return is carried, and marked so in both documents
    w06 = build_content(city_store, WEEK.next())
    assert w06.basis.carried == {qi: "2021-W05"}
    assert w06.unit_counts[qi] == w05.unit_counts[qi]
    (row,) = [r for r in w06.completion if r.unit_code == qi]
    assert (row.returned, row.cells()[2]) == (False, "未报（沿用2021年第5周数据）")
    fig = week_figures(city_store, WEEK.next(), None, lists=False)
    (line,) = [u for u in fig.by_unit if u.unit_code == qi]
    assert (line.returned, line.carried_from, line.tally.on_air) == (False, "2021-W05", w06.unit_counts[qi][1])
    assert fig.total.on_air == w06.summary.total.on_air
    # the city's registers edited today: the week's consolidation stays what the unit sent
    city_store.clock_state["now"] = datetime(2021, 2, 21, 9)
    st = city_store.query("station", ListQuery(unit_codes=[qi], statuses=["on_air"]))[0]
    city_store.save(replace(city_store.get_station(st.id), status="building", on_air=None))
    assert build_content(city_store, WEEK).digest == w05.digest


def test_command_line_correction(unit_demo, tmp_path):
    import subprocess
    import sys

    work = tmp_path / "unit.db"
    work.write_bytes(unit_demo.read_bytes())

    def kf5g(*args):
        cmd = [sys.executable, "-m", "kf5g_desktop", "export", "--week", "2021-W10", "--db", str(work), *args]
        return subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path, timeout=120)

    first = kf5g("-o", str(tmp_path))
    assert first.returncode == 0, first.stderr
    assert "第1版" in first.stdout
    no_reason = kf5g("--correct", "-o", str(tmp_path))
    assert no_reason.returncode != 0 and "更正原因" in (no_reason.stdout + no_reason.stderr)
    with Store.open(work) as store:
        on_air = store.query("station", ListQuery(unit_codes=[UNIT], statuses=["on_air"]))
        st = next(s for s in on_air if s.on_air < date(2021, 1, 1))  # in that week's return
        store.save(replace(store.get_station(st.id), name=st.name + "（更正）"))
    assert "内容与上次导出相同" in kf5g("-o", str(tmp_path)).stdout  # as it stood: no reason asked
    fixed = kf5g("--correct", "--reason", "更正基站名称", "-o", str(tmp_path))
    assert fixed.returncode == 0, fixed.stderr
    assert "第2版" in fixed.stdout
