"""The command line. The same code paths as the window; every error is one Chinese line.

Commands of other areas (returns, reports) are registered by modules listed in ``COMMAND_MODULES``;
each has ``register(subparsers)`` adding parsers whose ``func(args) -> int`` does the work.
Heavy libraries are imported inside the handlers so ``kf5g --help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from kf5g_desktop import __version__
from kf5g_desktop.storage.errors import Kf5gError

COMMAND_MODULES: tuple[str, ...] = ("kf5g_desktop.cli_report", "kf5g_desktop.cli_returns")

log = logging.getLogger("kf5g")

EXIT_OK = 0
EXIT_PROBLEMS = 1  # the command ran and found problems (check, verify)
EXIT_ERROR = 2  # the command could not run (bad input, locked database, ...)
EXIT_BUG = 3  # an unexpected error: logged with its traceback


def add_db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        metavar="PATH",
        type=Path,
        default=argparse.SUPPRESS,
        help="数据库文件(默认:用户数据文件夹中的 kf5g.db,或环境变量 KF5G_DB)",
    )


def db_path(args: argparse.Namespace) -> Path:
    from kf5g_desktop.paths import default_db_path

    return Path(getattr(args, "db", None) or default_db_path())


def open_store(args: argparse.Namespace, *, readonly: bool = False):  # type: ignore[no-untyped-def]
    from kf5g_desktop.storage.store import Store

    return Store.open(db_path(args), readonly=readonly, user=getattr(args, "user", None))


def out(text: str = "") -> None:
    print(text, flush=True)


def err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# Commands ----------------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    from kf5g_desktop.storage.store import Store

    path = db_path(args)
    with Store.open(path, user=args.user) as store:
        inst = store.installation()
        if inst.configured and not args.force:
            err(f"数据库“{path}”已经设置为{_describe(store, inst)},未做改动。如需重新设置请加 --force。")
            return EXIT_ERROR
        inst = store.setup_installation(
            kind="city" if args.city else "unit",
            unit_code=args.unit,
            user_name=args.user or "",
            user_phone=args.phone or "",
        )
        out(f"已初始化:{path}({_describe(store, inst)})")
    return EXIT_OK


def _describe(store, inst) -> str:  # type: ignore[no-untyped-def]
    if inst.is_city:
        return "市级汇总安装"
    unit = store.unit_map().get(inst.unit_code or "")
    return f"{unit.name if unit else inst.unit_code}({inst.unit_code})填报安装"


def cmd_demo(args: argparse.Namespace) -> int:
    import time

    from kf5g_desktop.storage.demo import generate_demo

    path = db_path(args)
    started = time.perf_counter()
    summary = generate_demo(path, unit_code=args.unit, stations=args.stations, seed=args.seed)
    out(
        f"已生成演示数据:{path}\n"
        f"  基站 {summary.stations} 个(2020年底开通 {summary.on_air_2020},2021年底开通 {summary.on_air_2021}),"
        f"审批事项 {summary.approvals} 项,免费开放场所 {summary.venues} 处,共享杆塔 {summary.poles} 根;"
        f"用时 {time.perf_counter() - started:.1f} 秒"
    )
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from kf5g_desktop.domain.schema import REGISTER_TITLES

    with open_store(args, readonly=True) as store:
        problems = store.check()
        counts = store.counts()
    summary = ",".join(f"{REGISTER_TITLES[k]} {n} 条" for k, n in counts.items())
    if not problems:
        out(f"检查通过:数据库完整,{summary},全部记录校验无误。")
        return EXIT_OK
    out(f"发现 {len(problems)} 个问题({summary}):")
    for p in problems[:500]:
        where = REGISTER_TITLES.get(p.kind, "数据库")
        out(f"  [{where}] {p.key}:{p.issue.message}")
    if len(problems) > 500:
        out(f"  ……另有 {len(problems) - 500} 个问题未列出")
    return EXIT_PROBLEMS


def cmd_backup(args: argparse.Namespace) -> int:
    from kf5g_desktop.storage import backup

    path = db_path(args)
    if not path.exists():
        err(f"数据库文件“{path}”不存在,无需备份。")
        return EXIT_ERROR
    if args.to:
        dest = Path(args.to)
        if dest.is_dir():
            dest = dest / f"{path.stem}-{__import__('datetime').datetime.now():%Y%m%d-%H%M%S}.db"
        backup.copy_database(path, dest)
        out(f"已备份并校验:{dest}")
    else:
        info = backup.take_backup(path, "manual")
        backup.thin_backups(path)
        out(f"已备份并校验:{info.path}")
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
    from kf5g_desktop.storage.store import restore_backup

    path = db_path(args)
    src = Path(args.backup)
    if not src.exists():
        err(f"备份文件“{src}”不存在,请检查路径(kf5g backups 可列出全部备份)。")
        return EXIT_ERROR
    kept = restore_backup(path, src)
    out(f"已从“{src}”恢复到“{path}”。" + (f"被替换的数据库已另存为“{kept}”。" if kept else ""))
    return EXIT_OK


def cmd_self_test(args: argparse.Namespace) -> int:
    from kf5g_desktop.selftest import run_self_test

    return run_self_test(out)


def cmd_gui(args: argparse.Namespace) -> int:
    from kf5g_desktop.gui.app import run_gui

    return run_gui(getattr(args, "db", None), demo=getattr(args, "demo", False))


# Parser and runner ---------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kf5g",
        description="开封市5G网络建设填报与周报工具。不带子命令时打开窗口。",
    )
    parser.add_argument("--version", action="version", version=f"kf5g-desktop {__version__}")
    add_db_option(parser)
    parser.add_argument("--demo", action="store_true", help="打开窗口时,若没有数据则先生成演示数据")
    sub = parser.add_subparsers(dest="command", metavar="命令")

    p = sub.add_parser("init", help="新建一个空的安装(区县或市级)")
    add_db_option(p)
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--unit", metavar="CODE", help="区县代码,如 410221(杞县)")
    g.add_argument("--city", action="store_true", help="市级汇总安装")
    p.add_argument("--user", metavar="NAME", help="填报人姓名")
    p.add_argument("--phone", metavar="PHONE", help="联系电话")
    p.add_argument("--force", action="store_true", help="已设置过时也重新设置")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", help="生成演示数据(全市,或 --unit 指定的区县)")
    add_db_option(p)
    p.add_argument(
        "--unit",
        metavar="CODE",
        help="区县安装：只写入全市演示数据中这个区县的部分（与同一种子的全市数据完全一致）",
    )
    p.add_argument("--stations", metavar="N", type=int, default=None, help="全市基站数量（默认2600）")
    p.add_argument("--seed", metavar="S", type=int, default=2020, help="随机种子(同一种子生成相同数据)")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("check", help="完整性检查并校验全部记录(无问题退出码0,有问题1)")
    add_db_option(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("backup", help="立即备份(并校验)")
    add_db_option(p)
    p.add_argument("--to", metavar="PATH", help="备份到指定文件或文件夹(默认:数据库旁的 backups 文件夹)")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("backups", help="列出已有备份")
    add_db_option(p)
    p.set_defaults(func=cmd_backups)

    p = sub.add_parser("restore", help="从备份恢复(先另存当前数据库)")
    add_db_option(p)
    p.add_argument("backup", metavar="PATH", help="备份文件")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("self-test", help="自检:在临时文件夹中完整走一遍建库、演示数据、导出、报表")
    p.set_defaults(func=cmd_self_test)

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _log_file() -> Path | None:
    try:
        from kf5g_desktop.paths import user_data_dir

        folder = user_data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        return folder / "kf5g.log"
    except OSError:
        return None


def run(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", cmd_gui)
    try:
        return int(func(args))
    except Kf5gError as exc:
        err(f"错误:{exc}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        err("已取消。")
        return EXIT_ERROR
    except Exception as exc:  # the boundary: never a traceback on the console
        logfile = _log_file()
        if logfile is not None:
            with logfile.open("a", encoding="utf-8") as f:
                f.write(traceback.format_exc())
        err(
            f"程序内部错误:{type(exc).__name__}: {exc}。"
            + (f"详细信息已写入“{logfile}”,请发给技术支持。" if logfile else "")
        )
        return EXIT_BUG
