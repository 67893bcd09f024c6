from __future__ import annotations

import os
from datetime import date, datetime

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kf5g_desktop.domain.records import Approval, Pole, Station, Venue
from kf5g_desktop.storage.store import Store

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


def sample_station(i: int, **kw) -> Station:
    base = dict(
        unit_code="410221",
        station_code=f"KF{i:05d}",
        operator=("CMCC", "CUCC", "CTCC", "CBN")[i % 4],
        name=f"杞县测试站{i}",
        township_code="410221001",
        address=f"金城街道{i}号",
        lon=114.78 + (i % 10) * 0.001,
        lat=34.55,
        station_type="macro",
        build_mode="new",
        network_mode="SA" if i % 3 else "NSA",
        status="on_air" if i % 2 else "approving",
        on_air=date(2021, 1, 1 + i % 28) if i % 2 else None,
        power_supply="direct" if i % 5 else "indirect",
        approvals=[Approval("land", date(2021, 1, 2))] if i % 2 == 0 else [],
    )
    base.update(kw)
    return Station(**base)


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "kf5g.db", user="张三", clock=lambda: NOW)
    s.setup_installation(kind="unit", unit_code="410221", user_name="张三", user_phone="0371-1234567")
    s.save_many([sample_station(i) for i in range(1, 31)])
    s.save(
        Venue(
            unit_code="410221",
            name="县政府大楼",
            category="government",
            township_code="410221001",
            resources=["rooftop"],
        )
    )
    s.save(Pole(unit_code="410221", name="人民路1号路灯杆", sector="municipal", pole_type="streetlight"))
    yield s
    s.close()


@pytest.fixture
def window(qtbot, store, monkeypatch):
    from kf5g_desktop.gui.main_window import MainWindow

    win = MainWindow(store)  # closed below, not by qtbot (which would meet "unsaved changes?" questions)
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
