"""The one place that knows where resources and the user's data live (also when frozen)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "kf5g-desktop"
ENV_DB = "KF5G_DB"
DB_FILE_NAME = "kf5g.db"


def _base_dir() -> Path:
    # PyInstaller unpacks data next to the executable (one-folder) or into _MEIPASS (one-file).
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """Path of a file under the project's ``resources/`` folder."""
    return _base_dir().joinpath("resources", *parts)


def migrations_path() -> Path:
    return _base_dir() / "migrations"


def user_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def default_db_path() -> Path:
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env)
    return user_data_dir() / DB_FILE_NAME


def backup_dir_for(db_path: Path) -> Path:
    """Backups live in a folder beside the database: ``<db dir>/backups/``."""
    return db_path.parent / "backups"
