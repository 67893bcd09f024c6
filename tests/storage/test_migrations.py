"""Alembic: a new database is created at head; models match migrations; newer databases are refused."""

import hashlib
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from kf5g_desktop.storage import migrate
from kf5g_desktop.storage.db import make_engine
from kf5g_desktop.storage.errors import NewerSchemaError, StorageError
from kf5g_desktop.storage.models import Base
from kf5g_desktop.storage.store import Store


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_upgrade_from_empty_reaches_head_and_matches_the_models(tmp_path):
    engine = make_engine(tmp_path / "m.db")
    assert migrate.schema_state(engine) == (migrate.EMPTY, None)
    migrate.upgrade(engine)
    assert migrate.schema_state(engine) == (migrate.CURRENT, migrate.head_revision())
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == [], f"models and migrations differ: {diff}"
    engine.dispose()


def test_migrations_form_one_line_of_history():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate._config())
    assert len(script.get_heads()) == 1


def test_a_database_from_a_newer_program_is_refused_untouched(tmp_path):
    path = tmp_path / "new.db"
    Store.open(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = 'f00dfeed9999'")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(NewerSchemaError, match="更新版本的程序") as e:
        Store.open(path)
    assert "未做任何改动" in str(e.value)
    assert digest(path) == before
    with pytest.raises(NewerSchemaError):
        Store.open(path, readonly=True)
    assert digest(path) == before
    # And the lock was released: the file can be opened by others.
    from kf5g_desktop.storage.db import WriterLock

    lock = WriterLock(path)
    lock.acquire("x")
    lock.release()


def test_a_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE customers (id INTEGER)")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(StorageError, match="不是本程序的数据库"):
        Store.open(path)
    assert digest(path) == before
