"""Everything Qt: windows, dialogs, table models, charts, printing, background jobs."""

from __future__ import annotations

import sys


def _guard_singleton_refcounts() -> None:
    """Work around a reference-count bug of PySide6 6.12.0 on CPython 3.11.

    Its abi3 wheels drop one reference to ``None`` on every call that returns None (``setVisible``,
    ``parentItem()``, ``QAbstractItemModel.data()`` of an empty role, ...) and, on some paths, to
    True/False. From CPython 3.12 these objects are immortal and nothing happens; on 3.11 the count
    reaches zero after some ten thousand such calls and the interpreter aborts with "Fatal Python
    error: none_dealloc". Giving the three singletons a huge count keeps them alive for good.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    extra = min(1 << 40, sys.maxsize >> 4)
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += extra


_guard_singleton_refcounts()
