"""SQLite's own check of a database file — the ``-wal`` file beside it, then ``PRAGMA quick_check``
or ``integrity_check`` — with nothing but ``sqlite3`` imported (no SQLAlchemy): ``kf5g check`` begins
it on a thread of its own (:class:`FileCheck`) before the rest of the program is imported, so the
longest part of checking a large file runs beside the importing and the reading of the records.
SQLite runs the check without Python's lock."""

from __future__ import annotations

import os
import sqlite3
import struct
import threading
from pathlib import Path

from .errors import SQLITE_READONLY, StorageError, sqlite_code


def readonly_uri(path: Path) -> str:
    """A read-only SQLite URI for ``path``.

    The path is percent-encoded: in a URI ``#`` and ``?`` end the path, so a folder named like
    ``C#项目`` would otherwise open (or even create) a different file. On a place nobody can write to
    (a write-protected stick, a read-only share) SQLite cannot create the ``-shm`` index a WAL
    database needs, so a database without a pending ``-wal`` is opened as immutable there.
    """
    from urllib.parse import quote

    uri = f"file:{quote(path.as_posix(), safe='/:')}?mode=ro"
    wal = path.with_name(path.name + "-wal")
    if not os.access(path.parent, os.W_OK) and not (wal.exists() and wal.stat().st_size > 0):
        uri += "&immutable=1"
    return uri


def _wal_checksum(data: bytes, s0: int, s1: int, big_endian: bool) -> tuple[int, int]:
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def wal_problems(path: Path) -> list[str]:
    """Damage in the ``-wal`` file beside ``path`` that SQLite would silently skip.

    SQLite stops reading a WAL at the first frame whose checksum fails and treats the rest as never
    written: right after a power cut that is a torn last write, but a damaged frame in the middle
    drops every transaction committed after it without a word (and the next checkpoint destroys
    them). Reported here: a frame that fails its checksum followed by a commit frame that is intact
    (its checksum verifies from the stored checksum of the frame before it), and a damaged header
    in front of intact frames. A torn tail or frames of an aborted transaction are not damage.
    """
    wal = path.with_name(path.name + "-wal")
    try:
        data = wal.read_bytes()
    except OSError:
        return []
    if len(data) < 32:
        return []
    magic, version, page_size, _seq, salt1, salt2, c1, c2 = struct.unpack(">8I", data[:32])
    frame = 24 + page_size
    if magic not in (0x377F0682, 0x377F0683) or not 512 <= page_size <= 65536 or len(data) < 32 + frame:
        return []  # not a WAL SQLite would read (e.g. a header zeroed by a power cut): nothing to lose
    big = bool(magic & 1)
    header_ok = version == 3007000 and _wal_checksum(data[:24], 0, 0, big) == (c1, c2)
    chain_ok = header_ok
    prev = (c1, c2)  # the stored checksum of the frame (or header) before the current frame
    n = (len(data) - 32) // frame
    for k in range(n):
        off = 32 + k * frame
        _pgno, commit, f1, f2, k1, k2 = struct.unpack(">6I", data[off : off + 24])
        if (f1, f2) != (salt1, salt2):
            chain_ok = False  # from here on SQLite reads nothing more
            prev = (k1, k2)
            continue
        s = _wal_checksum(data[off : off + 8], *prev, big)
        s = _wal_checksum(data[off + 24 : off + frame], *s, big)
        intact = s == (k1, k2)
        if not intact:
            chain_ok = False
        elif not chain_ok and commit:
            where = "文件头" if not header_ok and k == 0 else f"第 {k + 1} 帧之前"
            return [f"预写日志（-wal）文件在{where}已损坏，其后已提交的修改无法读出"]
        prev = (k1, k2)
    return []


def integrity_problems(path: Path, *, quick: bool = False, wal: bool = True) -> list[str]:
    """Messages of ``PRAGMA integrity_check`` (empty = ok). A file that is not a database gives one.
    With ``wal`` the ``-wal`` file beside it is checked first (see :func:`wal_problems`); leave it
    off while another process may be writing that file."""
    if wal:
        problems = wal_problems(path)
        if problems:
            return problems
    try:
        con = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            rows = con.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if sqlite_code(exc) == SQLITE_READONLY and path.with_name(path.name + "-journal").exists():
            # A crash left a transaction to roll back, which a read-only connection cannot do.
            raise StorageError(
                f"数据库“{path}”上次没有正常关闭，需要以可写方式打开一次完成自动恢复，之后才能只读查看。"
            ) from exc
        return [str(exc)]
    msgs = [str(r[0]) for r in rows]
    return [] if msgs == ["ok"] else msgs


class FileCheck:
    """:func:`integrity_problems` of ``path`` (``full``: integrity_check, else quick_check), begun
    at once on a thread of its own; :meth:`messages` waits for it. The thread is a daemon: a
    command that fails before it needs the answer does not wait for the check at its exit."""

    def __init__(self, path: Path, *, full: bool = False) -> None:
        self.path = path
        self.full = full
        self._messages: list[str] = []
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="kf5g-integrity", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._messages = integrity_problems(self.path, quick=not self.full)
        except BaseException as exc:  # raised to whoever waits for the answer
            self._error = exc

    def messages(self) -> list[str]:
        """The check's messages (empty = ok), once done; what it raised is raised here."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._messages
