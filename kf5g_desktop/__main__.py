"""``python -m kf5g_desktop`` / ``kf5g``: the command line; no subcommand opens the window."""

from __future__ import annotations

import sys


def main() -> None:
    if getattr(sys, "frozen", False):  # a PyInstaller build: a child process of ours starts here
        import multiprocessing  # (the demo's writer, storage/demo_writer.py; the import's verify worker)

        multiprocessing.freeze_support()
    from kf5g_desktop import logfile
    from kf5g_desktop.cli import run

    logfile.install()  # technical detail (why a file could not be read …) goes to kf5g.log
    try:
        rc = run(sys.argv[1:])
    except BrokenPipeError:  # argparse's own --help/--version output into a closed pipe
        from kf5g_desktop.cli.main import quiet_broken_pipe

        rc = quiet_broken_pipe()
    sys.exit(rc)


if __name__ == "__main__":
    main()
