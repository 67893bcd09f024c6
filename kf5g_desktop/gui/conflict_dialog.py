"""The record form's answer to a save refused because somebody else changed the record meanwhile
(``storage.errors.ConflictError``): who and when, and a choice — 重新载入 (show the record as it is
now, the user's changes dropped), 比较 (field by field: as the user opened it, as the other person
saved it, the user's own), and from the comparison 保留我的修改 (the record as it is now with the
fields the user changed put back in the form, to check and save again)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kf5g_desktop.domain.audit_text import approvals_text
from kf5g_desktop.domain.schema import FIELDS, REF, STATION
from kf5g_desktop.storage.errors import ConflictError

from .widgets import dtr

RELOAD, KEEP_MINE = "reload", "keep_mine"
_CONFLICT_BG = QColor("#fde2e1")  # changed by both, differently


def when_text(at: datetime | None, today: date) -> str:
    """10:42 today, else the day too (the interface language's way)."""
    if at is None:
        return ""
    if at.date() == today:
        return f"{at:%H:%M}"
    if at.year == today.year:
        return QCoreApplication.translate("ConflictDialog", "{0}月{1}日 {2}").format(
            at.month, at.day, f"{at:%H:%M}"
        )
    return QCoreApplication.translate("ConflictDialog", "{0}年{1}月{2}日 {3}").format(
        at.year, at.month, at.day, f"{at:%H:%M}"
    )


def conflict_text(exc: ConflictError, today: date) -> str:
    """The refusal ("此记录已被 张三 于 10:42 修改…") in the interface language."""
    who = exc.by or QCoreApplication.translate("ConflictDialog", "其他用户")
    when = when_text(exc.at, today)
    if exc.deleted:
        return QCoreApplication.translate(
            "ConflictDialog",
            "此记录已被 {0} 于 {1} 删除，您的修改未保存。可在回收站中查看；如仍需要，请恢复后再修改。",
        ).format(who, when)
    if exc.at is None:  # (an UPDATE that met another version on a server: when is not known)
        return QCoreApplication.translate("ConflictDialog", "此记录刚被 {0} 修改，您的修改未保存。").format(who)
    return QCoreApplication.translate("ConflictDialog", "此记录已被 {0} 于 {1} 修改，您的修改未保存。").format(
        who, when
    )


class FieldRow:
    """One field of the comparison: its label and the three texts."""

    def __init__(self, name: str, label: str, opened: str, theirs: str, mine: str) -> None:
        self.name = name
        self.label = label
        self.opened = opened
        self.theirs = theirs
        self.mine = mine

    @property
    def changed_by_me(self) -> bool:
        return self.mine != self.opened

    @property
    def changed_by_them(self) -> bool:
        return self.theirs != self.opened

    @property
    def clash(self) -> bool:
        """Both changed it, to different values."""
        return self.changed_by_me and self.changed_by_them and self.mine != self.theirs


def _text(rec: Any, spec: Any, names: dict[str, dict[str, str]]) -> str:
    if spec.kind == REF:
        return str(getattr(rec, spec.name.replace("_id", "_code"), None) or getattr(rec, spec.name) or "")
    value = getattr(rec, spec.name)
    if spec.name in names:
        return names[spec.name].get(value or "", value or "")
    return dtr(spec.display(value)) if spec.code_list is not None else spec.display(value)


def compare_rows(
    kind: str, opened: Any, theirs: Any, mine: Any, names: dict[str, dict[str, str]]
) -> list[FieldRow]:
    """The fields where the three versions are not all the same, in the form's order."""
    out = []
    for spec in FIELDS[kind]:
        texts = [_text(r, spec, names) for r in (opened, theirs, mine)]
        if len(set(texts)) > 1:
            out.append(FieldRow(spec.name, dtr(spec.label), *texts))
    if kind == STATION:
        texts = [approvals_text(r.approvals) for r in (opened, theirs, mine)]
        if len(set(texts)) > 1:
            out.append(FieldRow("approvals", dtr("审批事项"), *texts))
    return out


def merged(kind: str, opened: Any, theirs: Any, mine: Any) -> Any:
    """The record as it is now (``theirs``, its version) with the fields the user changed since
    opening it taken from the user's copy."""
    values = {}
    for spec in FIELDS[kind]:
        n = spec.name
        if getattr(mine, n) != getattr(opened, n):
            values[n] = getattr(mine, n)
            if spec.kind == REF:
                code = n.replace("_id", "_code")
                values[code] = getattr(mine, code)
    if kind == STATION and approvals_text(mine.approvals) != approvals_text(opened.approvals):
        values["approvals"] = list(mine.approvals)
    return replace(theirs, **values)


class ConflictDialog(QDialog):
    """Asks what to do about a refused save; ``choice`` is RELOAD, KEEP_MINE or None (go on
    editing: nothing changes in the form)."""

    def __init__(
        self,
        exc: ConflictError,
        kind: str,
        opened: Any,
        theirs: Any,
        mine: Any,
        *,
        today: date,
        names: dict[str, dict[str, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.choice: str | None = None
        self.setWindowTitle(self.tr("记录已被他人修改"))
        self.rows = compare_rows(kind, opened, theirs, mine, names or {})
        lay = QVBoxLayout(self)
        self.message = QLabel(conflict_text(exc, today))
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        hint = QLabel(self.tr("重新载入：显示对方保存后的记录，放弃您的修改。比较：逐项查看双方的改动。"))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        self.table = QTableWidget(len(self.rows), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("字段"), self.tr("您打开时"), self.tr("对方保存后（当前）"), self.tr("您的修改")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for i, r in enumerate(self.rows):
            for j, t in enumerate((r.label, r.opened, r.theirs, r.mine)):
                item = QTableWidgetItem(t)
                if r.clash:
                    item.setBackground(QBrush(_CONFLICT_BG))
                    item.setToolTip(self.tr("双方都改了这一项"))
                self.table.setItem(i, j, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for j in (1, 2, 3):
            header.setSectionResizeMode(j, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self.table.hide()
        lay.addWidget(self.table, 1)
        self.clash_note = QLabel(self.tr("红色的项双方都改了；“保留我的修改”会用您的内容，请核对后再保存。"))
        self.clash_note.setWordWrap(True)
        self.clash_note.hide()
        lay.addWidget(self.clash_note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.b_reload = QPushButton(self.tr("重新载入(&R)"))
        self.b_compare = QPushButton(self.tr("比较(&C)"))
        self.b_keep = QPushButton(self.tr("保留我的修改(&K)"))
        self.b_keep.setToolTip(self.tr("在对方保存后的记录上重新填入您改过的项，核对后再保存"))
        self.b_keep.hide()
        self.b_cancel = QPushButton(self.tr("继续编辑"))
        for b in (self.b_reload, self.b_compare, self.b_keep, self.b_cancel):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        lay.addLayout(buttons)
        self.b_reload.clicked.connect(lambda: self._choose(RELOAD))
        self.b_keep.clicked.connect(lambda: self._choose(KEEP_MINE))
        self.b_compare.clicked.connect(self.show_comparison)
        self.b_cancel.clicked.connect(self.reject)
        self.b_reload.setDefault(True)
        if exc.deleted:  # nothing to reload or compare with: the record is in the recycle bin
            self.setWindowTitle(self.tr("记录已被他人删除"))
            self.b_reload.hide()
            self.b_compare.hide()
            hint.hide()
            self.b_cancel.setDefault(True)
        self.setMinimumWidth(560)
        self.adjustSize()

    def show_comparison(self) -> None:
        self.table.show()
        self.b_compare.setEnabled(False)
        self.b_keep.show()
        self.clash_note.setVisible(any(r.clash for r in self.rows))
        t = self.table
        rows = sum(t.rowHeight(i) for i in range(t.rowCount()))
        t.setMinimumHeight(min(t.horizontalHeader().height() + rows + 2 * t.frameWidth() + 2, 360))
        self.adjustSize()
        self.resize(max(self.width(), 760), self.height())
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
