"""The command line (``kf5g``), one module per area: ``common`` (exit codes, ``--db``, output),
``data`` (init, demo, check, backup, backups, restore), ``report``, ``returns``, ``selftest``;
``main`` lists them and runs a command."""

from kf5g_desktop.cli.main import build_parser, run

__all__ = ["build_parser", "run"]
