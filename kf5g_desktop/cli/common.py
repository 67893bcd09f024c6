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
        metavar="PATH|URL",
        default=argparse.SUPPRESS,
        help="数据库文件，或数据库服务器 postgresql://user@host:5432/kf5g"
        "（默认：用户数据文件夹中的 kf5g.db，或环境变量 KF5G_DB）",
    )


def db_target(args: argparse.Namespace) -> Path | str:
    """The database: a file's path, or a server's ``postgresql://`` address (kept as text)."""
    import os

    from kf5g_desktop.paths import ENV_DB, default_db_path

    value = getattr(args, "db", None) or os.environ.get(ENV_DB)
    if value and _is_url(str(value)):
        return str(value)
    return Path(value) if value else default_db_path()


def _is_url(value: str) -> bool:
    scheme = value.split(":", 1)[0].split("+", 1)[0].lower()
    return "://" in value and scheme in ("postgresql", "postgres")


def db_path(args: argparse.Namespace, *, on_server: str = "") -> Path:
    """The database file (commands that work on a file only); ``on_server``: what to do instead
    on a server, said after the refusal."""
    from kf5g_desktop.storage.errors import StorageError

    target = db_target(args)
    if isinstance(target, str):
        raise StorageError(
            "这个命令只适用于本机的数据库文件，不适用于数据库服务器（--db postgresql://…）。" + on_server
        )
    return target


def open_store(args: argparse.Namespace, *, readonly: bool = False, check: str = "quick"):  # type: ignore[no-untyped-def]
    from kf5g_desktop.storage.store import Store

    return Store.open(db_target(args), readonly=readonly, user=getattr(args, "user", None), check=check)


def out(text: str = "") -> None:
    print(text, flush=True)


def err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)
