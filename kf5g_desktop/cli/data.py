"""The database commands: init, demo, check, backup, backups, restore."""

from __future__ import annotations

import argparse
from pathlib import Path

from kf5g_desktop.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_PROBLEMS,
    add_db_option,
    db_path,
    db_target,
    err,
    open_store,
    out,
)
from kf5g_desktop.domain.values import CITY, UNIT


def cmd_init(args: argparse.Namespace) -> int:
    from kf5g_desktop.storage.store import Store

    path = db_path(args)
    with Store.open(path, user=args.user) as store:
        inst = store.installation()
        if inst.configured and not args.force:
            err(f"数据库“{path}”已经设置为{_describe(store, inst)}，未做改动。如需重新设置请加 --force。")
            return EXIT_ERROR
        inst = store.setup_installation(
            kind=CITY if args.city else UNIT,
            unit_code=args.unit,
            user_name=args.user or "",
            user_phone=args.phone or "",
        )
        out(f"已初始化：{path}（{_describe(store, inst)}）")
    return EXIT_OK


def _describe(store, inst) -> str:  # type: ignore[no-untyped-def]
    if inst.is_city:
        return "市级汇总安装"
    unit = store.unit_map().get(inst.unit_code or "")
    return f"{unit.name if unit else inst.unit_code}（{inst.unit_code}）填报安装"


# The demo writes a fresh file in bulk (and would set the installation server-init has set): onto a
# server it goes as a file loaded by server-init, which keeps every id, history and audit row.
DEMO_ON_SERVER = (
    "要在数据库服务器上使用演示数据：先生成到本机文件（kf5g demo --db 演示.db），"
    "再把它导入服务器上新建的空数据库（kf5g server-init postgresql://所有者@服务器/数据库名 --from 演示.db）。"
)


def cmd_demo(args: argparse.Namespace) -> int:
    import time

    from kf5g_desktop.storage.demo import generate_demo

    path = db_path(args, on_server=DEMO_ON_SERVER)
    started = time.perf_counter()
    summary = generate_demo(path, unit_code=args.unit, stations=args.stations, seed=args.seed)
    out(
        f"已生成演示数据：{path}\n"
        f"  基站 {summary.stations} 个（2020年底开通 {summary.on_air_2020}，2021年底开通 {summary.on_air_2021}），"
        f"审批事项 {summary.approvals} 项，免费开放场所 {summary.venues} 处，共享杆塔 {summary.poles} 根；"
        f"用时 {time.perf_counter() - started:.1f} 秒"
    )
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    # The file's own check is the command's (quick_check, or integrity_check with --full), not the
    # opening's; of a file it is the longest part (a few seconds for 1 GB), so it begins first, on a
    # thread of its own, before the rest of the program is imported and the Store opened.
    from kf5g_desktop.storage.filecheck import FileCheck

    target = db_target(args)
    file_check = FileCheck(target, full=args.full) if isinstance(target, Path) and target.is_file() else None

    from kf5g_desktop.domain.schema import REGISTER_TITLES

    with open_store(args, readonly=True, check="none") as store:
        problems = store.check(full=args.full, file_check=file_check if store.path == target else None)
        damaged = any(p.kind == "database" for p in problems)
        try:
            counts = store.counts()
            near = store.near_duplicates()
            units = {u.code: u.name for u in store.units()}
        except Exception:
            if not damaged:
                raise
            # a damaged file may not be readable beyond its check: the check's finding is the answer
            counts, near, units = {}, [], {}
    summary = "，".join(f"{REGISTER_TITLES[k]} {n} 条" for k, n in counts.items())
    if not problems:
        out(f"检查通过：数据库完整，{summary}，全部记录校验无误。")
    else:
        out(f"发现 {len(problems)} 个问题" + (f"（{summary}）：" if summary else "："))
        for p in problems[:500]:
            where = REGISTER_TITLES.get(p.kind, "数据库")
            out(f"  [{where}] {p.key}：{p.issue.message}")
        if len(problems) > 500:
            out(f"  ……另有 {len(problems) - 500} 个问题未列出")
    if near:
        # a warning, not a problem: two real stations can stand this close
        out(f"提醒：{len(near)} 对基站相距不足{near_metres()}米，可能重复登记（请核对，不会自动合并）：")
        for d in near[:500]:
            out(f"  {d.message(units)}")
        if len(near) > 500:
            out(f"  ……另有 {len(near) - 500} 对未列出")
    if damaged:
        out(restore_advice(store.path))
    return EXIT_PROBLEMS if problems else EXIT_OK


def restore_advice(path: Path) -> str:
    """The last line of a check that found the file damaged: how to restore it, with the newest
    backup's name when there is one."""
    from kf5g_desktop.storage.backup import list_backups

    backups = list_backups(path)
    if backups:
        return (
            f"数据库文件已损坏，请从备份恢复（kf5g restore --db \"{path}\" \"{backups[0].path}\"，"
            f"这是最新的备份；kf5g backups --db \"{path}\" 列出全部备份；被替换的损坏文件会另存一份）。"
        )
    return (
        f"数据库文件已损坏，请从备份恢复（kf5g restore --db \"{path}\" 备份文件）；"
        "数据库旁的 backups 文件夹里没有备份，请找其他备份副本或联系技术支持。"
    )


def near_metres() -> str:
    from kf5g_desktop.domain.nearby import DEFAULT_DISTANCE_M

    return f"{DEFAULT_DISTANCE_M:g}"


def cmd_backup(args: argparse.Namespace) -> int:
    from datetime import datetime

    from kf5g_desktop.storage import backup

    target = db_target(args)
    if isinstance(target, str):  # a server: a kf5g SQLite file of the whole database
        from kf5g_desktop.storage.store import Store

        with Store.open(target, readonly=True) as store:
            if args.to:
                dest = Path(args.to)
                if dest.is_dir():
                    dest = dest / f"kf5g-{datetime.now():%Y%m%d-%H%M%S}.db"
                info = store.backup_to(dest)
            else:
                info = store.backup("manual")
        assert info is not None
        out(f"已把服务器数据库 {store.location} 备份为本程序的数据库文件并校验：{info.path}")
        return EXIT_OK
    path = target
    if not path.exists():
        err(f"数据库文件“{path}”不存在，无需备份。")
        return EXIT_ERROR
    if args.to:
        dest = Path(args.to)
        if dest.is_dir():
            dest = dest / f"{path.stem}-{datetime.now():%Y%m%d-%H%M%S}.db"
        backup.copy_database(path, dest)
        out(f"已备份并校验：{dest}")
    else:
        info = backup.take_backup(path, "manual")
        backup.thin_backups(path)
        out(f"已备份并校验：{info.path}")
    return EXIT_OK


def cmd_backups(args: argparse.Namespace) -> int:
    from kf5g_desktop.storage import backup

    items = backup.list_backups(db_path(args))
    if not items:
        out("还没有备份。")
    for b in items:
        out(f"{b.taken_at:%Y-%m-%d %H:%M:%S}  {b.reason_label:<4}  {b.size / 1024:>8.0f} KB  {b.path}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from kf5g_desktop.storage.restore import restore_backup

    path = db_path(args)
    src = Path(args.backup)
    if not src.exists():
        err(f"备份文件“{src}”不存在，请检查路径（kf5g backups 可列出全部备份）。")
        return EXIT_ERROR
    kept = restore_backup(path, src)
    out(f"已从“{src}”恢复到“{path}”。" + (f"被替换的数据库已另存为“{kept}”。" if kept else ""))
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("init", help="新建一个空的安装（区县或市级）")
    add_db_option(p)
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--unit", metavar="CODE", help="区县代码，如 410221（杞县）")
    g.add_argument("--city", action="store_true", help="市级汇总安装")
    p.add_argument("--user", metavar="NAME", help="填报人姓名")
    p.add_argument("--phone", metavar="PHONE", help="联系电话")
    p.add_argument("--force", action="store_true", help="已设置过时也重新设置")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", help="生成演示数据（全市，或 --unit 指定的区县）")
    add_db_option(p)
    p.add_argument(
        "--unit",
        metavar="CODE",
        help="区县安装：只写入全市演示数据中这个区县的部分（与同一种子的全市数据完全一致）",
    )
    p.add_argument("--stations", metavar="N", type=int, default=None, help="全市基站数量（默认2600）")
    p.add_argument("--seed", metavar="S", type=int, default=2020, help="随机种子（同一种子生成相同数据）")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("check", help="完整性检查并校验全部记录（无问题退出码0，有问题1）")
    add_db_option(p)
    p.add_argument(
        "--full",
        action="store_true",
        help="完整检查数据库文件（PRAGMA integrity_check，含索引与表是否一致，大文件较慢；默认 quick_check）",
    )
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("backup", help="立即备份（并校验）")
    add_db_option(p)
    p.add_argument("--to", metavar="PATH", help="备份到指定文件或文件夹（默认：数据库旁的 backups 文件夹）")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("backups", help="列出已有备份")
    add_db_option(p)
    p.set_defaults(func=cmd_backups)

    p = sub.add_parser("restore", help="从备份恢复（先另存当前数据库）")
    add_db_option(p)
    p.add_argument("backup", metavar="PATH", help="备份文件")
    p.set_defaults(func=cmd_restore)
