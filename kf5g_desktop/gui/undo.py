"""Undo/redo of saves, deletes and restores in the session (QUndoStack commands over the Store).

The first action is performed by the caller (so a refused save never reaches the stack); the
command is pushed already done. Undo of an insert moves the record to the recycle bin; of an update
saves the previous record back; of a delete restores it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from kf5g_desktop.domain.audit_text import audit_text
from kf5g_desktop.domain.kinds import record_key
from kf5g_desktop.domain.records import data_fields
from kf5g_desktop.storage.errors import ConflictError
from kf5g_desktop.storage.store import Store


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def same_content(new: Any, old: Any) -> bool:
    """True when saving ``new`` over ``old`` would change nothing (the Store's own comparison:
    every data field as the audit log writes it, the codes, the approval items)."""
    names = [*data_fields(old), *(n for n in ("venue_code", "pole_code") if hasattr(old, n))]
    if any(audit_text(getattr(new, n)) != audit_text(getattr(old, n)) for n in names):
        return False

    def items(rec: Any) -> list[tuple[Any, ...]]:
        return sorted((a.item, a.applied_on, a.granted_on, a.notes) for a in getattr(rec, "approvals", []))

    return items(new) == items(old)


class _StoreCommand(QUndoCommand):
    def __init__(
        self,
        store_fn: Callable[[], Store],
        text: str,
        on_change: Callable[[], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        super().__init__(text)
        self._store_fn = store_fn
        self._on_change = on_change
        self._on_error = on_error
        self._first = True

    @property
    def store(self) -> Store:
        return self._store_fn()

    def _run(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except Exception as exc:  # the Store's message (e.g. the record changed meanwhile) is shown
            self.setObsolete(True)
            self._on_error(exc)
        self._on_change()

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class SaveCommand(_StoreCommand):
    def __init__(self, store_fn: Callable[[], Store], kind: str, saved: Any, old: Any, **kw: Any) -> None:
        verb = tr("新增") if old is None else tr("修改")
        super().__init__(store_fn, f"{verb} {record_key(kind, saved)}", **kw)
        self.kind = kind
        self.saved = saved
        self.old = old

    def _redo(self) -> None:
        if self.old is None:
            self.store.restore(self.kind, self.saved.id)
        else:
            self._put(self.saved, expected=self.old)

    def _undo(self) -> None:
        if self.old is None:
            self.store.delete(self.kind, self.saved.id)
        else:
            self._put(self.old, expected=self.saved)

    def _put(self, version: Any, *, expected: Any) -> None:
        """Save ``version`` of the record over the one stored now (whose bookkeeping it takes) —
        refused (ConflictError) when the record no longer holds what this command left
        (``expected``): somebody else changed it since. (Its version may have moved meanwhile by
        this window's own deletes and restores, undone since: the content is what counts.)"""
        current = self.store.get(self.kind, self.saved.id)
        if not same_content(current, expected):
            m = current.meta
            raise ConflictError(
                self.kind,
                current.id,
                by=m.updated_by or "",
                at=m.updated_at,
                version=m.version,
                today=self.store.today(),
            )
        self.store.save(replace(version, meta=current.meta))  # refused too if it moves right now


class DeleteCommand(_StoreCommand):
    def __init__(
        self, store_fn: Callable[[], Store], kind: str, ids: list[int], keys: list[str], **kw: Any
    ) -> None:
        text = tr("删除 {0}").format(keys[0]) if len(keys) == 1 else tr("删除 {0} 条记录").format(len(keys))
        super().__init__(store_fn, text, **kw)
        self.kind = kind
        self.ids = ids

    def _redo(self) -> None:
        for rid in self.ids:
            self.store.delete(self.kind, rid)

    def _undo(self) -> None:
        for rid in self.ids:
            self.store.restore(self.kind, rid)


class RestoreCommand(_StoreCommand):
    def __init__(self, store_fn: Callable[[], Store], kind: str, rid: int, key: str, **kw: Any) -> None:
        super().__init__(store_fn, tr("恢复 {0}").format(key), **kw)
        self.kind = kind
        self.rid = rid

    def _redo(self) -> None:
        self.store.restore(self.kind, self.rid)

    def _undo(self) -> None:
        self.store.delete(self.kind, self.rid)
