"""SQL that is written differently on SQLite and PostgreSQL, as SQLAlchemy constructs compiled per
dialect (``sqlalchemy.ext.compiler``): the queries are built once, without knowing the engine, and
SQLite's SQL stays exactly what it was."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement, FunctionElement


class days_between(FunctionElement[int]):
    """Whole days from date ``earlier`` to date ``later`` (``later - earlier``)."""

    type = Integer()
    inherit_cache = True
    name = "days_between"


@compiles(days_between, "sqlite")
def _days_sqlite(element: days_between, compiler: Any, **kw: Any) -> str:
    later, earlier = (compiler.process(c, **kw) for c in element.clauses)
    return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"


@compiles(days_between)
def _days_default(element: days_between, compiler: Any, **kw: Any) -> str:
    later, earlier = (compiler.process(c, **kw) for c in element.clauses)
    return f"(CAST({later} AS DATE) - CAST({earlier} AS DATE))"


class no_index(FunctionElement[Any]):
    """A column that SQLite's planner must not pick an index for (``+col``); the plain column on
    other engines (PostgreSQL has no unary plus on dates and its planner needs no hint)."""

    inherit_cache = True  # the column is one of its clauses: in the statement cache's key
    name = "no_index"

    def __init__(self, col: Any) -> None:
        super().__init__(col)
        self.type = col.type


@compiles(no_index, "sqlite")
def _no_index_sqlite(element: no_index, compiler: Any, **kw: Any) -> str:
    (col,) = element.clauses
    return "+" + str(compiler.process(col, **kw))


@compiles(no_index)
def _no_index_default(element: no_index, compiler: Any, **kw: Any) -> str:
    (col,) = element.clauses
    return str(compiler.process(col, **kw))


class like_ci(FunctionElement[bool]):
    """``col LIKE pattern ESCAPE '\\'``, ASCII letters matched in any case as SQLite's LIKE does
    (ILIKE on PostgreSQL)."""

    inherit_cache = True
    name = "like_ci"
    _is_implicitly_boolean = True  # a condition itself (SQLite: no "= 1" after it)

    def __init__(self, col: Any, pattern: Any) -> None:
        from sqlalchemy import Boolean, literal

        super().__init__(col, pattern if isinstance(pattern, ColumnElement) else literal(pattern))
        self.type = Boolean()


@compiles(like_ci)
def _like_default(element: like_ci, compiler: Any, **kw: Any) -> str:
    col, pattern = (compiler.process(c, **kw) for c in element.clauses)
    return f"{col} LIKE {pattern} ESCAPE '\\'"


@compiles(like_ci, "postgresql")
def _like_pg(element: like_ci, compiler: Any, **kw: Any) -> str:
    col, pattern = (compiler.process(c, **kw) for c in element.clauses)
    return f"{col} ILIKE {pattern} ESCAPE '\\'"


class count_true(FunctionElement[int]):
    """How many rows meet a condition (an aggregate; 0 for none). SQLite sums the condition itself
    (a true comparison is 1); PostgreSQL counts with ``FILTER``."""

    type = Integer()
    inherit_cache = True
    name = "count_true"


@compiles(count_true, "sqlite")
def _count_true_sqlite(element: count_true, compiler: Any, **kw: Any) -> str:
    (cond,) = element.clauses
    return f"coalesce(sum({compiler.process(cond, **kw)}), 0)"


@compiles(count_true)
def _count_true_default(element: count_true, compiler: Any, **kw: Any) -> str:
    (cond,) = element.clauses
    return f"count(*) FILTER (WHERE {compiler.process(cond, **kw)})"


# Locks held to the end of a transaction, for what several writers on a server could otherwise
# compute from the same state (SQLite needs none: the one-writer lock and BEGIN IMMEDIATE already
# let one writer at a time). The first key of pg_advisory_xact_lock(int, int) names what is locked.
LOCK_CODES = 56_001  # the next free venue/pole code (second key: which register)
LOCK_SUBMISSIONS = 56_002  # the version of a unit's return (second key: the unit)
LOCK_IMPORT = 56_003  # one import of a unit's return at a time, plan to write (second key: the unit)


def unit_key(unit_code: str) -> int:
    """The second key of a unit's lock (its code as a number: 410221)."""
    import zlib

    return int(unit_code) if unit_code.isdigit() and len(unit_code) < 10 else zlib.crc32(unit_code.encode()) >> 1


def hold_lock(session: Any, what: int, key: int) -> None:
    """On PostgreSQL: wait for the lock ``(what, key)`` and hold it until the transaction ends (taken
    again in the same transaction, it is already held). Nothing on SQLite."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy import text

        session.execute(text("SELECT pg_advisory_xact_lock(:what, :key)"), {"what": what, "key": key})
