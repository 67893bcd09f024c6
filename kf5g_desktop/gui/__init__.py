"""Everything Qt: windows, dialogs, table models, charts, printing, background jobs."""

from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401  (installs PySide6's import hook, patched just below)


def _skip_pyside_source_scan() -> None:
    """PySide6 reads the source of every module imported after it (``inspect.getsource``) to see
    whether the module uses PySide6 ``__feature__`` switching. We never select a feature, so for
    another package's modules (SQLAlchemy, numpy … imported after the window is shown) that
    reading is only time on the way to the first figures (about a fifth of importing SQLAlchemy).
    Our own modules and pyqtgraph keep PySide6's own check. Nothing happens if a PySide6 version
    has no such hook."""
    feature = sys.modules.get("PySide6.support.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "_kf5g", False):
        return

    def uses_pyside(module: object) -> bool:
        name = getattr(module, "__name__", "")
        if name.startswith(("kf5g_desktop", "pyqtgraph", "PySide6", "__main__")):
            return bool(original(module))
        return False

    uses_pyside._kf5g = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]


_skip_pyside_source_scan()
