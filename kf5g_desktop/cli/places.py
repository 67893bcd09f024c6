"""Commands about places: the batches and the coordinate system of one (``kf5g batches``,
``kf5g batch-coords``)."""

from __future__ import annotations

import argparse

from kf5g_desktop.cli.common import EXIT_OK, add_db_option, open_store, out


def cmd_batches(args: argparse.Namespace) -> int:
    with open_store(args, readonly=True) as store:
        batches = store.batches()
    if not batches:
        out("数据库中还没有导入批次。")
        return EXIT_OK
    for b in batches:
        undone = f"（已于 {b.undone_at:%Y-%m-%d %H:%M} 撤销）" if b.undone_at else ""
        out(f"{b.id:>5}  {b.created_at:%Y-%m-%d %H:%M}  {b.created_by}  {b.description}{undone}")
    return EXIT_OK


def cmd_batch_coords(args: argparse.Namespace) -> int:
    from kf5g_desktop.domain import coords

    with open_store(args) as store:
        done = store.declare_batch_coords(args.batch, args.coords)
    out(
        f"已按 {coords.SHORT_LABELS[args.coords]} 换算批次 {args.batch} 的坐标：{done.converted} 条记录改为 WGS-84"
        + (f"，{done.skipped} 条记录的坐标在该批次之后改过，未换算" if done.skipped else "")
        + f"（批次 {done.batch_id}；如需撤销：kf5g bulk-undo {done.batch_id}）。"
    )
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("batches", help="列出导入批次（批量导入、周报导入、坐标系声明）")
    add_db_option(p)
    p.set_defaults(func=cmd_batches)

    p = sub.add_parser(
        "batch-coords", help="声明某一导入批次的坐标系（GCJ-02 或 BD-09），把它写入的坐标换算为 WGS-84"
    )
    add_db_option(p)
    p.add_argument("batch", type=int, metavar="BATCH")
    p.add_argument(
        "--coords",
        required=True,
        choices=["gcj02", "bd09", "wgs84"],
        help="该批次的经纬度原本的坐标系：gcj02（高德/腾讯）或 bd09（百度）",
    )
    p.set_defaults(func=cmd_batch_coords)
