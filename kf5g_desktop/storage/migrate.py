"""Schema upgrades with Alembic, run by the program itself when it opens a database."""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kf5g_desktop.paths import migrations_path

from .errors import NewerSchemaError, StorageError
from .filecheck import readonly_uri

if TYPE_CHECKING:  # (SQLAlchemy is imported where an engine is used: the start-up's first read
    # checks a file's revision, file_state, without it)
    from sqlalchemy.engine import Connection, Engine

EMPTY = "empty"
CURRENT = "current"
BEHIND = "behind"
NEWER = "newer"
FOREIGN = "foreign"  # a SQLite file with tables but no alembic_version: not ours


def _config(connection: Connection | None = None) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_path()))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def _script() -> Any:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


_REVISION_LINE = re.compile(r"^(revision|down_revision)\b[^=\n]*=\s*(.+?)\s*$", re.MULTILINE)


def revision_graph() -> dict[str, tuple[str, ...]]:
    """Each migration's revision and the revisions it revises, read from the files' module-level
    ``revision = …`` / ``down_revision = …`` lines without importing Alembic (about a third of a
    second at every start-up); Alembic itself is loaded only for an upgrade. The same graph as
    Alembic's ScriptDirectory (a test compares them)."""
    return dict(_revision_graph(str(migrations_path())))


@functools.cache
def _revision_graph(folder: str) -> dict[str, tuple[str, ...]]:
    graph: dict[str, tuple[str, ...]] = {}
    for f in sorted((Path(folder) / "versions").glob("*.py")):
        found: dict[str, str] = {m[1]: m[2] for m in _REVISION_LINE.finditer(f.read_text(encoding="utf-8"))}
        if "revision" not in found:
            continue
        down = ast.literal_eval(found.get("down_revision", "None"))
        downs = () if down is None else (down,) if isinstance(down, str) else tuple(down)
        graph[str(ast.literal_eval(found["revision"]))] = tuple(str(d) for d in downs)
    return graph


def head_revision() -> str:
    graph = revision_graph()
    heads = set(graph) - {d for downs in graph.values() for d in downs}
    if len(heads) == 1:
        return heads.pop()
    head = _script().get_current_head()  # (several heads or none: Alembic says what is wrong)
    assert head is not None
    return str(head)


def known_revisions() -> set[str]:
    return set(revision_graph())


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        if "alembic_version" not in tables:
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return str(row[0]) if row else None


def schema_state(engine: Engine) -> tuple[str, str | None]:
    """(state, current revision) — see the module constants."""
    from sqlalchemy import inspect

    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    return _state(tables, current_revision(engine))


def file_state(path: Path) -> tuple[str, str | None]:
    """Like :func:`schema_state`, but reads the file read-only without our pragmas, so a file that
    is refused (newer, foreign) is not touched at all — not even switched to WAL."""
    import sqlite3

    con = sqlite3.connect(readonly_uri(path), uri=True)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        rev = None
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            rev = str(row[0]) if row else None
    finally:
        con.close()
    return _state(tables, rev)


def _state(tables: set[str], rev: str | None) -> tuple[str, str | None]:
    """(state, revision) of a database with these tables and this recorded revision."""
    if rev is None:
        return (FOREIGN if tables - {"alembic_version"} else EMPTY), None
    if rev == head_revision():
        return CURRENT, rev
    if rev in known_revisions():
        return BEHIND, rev
    return NEWER, rev


def refuse_if_not_ours(path: Path) -> str:
    """Refuse a database of a newer program or a file that is not ours; else its state."""
    state, rev = file_state(path)
    if state == NEWER:
        raise NewerSchemaError(rev or "?")
    if state == FOREIGN:
        raise StorageError(FOREIGN_MESSAGE)
    return state


FOREIGN_MESSAGE = "这个文件不是本程序的数据库（缺少结构版本信息），未做任何改动。请选择正确的数据库文件。"


def upgrade(engine: Engine, *, before: Callable[[], object] | None = None) -> str | None:
    """Bring the schema to head. ``before`` runs first when there is something to upgrade
    (the caller makes the verified backup there). Returns the revision upgraded from, or None.

    Refuses a database from a newer program (NewerSchemaError) without touching it.
    """
    state, rev = schema_state(engine)
    if state == CURRENT:
        return None
    if state == NEWER:
        raise NewerSchemaError(rev or "?")
    if state == FOREIGN:
        raise StorageError(
            "这个文件不是本程序的数据库（缺少结构版本信息），未做任何改动。请选择正确的数据库文件。"
        )
    if state == BEHIND and before is not None:
        before()
    from alembic import command

    if engine.dialect.name == "postgresql":
        _upgrade_server(engine)
        return rev
    with engine.connect() as conn:
        # Batch migrations copy tables; foreign keys must be off while they do (SQLite's rule),
        # and the pragma only takes effect outside a transaction: set it on the raw connection.
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            command.upgrade(_config(conn), "head")
            if conn.in_transaction():
                conn.commit()
            problems = raw.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
        if problems:
            raise StorageError(f"结构升级后外键检查未通过（{len(problems)} 处），已停止。")
    return rev


def _upgrade_server(engine: Engine) -> None:
    """PostgreSQL: the same migrations, each in its own transaction (DDL is transactional there: a
    failed one leaves the schema as it was before it). What only a server has (the audit trigger,
    the groups' grants on any new table) is :func:`server.upgrade`'s, which calls this."""
    from alembic import command

    with engine.connect() as conn:
        command.upgrade(_config(conn), "head")
        if conn.in_transaction():
            conn.commit()


def migrations_dir() -> Path:
    return migrations_path()
