"""Whole-process benchmarks of what people wait for (issue 13 item 5), each against its baseline
run alternately in the same session (A B A B …, one warm-up pair first): wall time from spawning,
CPU (user + sys of the process, from wait4) and peak memory (its ru_maxrss); medians and ranges,
and the ratio A/B taken pair by pair. The load average before and after is printed: quote it with
the figures.

    python benchmarks/whole_process.py [SECTION ...] [--db CITY_DB] [--runs N] [--vs DIR]

Sections (default: all, in this order; each can be run alone):
  export         ``kf5g export --week 2021-W05`` of the city's consolidation (100,000-station city)
                 vs a plain openpyxl write-only loop writing the same data cells (loaded from a pickle
                 made once from the same content). Targets: ≤ 1.3×, peak < 500 MB.
  startup-small  the window to the home page with its figures painted (KF5G_STARTUP_PROBE), a unit
                 demo (``kf5g demo --unit 410221 --seed 7``) vs a bare PySide6 window with a table
                 view. Target ≤ 0.8 s.
  startup-100k   the same on the 100,000-station city. Target ≤ 1.2 s.
  check          ``kf5g check`` on the 100,000-station city vs a plain sqlite3 ``SELECT *`` of the
                 station table in Python. Target ≤ 5 s.
  report         ``kf5g report --week 2021-W05 --unit 410200`` (the city's PDF; ``--unit U``: that
                 unit's edition, made on the city) vs the same plain read. Target ≤ 3 s. Then, once,
                 where a report's time goes, in one process: reading (``reports.weekly.gather``,
                 and the part of it that is the map's points) and the PDF (layout passes, the map
                 page, painting).

``--db`` is the 100,000-station city database (``kf5g demo --stations 100000 --seed 3``; made in
/tmp on first use when missing); it is copied once into the work folder (``--work``) and only the
copy is used. ``--vs DIR`` adds another checkout's program (its own ``.venv``) as a third contender
in the same alternation, e.g. the previous release. ``--runs`` is the number of counted pairs.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench_startup import BARE  # the bare PySide6 window with a table view

ROOT = Path(__file__).resolve().parents[1]
WEEK = "2021-W05"
LXML_INSTALLED = importlib.util.find_spec("lxml") is not None
SECTIONS = ("export", "startup-small", "startup-100k", "check", "report")


PLAIN_READ = r"""
import sqlite3, sys
con = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
rows = con.execute("SELECT * FROM station").fetchall()
print(len(rows))
"""

# The baseline of the export: the same data cells (pickled by ``dump_cells``) written by a plain
# openpyxl write-only loop, one sheet per data sheet with its header row.
PLAIN_WRITE = r"""
import pickle, sys
from openpyxl import Workbook
with open(sys.argv[1], "rb") as f:
    sheets = pickle.load(f)
wb = Workbook(write_only=True)
for name, (header, rows) in sheets.items():
    ws = wb.create_sheet(name)
    ws.append(header)
    for row in rows:
        ws.append(row)
wb.save(sys.argv[2])
"""

# Where one report's time goes (in-process, CPU and wall per part): reading, then the PDF.
REPORT_PARTS = r"""
import sys, time
from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.storage.store import Store
from kf5g_desktop.reports.weekly import gather
parts = []
def timed(name, fn, *a, **k):
    w, c = time.perf_counter(), time.process_time()
    out = fn(*a, **k)
    parts.append((name, time.perf_counter() - w, time.process_time() - c))
    return out
week, unit = IsoWeek.parse(sys.argv[2]), (None if sys.argv[3] == "410200" else sys.argv[3])
with Store.open(sys.argv[1], readonly=True, check="none") as store:
    data = timed("gather (figures, lists, series, changes, the map's points)", gather, store, week, unit, beside=True)
    basis = store.week_basis(week, unit)
    timed("  of which the stations' pass alone", store.week_rows, week, unit, "all", waiting_days=30, lists=True, at=basis.moment, part="groups")
from kf5g_desktop.gui import report_document as rd
from kf5g_desktop.gui.report_pdf import ensure_gui_app
ensure_gui_app()
doc = timed("PDF: the map page and the chart", rd.ReportDocument, data)
printer = rd.new_printer()
printer.setOutputFormat(rd.QPrinter.OutputFormat.PdfFormat)
printer.setOutputFileName(sys.argv[4])
timed("PDF: layout and pagination", doc.layout_for, printer)
parts.append((f"  ({doc.passes} layout passes)", 0.0, 0.0))
pages = timed("PDF: painting", doc.paint, printer)
for name, w, c in parts:
    print(f"    {name:<68} {w:6.2f} s wall {c:6.2f} s CPU")
print(f"    {pages} pages")
"""

DUMP_CELLS = r"""
import pickle, sys
from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.returns.export import build_content
from kf5g_desktop.returns.format import DATA_SHEETS, HEADERS
from kf5g_desktop.storage.store import Store
store = Store.open(sys.argv[1], readonly=True)
c = build_content(store, IsoWeek.parse(sys.argv[3]), sys.argv[4] or None)
rows = {s: (list(HEADERS[s]), [list(r) for r in c.sheets[s]]) for s in DATA_SHEETS}
with open(sys.argv[2], "wb") as f:
    pickle.dump(rows, f, protocol=pickle.HIGHEST_PROTOCOL)
print(sum(len(r) for _h, r in rows.values()))
"""


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float
    mark: float | None = None  # seconds to the awaited output line (start-up), else None


@dataclass
class Contender:
    name: str
    cmd: list[str]
    env: dict[str, str]
    mark: str | None = None  # wait for this line on stdout (time to it, then let the process end)
    ok: tuple[int, ...] = (0,)  # exit codes of a finished job (kf5g check: 1 = it found problems)
    runs: list[Run] = field(default_factory=list)

    def time(self) -> list[float]:
        return [r.mark if r.mark is not None else r.wall for r in self.runs]


def run_once(c: Contender, cwd: Path) -> Run:
    t0 = time.perf_counter()
    proc = subprocess.Popen(c.cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=c.env, cwd=cwd)
    assert proc.stdout is not None and proc.stderr is not None
    mark = None
    out = b""
    for line in proc.stdout:
        if mark is None and c.mark is not None and line.strip() == c.mark.encode():
            mark = time.perf_counter() - t0
        out += line[-200:]
    err = proc.stderr.read()
    _pid, status, ru = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in c.ok or (c.mark is not None and mark is None):
        raise SystemExit(f"{c.name}: {c.cmd} exited {proc.returncode}\n{out[-800:]!r}\n{err[-1500:]!r}")
    return Run(wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, mark)


def alternate(contenders: list[Contender], runs: int, cwd: Path, *, warmup: int = 1) -> None:
    for i in range(warmup + runs):
        for c in contenders:
            r = run_once(c, cwd)
            t = f"{r.mark:.2f} s to the mark, " if r.mark is not None else ""
            print(
                f"    {'warm-up' if i < warmup else f'run {i}'}: {c.name}: {t}{r.wall:.2f} s wall, "
                f"{r.cpu:.2f} s CPU, {r.peak_mb:.0f} MB",
                flush=True,
            )
            if i >= warmup:
                c.runs.append(r)


def _range(xs: list[float], fmt: str = ".2f", unit: str = " s") -> str:
    m = statistics.median(xs)
    return f"{m:{fmt}}{unit} ({min(xs):{fmt}}–{max(xs):{fmt}})"


def report(title: str, contenders: list[Contender], target: str) -> None:
    a, b = contenders[0], contenders[1]
    what = "to the home page's figures" if a.mark else "wall"
    print(f"\n## {title}  [{len(a.runs)} pairs; load {os.getloadavg()[0]:.2f} after]")
    for c in contenders:
        print(
            f"  {c.name:<34} {what}: {_range(c.time())}; CPU {_range([r.cpu for r in c.runs])};"
            f" peak {_range([r.peak_mb for r in c.runs], '.0f', ' MB')}"
        )
    for c in contenders[:1] + contenders[2:]:
        wall = [x / y for x, y in zip(c.time(), b.time(), strict=True)]
        cpu = [x.cpu / y.cpu for x, y in zip(c.runs, b.runs, strict=True)]
        print(f"  ratio {c.name} / {b.name}: {_range(wall, '.2f', '×')} wall, {_range(cpu, '.2f', '×')} CPU")
    print(f"  target: {target}")


def program(python: str, tree: Path, env: dict[str, str], *args: str) -> tuple[list[str], dict[str, str]]:
    return [python, "-m", "kf5g_desktop", *args], {**env, "PYTHONPATH": str(tree)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sections", nargs="*", metavar="SECTION", help=" | ".join(SECTIONS))
    ap.add_argument("--db", type=Path, default=Path("/tmp/kf5g-bench-city-100k.db"))
    ap.add_argument("--work", type=Path, default=Path("/tmp/kf5g-whole-process"))
    ap.add_argument("--runs", type=int, default=3, help="counted pairs per section (default 3)")
    ap.add_argument(
        "--unit",
        default=None,
        help="export, report: a county's return or report (made by the city) instead of the city's",
    )
    ap.add_argument("--week", default=WEEK, help=f"export, report: the week (default {WEEK})")
    ap.add_argument(
        "--vs", type=Path, default=None, help="another checkout (with its .venv) as a third contender"
    )
    args = ap.parse_args()
    sections = args.sections or list(SECTIONS)
    for s in sections:
        if s not in SECTIONS:
            ap.error(f"unknown section {s!r}: one of {', '.join(SECTIONS)}")
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("KF5G_DB", None)
    # Bytecode as an installed program has it, cached outside the tree (PYTHONDONTWRITEBYTECODE
    # would have every run compile the sources again).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    py = sys.executable
    print(f"# whole-process benchmarks, {os.cpu_count()} CPUs, load average {os.getloadavg()}")
    print(f"# this tree {ROOT}; python {py}" + (f"; --vs {args.vs}" if args.vs else ""))

    def city_db() -> Path:
        copy = work / "city100k.db"
        if not copy.exists():
            if not args.db.exists():
                print(f"making {args.db} (100,000 stations, seed 3) …", flush=True)
                subprocess.run(
                    [
                        py,
                        "-m",
                        "kf5g_desktop",
                        "--db",
                        str(args.db),
                        "demo",
                        "--stations",
                        "100000",
                        "--seed",
                        "3",
                    ],
                    check=True,
                    env={**env, "PYTHONPATH": str(ROOT)},
                )
            src = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)  # a consistent copy
            dst = sqlite3.connect(copy)
            src.backup(dst)
            dst.close()
            src.close()
        return copy

    def unit_db() -> Path:
        db = work / "unit410221.db"
        if not db.exists():
            cmd, e = program(py, ROOT, env, "--db", str(db), "demo", "--unit", "410221", "--seed", "7")
            subprocess.run(cmd, check=True, env=e, stdout=subprocess.DEVNULL)
        return db

    def ours(
        name: str,
        *a: str,
        mark: str | None = None,
        extra: dict[str, str] | None = None,
        ok: tuple[int, ...] = (0,),
    ) -> list[Contender]:
        e0 = {**env, **(extra or {})}
        cmd, e = program(py, ROOT, e0, *a)
        out = [Contender(f"{name} (this tree)", cmd, e, mark, ok)]
        if args.vs is not None:
            cmd, e = program(str(args.vs / ".venv" / "bin" / "python"), args.vs, e0, *a)
            out.append(Contender(f"{name} ({args.vs})", cmd, e, mark, ok))
        return out

    def with_baseline(mine: list[Contender], base: Contender) -> list[Contender]:
        return [mine[0], base, *mine[1:]]

    for section in sections:
        if section == "export":
            db = city_db()
            unit = ["--unit", args.unit] if args.unit else []
            cells = work / f"export-cells-{args.unit or 'city'}-{args.week}.pickle"
            if not cells.exists():
                subprocess.run(
                    [py, "-c", DUMP_CELLS, str(db), str(cells), args.week, args.unit or ""],
                    check=True,
                    env={**env, "PYTHONPATH": str(ROOT)},
                    stdout=subprocess.DEVNULL,
                )
            (work / "out").mkdir(exist_ok=True)
            base = Contender(
                "plain openpyxl write-only loop",
                [py, "-c", PLAIN_WRITE, str(cells), str(work / "plain.xlsx")],
                env,
            )
            mine = ours(
                "kf5g export", "--db", str(db), "export", "--week", args.week, "-o", str(work / "out"), *unit
            )
            cs = with_baseline(mine, base)
            if LXML_INSTALLED:  # the same loop on openpyxl's ElementTree path, for what lxml gives
                no_lxml = {**env, "OPENPYXL_LXML": "False"}
                cs.append(Contender("plain loop without lxml", base.cmd, no_lxml))
            alternate(cs, args.runs, work)
            report(
                f"export of {'the return of ' + args.unit if args.unit else 'the city return'}, 100,000 stations",
                cs,
                "≤ 1.3× the plain loop; peak < 500 MB",
            )
        elif section in ("startup-small", "startup-100k"):
            db = unit_db() if section == "startup-small" else city_db()
            base = Contender("bare PySide6 window + table view", [py, "-c", BARE], env, "shown")
            mine = ours("start-up", "--db", str(db), mark="figures", extra={"KF5G_STARTUP_PROBE": "1"})
            cs = with_baseline(mine, base)
            alternate(cs, max(args.runs, 5), work)
            size = "unit demo (410221, seed 7)" if section == "startup-small" else "100,000 stations"
            report(
                f"start-up to the home page with its figures, {size}",
                cs,
                "≤ 0.8 s" if section == "startup-small" else "≤ 1.2 s",
            )
        elif section == "check":
            db = city_db()
            base = Contender("plain sqlite3 SELECT * FROM station", [py, "-c", PLAIN_READ, str(db)], env)
            cs = with_baseline(ours("kf5g check", "--db", str(db), "check", ok=(0, 1)), base)
            alternate(cs, args.runs, work)
            report("kf5g check, 100,000 stations", cs, "≤ 5 s")
        elif section == "report":
            db = city_db()
            base = Contender("plain sqlite3 SELECT * FROM station", [py, "-c", PLAIN_READ, str(db)], env)
            unit = args.unit or "410200"
            pdf = work / f"report-{unit}.pdf"
            mine = ours(
                f"kf5g report ({'city' if unit == '410200' else unit})",
                "--db",
                str(db),
                "report",
                "--week",
                args.week,
                "--unit",
                unit,
                "--pdf",
                str(pdf),
            )
            cs = with_baseline(mine, base)
            alternate(cs, args.runs, work)
            report(f"{'city' if unit == '410200' else unit} report {args.week}, 100,000 stations", cs, "≤ 3 s")
            print("  where the time goes (one run, in-process):")
            subprocess.run(
                [py, "-c", REPORT_PARTS, str(db), args.week, unit, str(work / "report-parts.pdf")],
                check=True,
                env={**env, "PYTHONPATH": str(ROOT)},
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
