"""Fast multi-row INSERTs for bulk imports: plain tuples through the driver's ``executemany``.

SQLAlchemy's executemany builds, processes and checks one parameter dict per row; for the 100,000
rows of a city import that costs several times the SQLite work itself. Here the values are turned
into SQLite's storage form once per column type — exactly what SQLAlchemy's SQLite dialect stores
(dates ``YYYY-MM-DD``, date-times ``YYYY-MM-DD HH:MM:SS.ffffff``, booleans 1/0), a test compares the
stored rows with those of ``Store.save`` — and sent as one ``executemany`` on the session's
connection, inside its transaction. Errors still come out as SQLAlchemy's DBAPIError subclasses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Boolean, Date, DateTime, FromClause, Table
from sqlalchemy.orm import Session

Converter = Callable[[Any], Any]


def sql_datetime(value: datetime) -> str:
    """A date-time as SQLAlchemy's SQLite dialect stores it."""
    return value.isoformat(" ", "microseconds")


def _date(value: Any) -> Any:
    return value if value is None or value.__class__ is str else date.isoformat(value)


def _datetime(value: Any) -> Any:
    return value if value is None or value.__class__ is str else sql_datetime(value)


def _bool(value: Any) -> Any:
    return None if value is None else int(bool(value))


def converters(table: Table | FromClause, columns: Sequence[str]) -> list[tuple[int, Converter]]:
    """(position, converter) for the columns whose Python values need converting for SQLite."""
    out: list[tuple[int, Converter]] = []
    for i, name in enumerate(columns):
        typ = table.c[name].type
        if isinstance(typ, DateTime):
            out.append((i, _datetime))
        elif isinstance(typ, Date):
            out.append((i, _date))
        elif isinstance(typ, Boolean):
            out.append((i, _bool))
    return out


def to_storage(rows: list[list[Any]], convs: list[tuple[int, Converter]]) -> None:
    """Convert, in place, the values of ``rows`` (lists in column order) to SQLite's storage form."""
    for i, conv in convs:
        for row in rows:
            v = row[i]
            if v is not None:
                row[i] = conv(v)


def insert_rows(
    session: Session,
    table: Table | FromClause,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    constants: dict[str, str | int | None] | None = None,
) -> None:
    """INSERT ``rows`` (values in storage form, in ``columns`` order) in the session's transaction.

    ``constants`` (column → the same storage value for every row) are written into the statement
    as SQL literals rather than bound once per row."""
    if not rows:
        return
    if not isinstance(rows[0], tuple):
        rows = list(map(tuple, rows))
    bound = [c for c, v in (constants or {}).items() if isinstance(v, str) and "\x00" in v]
    literal = {c: v for c, v in (constants or {}).items() if c not in bound}
    if bound:  # a NUL character cannot be in an SQL literal: such constants are bound with every row
        extra = tuple(constants[c] for c in bound)  # type: ignore[index]
        rows = [r + extra for r in rows]  # type: ignore[operator]
    names = ", ".join(f'"{c}"' for c in (*columns, *bound, *literal))
    marks = ", ".join(["?"] * (len(columns) + len(bound)) + [_literal(v) for v in literal.values()])
    sql = f'INSERT INTO "{cast(Table, table).name}" ({names}) VALUES ({marks})'
    session.connection().exec_driver_sql(sql, rows)


def _literal(value: str | int | None) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(int(value))
    return "'" + value.replace("'", "''") + "'"
