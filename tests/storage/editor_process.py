"""One editor in a process of its own (for test_concurrent_editors): opens the database, reads a
station as a form would, says so, waits for "GO" on stdin, then saves its change the way the
window does — taking the one-writer lock when the other editor has let go of it — and prints
what happened: "SAVED <version>" or "REFUSED <message>"."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from kf5g_desktop.storage.errors import ConflictError, DatabaseLockedError
from kf5g_desktop.storage.store import Store


def main() -> int:
    path, user, sid, name = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
    with Store.open(path, readonly=True) as s:
        record = s.get_station(sid)
    print(f"READ {record.meta.version}", flush=True)
    if sys.stdin.readline().strip() != "GO":
        return 2
    record.name = name
    for _ in range(2000):  # the other editor holds the lock for one save: wait for it, not forever
        try:
            store = Store.open(path, user=user)
            break
        except DatabaseLockedError:
            time.sleep(0.01)
    else:
        print("LOCKED", flush=True)
        return 1
    try:
        saved = store.save(record)
        print(f"SAVED {saved.meta.version}", flush=True)
    except ConflictError as exc:
        print(f"REFUSED {exc}", flush=True)
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
