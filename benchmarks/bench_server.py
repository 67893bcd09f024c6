"""The same program on a PostgreSQL server against a SQLite file, as the city office uses it.

    python benchmarks/bench_server.py import --week DATA/2021-W05 [--runs 3] [--server OWNER_URL]
    python benchmarks/bench_server.py list --db city100k.db [--runs 7] [--server OWNER_URL]

``import``: ``kf5g import`` of the nine units' returns of one week, in one command, as a whole
process, into a fresh city database — on the server (a new database made by ``server-init --city``,
the import run by a 填报 login) and in a fresh SQLite file (``kf5g init --city``), in turn: PG SQLite
PG SQLite … after one warm-up pair. Each run gets its own fresh database, made before the clock
starts. Per run: wall time, CPU time of the kf5g process (user+sys), its peak memory, and the CPU
time the server's processes used meanwhile (the postmaster's reaped children and its live ones,
from /proc: the server's share of the work, which a LAN server does on its own cores). Printed as
median and range, with the ratio PG/SQLite pair by pair. Target: ≤ 2×.

``list``: the 基站 list's first screen over PostgreSQL on a 100,000-station city database: the file
is copied onto the server once (``server-init --from FILE``, the SQLite → server path), then in one
process, ``--runs`` times in turn with the same file opened from SQLite: the 基站 page (the window's
RegisterPage) built on the Store and shown until its view has painted its first screen (what a
person waits for after clicking 基站 the first time: the page's widgets, its query and the fitting
of its columns to their contents), and the page's re-query (刷新, a filter, a sort or a search, the
way benchmarks/list_at.py --gui measures a week's list) until repainted. Target: first screen
≤ 0.3 s. Each query's own time (first page of 200 rows and the count) is printed too.

Without ``--server`` a throw-away cluster is started for the run (tests/pg.py: initdb in a temporary
folder, a Unix socket, fsync off — the figures are then the program's and this machine's, not a tuned
server's) and removed at the end. ``OWNER_URL``: a superuser's (or a database owner with CREATEDB
and CREATEROLE) address on an existing server, e.g. ``postgresql://postgres@/postgres?host=/run/postgresql``.
Exit status 0 whatever the figures (it measures, it does not judge).
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "benchmarks"))

from bench_city_import import _checkpointed, received  # noqa: E402  (the same fresh city file and date)

ENTRY_LOGIN = "市局填报"  # who runs the import on the server (a 填报 login, as in the office)
_seq = itertools.count(1)


def _kf5g() -> list[str]:
    return [sys.executable, "-m", "kf5g_desktop"]


def fmt(values: list[float], unit: str, digits: int = 2) -> str:
    return f"{statistics.median(values):.{digits}f} {unit} ({min(values):.{digits}f}–{max(values):.{digits}f})"


# The server ------------------------------------------------------------------------------------------


class Server:
    """Where the benchmark makes its databases: an owner's URL on a server (``--server``), or a
    throw-away cluster of tests/pg.py."""

    def __init__(self, owner_url: str | None) -> None:
        self.cluster: Any = None
        if owner_url is None:
            from tests.pg import start_cluster

            self.cluster = start_cluster()
            owner_url = self.cluster.url("postgres")
        from sqlalchemy.engine import make_url

        self.owner = make_url(owner_url)

    def url(self, database: str, user: str | None = None) -> str:
        u = self.owner.set(database=database)
        if user is not None:
            u = u.set(username=user, password=None)
        return u.render_as_string(hide_password=False)

    def sql(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres").replace("postgresql+psycopg", "postgresql"), autocommit=True) as c:
            c.execute(statement)  # type: ignore[arg-type]

    def new_database(self, prefix: str) -> str:
        name = f"{prefix}_{os.getpid()}_{next(_seq)}"
        self.sql(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return name

    def drop(self, name: str) -> None:
        self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def cpu_seconds(self) -> float | None:
        """CPU time (user+sys) the server's processes have used so far: the postmaster's own, its
        reaped children's (every backend that has ended) and its live children's. None when the
        server is not a process of this machine that /proc shows."""
        pid = self._postmaster()
        if pid is None:
            return None
        tick = os.sysconf("SC_CLK_TCK")

        def stat(p: int) -> list[str]:
            raw = Path(f"/proc/{p}/stat").read_text()
            return raw[raw.rindex(")") + 2 :].split()

        try:
            fields = stat(pid)
        except OSError:
            return None
        total = sum(int(fields[i]) for i in (11, 12, 13, 14))  # utime stime cutime cstime
        for child in Path("/proc").iterdir():
            if not child.name.isdigit():
                continue
            try:
                f = stat(int(child.name))
            except OSError:
                continue
            if int(f[1]) == pid:  # ppid
                total += int(f[11]) + int(f[12])
        return total / tick

    def _postmaster(self) -> int | None:
        if self.cluster is not None:
            pidfile = self.cluster.data / "postmaster.pid"
        else:
            return None
        try:
            return int(pidfile.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def close(self) -> None:
        if self.cluster is not None:
            self.cluster.stop()


# import ------------------------------------------------------------------------------------------------


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds (user+sys), peak RSS in MB and exit status of one whole process."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=HERE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    rc = os.waitstatus_to_exitcode(status)
    if proc.stderr is not None:
        tail = proc.stderr.read().decode(errors="replace").strip()
        proc.stderr.close()
        if rc != 0 and tail:
            print(tail[-2000:], file=sys.stderr)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, rc


def bench_import(args: argparse.Namespace) -> int:
    from kf5g_desktop.storage import server_admin

    files = sorted(args.week.glob("*.xlsx"))
    at = received(args.week)
    tmp = Path(tempfile.mkdtemp(prefix="kf5g-bench-server-"))
    env = dict(os.environ, PYTHONPATH=str(HERE), QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp / "data"))
    server = Server(args.server)
    made: list[str] = []
    try:
        fresh = tmp / "start.db"
        subprocess.run(
            [*_kf5g(), "--db", str(fresh), "init", "--city", "--user", "市局"],
            check=True, env=env, cwd=HERE, stdout=subprocess.DEVNULL,
        )
        _checkpointed(fresh)

        def new_pg() -> str:
            name = server.new_database("kf5g_bench")
            made.append(name)
            owner = server.url(name)
            server_admin.init_database(owner, kind="city", unit_code=None, user_name="市局")
            server_admin.add_login(owner, ENTRY_LOGIN, "填报")
            return server.url(name, ENTRY_LOGIN)

        def new_sqlite() -> Path:
            db = tmp / "city.db"
            for p in tmp.glob("city.db*"):
                p.unlink()
            shutil.rmtree(tmp / "backups", ignore_errors=True)
            shutil.copyfile(fresh, db)
            return db

        print(f"{len(files)} files of {args.week.name}; load average at start {os.getloadavg()[0]:.1f}; "
              f"{os.cpu_count()} cores", flush=True)
        rows: dict[str, list[float]] = {k: [] for k in ("pw", "pc", "pm", "ps", "sw", "sc", "sm", "r", "rc")}
        for i in range(args.runs + 1):  # the first pair warms the caches and is not counted
            url = new_pg()
            cmd = [*_kf5g(), "--db", url, "import", *map(str, files), "--received-at", at]
            before = server.cpu_seconds()
            pw, pc, pm, prc = run(cmd, env)
            after = server.cpu_seconds()
            db = new_sqlite()
            sw, sc, sm, src = run([*_kf5g(), "--db", str(db), "import", *map(str, files), "--received-at", at], env)
            if prc != 0 or src != 0:
                print(f"  run {i}: exit status PG {prc}, SQLite {src}", file=sys.stderr)
            server.drop(made.pop())
            if i == 0:
                continue
            ps = (after - before) if before is not None and after is not None else float("nan")
            for k, v in zip(rows, (pw, pc, pm, ps, sw, sc, sm, pw / sw, (pc + ps) / sc), strict=True):
                rows[k].append(v)
            print(f"  run {i}: PG {pw:.2f} s wall, {pc:.2f} s CPU, server {ps:.2f} s CPU, {pm:.0f} MB; "
                  f"SQLite {sw:.2f} s wall, {sc:.2f} s CPU, {sm:.0f} MB; ratio {pw / sw:.2f}×", flush=True)
        print(f"PostgreSQL: kf5g import {fmt(rows['pw'], 's')} wall, {fmt(rows['pc'], 's')} CPU, "
              f"peak {fmt(rows['pm'], 'MB', 0)}; the server's processes {fmt(rows['ps'], 's')} CPU")
        print(f"SQLite:     kf5g import {fmt(rows['sw'], 's')} wall, {fmt(rows['sc'], 's')} CPU, "
              f"peak {fmt(rows['sm'], 'MB', 0)}")
        print(f"ratio PG/SQLite wall {fmt(rows['r'], '×')} (target ≤ 2×); CPU (program + server) / SQLite "
              f"{fmt(rows['rc'], '×')}; load average now {os.getloadavg()[0]:.1f}")
    finally:
        for name in made:
            server.drop(name)
        server.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


# list --------------------------------------------------------------------------------------------------


@contextmanager
def _server_copy(server: Server, db: Path, keep: str | None) -> Iterator[str]:
    """The file's rows on the server (``server-init --from``), or the database ``keep`` already loaded."""
    from kf5g_desktop.storage import server_admin

    if keep:
        yield server.url(keep)
        return
    name = server.new_database("kf5g_bench_list")
    try:
        t = time.perf_counter()
        server_admin.init_database(server.url(name), kind=None, unit_code=None, source=db)
        print(f"copied {db.name} onto the server in {time.perf_counter() - t:.0f} s", flush=True)
        yield server.url(name)
    finally:
        server.drop(name)


def bench_list(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = Path(tempfile.mkdtemp(prefix="kf5g-bench-list-"))
    os.environ["XDG_DATA_HOME"] = str(tmp / "data")
    server = Server(args.server)
    try:
        with _server_copy(server, args.db, args.database) as url:
            _list_in_turn({"PostgreSQL": url, "SQLite": args.db}, args.runs)
    finally:
        server.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def _list_in_turn(targets: dict[str, Any], runs: int) -> None:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from kf5g_desktop.domain.schema import STATION
    from kf5g_desktop.domain.values import ListQuery
    from kf5g_desktop.gui.register import RegisterPage
    from kf5g_desktop.storage.store import Store

    QCoreApplication.setOrganizationName("kf5g-bench")
    QCoreApplication.setApplicationName("bench-server")
    QSettings().clear()
    app = QApplication.instance() or QApplication([])
    stores = {k: Store.open(t, readonly=True, check="none") for k, t in targets.items()}
    first: dict[str, list[float]] = {k: [] for k in stores}
    again: dict[str, list[float]] = {k: [] for k in stores}
    queries: dict[str, list[float]] = {k: [] for k in stores}
    total: dict[str, int] = {}

    cpu: dict[str, list[float]] = {k: [] for k in stores}

    def timed(fn: Callable[[], object], into: list[float] | None = None) -> float:
        t, c = time.perf_counter(), time.process_time()
        fn()
        if into is not None:
            into.append(time.process_time() - c)
        return time.perf_counter() - t

    try:
        for i in range(runs + 1):  # the first round warms the caches and is not counted
            for name, store in stores.items():
                made: list[Any] = []

                def open_page(store: Any = store, made: list[Any] = made) -> None:
                    page = RegisterPage(store, STATION)
                    made.append(page)
                    page.resize(1400, 800)
                    page.show()  # (a page loads its rows when first shown)
                    page.view.viewport().repaint()
                    app.processEvents()

                def requery(made: list[Any] = made) -> None:
                    made[0].refresh()
                    made[0].view.viewport().repaint()
                    app.processEvents()

                q = timed(lambda store=store: (store.query(STATION, ListQuery(limit=200)), store.count(STATION, ListQuery())))
                a = timed(open_page, cpu[name] if i else None)
                page = made[0]
                assert page.model.rowCount() > 0
                b = timed(requery)
                total[name] = page.model.total
                page.close()
                page.deleteLater()
                app.processEvents()
                if i:
                    first[name].append(a)
                    again[name].append(b)
                    queries[name].append(q)
        for name in stores:
            print(f"{name}: 基站 list of {total[name]} stations, first screen {_ms(first[name])}; "
                  f"re-query {_ms(again[name])}; the query alone (200 rows + count) {_ms(queries[name])}; "
                  f"first screen CPU of this process {_ms(cpu[name])}")
        for label, d in (("first screen", first), ("re-query", again), ("query", queries)):
            ratio = [a / b for a, b in zip(d["PostgreSQL"], d["SQLite"], strict=True)]
            print(f"{label} PG/SQLite {fmt(ratio, '×')}")
        print(f"(target: PG first screen ≤ 300 ms); load average now {os.getloadavg()[0]:.1f}")
    finally:
        for store in stores.values():
            store.close()


def _ms(xs: list[float]) -> str:
    return f"median {statistics.median(xs) * 1000:.0f} ms (range {min(xs) * 1000:.0f}–{max(xs) * 1000:.0f})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="what", required=True)
    p = sub.add_parser("import", help="the nine returns of a week into a fresh city database, PG vs SQLite")
    p.add_argument("--week", type=Path, required=True, metavar="DIR", help="the nine unit returns of one week")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--server", metavar="OWNER_URL")
    p.set_defaults(func=bench_import)
    p = sub.add_parser("list", help="the 基站 list's first screen over PG on a large database")
    p.add_argument("--db", type=Path, required=True, help="a kf5g SQLite file (e.g. city100k.db; only read)")
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--server", metavar="OWNER_URL")
    p.add_argument("--database", metavar="NAME", help="a server database already loaded from --db (skip the copy)")
    p.set_defaults(func=bench_list)
    args = ap.parse_args()
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
