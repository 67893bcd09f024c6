"""``kf5g report``: the weekly report (周报) of a unit or the city, saved as PDF.

    kf5g report --week 2021-W05 [--unit 410221 | --unit 410200] [--rule all|macro-indoor|macro] --pdf r.pdf

Without ``--unit`` the installation's own unit is used (the city edition on a city installation).
Every figure is computed (``reports.weekly.gather``, no Qt) before any Qt module is imported (what
does not depend on the pass over the stations on a second connection beside it: SQLite's scans let
go of Python's lock); only painting the PDF (``gui.report_pdf.write_report_pdf``) needs Qt,
offscreen when there is no display.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kf5g_desktop.cli.common import EXIT_OK, add_db_option, db_target, out
from kf5g_desktop.storage.errors import Kf5gError


class ReportError(Kf5gError):
    """The report could not be made (bad week, unknown unit, unwritable file)."""


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from kf5g_desktop.domain.targets import COUNTING_RULES, DEFAULT_COUNTING_RULE

    p = subparsers.add_parser("report", help="生成周报PDF（区县或全市）")
    add_db_option(p)
    p.add_argument("--week", metavar="YYYY-Www", required=True, help="周次，如 2021-W05")
    p.add_argument(
        "--unit", metavar="CODE", help="区县代码（如 410221）；410200 为全市汇总版。默认：本安装的单位"
    )
    p.add_argument(
        "--rule",
        choices=list(COUNTING_RULES),
        default=DEFAULT_COUNTING_RULE,
        help="统计口径：all 全部类型，macro-indoor 宏站+室分，macro 仅宏站（默认 all）",
    )
    p.add_argument("--pdf", metavar="FILE", type=Path, required=True, help="保存的PDF文件")
    p.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    import time

    from kf5g_desktop.domain.periods import IsoWeek
    from kf5g_desktop.domain.units import CITY_CODE, scope_of

    try:
        week = IsoWeek.parse(args.week)
    except ValueError as exc:
        raise ReportError(f"--week:{exc}") from None
    pdf = Path(args.pdf).expanduser()
    if pdf.parent and not pdf.parent.exists():
        raise ReportError(f"保存PDF的文件夹“{pdf.parent}”不存在，请先建好文件夹或换一个路径。")
    started = time.perf_counter()
    from kf5g_desktop.reports.weekly import gather
    from kf5g_desktop.storage.store import Store

    # Read-only and without the integrity scan: a report only reads (seconds saved on big databases).
    with Store.open(db_target(args), readonly=True, check="none") as store:
        unit = args.unit
        if not unit:
            inst = store.installation()
            unit = inst.scope_code
        unit_code = scope_of(unit)
        if unit_code is not None and unit_code not in store.unit_map():
            codes = "、".join(f"{u.code}{u.name}" for u in store.units())
            raise ReportError(f"--unit：区县代码“{unit}”不存在。可选：{codes}；全市汇总用 {CITY_CODE}。")
        data = gather(store, week, unit_code, args.rule, beside=True)
    from kf5g_desktop.gui.report_pdf import write_report_pdf  # Qt from here on, for painting only

    try:
        pages = write_report_pdf(data, pdf)
    except OSError as exc:
        raise ReportError(f"无法写入PDF文件“{pdf}”：{exc}。请检查文件是否被其他程序打开。") from None
    if not pdf.exists() or pdf.stat().st_size == 0:
        raise ReportError(f"无法写入PDF文件“{pdf}”，请检查文件夹权限或文件是否被其他程序打开。")
    out(f"已生成周报：{pdf}（{data.figures.title}，共 {pages} 页，用时 {time.perf_counter() - started:.1f} 秒）")
    return EXIT_OK
