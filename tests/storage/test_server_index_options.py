"""The live unique indexes' PostgreSQL option (WHERE deleted_at IS NULL) is added when a server
engine is made, so that opening a SQLite file never loads SQLAlchemy's PostgreSQL dialect."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.schema import CreateIndex

from kf5g_desktop.storage import server
from kf5g_desktop.storage.models import LIVE_UNIQUE_INDEXES, Base, add_server_options
from kf5g_desktop.storage.store import Store

OPEN_A_FILE = r"""
import json, sys
from kf5g_desktop.storage.store import Store
Store.open(sys.argv[1]).close()
print(json.dumps(sorted(m for m in sys.modules if m.startswith("sqlalchemy.dialects."))))
"""


def _live_indexes() -> list:
    found = [i for t in Base.metadata.tables.values() for i in t.indexes if i.name in LIVE_UNIQUE_INDEXES]
    assert sorted(i.name for i in found) == sorted(LIVE_UNIQUE_INDEXES)
    return found


def test_opening_a_sqlite_file_does_not_load_the_postgresql_dialect(tmp_path):
    db = tmp_path / "kf5g.db"
    Store.open(db).close()  # made (Alembic's DDL helpers load every dialect), then opened as a start-up does
    out = subprocess.run(
        [sys.executable, "-c", OPEN_A_FILE, str(db)],
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert "sqlalchemy.dialects.sqlite" in loaded
    assert not [m for m in loaded if m.startswith("sqlalchemy.dialects.postgresql")]


def test_the_live_unique_indexes_are_partial_on_both_engines():
    add_server_options()
    add_server_options()  # idempotent
    for index in _live_indexes():
        for dialect in (sqlite.dialect(), postgresql.dialect()):
            ddl = str(CreateIndex(index).compile(dialect=dialect))
            assert ddl.startswith("CREATE UNIQUE INDEX") and ddl.endswith("WHERE deleted_at IS NULL"), ddl


def test_a_server_engine_brings_the_postgresql_option():
    pytest.importorskip("psycopg")
    engine = server.make_server_engine("postgresql://nobody@/kf5g?host=/nonexistent-socket-dir")
    try:
        for index in _live_indexes():
            assert str(index.dialect_options["postgresql"]["where"]) == "deleted_at IS NULL"
    finally:
        engine.dispose()
