"""``kf5g.log`` in the user's data folder: technical detail that is not for the user's eyes.

Library code logs to the ``kf5g`` logger (``logging.getLogger("kf5g")``); the entry points (the
command line, the window) call :func:`install` once so those records land in ``kf5g.log``. Without
it (tests, embedding) nothing is written to the user's folder.
"""

from __future__ import annotations

import logging
from pathlib import Path

LOGGER = "kf5g"
_installed: list[logging.Handler] = []


def log_path() -> Path | None:
    try:
        from kf5g_desktop.paths import user_data_dir

        folder = user_data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        return folder / "kf5g.log"
    except OSError:
        return None


def install() -> Path | None:
    """Send the ``kf5g`` logger's records (INFO and above) to ``kf5g.log``; once per process."""
    path = log_path()
    if path is None or _installed:
        return path
    try:
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger(LOGGER)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    _installed.append(handler)
    return path
