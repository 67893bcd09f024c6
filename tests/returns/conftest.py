from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.returns.export import export_return
from tests.returns import factory

WEEK = IsoWeek(2021, 5)


@pytest.fixture(params=["sqlite", "postgresql"])
def engine_kind(request) -> str:
    """The returns suite runs on SQLite and on PostgreSQL (tests using ``new_db``: these stores)."""
    return str(request.param)


@pytest.fixture
def unit_store(new_db, tmp_path):
    (tmp_path / "unit").mkdir(exist_ok=True)
    store = factory.open_store(new_db("unit/kf5g.db", "张三"))
    factory.make_records(store, "410221", 40)
    yield store
    store.close()


@pytest.fixture
def exported(unit_store, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    return export_return(unit_store, WEEK, out)


@pytest.fixture
def city_store(new_db, tmp_path):
    clock = factory.fixed_clock(factory.NOW)
    (tmp_path / "city").mkdir(exist_ok=True)
    store = factory.open_store(new_db("city/kf5g.db", "张三"), kind="city", unit=None, clock=clock)
    store.clock_state = clock.state  # type: ignore[attr-defined]
    yield store
    store.close()


def db_digest(db) -> str:
    """A digest of a whole database: a SQLite file's bytes, or (a Store on a server) every row of
    every table — equal digests, nothing written."""
    if getattr(db, "on_server", False):
        from sqlalchemy import select

        from kf5g_desktop.storage.models import Base

        h = hashlib.sha256()
        with db.session() as s:
            for table in Base.metadata.sorted_tables:
                for row in s.execute(select(table).order_by(*table.primary_key.columns)):
                    h.update(repr(tuple(row)).encode())
        return h.hexdigest()
    if not isinstance(db, (str, Path)):
        db = db.path
    return hashlib.sha256(Path(db).read_bytes()).hexdigest()
