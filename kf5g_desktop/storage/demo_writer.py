"""The demo's bulk writes in a process of their own, so that drawing and writing use a core each.

A demo made as a new file (nobody else sees it until it is renamed into place) has its registers,
versions and audit rows written by a child process with its own SQLite connection, in one
transaction, while the demo goes on drawing the next records: in one process the two would share
Python's lock, and binding millions of values to SQLite's statements holds it (most of the writing's
time). The child imports nothing but the standard library, so it starts at once.

The parent hands over chunks of rows already in SQLite's storage form (see ``rawinsert``: str, int,
float, None), marshalled (the child is the same interpreter; faster than pickling), through a pipe; a
thread of the parent sends them while the next ones are drawn. Values are bound
as SQLAlchemy's executemany would bind them, except that ``None`` is bound as a NaN float, which
SQLite stores as NULL (``sqlite3_bind_double``): the same row, without the sqlite3 module's lookup
for an adapter of every ``None``. An error in the child (a full disk …) comes back to the parent as
the ``sqlite3`` error it was, wrapped as SQLAlchemy wraps it, so the demo reports it as before.
"""

from __future__ import annotations

import marshal
import multiprocessing
import queue
import sqlite3
import threading
import traceback
from collections.abc import Sequence
from contextlib import suppress
from itertools import chain
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

# (table, columns, rows in storage form); or ("", sql, ()) for a statement run in its turn
Work = list[tuple[str, Sequence[str], Sequence[Sequence[Any]]]]

_MAX_ROWS = 2000  # rows per INSERT statement (as rawinsert's)
_NULL = {None: float("nan")}  # dict.get(v, v): None → NaN, anything else itself, at C speed


class WriterError(Exception):
    """A failure of the writing process that was not SQLite's (a bug): its traceback as text."""


class ProcessWriter:
    """A child process writing into ``path`` (a database nobody else has open), in one transaction.

    ``pragmas``: statements run on its connection first. :meth:`send` queues work (at most
    ``pending`` chunks wait; then it blocks); :meth:`close` commits and waits, raising the first
    error; :meth:`abandon` stops the child without committing.
    """

    def __init__(self, path: Path, pragmas: Sequence[str], pending: int = 3) -> None:
        ctx = multiprocessing.get_context("spawn")  # a fresh interpreter: no inherited threads or connections
        work_out, work_in = ctx.Pipe(duplex=False)
        result_out, result_in = ctx.Pipe(duplex=False)
        self._proc = ctx.Process(
            target=_serve, args=(str(path), list(pragmas), work_out, result_in), name="kf5g-demo-writer"
        )
        self._proc.daemon = True
        self._proc.start()
        work_out.close()
        result_in.close()
        self._work = work_in
        self._result = result_out
        self._queue: queue.Queue[bytes | None] = queue.Queue(pending)
        self._send_error: BaseException | None = None
        self._thread = threading.Thread(target=self._pump, name="kf5g-demo-send", daemon=True)
        self._thread.start()

    def _pump(self) -> None:
        while True:
            data = self._queue.get()
            if data is None:
                return
            if self._send_error is None:
                try:
                    self._work.send_bytes(data)
                except OSError as exc:  # the child has gone (its error, if any, is in the result pipe)
                    self._send_error = exc

    def send(self, work: Work) -> None:
        """Queue ``work`` (serialized now: the caller may change or drop it afterwards)."""
        if self._send_error is not None or not self._proc.is_alive():
            self._raise()
        data = marshal.dumps(work)
        while True:
            try:
                self._queue.put(data, timeout=1.0)
                return
            except queue.Full:
                if not self._proc.is_alive():
                    self._raise()

    def execute(self, sql: str) -> None:
        """A statement (DDL) run in the child in its turn among the inserts."""
        self.send([("", sql, ())])

    def close(self) -> None:
        """Commit what was sent and wait for the child; raise its error, if any."""
        self._queue.put(None)
        self._thread.join()
        if self._send_error is None:
            with suppress(OSError):
                self._work.send_bytes(b"")  # the end: commit
        self._work.close()
        outcome = self._outcome()
        self._proc.join()
        if outcome is not None:
            raise outcome

    def abandon(self) -> None:
        """After an error in the caller: stop the child (nothing is committed)."""
        with suppress(BaseException):
            self._proc.terminate()
            self._proc.join(5)
        with suppress(BaseException):
            while True:  # unblock the sending thread, then let it end
                self._queue.get_nowait()
        with suppress(BaseException):
            self._queue.put_nowait(None)
            self._thread.join(5)
        with suppress(BaseException):
            self._work.close()
            self._result.close()

    def _outcome(self) -> BaseException | None:
        try:
            kind, info = self._result.recv()
        except (EOFError, OSError):
            return WriterError(f"演示数据写入进程意外退出（退出码 {self._proc.exitcode}）。")
        if kind == "ok":
            return None
        if kind == "sqlite":
            return _as_dbapi_error(*info)
        return WriterError(info)

    def _raise(self) -> None:
        self._work.close()
        outcome = self._outcome()
        self._proc.join(5)
        raise outcome or WriterError("演示数据写入进程意外退出。")


def _as_dbapi_error(
    name: str, args: tuple[Any, ...], code: int | None, code_name: str | None, sql: str
) -> Exception:
    """The child's sqlite3 error as SQLAlchemy raises one of a statement of its own (the storage
    layer's messages for a full disk, an I/O error … read the SQLite code in it)."""
    from sqlalchemy.exc import DBAPIError

    cls = getattr(sqlite3, name, sqlite3.DatabaseError)
    exc = cls(*args)
    exc.sqlite_errorcode = code
    exc.sqlite_errorname = code_name
    return DBAPIError.instance(sql, None, exc, sqlite3.Error)


# The child ----------------------------------------------------------------------------------------


def _serve(path: str, pragmas: list[str], work: Connection, result: Connection) -> None:
    import gc

    gc.disable()  # millions of small rows, no reference cycles among them
    sql = ""
    try:
        con = sqlite3.connect(path, isolation_level=None)
        try:
            for sql in pragmas:
                con.execute(sql)
            sql = "BEGIN"
            con.execute(sql)
            while data := work.recv_bytes():
                for table, columns, rows in marshal.loads(data):
                    if not table:
                        sql = str(columns)
                        con.execute(sql)
                        continue
                    for sql, params in _statements(con, table, columns, rows):
                        con.execute(sql, params)
            sql = "COMMIT"
            con.execute(sql)
        finally:
            con.close()
    except sqlite3.Error as exc:
        code, code_name = getattr(exc, "sqlite_errorcode", None), getattr(exc, "sqlite_errorname", None)
        result.send(("sqlite", (type(exc).__name__, exc.args, code, code_name, sql[:200])))
        return
    except EOFError:  # the parent went away: nothing is committed
        return
    except BaseException:
        result.send(("error", traceback.format_exc()))
        return
    result.send(("ok", None))


def _statements(
    con: sqlite3.Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> Any:
    """Multi-row INSERTs of ``rows``, as many rows each as SQLite takes parameters."""
    if not rows:
        return
    width = len(columns)
    group = "(" + ", ".join(["?"] * width) + ")"
    names = ", ".join(f'"{c}"' for c in columns)
    head = f'INSERT INTO "{table}" ({names}) VALUES '
    per = max(1, min(_MAX_ROWS, con.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width))
    full = head + ", ".join([group] * per)
    for at in range(0, len(rows), per):
        chunk = rows[at : at + per]
        flat = list(chain.from_iterable(chunk))
        sql = full if len(chunk) == per else head + ", ".join([group] * len(chunk))
        yield sql, tuple(map(_NULL.get, flat, flat))
