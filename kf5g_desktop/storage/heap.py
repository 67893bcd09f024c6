"""Keeping the process small through bulk work that runs on several threads (glibc only).

glibc's malloc gives each thread that allocates its own arena and keeps what is freed there for
later: a city import (two reading threads, the verifying thread, the inserting thread, the backup)
then grows by most of each file it has imported although Python holds none of it — about 150 MB
over nine large returns. :func:`few_arenas` caps the arenas (as ``MALLOC_ARENA_MAX`` would) before
such threads start; :func:`trim_heap` hands freed memory back after each file. Elsewhere (Windows,
macOS, musl) both do nothing.
"""

from __future__ import annotations

import sys
from typing import Any

_M_ARENA_MAX = -8  # mallopt() parameter of glibc's malloc.h
_libc: Any = None


def _glibc() -> Any:
    global _libc
    if _libc is None:
        _libc = False
        if sys.platform.startswith("linux"):
            import ctypes
            import ctypes.util

            try:
                libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
                if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim"):
                    _libc = libc
            except OSError:
                pass
    return _libc


def few_arenas(n: int = 1) -> None:
    """At most ``n`` malloc arenas for threads started from now on."""
    libc = _glibc()
    if libc:
        libc.mallopt(_M_ARENA_MAX, n)


def trim_heap() -> None:
    """Return freed memory to the operating system (``malloc_trim``)."""
    libc = _glibc()
    if libc:
        libc.malloc_trim(0)
