"""The work the robustness suite kills, and a small "zygote" process that runs it.

``python tests/robustness/driver.py`` starts a zygote: it imports the program once (importing
SQLAlchemy and Alembic takes about a second here, too slow to pay for each of dozens of kills), then
reads commands on stdin:

- ``run <json>``  fork a child that does real work on real files through the real Store; reply ``pid N``
- ``kill N``      SIGKILL child N (if it is still running), reap it; reply ``exit N killed|code C``
- ``wait N``      wait for child N to finish; reply ``exit N ...``

The child is an ordinary process with its own file descriptors, SQLite connections and writer lock;
SIGKILL gives it no chance to clean up, exactly like a crash or ``kill -9``. Children append their
progress (one line per finished unit of work) to a log file with unbuffered ``write`` calls, so
the test knows exactly what was committed before the kill.

The same functions (``make_ops`` / ``apply_op``, ``batch_station``) are imported by the tests to
replay what a child did and compute the expected database.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import traceback
from datetime import date, timedelta
from pathlib import Path
from typing import Any

if __name__ == "__main__":  # started as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kf5g_desktop.domain import codes
from kf5g_desktop.domain.records import Approval, Pole, Station, Venue

UNIT = "410221"  # 杞县: lon 114.61–114.938, lat 34.225–34.763
TOWNS = ["410221101", "410221102", "410221103", "410221104"]
BATCH_SIZE = 80


# Deterministic streams of work ------------------------------------------------------------------


def _approvals(rng: random.Random) -> list[Approval]:
    out = []
    for item in codes.APPROVAL_ITEM.codes:
        if rng.random() < 0.6:
            applied = date(2020, 3, 1) + timedelta(days=rng.randrange(200))
            granted = applied + timedelta(days=rng.randrange(60)) if rng.random() < 0.7 else None
            out.append(Approval(item, applied, granted, rng.choice([None, "加急", "补件一次"])))
    return out


def make_station(rng: random.Random, code: str, **kw: Any) -> Station:
    status = rng.choice(["planned", "approving", "building", "on_air"])
    start = date(2020, 3, 1) + timedelta(days=rng.randrange(240))  # on air by 2021-01-25
    st = Station(
        unit_code=UNIT,
        station_code=code,
        operator=rng.choice(["CMCC", "CUCC", "CTCC", "CBN"]),
        name=f"杞县{rng.choice(['一中', '人民医院', '汽车站', '五里河', '城关'])}{code}",
        status=status,
        station_type=rng.choice(codes.STATION_TYPE.codes),
        township_code=rng.choice(TOWNS),
        build_mode=rng.choice(codes.BUILD_MODE.codes),
        lon=round(rng.uniform(114.62, 114.93), 6),
        lat=round(rng.uniform(34.23, 34.75), 6),
        construction_start=start if status in ("building", "on_air") else None,
        on_air=start + timedelta(days=rng.randrange(90)) if status == "on_air" else None,
        network_mode=rng.choice(["SA", "NSA"]),
        power_supply=rng.choice(["direct", "indirect"]),
        notes=rng.choice([None, "", "楼顶", "需协调物业" * rng.randrange(1, 30)]),
        approvals=_approvals(rng),
    )
    for k, v in kw.items():
        setattr(st, k, v)
    return st


def make_ops(seed: int, n: int) -> list[dict[str, Any]]:
    """``n`` operations: new stations (some linked to a venue/pole), venues, poles, edits of earlier
    stations (name, status, approvals) and multi-record ``save_many`` transactions."""
    rng = random.Random(seed)
    ops: list[dict[str, Any]] = []
    stations: list[int] = []
    venues: list[int] = []
    poles: list[int] = []
    for i in range(n):
        r = rng.random()
        if r < 0.15:
            ops.append({"op": "venue", "i": i, "seed": rng.randrange(1 << 30)})
            venues.append(i)
        elif r < 0.25:
            ops.append({"op": "pole", "i": i, "seed": rng.randrange(1 << 30)})
            poles.append(i)
        elif r < 0.45 and stations:
            ops.append({"op": "edit", "i": i, "of": rng.choice(stations), "seed": rng.randrange(1 << 30)})
        elif r < 0.55:
            ops.append({"op": "many", "i": i, "seed": rng.randrange(1 << 30)})
        else:
            ops.append(
                {
                    "op": "station",
                    "i": i,
                    "seed": rng.randrange(1 << 30),
                    "venue": rng.choice(venues) if venues and rng.random() < 0.3 else None,
                    "pole": rng.choice(poles) if poles and rng.random() < 0.3 else None,
                }
            )
            stations.append(i)
    return ops


def apply_op(store: Any, op: dict[str, Any], ids: dict[int, int]) -> None:
    """Do one operation through the Store (one transaction); ``ids`` maps op index → record id."""
    rng = random.Random(op["seed"])
    i = op["i"]
    if op["op"] == "venue":
        v = Venue(
            unit_code=UNIT,
            name=f"场所{i}",
            category=rng.choice(codes.VENUE_CATEGORY.codes),
            township_code=rng.choice(TOWNS),
            resources=rng.sample(codes.VENUE_RESOURCE.codes, 2),
            opened_on=date(2020, 1, 1) + timedelta(days=rng.randrange(500)),
            operators_entered=["CMCC"],
            phone="0371-2" + str(rng.randrange(1000000, 9999999)),
        )
        ids[i] = store.save(v).id
    elif op["op"] == "pole":
        p = Pole(
            unit_code=UNIT,
            name=f"路灯杆{i}号",
            sector=rng.choice(codes.POLE_SECTOR.codes),
            pole_type=rng.choice(codes.POLE_TYPE.codes),
            merged_count=rng.randrange(1, 5),
            sharing_operators=["CUCC", "CTCC"],
        )
        ids[i] = store.save(p).id
    elif op["op"] == "station":
        st = make_station(rng, f"R{i:05d}")
        if op["venue"] is not None:
            st.venue_id = ids[op["venue"]]
        if op["pole"] is not None:
            st.pole_id = ids[op["pole"]]
        ids[i] = store.save(st).id
    elif op["op"] == "edit":
        st = store.get_station(ids[op["of"]])
        st.name = f"{st.name}改{i}"
        st.approvals = _approvals(rng)
        st.notes = f"第{i}次修改"
        store.save(st)
    elif op["op"] == "many":
        store.save_many([make_station(rng, f"M{i:05d}-{k}") for k in range(rng.randrange(2, 6))])
    else:  # pragma: no cover
        raise ValueError(op)


def batch_station(batch: int, k: int) -> Station:
    return make_station(random.Random(batch * 1000 + k), f"B{batch:03d}-{k:03d}")


# What children do ------------------------------------------------------------------------------


class Log:
    def __init__(self, path: str) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def __call__(self, line: str) -> None:
        os.write(self.fd, (line + "\n").encode())


def child_saves(a: dict[str, Any], log: Log) -> None:
    from kf5g_desktop.storage.store import Store

    store = Store.open(a["db"], user="压力测试")
    log("ready")
    ids: dict[int, int] = {}
    for op in make_ops(a["seed"], a["n"]):
        apply_op(store, op, ids)
        log(f"done {op['i']}")
    store.close()


def child_batches(a: dict[str, Any], log: Log) -> None:
    from kf5g_desktop.storage.store import Store

    store = Store.open(a["db"], user="批量导入")
    log("ready")
    start = a.get("start", 0)
    for b in range(start, start + a["n"]):
        with store.batch_writer("bulk_import", f"批次{b}") as w:
            for k in range(BATCH_SIZE):
                w.save(batch_station(b, k))
        log(f"committed {b}")
    store.close()


def child_backups(a: dict[str, Any], log: Log) -> None:
    from kf5g_desktop.storage.backup import copy_database
    from kf5g_desktop.storage.store import Store

    store = Store.open(a["db"], user="备份")
    log("ready")
    for k in range(a["n"]):
        if a.get("direct"):
            dest = Path(a["dest"]) / f"copy-{k:03d}.db"
            copy_database(Path(a["db"]), dest)
        else:
            dest = store.backup("manual").path
        log(f"backup {dest}")
    store.close()


def _use_migrations(a: dict[str, Any]) -> None:
    """Play a program with another set of migrations (``migrations``: that folder)."""
    if a.get("migrations"):
        from kf5g_desktop.storage import migrate

        folder = Path(a["migrations"])
        migrate.migrations_path = lambda: folder  # type: ignore[assignment]


def child_open(a: dict[str, Any], log: Log) -> None:
    """Open (create or upgrade) a database; with ``migrations`` set, from that migrations folder."""
    _use_migrations(a)
    from kf5g_desktop.storage.store import Store

    log("start")
    store = Store.open(a["db"], user="升级")
    log(f"opened {store.upgraded_from}")
    store.close()


def child_demo(a: dict[str, Any], log: Log) -> None:
    from kf5g_desktop.storage.demo import generate_demo

    log("start")
    s = generate_demo(a["db"], stations=a["n"], seed=a["seed"])
    log(f"done {s.stations}")


def child_hold(a: dict[str, Any], log: Log) -> None:
    """Hold the database as the writer and keep saving until killed (for the two-copies tests)."""
    import time

    from kf5g_desktop.storage.store import Store

    _use_migrations(a)
    store = Store.open(a["db"], user=a.get("user", "第一个窗口"))
    log("ready")
    for k in range(a["n"]):
        store.save(batch_station(999, k))
        log(f"saved {k}")
        time.sleep(a.get("pause", 0.0))
    log("idle")
    time.sleep(3600)


def child_export(a: dict[str, Any], log: Log) -> None:
    """Export the week's return into ``dest`` again and again (same final name each time)."""
    from kf5g_desktop.domain.periods import IsoWeek
    from kf5g_desktop.returns.export import export_return
    from kf5g_desktop.storage.store import Store

    store = Store.open(a["db"])
    log("ready")
    for k in range(a["n"]):
        r = export_return(store, IsoWeek.parse(a["week"]), Path(a["dest"]), reason=f"第{k}次")
        log(f"exported {r.path}")
    store.close()


def child_import(a: dict[str, Any], log: Log) -> None:
    """Verify, plan and import one return into the city database."""
    from kf5g_desktop.returns.importer import apply_import, plan_import
    from kf5g_desktop.returns.verify import verify_file
    from kf5g_desktop.storage.store import Store

    log("start")
    store = Store.open(a["db"])
    res = verify_file(store, a["file"])
    assert res.ok, res.messages()
    out = apply_import(store, plan_import(store, res))
    log(f"imported {out.batch_id}")
    store.close()


CHILDREN = {
    "saves": child_saves,
    "batches": child_batches,
    "backups": child_backups,
    "open": child_open,
    "demo": child_demo,
    "hold": child_hold,
    "export": child_export,
    "import": child_import,
}


def _run_child(args: dict[str, Any]) -> None:
    log = Log(args["log"])
    try:
        CHILDREN[args["mode"]](args, log)
        log("finished")
        code = 0
    except BaseException:
        log("error " + traceback.format_exc().replace("\n", " | "))
        code = 1
    os._exit(code)


def zygote() -> None:
    # Preload what children use, so each fork starts at once.
    import alembic.command
    import alembic.config
    import alembic.script  # noqa: F401

    import kf5g_desktop.storage.demo
    import kf5g_desktop.storage.store  # noqa: F401
    from kf5g_desktop.storage import migrate

    migrate.head_revision()  # loads the migration scripts once
    print("zygote ready", flush=True)
    reaped: dict[int, str] = {}
    for line in sys.stdin:
        cmd, _, rest = line.strip().partition(" ")
        if cmd == "run":
            args = json.loads(rest)
            pid = os.fork()
            if pid == 0:
                sys.stdin.close()
                _run_child(args)
            print(f"pid {pid}", flush=True)
        elif cmd in ("kill", "wait"):
            pid = int(rest)
            if pid not in reaped:
                if cmd == "kill":
                    done, status = os.waitpid(pid, os.WNOHANG)
                    if done == 0:
                        os.kill(pid, signal.SIGKILL)
                        _, status = os.waitpid(pid, 0)
                else:
                    _, status = os.waitpid(pid, 0)
                if os.WIFSIGNALED(status):
                    reaped[pid] = "killed"
                else:
                    reaped[pid] = f"code {os.WEXITSTATUS(status)}"
            print(f"exit {pid} {reaped[pid]}", flush=True)
        elif cmd == "quit":
            break


if __name__ == "__main__":
    zygote()
