"""Shared fixtures: real SQLite databases in temporary folders, a fixed clock."""

from __future__ import annotations

import os
from datetime import datetime

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXED_NOW = datetime(2021, 2, 8, 9, 30, 0)


class Clock:
    """A settable clock for the store: tests move time forward explicitly."""

    def __init__(self, now: datetime = FIXED_NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def empty_store(tmp_path, clock):
    from kf5g_desktop.storage.store import Store

    s = Store.open(tmp_path / "kf5g.db", user="测试员", clock=clock)
    s.setup_installation(kind="unit", unit_code="410221", user_name="测试员", user_phone="0371-28888888")
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    """A demo database (default size) shared read-only by tests in a session."""
    from kf5g_desktop.storage.demo import generate_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    summary = generate_demo(path)
    return path, summary
