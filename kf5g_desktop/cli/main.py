"""The command line: ``kf5g [--db PATH] COMMAND …``; no command opens the window.

Every area registers its commands from its own module, listed in ``COMMAND_MODULES`` (in the order
``kf5g --help`` shows them); each has ``register(subparsers)`` adding parsers whose
``func(args) -> int`` does the work. Heavy libraries are imported inside the handlers so
``kf5g --help`` stays fast. ``run`` is the one boundary: our errors are one Chinese line, anything
unexpected goes to the log file, never a traceback on the console.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence

from kf5g_desktop import __version__
from kf5g_desktop.cli import data, places, report, returns, selftest, server
from kf5g_desktop.cli.common import EXIT_BUG, EXIT_ERROR, add_db_option, err
from kf5g_desktop.logfile import log_path
from kf5g_desktop.storage.errors import Kf5gError

COMMAND_MODULES = (data, selftest, report, returns, places, server)


def cmd_gui(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kf5g_desktop.cli.common import db_target

    db = getattr(args, "db", None)
    target = (db_target(args) if db else None) or None
    demo = getattr(args, "demo", False)
    first = None
    if not demo:  # the home page's figures begin to be read now, while Qt is imported and the window made
        from kf5g_desktop.reports.dashboard import FirstRead

        place = target if target is not None else db_target(args)
        if isinstance(place, Path):
            first = FirstRead(place.expanduser())
    from kf5g_desktop.gui.app import run_gui

    return run_gui(target, demo=demo, first_read=first)  # a file's Path or a server's URL


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kf5g",
        description="开封市5G网络建设填报与周报工具。不带子命令时打开窗口。",
    )
    parser.add_argument("--version", action="version", version=f"kf5g-desktop {__version__}")
    add_db_option(parser)
    parser.add_argument("--demo", action="store_true", help="打开窗口时，若没有数据则先生成演示数据")
    sub = parser.add_subparsers(dest="command", metavar="命令")

    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


EXIT_PIPE = 141  # what a shell reports for a program ended by SIGPIPE (128 + 13)


def quiet_broken_pipe() -> int:
    """The reader of our output went away (``kf5g verify … | head``): not an error. Point stdout and
    stderr at the null device so the interpreter's final flush does not complain, and end quietly."""
    import os

    for stream in (sys.stdout, sys.stderr):
        try:
            fd = stream.fileno()
        except (OSError, ValueError, AttributeError):
            continue
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, fd)
            os.close(devnull)
        except OSError:
            pass
    return EXIT_PIPE


def run(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", cmd_gui)
    try:
        return int(func(args))
    except BrokenPipeError:
        return quiet_broken_pipe()
    except Kf5gError as exc:
        err(f"错误：{exc}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        err("已取消。")
        return EXIT_ERROR
    except Exception:  # the boundary: never a traceback on the console
        logfile = log_path()
        if logfile is not None:
            with logfile.open("a", encoding="utf-8") as f:
                f.write(traceback.format_exc())
        err(
            "程序内部错误，命令没有完成。"  # the exception itself goes to kf5g.log, not to the user
            + (f"详细信息已写入“{logfile}”，请发给技术支持。" if logfile else "请把操作步骤告诉技术支持。")
        )
        return EXIT_BUG
