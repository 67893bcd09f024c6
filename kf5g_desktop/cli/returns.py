"""Command line of the weekly return: export, verify, import, bulk-import, reference, return-status."""

from __future__ import annotations

import argparse
from pathlib import Path

from kf5g_desktop.cli.common import EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, add_db_option, err, open_store, out
from kf5g_desktop.storage.errors import Kf5gError


def _week(text: str):  # type: ignore[no-untyped-def]
    from kf5g_desktop.domain.periods import IsoWeek

    try:
        return IsoWeek.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def cmd_export(args: argparse.Namespace) -> int:
    from kf5g_desktop.returns.export import describe, export_return

    with open_store(args) as store:
        res = export_return(
            store, args.week, args.output, unit_code=args.unit, reason=args.reason, correct=args.correct
        )
    out(describe(res))
    return EXIT_OK


def _print_result(res, verbose_limit: int = 200, summary: str | None = None) -> None:  # type: ignore[no-untyped-def]
    from kf5g_desktop.returns.verify import summary_line

    out(summary or summary_line(res))
    msgs = res.messages()
    for m in msgs[:verbose_limit]:
        out(f"  {m}")
    if len(msgs) > verbose_limit:
        out(f"  ……另有 {len(msgs) - verbose_limit} 条未列出")


def cmd_verify(args: argparse.Namespace) -> int:
    from kf5g_desktop.returns.verify import verify_file

    bad = 0
    with open_store(args, readonly=True) as store:
        for p in args.files:
            res = verify_file(store, p, accept_modified=args.accept_modified)
            _print_result(res)
            bad += not res.ok
    return EXIT_PROBLEMS if bad else EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from datetime import datetime

    from kf5g_desktop.returns.importer import import_files

    received = datetime.fromisoformat(args.received_at) if args.received_at else None
    bad = 0

    def report(rep) -> None:  # type: ignore[no-untyped-def]
        # each file's lines as soon as it is done (the batch's files are then let go one by one)
        nonlocal bad
        _print_result(rep.result, summary=rep.summary)
        if rep.error:
            out(f"  未导入：{rep.error}")
        elif rep.outcome is not None:
            out(f"  {rep.outcome.message}")
        elif rep.plan is not None:
            out(f"  试导入（未写入）：{rep.plan.describe()}")
        bad += not rep.ok

    # The file's quick_check on a thread beside the first file's verification, waited for before
    # the first file is planned (a damaged file refused as at the opening, before any file's line);
    # a dry run checks at the opening as every reading command does.
    with open_store(args, check="quick" if args.dry_run else "background") as store:
        import_files(
            store,
            args.files,
            accept_modified=args.accept_modified,
            replace_confirmed=args.replace,
            dry_run=args.dry_run,
            received_at=received,
            on_report=report,
            release=True,
            check_first=True,
        )
    return EXIT_PROBLEMS if bad else EXIT_OK


def cmd_bulk_import(args: argparse.Namespace) -> int:
    from kf5g_desktop.domain import coords
    from kf5g_desktop.returns import bulk

    mapping = {}
    for item in args.map or []:
        fld, sep, header = item.partition("=")
        if not sep:
            err(f"--map 的格式应为 字段=表头，如 station_code=gNodeB标识（现为“{item}”）。")
            return EXIT_ERROR
        mapping[fld.strip()] = header.strip()
    with open_store(args) as store:
        pv = bulk.load_and_preview(
            store,
            args.file,
            args.register,
            mapping=mapping,
            default_unit=args.unit,
            header_row=args.header_row,
            coord_system=args.coords,
        )
        names = {f: pv.table.headers[i] for f, i in pv.mapping.items()}
        from kf5g_desktop.domain.schema import field_label

        out("列对应：" + "，".join(f"{field_label(pv.kind, f)}←“{h}”" for f, h in names.items()))
        unmapped = [h for i, h in enumerate(pv.table.headers) if h and i not in pv.mapping.values()]
        if unmapped:
            out("未使用的列：" + "、".join(unmapped))
        rows = "、".join(str(r) for r in pv.table.header_rows)
        out(
            f"表头：第{rows}行" + ("（自动识别；如不对，用 --header-row N 指定）" if pv.table.guessed else "")
        )
        if "lon" in pv.mapping or "lat" in pv.mapping:
            out(f"坐标按 {coords.SHORT_LABELS[pv.coord_system]} 读取，存为 WGS-84（用 --coords 指定）")
        out(f"共 {len(pv.rows)} 行：{pv.summary()}")
        for r in pv.rows:
            for p in r.problems:
                out(f"  {p}")
            for p in r.warnings:
                out(f"  提示：{p}")
        if args.save_mapping:
            bulk.save_mapping(store, pv.kind, pv.table.headers, pv.mapping, pv.coord_system)
            out("已保存列对应关系，下次导入同类文件时自动使用。")
        if not pv.ok:
            out("存在错误或冲突，未写入任何数据。")
            return EXIT_PROBLEMS
        if args.dry_run:
            out("试导入完成，未写入数据。")
            return EXIT_OK
        batch = bulk.commit(store, pv)
    out(f"已导入（批次 {batch}）；如需撤销：kf5g bulk-undo {batch}")
    return EXIT_OK


def cmd_bulk_undo(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        n = store.undo_batch(args.batch)
    out(f"已撤销批次 {args.batch}（涉及 {n} 条记录）。")
    return EXIT_OK


def cmd_reference(args: argparse.Namespace) -> int:
    from kf5g_desktop.returns import reference

    with open_store(args) as store:
        if args.action == "export":
            path = reference.export_reference(store, Path(args.file))
            out(
                f"已导出参考数据“{path}”（含 {len(store.unit_keys())} 个区县的签名密钥，请妥善保管、分别发送）。"
            )
        else:
            res = reference.import_reference(store, Path(args.file))
            out(
                f"已导入参考数据：目标 {res.targets} 项；"
                + ("已保存本区县签名密钥。" if res.key_kept else "无本区县密钥。")
            )
            for note in res.notes:
                out(f"  提示：{note}")
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    from kf5g_desktop.domain.periods import IsoWeek
    from kf5g_desktop.returns.city import completeness_grid

    with open_store(args, readonly=True) as store:
        last = args.week or IsoWeek.containing(store.today()).prev()
        first = last.shift(-(args.weeks - 1))
        grid = completeness_grid(store, first, last)
        weeks = sorted({w for _u, w in grid})
        out("区县".ljust(8) + "".join(f"{w.compact:>12}" for w in weeks))
        for unit in store.units():
            out(
                unit.name.ljust(8 - len(unit.name))
                + "".join(f"{grid[(unit.code, w)].label:>10}" for w in weeks)
            )
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("export", help="导出周报（区县：本区县周报；市级：全市汇总，或 --unit 指定区县）")
    add_db_option(p)
    p.add_argument("--week", required=True, type=_week, metavar="YYYY-Www", help="周次，如 2021-W05")
    p.add_argument("--unit", metavar="CODE", help="区县代码（市级安装导出某区县的周报）")
    p.add_argument(
        "-o", "--output", type=Path, default=None, metavar="FILE", help="输出文件或文件夹（默认当前文件夹）"
    )
    p.add_argument(
        "--correct",
        action="store_true",
        help="更正已过报送截止时间的周报：按现在的数据生成新版本（不含该周结束后发生的事），须同时填写 --reason",
    )
    p.add_argument(
        "--reason", metavar="TEXT", help="更正原因（--correct 时必填；截止前再次导出且数据有变化时也须填写）"
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("verify", help="校验周报文件（全部通过退出码0，否则1）")
    add_db_option(p)
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--accept-modified", metavar="REASON", help="接受导出后被修改过的文件，并注明原因")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("import", help="校验并导入周报文件")
    add_db_option(p)
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="只校验并显示差异，不写入")
    p.add_argument("--accept-modified", metavar="REASON", help="接受导出后被修改过的文件，并注明原因")
    p.add_argument(
        "--replace", action="store_true", help="确认替换同一区县同一周已导入的周报（原周报保留在历史中）"
    )
    p.add_argument("--received-at", metavar="YYYY-MM-DDTHH:MM", help="收到时间（默认现在），用于判断是否逾期")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("bulk-import", help="批量导入运营商清单（xlsx、xls、ods、xlsb 或 csv，列顺序不限）")
    add_db_option(p)
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument(
        "--register", required=True, choices=["stations", "venues", "poles"], help="导入到哪个登记簿"
    )
    p.add_argument("--dry-run", action="store_true", help="只检查并显示差异，不写入")
    p.add_argument("--unit", metavar="CODE", help="文件中没有区县列时，全部记入该区县")
    p.add_argument(
        "--map", action="append", metavar="字段=表头", help="指定列对应，如 station_code=gNodeB标识（可多次）"
    )
    p.add_argument("--save-mapping", action="store_true", help="保存本次列对应关系")
    p.add_argument(
        "--header-row",
        type=int,
        metavar="N",
        help="表头在文件的第 N 行（默认自动识别：前几行中与已知字段最相符的一行）",
    )
    p.add_argument(
        "--coords",
        choices=["wgs84", "gcj02", "bd09"],
        help="文件中经纬度的坐标系：wgs84（GPS，默认）、gcj02（高德/腾讯）、bd09（百度）；默认用保存的列对应关系中的设置",
    )
    p.set_defaults(func=cmd_bulk_import)

    p = sub.add_parser("bulk-undo", help="撤销一次批量导入或周报导入（按批次号）")
    add_db_option(p)
    p.add_argument("batch", type=int, metavar="BATCH")
    p.set_defaults(func=cmd_bulk_undo)

    p = sub.add_parser("reference", help="参考数据文件：市级导出（含签名密钥），区县导入")
    add_db_option(p)
    p.add_argument("action", choices=["export", "import"])
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_reference)

    p = sub.add_parser("return-status", help="报送情况：各区县各周 按时/逾期/未报")
    add_db_option(p)
    p.add_argument("--week", type=_week, metavar="YYYY-Www", help="最后一周（默认上周）")
    p.add_argument("--weeks", type=int, default=8, metavar="N", help="显示几周（默认8）")
    p.set_defaults(func=cmd_status)


__all__ = ["Kf5gError", "register"]
