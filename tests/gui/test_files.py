"""File dialogs: Qt's own texts in Chinese, the documents folder first, the last folder remembered
per purpose (issue 11.13)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from kf5g_desktop.gui.returns_dialogs import ExportDialog, ImportPreviewDialog
from kf5g_desktop.returns.export import export_return
from tests.returns import factory
from tests.returns.conftest import WEEK


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A home folder with a documents folder, and a working directory elsewhere."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    return home


@pytest.fixture
def chinese_qt():
    """Qt's translations as the program installs them in the Chinese interface."""
    from kf5g_desktop.gui.app import install_translations

    app = QApplication.instance()
    before = set(app.findChildren(QTranslator))
    install_translations(app, "zh_CN")
    yield
    for t in set(app.findChildren(QTranslator)) - before:
        app.removeTranslator(t)
        t.setParent(None)  # gone, not a child a later test would take for one of the program's


def _answer_file_dialog(seen: list[dict], choose: Path | None) -> None:
    """When the next file dialog shows, note where it opened and its labels, then pick ``choose``."""

    def act() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, QFileDialog):
            QTimer.singleShot(20, act)
            return
        seen.append(
            {
                "folder": Path(dlg.directory().absolutePath()),
                "labels": [w.text() for w in dlg.findChildren(QLabel) if w.text()],
            }
        )
        if choose is None:
            dlg.reject()
        else:
            dlg.selectFile(str(choose))
            dlg.accept()

    QTimer.singleShot(0, act)


def test_file_dialogs_start_in_documents_and_remember_the_folder_per_purpose(
    qtbot, tmp_path, home, chinese_qt
):
    unit = factory.open_store(tmp_path / "u" / "kf5g.db")
    city = factory.open_store(tmp_path / "c" / "kf5g.db", kind="city", unit=None)
    try:
        factory.make_records(unit, "410221", 5)
        returns = tmp_path / "收到的周报"
        returns.mkdir()
        good = export_return(unit, WEEK, returns).path
        documents = home / "Documents"

        # 导出周报 proposes the documents folder, not the working directory.
        export = ExportDialog(unit)
        qtbot.addWidget(export)
        assert Path(export.folder.text()) == documents

        # 校验 / 导入周报 → 选择文件…: opens in the documents folder, in Chinese; the file is taken.
        seen: list[dict] = []
        dlg = ImportPreviewDialog(city)
        qtbot.addWidget(dlg)
        _answer_file_dialog(seen, good)
        dlg._choose()
        assert seen[0]["folder"] == documents
        labels = " ".join(seen[0]["labels"])
        assert "查找范围" in labels and "文件类型" in labels
        assert not re.search(r"[A-Za-z]{3,}", labels.replace("Excel", "")), labels
        assert dlg.paths == [good]
        qtbot.waitUntil(lambda: dlg.model.rowCount() == 1)

        # The next time it opens where the last file was chosen ...
        _answer_file_dialog(seen, None)
        dlg._choose()
        assert seen[1]["folder"] == returns
        # ... while another purpose keeps its own folder.
        export2 = ExportDialog(unit)
        qtbot.addWidget(export2)
        assert Path(export2.folder.text()) == documents
        out = tmp_path / "发给市局"
        out.mkdir()
        _answer_file_dialog(seen, out)
        export2._browse()
        assert Path(export2.folder.text()) == out and seen[2]["folder"] == documents
        export3 = ExportDialog(unit)
        qtbot.addWidget(export3)
        assert Path(export3.folder.text()) == out
        _answer_file_dialog(seen, None)
        ImportPreviewDialog(city)._choose()
        assert seen[3]["folder"] == returns
    finally:
        unit.close()
        city.close()
