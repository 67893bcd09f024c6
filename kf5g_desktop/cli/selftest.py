"""``kf5g self-test``: prove an installed (or frozen) program works end to end on this PC.

Opens a fresh database in a temporary folder, migrates it, fills demo data, checks it, backs it up,
exports and verifies a weekly return, renders a report PDF — and prints one line per step.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kf5g_desktop.cli.common import out

Step = Callable[[Path, dict[str, Any]], str]


def _open_and_migrate(folder: Path, ctx: dict[str, Any]) -> str:
    from kf5g_desktop.storage import migrate
    from kf5g_desktop.storage.store import Store

    db = folder / "selftest.db"
    with Store.open(db, user="自检") as store:
        rev = migrate.current_revision(store.engine)
        units = len(store.units())
    ctx["db"] = db
    return f"新建数据库并升级到结构版本 {rev}，区县 {units} 个"


def _demo(folder: Path, ctx: dict[str, Any]) -> str:
    from kf5g_desktop.storage.demo import generate_demo

    s = generate_demo(ctx["db"], stations=600, seed=1)
    return f"演示数据：基站 {s.stations} 个，场所 {s.venues} 处，杆塔 {s.poles} 根"


def _check(folder: Path, ctx: dict[str, Any]) -> str:
    from kf5g_desktop.storage.store import Store

    with Store.open(ctx["db"], readonly=True) as store:
        problems = store.check()
    if problems:
        raise AssertionError(f"校验发现 {len(problems)} 个问题：{problems[0].issue.message}")
    return "完整性检查与记录校验通过"


def _backup(folder: Path, ctx: dict[str, Any]) -> str:
    from kf5g_desktop.storage.backup import integrity_problems, take_backup

    info = take_backup(ctx["db"], "manual")
    if integrity_problems(info.path):
        raise AssertionError("备份校验未通过")
    return f"备份并校验：{info.path.name}"


def _return(folder: Path, ctx: dict[str, Any]) -> str:
    from kf5g_desktop.domain.periods import IsoWeek
    from kf5g_desktop.returns.export import export_return
    from kf5g_desktop.returns.verify import verify_file
    from kf5g_desktop.storage.store import Store

    week = IsoWeek(2021, 5)
    out = folder / "returns"
    out.mkdir()
    with Store.open(ctx["db"], user="自检") as store:
        exported = export_return(store, week, out, unit_code="410221")
        res = verify_file(store, exported.path)
    if not res.ok:
        raise AssertionError("导出的周报表未通过校验：" + ";".join(res.messages()[:3]))
    return f"导出并校验 {exported.path.name}"


def _report(folder: Path, ctx: dict[str, Any]) -> str:
    from kf5g_desktop.domain.periods import IsoWeek
    from kf5g_desktop.gui.report_pdf import write_report_pdf
    from kf5g_desktop.reports.weekly import gather
    from kf5g_desktop.storage.store import Store

    pdf = folder / "周报.pdf"
    with Store.open(ctx["db"], readonly=True, check="none") as store:
        data = gather(store, IsoWeek(2021, 5), None, "all")
    pages = write_report_pdf(data, pdf)
    if pages < 1 or not pdf.read_bytes().startswith(b"%PDF"):
        raise AssertionError("周报PDF为空或不是PDF文件")
    return f"{data.figures.title}：{pages} 页，{pdf.stat().st_size // 1024} KB"


STEPS: list[tuple[str, Step]] = [
    ("数据库", _open_and_migrate),
    ("演示数据", _demo),
    ("校验", _check),
    ("备份", _backup),
    ("周报表", _return),
    ("周报", _report),
]


def run_self_test(print_line: Callable[[str], None] = print) -> int:
    failures = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kf5g-selftest-") as tmp:
        folder = Path(tmp)
        ctx: dict[str, Any] = {}
        for name, step in STEPS:
            t0 = time.perf_counter()
            try:
                detail = step(folder, ctx)
            except Exception as exc:
                failures += 1
                print_line(f"[失败] {name}：{type(exc).__name__}: {exc}")
                break
            print_line(f"[通过] {name}：{detail}（{time.perf_counter() - t0:.1f} 秒）")
    total = time.perf_counter() - started
    if failures:
        print_line(f"自检未通过（用时 {total:.1f} 秒）。")
        return 1
    print_line(f"自检通过：{len(STEPS)} 项全部正常（用时 {total:.1f} 秒）。")
    return 0


def cmd_self_test(args: argparse.Namespace) -> int:
    return run_self_test(out)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("self-test", help="自检：在临时文件夹中完整走一遍建库、演示数据、导出、报表")
    p.set_defaults(func=cmd_self_test)
