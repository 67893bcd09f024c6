"""``python -m kf5g_desktop`` / ``kf5g``: the command line; no subcommand opens the window."""

from __future__ import annotations

import sys


def main() -> None:
    from kf5g_desktop.cli import run

    sys.exit(run(sys.argv[1:]))


if __name__ == "__main__":
    main()
