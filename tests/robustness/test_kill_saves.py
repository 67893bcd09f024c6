"""SIGKILL in the middle of a stream of saves and of batch imports: every committed save is there in
full with its audit rows, the interrupted one is entirely there or entirely absent."""

from __future__ import annotations

import random

import pytest

from kf5g_desktop.storage.store import Store

from .checks import assert_one_of, assert_sound, snapshot
from .conftest import SLOW, STATS, kill_during, seeds
from .driver import BATCH_SIZE, apply_op, batch_station, make_ops

N_OPS = 400


def replay(path, seed: int, k: int) -> tuple[dict, dict]:
    """The expected database after the first ``k`` operations, and after ``k + 1``."""
    ops = make_ops(seed, N_OPS)
    ids: dict[int, int] = {}
    with Store.open(path, user="压力测试") as ref:
        for op in ops[:k]:
            apply_op(ref, op, ids)
        before = snapshot(ref)
        if k < len(ops):
            apply_op(ref, ops[k], ids)
        return before, snapshot(ref)


@pytest.mark.parametrize("seed", seeds("saves", 24 if SLOW else 8))
def test_kill_during_a_stream_of_saves(zygote, tmp_path, seed):
    db = tmp_path / "k.db"
    delay = random.Random(seed).uniform(0.0, 0.5)
    run = kill_during(zygote, "saves", tmp_path / "log", delay=delay, db=str(db), seed=seed, n=N_OPS)
    done = [int(ln.split()[1]) for ln in run.lines if ln.startswith("done ")]
    assert done == list(range(len(done)))
    assert_sound(db)
    before, after = replay(tmp_path / "ref.db", seed, len(done))
    with Store.open(db) as s:
        assert_one_of(snapshot(s), before, after)
        # And the database takes new work after the crash.
        s.save(batch_station(500, 1))


def batch_state(store: Store) -> dict[int, tuple[int, int]]:
    """Per batch number: (stations saved with that batch's codes, audit rows carrying its id)."""
    out: dict[int, tuple[int, int]] = {}
    by_desc = {b.description: b.id for b in store.batches()}
    audit = store.audit_log(limit=10**7)
    for st in store.query("station"):
        b = int(st.station_code[1:4])
        n, _ = out.get(b, (0, 0))
        out[b] = (n + 1, 0)
    for desc, bid in by_desc.items():
        b = int(desc.removeprefix("批次"))
        n, _ = out.get(b, (0, 0))
        out[b] = (n, sum(1 for a in audit if a.batch_id == bid))
    return out


@pytest.mark.parametrize("seed", seeds("batches", 18 if SLOW else 6))
def test_kill_during_a_batch_import_leaves_all_or_nothing(zygote, tmp_path, seed):
    db = tmp_path / "b.db"
    delay = random.Random(seed).uniform(0.0, 1.5)
    run = kill_during(zygote, "batches", tmp_path / "log", delay=delay, db=str(db), n=20)
    committed = {int(ln.split()[1]) for ln in run.lines if ln.startswith("committed ")}
    assert_sound(db)
    with Store.open(db) as s:
        state = batch_state(s)
        STATS["records"] += BATCH_SIZE * len(committed)
        missing = committed - set(state)
        STATS["lost"] += BATCH_SIZE * len(missing)
        assert not missing, f"committed batches lost: {missing}"
        # Every batch present is complete: all its stations and one audit row each; any other is absent.
        assert all(v == (BATCH_SIZE, BATCH_SIZE) for v in state.values()), state
        assert len(set(state) - committed) <= 1  # at most the one being committed at the kill
        assert s.count("station") == BATCH_SIZE * len(state)
        assert s.audit_count() == BATCH_SIZE * len(state)
        # Each stored station is exactly what the importer wrote.
        for st in s.query("station")[:5]:
            b, k = int(st.station_code[1:4]), int(st.station_code[5:])
            want = batch_station(b, k)
            assert (st.name, st.lon, st.lat, st.status) == (want.name, want.lon, want.lat, want.status)
        # A batch that survived can still be undone as one.
        if state:
            bid = s.batches()[0].id
            assert s.undo_batch(bid) == BATCH_SIZE


def repeated_kills(zygote, tmp_path, rounds: int) -> None:
    """Crash after crash on the same file: each copy of the program recovers what the last one left
    (its -wal, its lock) and carries on; nothing committed by any of them is ever lost."""
    db = tmp_path / "soak.db"
    committed: set[int] = set()
    start = 0
    rng = random.Random(f"soak-{rounds}")
    for _ in range(rounds):
        run = kill_during(
            zygote, "batches", tmp_path / "log", delay=rng.uniform(0.0, 0.6), db=str(db), n=30, start=start
        )
        committed |= {int(ln.split()[1]) for ln in run.lines if ln.startswith("committed ")}
        assert_sound(db)
        with Store.open(db, readonly=True) as s:
            state = batch_state(s)
        missing = committed - set(state)
        STATS["lost"] += BATCH_SIZE * len(missing)
        assert not missing, f"committed batches lost: {missing}"
        assert all(v == (BATCH_SIZE, BATCH_SIZE) for v in state.values()), state
        committed |= set(state)  # the one in flight may have made it
        start = max(committed, default=-1) + 1
    STATS["records"] += BATCH_SIZE * len(committed)


def test_repeated_kills_on_one_database(zygote, tmp_path):
    repeated_kills(zygote, tmp_path, 4)


@pytest.mark.slow
def test_forty_kills_in_a_row_on_one_database(zygote, tmp_path):
    repeated_kills(zygote, tmp_path, 40)
