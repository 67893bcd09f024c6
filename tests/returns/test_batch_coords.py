"""Declaring the coordinate system of an existing batch: the numbers it wrote converted to WGS-84,
audited, undoable, refused twice; records changed after the batch are left as they are."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kf5g_desktop.cli import run
from kf5g_desktop.domain import coords
from kf5g_desktop.domain.kinds import STATION
from kf5g_desktop.returns import bulk
from kf5g_desktop.storage.errors import StorageError
from tests.returns.test_bulk import _row, _xlsx

SPOTS = [(114.7725, 34.5491), (114.781, 34.552), (114.765, 34.541)]  # inside 杞县 (WGS-84)


def _import_gcj_as_wgs(store, tmp_path) -> tuple[int, dict[str, tuple[float, float]]]:
    """A list typed from 高德 (GCJ-02) imported with the default WGS-84: each point ~600 m off."""
    rows, truth = [], {}
    for i, spot in enumerate(SPOTS):
        typed = coords.wgs84_to_gcj02(*spot)
        row = _row(i, 经度=round(typed[0], 6), 纬度=round(typed[1], 6))
        rows.append(row)
    pv = bulk.load_and_preview(store, _xlsx(tmp_path / "gaode.xlsx", rows), "stations")
    assert pv.coord_system == coords.WGS84
    batch = bulk.commit(store, pv)
    for pr, spot in zip(pv.rows, SPOTS, strict=True):
        truth[pr.record.station_code] = spot
    return batch, truth


def _imported(store, truth):
    return {s.station_code: s for s in store.query(STATION) if s.station_code in truth}


def test_declaring_a_batch_gcj02_converts_its_numbers_audited_and_undoable(unit_store, tmp_path):
    store = unit_store
    batch, truth = _import_gcj_as_wgs(store, tmp_path)
    before = {c: (s.lon, s.lat) for c, s in _imported(store, truth).items()}
    assert all(coords.distance_m(*before[c], *truth[c]) > 300 for c in truth)

    done = store.declare_batch_coords(batch, coords.GCJ02)
    assert (done.converted, done.skipped) == (len(SPOTS), 0)
    after = _imported(store, truth)
    for code, spot in truth.items():
        assert coords.distance_m(after[code].lon, after[code].lat, *spot) < 1.0
    # audited: lon and lat of each record, in the declaration's batch, named after the batch declared
    [decl] = [b for b in store.batches() if b.id == done.batch_id]
    assert decl.kind == "coords" and decl.description.startswith(f"声明批次 {batch} 的坐标系为GCJ-02")
    st = next(iter(after.values()))
    log = [e for e in store.history(STATION, st.id) if e.batch_id == done.batch_id]
    assert {e.field for e in log} == {"lon", "lat"} and all(e.action == "update" for e in log)
    # declared once: a second declaration is refused and says how to change it
    with pytest.raises(StorageError, match=f"请先撤销批次 {done.batch_id}"):
        store.declare_batch_coords(batch, coords.BD09)
    # undone like any batch: the numbers are back, and the batch may be declared again
    store.undo_batch(done.batch_id)
    assert {c: (s.lon, s.lat) for c, s in _imported(store, truth).items()} == before
    again = store.declare_batch_coords(batch, coords.GCJ02)
    assert again.converted == len(SPOTS)


def test_records_changed_after_the_batch_are_left_and_counted(unit_store, tmp_path):
    store = unit_store
    batch, truth = _import_gcj_as_wgs(store, tmp_path)
    code = next(iter(truth))
    st = _imported(store, truth)[code]
    fixed = store.save(replace(store.get_station(st.id), lon=truth[code][0], lat=truth[code][1]))
    done = store.declare_batch_coords(batch, coords.GCJ02)
    assert (done.converted, done.skipped) == (len(SPOTS) - 1, 1)
    assert (store.get_station(fixed.id).lon, store.get_station(fixed.id).lat) == truth[code]


def test_what_is_refused(unit_store, tmp_path):
    store = unit_store
    batch, _truth = _import_gcj_as_wgs(store, tmp_path)
    with pytest.raises(StorageError, match="不改变任何数字"):
        store.declare_batch_coords(batch, coords.WGS84)
    with pytest.raises(StorageError, match="没有编号为 999 的导入批次"):
        store.declare_batch_coords(999, coords.GCJ02)
    done = store.declare_batch_coords(batch, coords.GCJ02)
    with pytest.raises(StorageError, match="本身是一次坐标系声明"):
        store.declare_batch_coords(done.batch_id, coords.GCJ02)
    # an undone batch has no numbers left to declare
    other = bulk.commit(store, bulk.load_and_preview(store, _xlsx(tmp_path / "more.xlsx", [_row(7)]), "stations"))
    store.undo_batch(other)
    with pytest.raises(StorageError, match=r"已于 .* 撤销"):
        store.declare_batch_coords(other, coords.GCJ02)


def test_the_command_line(unit_store, tmp_path, capsys):
    batch, _truth = _import_gcj_as_wgs(unit_store, tmp_path)
    path = unit_store.server_url if unit_store.on_server else unit_store.path
    unit_store.close()
    capsys.readouterr()
    assert run(["batches", "--db", str(path)]) == 0
    assert str(batch) in capsys.readouterr().out
    assert run(["batch-coords", str(batch), "--coords", "gcj02", "--db", str(path)]) == 0
    text = capsys.readouterr().out
    assert f"已按 GCJ-02 换算批次 {batch} 的坐标：{len(SPOTS)} 条记录改为 WGS-84" in text and "kf5g bulk-undo" in text
    assert run(["batch-coords", str(batch), "--coords", "bd09", "--db", str(path)]) == 2
    assert "声明过" in capsys.readouterr().err
