"""What every command shares: exit codes, the ``--db`` option, opening the store, printing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

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
        help="数据库文件（默认：用户数据文件夹中的 kf5g.db，或环境变量 KF5G_DB）",
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
