from __future__ import annotations

import os
from datetime import datetime

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kf5g_desktop.storage.store import Store
from tests.builders import numbered_station, pole, venue

NOW = datetime(2021, 3, 1, 10, 0)


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch):
    """QSettings in a temp folder so tests never share remembered filters/columns."""
    from PySide6.QtCore import QCoreApplication, QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QCoreApplication.setOrganizationName("kf5g-test")
    QCoreApplication.setApplicationName(f"gui-{tmp_path.name}")
    yield


@pytest.fixture
def sample_store(tmp_path):
    s = Store.open(tmp_path / "kf5g.db", user="张三", clock=lambda: NOW)
    s.setup_installation(kind="unit", unit_code="410221", user_name="张三", user_phone="0371-1234567")
    s.save_many([numbered_station(i) for i in range(1, 31)])
    s.save(
        venue(
            name="县政府大楼",
            category="government",
            township_code="410221001",
            resources=["rooftop"],
        )
    )
    s.save(pole())
    yield s
    s.close()


@pytest.fixture
def window(qtbot, sample_store, monkeypatch):
    from kf5g_desktop.gui.main_window import MainWindow

    win = MainWindow(
        sample_store
    )  # closed below, not by qtbot (which would meet "unsaved changes?" questions)
    win.show()
    qtbot.waitExposed(win)
    yield win
    from kf5g_desktop.gui.record_form import RecordForm

    # Tearing down: discard open forms without the "unsaved changes" question.
    monkeypatch.setattr(RecordForm, "is_dirty", lambda self: False)
    for form in list(win.forms):
        form.done(0)
    win.close()
    win.deleteLater()
