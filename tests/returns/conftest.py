from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.returns.export import export_return
from tests.returns import factory

WEEK = IsoWeek(2021, 5)


@pytest.fixture
def unit_store(tmp_path):
    store = factory.open_store(tmp_path / "unit" / "kf5g.db")
    factory.make_records(store, "410221", 40)
    yield store
    store.close()


@pytest.fixture
def exported(unit_store, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    return export_return(unit_store, WEEK, out)


@pytest.fixture
def city_store(tmp_path):
    clock = factory.fixed_clock(factory.NOW)
    store = factory.open_store(tmp_path / "city" / "kf5g.db", kind="city", unit=None, clock=clock)
    store.clock_state = clock.state  # type: ignore[attr-defined]
    yield store
    store.close()


def db_digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
