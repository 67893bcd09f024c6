"""The city's weekly import of several units' returns in one call: one verified backup for the batch,
the outcome and messages the same as importing the files one at a time, and the bulk planning
agreeing record by record with the field-by-field comparison of ``_data``."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.domain.schema import POLE, REGISTER_KINDS, STATION, VENUE
from kf5g_desktop.domain.values import ListQuery
from kf5g_desktop.returns.export import export_return
from kf5g_desktop.returns.importer import KEYS, _data, _station, import_files
from kf5g_desktop.returns.verify import summary_line
from tests.returns import factory

UNITS = ("410221", "410222", "410223")
W05, W06 = IsoWeek(2021, 5), IsoWeek(2021, 6)


@pytest.fixture(scope="module")
def returns(tmp_path_factory):
    """Each unit's W05 return, then its W06 return after a few edits (one station renamed, one
    removed, one approval granted or annotated)."""
    tmp = tmp_path_factory.mktemp("units")
    files: dict[IsoWeek, list[Path]] = {W05: [], W06: []}
    for n, code in enumerate(UNITS):
        clock = factory.fixed_clock(factory.NOW)
        store = factory.open_store(tmp / code / "kf5g.db", unit=code, clock=clock)
        factory.make_records(store, code, 12 + n, seed=n + 3)
        out = tmp / "out"
        out.mkdir(exist_ok=True)
        files[W05].append(export_return(store, W05, out).path)
        clock.state["now"] = datetime(2021, 2, 14, 16, 0)
        stations = sorted(store.query(STATION, ListQuery()), key=lambda s: s.id)
        first = store.get_station(stations[0].id)
        first.name += "新址"
        store.save(first)
        store.delete(STATION, stations[1].id)
        third = next(s for s in map(store.get_station, (s.id for s in stations[2:])) if s.approvals)
        a = next(a for a in third.approvals if a.applied_on)
        if a.granted_on is None:
            a.granted_on = datetime(2021, 2, 10).date()
        else:
            a.notes = "已办结，见批文"
        store.save(third)
        files[W06].append(export_return(store, W06, out).path)
        store.close()
    return files


def _city(path: Path):
    clock = factory.fixed_clock(datetime(2021, 2, 8, 10, 0))
    return factory.open_store(path, kind="city", unit=None, clock=clock), clock


def _lines(reports) -> list[str]:
    out = []
    for r in reports:
        out.append(summary_line(r.result))
        out += r.result.messages()
        out.append(r.error or (r.outcome.message if r.outcome else ""))
    return out


def _registers(store) -> list[tuple]:
    rows = []
    for kind in REGISTER_KINDS:
        for r in store.query(kind, ListQuery()):
            rows.append((kind, KEYS[kind](r), sorted(_data(r, kind).items(), key=str)))
    return sorted(rows, key=str)


def test_nine_files_in_one_call_match_one_at_a_time_with_one_backup(returns, tmp_path):
    batch, batch_clock = _city(tmp_path / "batch" / "kf5g.db")
    single, single_clock = _city(tmp_path / "single" / "kf5g.db")
    try:
        for week, now in ((W05, datetime(2021, 2, 8, 10, 0)), (W06, datetime(2021, 2, 15, 10, 0))):
            batch_clock.state["now"] = single_clock.state["now"] = now
            together = import_files(batch, returns[week])
            assert all(r.outcome is not None and r.outcome.applied for r in together)
            apart = [import_files(single, [f])[0] for f in returns[week]]
            assert _lines(together) == _lines(apart)
        assert _registers(batch) == _registers(single)
        assert len(list((tmp_path / "batch" / "backups").glob("*-import.db"))) == 2  # one per call
        assert len(list((tmp_path / "single" / "backups").glob("*-import.db"))) == 6
        w06 = [r for r in together if r.plan is not None]
        counts = [(len(r.plan.plans[STATION].changed), len(r.plan.plans[STATION].removed)) for r in w06]
        assert counts == [(2, 1)] * 3  # the renamed station and the approval; the deleted one
    finally:
        batch.close()
        single.close()


def test_bulk_plan_agrees_with_the_field_by_field_comparison(returns, tmp_path):
    city, clock = _city(tmp_path / "city" / "kf5g.db")
    try:
        import_files(city, returns[W05])
        clock.state["now"] = datetime(2021, 2, 15, 10, 0)
        for rep in import_files(city, returns[W06], dry_run=True):
            assert rep.ok and rep.plan is not None
            res = rep.result
            incoming = {
                STATION: [_station(pr) for pr in res.stations],
                VENUE: [pr.record for pr in res.venues],
                POLE: [pr.record for pr in res.poles],
            }
            q = ListQuery(unit_codes=[res.unit_code])
            db = {kind: city.query(kind, q) for kind in REGISTER_KINDS}
            approvals = city.approvals_for([s.id for s in db[STATION]])
            venue_codes = {v.id: v.venue_code for v in db[VENUE]}
            pole_codes = {p.id: p.pole_code for p in db[POLE]}
            for s in db[STATION]:
                s.approvals = approvals.get(s.id, [])
                s.venue_code = venue_codes.get(s.venue_id) if s.venue_id else None
                s.pole_code = pole_codes.get(s.pole_id) if s.pole_id else None
            for kind in REGISTER_KINDS:
                plan = rep.plan.plans[kind]
                by_key = {KEYS[kind](r): r for r in db[kind]}
                changed = {KEYS[kind](new) for _old, new in plan.changed}
                for rec in incoming[kind]:
                    old = by_key.get(KEYS[kind](rec))
                    if old is not None:
                        assert (KEYS[kind](rec) in changed) == (_data(old, kind) != _data(rec, kind))
                for old, new in plan.changed:
                    assert _data(old, kind) == _data(by_key[KEYS[kind](new)], kind)  # the record as stored
                assert plan.unchanged == sum(
                    1
                    for r in incoming[kind]
                    if KEYS[kind](r) in by_key and _data(by_key[KEYS[kind](r)], kind) == _data(r, kind)
                )
    finally:
        city.close()


def test_unit_unchanged_since_its_import_until_a_record_changes(returns, tmp_path):
    from kf5g_desktop.storage.register_rows import unchanged_since

    city, clock = _city(tmp_path / "city" / "kf5g.db")
    try:
        import_files(city, returns[W05][:2])
        moment = max(b.created_at for b in city.batches())
        assert unchanged_since(city, UNITS[0], moment)
        assert not unchanged_since(city, UNITS[0], moment.replace(year=2020))  # no history back then
        clock.state["now"] = datetime(2021, 2, 9, 10, 0)
        st = city.query(STATION, ListQuery(unit_codes=[UNITS[0]]))[0]
        st = city.get_station(st.id)
        st.approvals = st.approvals[:-1] if st.approvals else []
        city.save(st)
        assert not unchanged_since(city, UNITS[0], moment)
        assert unchanged_since(city, UNITS[1], moment)
    finally:
        city.close()


def test_files_verified_in_a_worker_process_give_the_same_reports(returns, tmp_path, monkeypatch, caplog):
    """The files after the first verified in a worker process (as a large batch is): the same
    verification, outcome and messages as verified here, also for files that fail to open or
    verify (and what the worker logged reaches this process's log)."""
    from kf5g_desktop.returns import importer

    broken = tmp_path / "broken"
    broken.mkdir()
    cut = broken / "410223_截断.xlsx"
    cut.write_bytes(returns[W05][2].read_bytes()[:5000])
    text = broken / "不是表格.xlsx"
    text.write_text("这不是周报", encoding="utf-8")
    again = broken / "410222_又一份.xlsx"
    again.write_bytes(returns[W05][1].read_bytes())
    files = [returns[W05][0], cut, text, returns[W05][1], again, returns[W05][2]]
    outcomes = {}
    for mode, threshold in (("here", 10**12), ("worker", 0)):
        monkeypatch.setattr(importer, "WORKER_MIN_BYTES", threshold)
        store, _clock = _city(tmp_path / mode / "kf5g.db")
        caplog.clear()
        with caplog.at_level("INFO", logger="kf5g"):
            reports = import_files(store, files)
        used = any("worker process" in r.getMessage() for r in caplog.records)
        assert used == (mode == "worker")
        read_logged = [r.getMessage() for r in caplog.records if r.name.startswith("kf5g.read")]
        outcomes[mode] = (_lines(reports), _registers(store), read_logged)
        store.close()
    assert outcomes["worker"] == outcomes["here"]
    lines = outcomes["worker"][0]
    assert any("截断" in line for line in lines) and any("不是表格" in line for line in lines)
    assert sum("：已导入（" in line for line in lines) == 3
    assert sum("与已导入的第1版内容相同" in line for line in lines) == 1
