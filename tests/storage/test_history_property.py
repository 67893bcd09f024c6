"""Model-based test of the registers' history (hypothesis stateful).

Random sequences of saves (inserts and updates of stations with approvals, venues and poles),
deletes, restores, purges, bulk imports (``BatchWriter.insert_many`` and saves in a batch) and batch
undos, at increasing times (some in the same second), on a real SQLite file. A plain Python model
replays the operations; for random moments T the registers as they stood at T
(``store.query(kind, ListQuery(), at=T)``, ``approvals_for(at=T)``) equal the model's state at T.
"""

from __future__ import annotations

import copy
import tempfile
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from kf5g_desktop.domain.records import Approval
from kf5g_desktop.domain.values import ListQuery
from kf5g_desktop.storage.errors import StorageError
from kf5g_desktop.storage.store import Store
from tests.builders import pole, station, venue

KINDS = ("station", "venue", "pole")
START = datetime(2021, 3, 1, 9, 0)
NAMES = st.sampled_from(["东门站", "西关站", "城关一中", "人民路", "金城街道", "杞县北站", "新区"])
APPROVALS = st.lists(
    st.tuples(
        st.sampled_from(["land", "environment", "radio", "power"]),
        st.integers(0, 40),
        st.one_of(st.none(), st.integers(0, 18)),  # granted by 2021-02-28: before START
    ),
    max_size=3,
    unique_by=lambda t: t[0],
)


def _approvals(spec: list[tuple[str, int, int | None]]) -> list[Approval]:
    out = []
    for item, applied, lead in spec:
        day = date(2021, 1, 1) + timedelta(days=applied)
        out.append(Approval(item, day, None if lead is None else day + timedelta(days=lead)))
    return out


def _view(kind: str, rec) -> tuple:
    """What the model keeps of a record (the fields the operations change, and its code)."""
    code = {"station": "station_code", "venue": "venue_code", "pole": "pole_code"}[kind]
    return (getattr(rec, code), rec.name, rec.lon, rec.notes)


def _apps(apps) -> list[tuple]:
    return sorted((a.item, a.applied_on, a.granted_on) for a in apps)


class History(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = tempfile.TemporaryDirectory()
        self.now = START
        self.store = Store.open(Path(self.dir.name) / "h.db", user="测试", clock=lambda: self.now)
        self.store.setup_installation(kind="unit", unit_code="410221", user_name="张三", user_phone="0371-23456789")
        # the model: kind → id → [view, approvals, deleted]; purged records are removed
        self.model: dict[str, dict[int, list]] = {k: {} for k in KINDS}
        self.records: dict[tuple[str, int], object] = {}  # the last saved record objects (for updates)
        self.timeline: list[tuple[datetime, dict]] = []  # (moment, model as it stood from then)
        self.last_change: dict[tuple[str, int], int] = {}
        self.step = 0
        self.batches: list[dict] = []
        self.serial = 0

    def teardown(self) -> None:
        self.store.close()
        self.dir.cleanup()

    # helpers --------------------------------------------------------------------------------

    def _code(self) -> int:
        self.serial += 1
        return self.serial

    def _new(self, kind: str, name: str, spec) -> object:
        n = self._code()
        if kind == "station":
            return station(station_code=f"KF{n:05d}", name=f"{name}{n}", approvals=_approvals(spec))
        if kind == "venue":
            return venue(venue_code=f"CS410221-{n:04d}", name=f"{name}{n}")
        return pole(pole_code=f"GT410221-{n:04d}", name=f"{name}{n}")

    def _stamp(self) -> None:
        self.step += 1
        snap = copy.deepcopy(self.model)
        if self.timeline and self.timeline[-1][0] == self.store.now():
            self.timeline[-1] = (self.store.now(), snap)  # same second: the later state holds
        else:
            self.timeline.append((self.store.now(), snap))

    def _set(self, kind: str, rec) -> None:
        apps = _apps(rec.approvals) if kind == "station" else []
        self.model[kind][rec.id] = [_view(kind, rec), apps, False]
        self.records[(kind, rec.id)] = rec
        self.last_change[(kind, rec.id)] = self.step

    def _live(self, kind: str) -> list[int]:
        return sorted(i for i, v in self.model[kind].items() if not v[2])

    def _binned(self, kind: str) -> list[int]:
        return sorted(i for i, v in self.model[kind].items() if v[2])

    # time ---------------------------------------------------------------------------------------

    @rule(seconds=st.sampled_from([0, 0, 1, 59, 3600, 86400 * 3]))
    def wait(self, seconds: int) -> None:
        self.now += timedelta(seconds=seconds)

    def _current(self, kind: str, rid: int):
        """The model's copy of a record with the version the store holds now (deletes, restores,
        bulk saves and undos move it: a save from an older copy is refused as a lost update)."""
        return replace(self.records[(kind, rid)], meta=self.store.get(kind, rid).meta)

    # single writes ----------------------------------------------------------------------------

    @initialize()
    def first_records(self) -> None:
        for kind in KINDS:
            self._set(kind, self.store.save(self._new(kind, "初始", [("land", 1, 5)])))
        self._stamp()

    @rule(kind=st.sampled_from(KINDS), name=NAMES, spec=APPROVALS)
    def insert(self, kind: str, name: str, spec) -> None:
        self._set(kind, self.store.save(self._new(kind, name, spec)))
        self._stamp()

    @rule(data=st.data(), kind=st.sampled_from(KINDS), name=NAMES, lon=st.integers(0, 9), spec=APPROVALS)
    def update(self, data, kind: str, name: str, lon: int, spec) -> None:
        live = self._live(kind)
        if not live:
            return
        rid = data.draw(st.sampled_from(live))
        rec = self._current(kind, rid)
        changes = {"name": f"{name}改", "lon": 114.78 + lon * 0.001, "lat": 34.55, "notes": data.draw(st.sampled_from([None, "已核实"]))}
        if kind == "station":
            changes["approvals"] = _approvals(spec)
        self._set(kind, self.store.save(replace(rec, **changes)))
        self._stamp()

    @rule(data=st.data(), kind=st.sampled_from(KINDS))
    def delete(self, data, kind: str) -> None:
        live = self._live(kind)
        if not live:
            return
        rid = data.draw(st.sampled_from(live))
        self.store.delete(kind, rid)
        self.model[kind][rid][2] = True
        self.last_change[(kind, rid)] = self.step
        self._stamp()

    @rule(data=st.data(), kind=st.sampled_from(KINDS))
    def restore(self, data, kind: str) -> None:
        binned = self._binned(kind)
        if not binned:
            return
        rid = data.draw(st.sampled_from(binned))
        self.store.restore(kind, rid)
        self.model[kind][rid][2] = False
        self.last_change[(kind, rid)] = self.step
        self._stamp()

    @rule(data=st.data(), kind=st.sampled_from(KINDS))
    def purge(self, data, kind: str) -> None:
        binned = self._binned(kind)
        if not binned:
            return
        rid = data.draw(st.sampled_from(binned))
        self.store.purge(kind, rid)
        del self.model[kind][rid]
        self.last_change[(kind, rid)] = self.step
        self._stamp()

    # batches ------------------------------------------------------------------------------------

    @rule(
        data=st.data(),
        kind=st.sampled_from(KINDS),
        names=st.lists(NAMES, min_size=1, max_size=4),
        spec=APPROVALS,
        update_one=st.booleans(),
    )
    def bulk_import(self, data, kind: str, names: list[str], spec, update_one: bool) -> None:
        before = copy.deepcopy(self.model[kind])
        before_recs = {}
        updated: list[int] = []
        live = self._live(kind)
        with self.store.batch_writer(kind, "批量导入") as w:
            recs = [self._new(kind, n, spec) for n in names]
            ids = w.insert_many(kind, recs)
            if update_one and live:
                rid = data.draw(st.sampled_from(live))
                before_recs[rid] = self.records[(kind, rid)]
                rec = replace(self._current(kind, rid), name="批量更名")
                w.save(rec)
                updated.append(rid)
            batch = w.batch_id
        for rid, rec in zip(ids, recs, strict=True):
            self._set(kind, replace(rec, id=rid))
        for rid in updated:
            self._set(kind, replace(self.records[(kind, rid)], name="批量更名"))
        self.batches.append(dict(id=batch, kind=kind, ids=ids, updated=updated, before=before, before_recs=before_recs, step=self.step))
        self._stamp()

    @precondition(lambda self: bool(self.batches))
    @rule(data=st.data())
    def undo_batch(self, data) -> None:
        b = data.draw(st.sampled_from(self.batches))
        kind = b["kind"]
        touched = [*b["ids"], *b["updated"]]
        refused = any(self.last_change.get((kind, rid), -1) > b["step"] for rid in touched)
        try:
            self.store.undo_batch(b["id"])
        except StorageError:
            assert refused or b.get("undone")
            return
        assert not refused and not b.get("undone")
        b["undone"] = True
        for rid in b["ids"]:
            if rid in self.model[kind]:
                self.model[kind][rid][2] = True
                self.last_change[(kind, rid)] = self.step
        for rid in b["updated"]:
            if rid in self.model[kind]:
                self.model[kind][rid][0] = b["before"][rid][0]
                self.last_change[(kind, rid)] = self.step
                self.records[(kind, rid)] = b["before_recs"][rid]
        self._stamp()

    # the check ------------------------------------------------------------------------------------

    def _model_at(self, t: datetime) -> dict:
        state: dict = {k: {} for k in KINDS}
        for at, snap in self.timeline:
            if at <= t:
                state = snap
        return state

    def _check(self, t: datetime) -> None:
        expected = self._model_at(t)
        for kind in KINDS:
            got = {r.id: _view(kind, r) for r in self.store.query(kind, ListQuery(), at=t)}
            want = {i: v[0] for i, v in expected[kind].items() if not v[2]}
            assert got == want, (kind, t)
        apps = self.store.approvals_for(at=t)
        got_apps = {sid: _apps(a) for sid, a in apps.items() if a}
        want_apps = {i: v[1] for i, v in expected["station"].items() if v[1]}
        # approvals as at T belong to every station version of then (binned ones too)
        assert got_apps == want_apps, t

    @invariant()
    def past_moments_agree_with_the_model(self) -> None:
        if not self.timeline:
            return
        # a moment just before the first write, at each of the last writes and between them
        self._check(self.timeline[0][0] - timedelta(seconds=1))
        for at, _ in self.timeline[-3:]:
            self._check(at)
            self._check(at + timedelta(milliseconds=500))
        if len(self.timeline) > 4:
            i = (self.step * 7919) % (len(self.timeline) - 1)
            self._check(self.timeline[i][0])


History.TestCase.settings = settings(
    max_examples=8,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TestHistory = History.TestCase
