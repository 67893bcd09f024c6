"""Fast multi-row INSERTs for bulk imports (PostgreSQL: ``COPY``): plain tuples through the driver's ``executemany``.

SQLAlchemy's executemany builds, processes and checks one parameter dict per row; for the 100,000
rows of a city import that costs several times the SQLite work itself. Here the values are turned
into SQLite's storage form once per column type — exactly what SQLAlchemy's SQLite dialect stores
(dates ``YYYY-MM-DD``, date-times ``YYYY-MM-DD HH:MM:SS.ffffff``, booleans 1/0), a test compares the
stored rows with those of ``Store.save`` — and sent as one ``executemany`` on the session's
connection, inside its transaction. Errors still come out as SQLAlchemy's DBAPIError subclasses.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from datetime import date, datetime
from itertools import chain
from typing import Any, cast

from sqlalchemy import Boolean, Date, DateTime, FromClause, Table
from sqlalchemy.engine import Connection
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
    _insert(session.connection(), table, columns, rows, constants)


def _insert(
    conn: Connection,
    table: Table | FromClause,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    constants: dict[str, str | int | None] | None,
) -> None:
    if conn.dialect.name == "postgresql":
        _copy(conn, table, columns, rows, constants)
        return
    for sql, params in _statements(conn, table, columns, rows, constants):
        conn.exec_driver_sql(sql, params)


def _copy(
    conn: Connection,
    table: Table | FromClause,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    constants: dict[str, str | int | None] | None,
) -> None:
    """PostgreSQL: the rows through ``COPY … FROM STDIN`` (psycopg's copy protocol), the constants
    appended to each. The storage form is also what COPY's text format reads (dates and date-times
    as ISO text, booleans 1/0)."""
    if not rows:
        return
    extra = tuple((constants or {}).values())
    names = ", ".join(f'"{c}"' for c in (*columns, *(constants or {})))
    raw: Any = conn.connection.driver_connection
    sql = f'COPY "{cast(Table, table).name}" ({names}) FROM STDIN'
    import psycopg

    try:
        with raw.cursor() as cur, cur.copy(sql) as copy:
            write = copy.write_row
            if extra:
                for r in rows:
                    write((*r, *extra))
            else:
                for r in rows:
                    write(r)
    except psycopg.Error as exc:  # as SQLAlchemy's own statements raise it (IntegrityError, …)
        from sqlalchemy.exc import DBAPIError

        raise DBAPIError.instance(sql, None, exc, psycopg.Error) from exc


def reserve_ids(session: Session, table: Table | FromClause, n: int) -> Sequence[int]:
    """``n`` new ids for rows of ``table`` that are inserted with their ids. SQLite: the ids after
    the largest (the one-writer lock and the transaction make that safe); PostgreSQL: taken from the
    table's sequence, so writers on other PCs never get the same ones."""
    t = cast(Table, table)
    if session.get_bind().dialect.name == "postgresql":
        ids = session.connection().exec_driver_sql(
            f"SELECT nextval(pg_get_serial_sequence('{t.name}', 'id')) FROM generate_series(1, {int(n)})"
        )
        return [int(r[0]) for r in ids]
    from sqlalchemy import func, select

    first = int(session.scalar(select(func.max(t.c.id))) or 0) + 1
    return range(first, first + n)


def _statements(
    conn: Connection,
    table: Table | FromClause,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    constants: dict[str, str | int | None] | None,
) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """Multi-row INSERT statements (as many rows each as SQLite takes parameters): one statement
    binds and inserts hundreds of rows, so SQLite runs long stretches without the GIL."""
    if not rows:
        return
    bound = [c for c, v in (constants or {}).items() if isinstance(v, str) and "\x00" in v]
    literal = {c: v for c, v in (constants or {}).items() if c not in bound}
    if bound:  # a NUL character cannot be in an SQL literal: such constants are bound with every row
        extra = tuple(constants[c] for c in bound)  # type: ignore[index]
        rows = [tuple(r) + extra for r in rows]
    names = ", ".join(f'"{c}"' for c in (*columns, *bound, *literal))
    width = len(columns) + len(bound)
    group = "(" + ", ".join(["?"] * width + [_literal(v) for v in literal.values()]) + ")"
    head = f'INSERT INTO "{cast(Table, table).name}" ({names}) VALUES '
    per = max(1, min(_MAX_ROWS, _variable_limit(conn) // max(width, 1)))
    full = head + ", ".join([group] * per)
    for at in range(0, len(rows), per):
        chunk = rows[at : at + per]
        sql = full if len(chunk) == per else head + ", ".join([group] * len(chunk))
        yield sql, tuple(chain.from_iterable(chunk))


_MAX_ROWS = 2000  # rows per INSERT statement


def _variable_limit(conn: Connection) -> int:
    """How many ``?`` one statement may have (32766 since SQLite 3.32, 999 before)."""
    raw = conn.connection.driver_connection
    try:
        return int(raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))  # type: ignore[union-attr]
    except (AttributeError, sqlite3.Error):
        return 999


class BackgroundInserts:
    """:func:`insert_rows` run in order on one background thread, in the session's transaction.

    SQLite releases the GIL while it inserts, so the caller builds the next rows meanwhile (each
    statement inserts hundreds of rows: the thread needs the GIL only between statements). While
    the context is open the caller must not use the session. Leaving it waits for every insert and
    raises the first error (so the caller's transaction is rolled back as usual); after an error
    nothing more is inserted.
    """

    def __init__(self, session: Session, pending: int = 0) -> None:
        """``pending``: at most that many inserts wait (``insert`` blocks meanwhile); 0: no limit."""
        self._conn = session.connection()
        self._queue: queue.Queue[tuple[Any, ...] | None] = queue.Queue(pending)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="kf5g-insert", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if self._error is None:
                try:
                    _insert(self._conn, *item)
                except BaseException as exc:  # handed to the caller's thread
                    self._error = exc

    def insert(
        self,
        table: Table | FromClause,
        columns: Sequence[str],
        rows: Sequence[Sequence[Any]],
        constants: dict[str, str | int | None] | None = None,
    ) -> None:
        self._queue.put((table, columns, rows, constants))

    def close(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def __enter__(self) -> BackgroundInserts:
        return self

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        if exc is None:
            self.close()
            return
        with suppress(BaseException):  # already failing: wait for the thread, keep that error
            self.close()


def _literal(value: str | int | None) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(int(value))
    return "'" + value.replace("'", "''") + "'"
