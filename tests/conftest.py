"""Shared fixtures: real SQLite databases in temporary folders (and real PostgreSQL databases on a
throw-away cluster for the suites that run on both engines), a fixed clock."""

from __future__ import annotations

import os
from datetime import datetime

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXED_NOW = datetime(2021, 2, 8, 9, 30, 0)
TEST_USER = "测试员"  # who the tests' stores write as (on PostgreSQL: the login role)


class Clock:
    """A settable clock for the store: tests move time forward explicitly."""

    def __init__(self, now: datetime = FIXED_NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(scope="session")
def pg_cluster():
    """A throw-away PostgreSQL cluster for this test process (``tests/pg.py``)."""
    from tests.pg import start_cluster

    cluster = start_cluster()
    yield cluster
    cluster.stop()


@pytest.fixture
def engine_kind() -> str:
    """The engine a test's database is on. "sqlite" here; the storage, returns and reports suites
    override it with both engines (their conftest.py), so their tests run on each."""
    return "sqlite"


@pytest.fixture
def new_db(request, engine_kind, tmp_path, monkeypatch):
    """``new_db(name="kf5g.db", user=TEST_USER)``: where a new database is — a SQLite file in the
    test's temporary folder, or a fresh database on the throw-away PostgreSQL cluster (current
    schema and reference data) opened as login ``user`` (on a server the user is the login)."""
    if engine_kind == "sqlite":
        yield lambda name="kf5g.db", user=TEST_USER: tmp_path / name
        return
    cluster = request.getfixturevalue("pg_cluster")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # this PC's backups of a server
    made: list[str] = []

    def make(name: str = "kf5g.db", user: str = TEST_USER) -> str:
        made.append(cluster.new_database())
        cluster.login(user, superuser=True)
        return cluster.url(made[-1], user)

    yield make
    # The databases are not dropped one by one (DROP DATABASE waits for a checkpoint, seconds on a
    # busy machine): the whole cluster goes at the end of the session.


@pytest.fixture
def db_target(new_db):
    """Where a test's new database is (see ``new_db``)."""
    return new_db()


@pytest.fixture
def empty_store(db_target, clock):
    from kf5g_desktop.storage.store import Store

    s = Store.open(db_target, user=TEST_USER, clock=clock)
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
