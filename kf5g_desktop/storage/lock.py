"""The one-writer lock of a database file (``<db>.lock``), without SQLAlchemy: the start-up's first
read (``first_read``) looks whether another program holds it before reading anything."""

from __future__ import annotations

import json
import os
import socket
import sys
from datetime import datetime
from pathlib import Path
from typing import IO

from .errors import DatabaseLockedError, LockHolder


def lock_is_free(db_path: Path) -> bool:
    """Nobody holds the writer lock of ``db_path`` at this instant (taken and let go at once)."""
    path = db_path.with_name(db_path.name + ".lock")
    with open(path, "a+", encoding="utf-8") as f:
        try:
            _lock_file(f)
        except OSError:
            return False
        _unlock_file(f)
    return True


class WriterLock:
    """An OS-level exclusive lock on ``<db>.lock``, holding a note of who has it.

    The operating system releases the lock when the process dies, so a lock left by a crash or a
    power cut is cleared automatically: the file may remain, but nobody holds it.
    """

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self._file: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._file is not None

    def acquire(self, user: str) -> None:
        f = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - kept open while held
        try:
            _lock_file(f)
        except OSError:
            holder = self.read_holder()
            f.close()
            raise DatabaseLockedError(holder) from None
        f.seek(0)
        f.truncate()
        note = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "user": user,
            "since": datetime.now().strftime("%Y-%m-%d %H:%M"),
        }
        f.write(json.dumps(note, ensure_ascii=False))
        f.flush()
        self._file = f

    def set_user(self, user: str) -> None:
        """Rewrite the note with the user's name once it is known (after the settings are read)."""
        if self._file is None:
            return
        holder = self.read_holder()
        note = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "user": user,
            "since": holder.since if holder else datetime.now().strftime("%Y-%m-%d %H:%M"),
        }
        self._file.seek(0)
        self._file.truncate()
        self._file.write(json.dumps(note, ensure_ascii=False))
        self._file.flush()

    def read_holder(self) -> LockHolder | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8") or "{}")
            return LockHolder(
                int(data["pid"]), str(data["host"]), str(data.get("user", "")), str(data["since"])
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def release(self) -> None:
        if self._file is None:
            return
        try:
            self._file.seek(0)
            self._file.truncate()
            self._file.flush()
            _unlock_file(self._file)
        finally:
            self._file.close()
            self._file = None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    # Lock one byte far past the note, so other processes can still read who holds the lock.
    _LOCK_OFFSET = 1 << 20

    def _lock_file(f: IO[str]) -> None:
        os.lseek(f.fileno(), _LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock_file(f: IO[str]) -> None:
        os.lseek(f.fileno(), _LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock_file(f: IO[str]) -> None:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_file(f: IO[str]) -> None:
        fcntl.flock(f.fileno(), fcntl.LOCK_UN)
