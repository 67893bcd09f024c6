"""File dialogs that start where the user keeps documents and remember the last folder per purpose.

Every file dialog of the program goes through these functions with a *purpose* (``"returns_export"``,
``"returns_import"``, ``"bulk_import"``, ``"reference"``, ``"report_pdf"``, ``"database"``): the first
time it opens in the user's documents folder (QStandardPaths.DocumentsLocation), afterwards in the
folder last used for that purpose (QSettings ``folders/<purpose>``), never in the working directory.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def documents_folder() -> Path:
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs) if docs and Path(docs).is_dir() else Path.home()


def start_folder(purpose: str) -> Path:
    """The folder a dialog for ``purpose`` opens in."""
    last = QSettings().value(f"folders/{purpose}")
    if last and Path(str(last)).is_dir():
        return Path(str(last))
    return documents_folder()


def remember_folder(purpose: str, path: str | Path) -> None:
    """Remember ``path`` (a folder, or a file whose folder is meant) for ``purpose``."""
    p = Path(path)
    folder = p if p.is_dir() else p.parent
    if str(folder) and folder.is_dir():
        QSettings().setValue(f"folders/{purpose}", str(folder))


def open_file(parent: QWidget | None, purpose: str, title: str, filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(purpose)), filters)
    if path:
        remember_folder(purpose, path)
    return path


def open_files(parent: QWidget | None, purpose: str, title: str, filters: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder(purpose)), filters)
    if paths:
        remember_folder(purpose, paths[0])
    return list(paths)


def save_file(
    parent: QWidget | None,
    purpose: str,
    title: str,
    file_name: str,
    filters: str,
    options: QFileDialog.Option | None = None,
) -> str:
    """A save dialog suggesting ``file_name`` in the purpose's folder."""
    suggested = str(start_folder(purpose) / file_name)
    if options is None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    else:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters, options=options)
    if path:
        remember_folder(purpose, path)
    return path


def choose_folder(parent: QWidget | None, purpose: str, title: str, current: str | None = None) -> str:
    start = current if current and Path(current).is_dir() else str(start_folder(purpose))
    folder = QFileDialog.getExistingDirectory(parent, title, start)
    if folder:
        remember_folder(purpose, folder)
    return folder
