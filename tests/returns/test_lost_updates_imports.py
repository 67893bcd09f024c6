"""No lost updates on the import paths: a record changed by somebody between an import's preview
(its plan) and the import itself is not overwritten — the whole import is refused, nothing of it
written, and the message says who changed what when."""

from __future__ import annotations

from datetime import datetime

import pytest

from kf5g_desktop.returns import bulk
from kf5g_desktop.returns.bulk import CHANGED
from kf5g_desktop.returns.importer import apply_import, import_files, plan_import
from kf5g_desktop.returns.verify import verify_file
from kf5g_desktop.storage.errors import ConflictError
from tests.reports import changes_scenario as sc
from tests.returns import factory
from tests.returns.test_bulk import HEADERS, _row


def test_bulk_import_refuses_a_record_changed_after_its_preview(unit_store, tmp_path):
    import csv

    from kf5g_desktop.domain import codes

    existing = unit_store.query("station")[0]
    path = tmp_path / "list.csv"
    with path.open("w", encoding="gb18030", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADERS)
        w.writerow(_row(0))
        over = dict(gNodeB标识=existing.station_code, 运营商=codes.OPERATOR.label(existing.operator))
        w.writerow(_row(9, 站名=existing.name + "(清单)", 经度=existing.lon, 纬度=existing.lat, **over))
    pv = bulk.load_and_preview(unit_store, path, "stations")
    assert [r.state for r in pv.rows][-1] == CHANGED
    # meanwhile somebody edits the station in the form
    mine = unit_store.get_station(existing.id)
    mine.name = "表单里改的名"
    unit_store.save(mine)
    before = unit_store.count("station")
    with pytest.raises(ConflictError, match=r"此记录已被 张三 于 \S+ 修改"):
        bulk.commit(unit_store, pv)
    assert unit_store.count("station") == before  # the new row was not written either
    assert unit_store.get_station(existing.id).name == "表单里改的名"
    # previewed again, the list goes in over the edited record
    again = bulk.load_and_preview(unit_store, path, "stations")
    bulk.commit(unit_store, again)
    assert unit_store.get_station(existing.id).name == existing.name + "(清单)"


def test_return_import_refuses_a_record_changed_after_its_plan(tmp_path):
    s = sc.build(tmp_path)
    clock = factory.fixed_clock(datetime(2021, 1, 25, 15, 0))
    city = factory.open_store(tmp_path / "city" / "kf5g.db", kind="city", unit=None, clock=clock)
    try:
        assert import_files(city, [s.prev_file])[0].outcome.applied
        clock.state["now"] = datetime(2021, 2, 1, 15, 0)
        plan = plan_import(city, verify_file(city, s.file))
        changed_keys = {old.id: old for old, _ in plan.plans["station"].changed}
        assert changed_keys
        target = next(iter(changed_keys.values()))
        rec = city.get_station(target.id)
        rec.notes = "市里审核时改的"
        clock.state["now"] = datetime(2021, 2, 1, 15, 5)
        city.save(rec)
        subs_before = len(city.submissions())
        with pytest.raises(ConflictError, match="于 15:05 修改"):
            apply_import(city, plan, replace_confirmed=True)
        assert city.get_station(target.id).notes == "市里审核时改的"
        assert len(city.submissions()) == subs_before  # the submission was not recorded either
        assert city.history_out_of_step() == []
    finally:
        city.close()
