"""A record's 历史: its versions (when each held, who recorded it), what changed between any two
versions (field, old → new, labels as the audit log shows them), and the audit rows of the record."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kf5g_desktop.domain.audit_text import approvals_display, approvals_text
from kf5g_desktop.domain.kinds import KINDS, record_key
from kf5g_desktop.domain.records import Approval
from kf5g_desktop.domain.schema import BOOL, CODE, CODES, FIELDS, REF, STATION, field_label
from kf5g_desktop.storage.errors import Kf5gError
from kf5g_desktop.storage.history import Version
from kf5g_desktop.storage.store import Store

from .register import ColumnFitter, make_table_view
from .table_models import Column, ListTableModel, history_columns, history_rows, place_names, tr
from .widgets import dtr, dtr_multi

DELETED_FIELD = "deleted_at"  # the row "记录状态" of a version: in the register or in the recycle bin


def _when(at: datetime | None) -> str:
    return f"{at:%Y-%m-%d %H:%M:%S}" if at else ""


# What a version holds, as a person reads it ------------------------------------------------------


def _approvals(version: Version) -> list[Approval]:
    return [
        Approval(a["item"], a["applied_on"], a["granted_on"], a["notes"], a["id"]) for a in version.approvals
    ]


def version_values(
    kind: str,
    version: Version,
    names: Mapping[str, str],
    site_code: Callable[[str, int], str],
) -> dict[str, str]:
    """Field name → the value of ``version`` as the audit log shows it (labels, not codes; unit
    and township names; a venue's or pole's code), for every field of the register, a station's
    approvals and the record's state (in the register / in the recycle bin)."""
    out: dict[str, str] = {}
    row = version.row
    for spec in FIELDS[kind]:
        raw = row.get(spec.name)
        if spec.name in ("unit_code", "township_code") and raw in names:
            text = names[str(raw)]
        elif spec.kind == REF:
            text = site_code(spec.name, int(raw)) if raw else ""
        elif spec.kind in (CODE, BOOL):
            text = dtr(spec.display(raw))
        elif spec.kind == CODES:
            text = dtr_multi(spec.display(raw))
        else:
            text = spec.display(raw)
        out[spec.name] = text
    if kind == STATION:
        out["approvals"] = approvals_display(approvals_text(_approvals(version)))
    deleted = row.get(DELETED_FIELD)
    out[DELETED_FIELD] = tr("已删除（回收站）") if deleted else tr("在登记表中")
    return out


def value_label(kind: str, name: str) -> str:
    if name == DELETED_FIELD:
        return tr("记录状态")
    return dtr(field_label(kind, name))


@dataclass(frozen=True)
class DiffRow:
    field: str  # field name
    label: str
    old: str
    new: str

    @property
    def changed(self) -> bool:
        return self.old != self.new


def version_diff(
    kind: str, old: Mapping[str, str], new: Mapping[str, str], *, every_field: bool = False
) -> list[DiffRow]:
    """The fields whose value differs between two versions' values (:func:`version_values`), in
    the register's field order; ``every_field``: all of them."""
    return [
        DiffRow(name, value_label(kind, name), old.get(name, ""), new.get(name, ""))
        for name in new
        if every_field or old.get(name, "") != new.get(name, "")
    ]


@dataclass(frozen=True)
class VersionRow:
    number: int
    version: Version
    what: str  # 登记 / 修改 / 删除 / 恢复


def version_rows(versions: Sequence[Version]) -> list[VersionRow]:
    out = []
    prev: Version | None = None
    for i, v in enumerate(versions, 1):
        deleted = v.row.get(DELETED_FIELD) is not None
        was_deleted = prev is not None and prev.row.get(DELETED_FIELD) is not None
        if prev is None:
            what = tr("登记")
        elif deleted and not was_deleted:
            what = tr("删除")
        elif was_deleted and not deleted:
            what = tr("恢复")
        else:
            what = tr("修改")
        out.append(VersionRow(i, v, what))
        prev = v
    return out


def version_title(r: VersionRow) -> str:
    return tr("版本{0}（{1}起）").format(r.number, f"{r.version.valid_from:%Y-%m-%d %H:%M}")


def version_columns() -> list[Column]:
    return [
        Column("number", tr("版本"), lambda r: str(r.number), numeric=True),
        Column("what", tr("操作"), lambda r: r.what),
        Column("valid_from", tr("登记时间"), lambda r: _when(r.version.valid_from)),
        Column("valid_to", tr("被替换时间"), lambda r: _when(r.version.valid_to) or tr("（当前版本）")),
        Column(
            "by",
            tr("操作人"),
            lambda r: str(r.version.row.get("deleted_by") or r.version.row.get("updated_by") or ""),
        ),
    ]


def diff_columns() -> list[Column]:
    return [
        Column("field", tr("字段"), lambda d: d.label),
        Column("old", tr("原值"), lambda d: d.old),
        Column("new", tr("新值"), lambda d: d.new),
    ]


# The dialog ----------------------------------------------------------------------------------------


class HistoryDialog(QDialog):
    """A record's versions and what changed between any two of them (tab 版本), and its audit rows:
    who, when, field, old → new (tab 操作记录)."""

    def __init__(
        self,
        store: Store,
        kind: str,
        record_id: int,
        parent: QWidget | None = None,
        *,
        at: datetime | None = None,
    ) -> None:
        """``at``: open on the version the record had then (a list as at a past week)."""
        super().__init__(parent)
        self.store, self.kind = store, kind
        rec = store.get(kind, record_id, include_deleted=True)
        self.setWindowTitle(self.tr("历史 — {0}").format(record_key(kind, rec)))
        self.resize(960, 560)
        names = place_names(store)
        self._site_codes: dict[tuple[str, int], str] = {}
        self.versions = version_rows(store.versions(kind, record_id))
        self.values = [version_values(kind, r.version, names, self._site_code) for r in self.versions]

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("historyTabs")
        self.tabs.addTab(self._versions_tab(), self.tr("版本与差异"))
        self.tabs.addTab(self._audit_tab(store, kind, record_id, names), self.tr("操作记录"))
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs, 1)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        # at first: the latest change (the one before the current version → the current one),
        # or the change that made the version the record had at ``at``
        shown = len(self.versions) - 1
        if at is not None:
            held = [
                i
                for i, r in enumerate(self.versions)
                if r.version.valid_from <= at and (r.version.valid_to is None or r.version.valid_to > at)
            ]
            shown = held[0] if held else shown
        self.compare(max(shown - 1, 0), max(shown, 0))
        if at is not None and 0 <= shown < len(self.versions):
            self.version_view.selectRow(shown)

    def _site_code(self, field: str, site_id: int) -> str:
        kind = "venue" if field == "venue_id" else "pole"
        key = (kind, site_id)
        if key not in self._site_codes:
            try:
                site = self.store.get(kind, site_id, include_deleted=True)
                self._site_codes[key] = str(getattr(site, KINDS[kind].code_field) or site_id)
            except Kf5gError:  # purged for good: its id is all there is
                self._site_codes[key] = str(site_id)
        return self._site_codes[key]

    def _versions_tab(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        self.version_model = ListTableModel(version_columns(), self.versions, page)
        self.version_view = make_table_view(page)
        self.version_view.setObjectName("versions")
        self.version_view.setModel(self.version_model)
        self.version_view.setMaximumHeight(190)
        self._version_fitter = ColumnFitter(self.version_view, ("by",))
        self._version_fitter.fit()
        self.version_view.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._picked(cur.row())
        )
        lay.addWidget(self.version_view)

        bar = QHBoxLayout()
        self.old_combo = QComboBox(page)
        self.old_combo.setObjectName("oldVersion")
        self.new_combo = QComboBox(page)
        self.new_combo.setObjectName("newVersion")
        for combo in (self.old_combo, self.new_combo):
            for r in self.versions:
                combo.addItem(version_title(r), r.number - 1)
            combo.currentIndexChanged.connect(lambda _i: self._show_diff())
        self.every_field = QCheckBox(self.tr("显示全部字段"), page)
        self.every_field.setToolTip(self.tr("列出两个版本的全部字段（有变化的字段加粗）"))
        self.every_field.toggled.connect(lambda _on: self._show_diff())
        bar.addWidget(QLabel(self.tr("比较"), page))
        bar.addWidget(self.old_combo)
        bar.addWidget(QLabel("→", page))
        bar.addWidget(self.new_combo)
        bar.addWidget(self.every_field)
        bar.addStretch(1)
        lay.addLayout(bar)
        self.diff_note = QLabel(page)
        self.diff_note.setObjectName("diffNote")
        lay.addWidget(self.diff_note)
        self.diff_model = _DiffModel(diff_columns(), [], page)
        self.diff_view = make_table_view(page)
        self.diff_view.setObjectName("diff")
        self.diff_view.setModel(self.diff_model)
        self._diff_fitter = ColumnFitter(self.diff_view, ("new",))
        lay.addWidget(self.diff_view, 1)
        return page

    def _audit_tab(self, store: Store, kind: str, record_id: int, names: dict[str, str]) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        self.model = ListTableModel(
            history_columns(), history_rows(store.history(kind, record_id), names), page
        )
        self.view = make_table_view(page)
        self.view.setModel(self.model)
        self.fitter = ColumnFitter(self.view, ("new",))
        self.fitter.fit()
        lay.addWidget(self.view, 1)
        return page

    def compare(self, old: int, new: int) -> None:
        """Show what changed from version index ``old`` to ``new`` (0 = the first version)."""
        for combo, i in ((self.old_combo, old), (self.new_combo, new)):
            combo.blockSignals(True)
            combo.setCurrentIndex(i)
            combo.blockSignals(False)
        self._show_diff()

    def _picked(self, row: int) -> None:
        """A version chosen in the list: what it changed from the one before."""
        if 0 <= row < len(self.versions):
            self.compare(max(row - 1, 0), row)

    def diff(self) -> list[DiffRow]:
        old, new = self.old_combo.currentIndex(), self.new_combo.currentIndex()
        if old < 0 or new < 0:
            return []
        if old == new:  # one version: what it held
            return version_diff(self.kind, {}, self.values[new], every_field=True)
        return version_diff(
            self.kind, self.values[old], self.values[new], every_field=self.every_field.isChecked()
        )

    def _show_diff(self) -> None:
        rows = self.diff()
        old, new = self.old_combo.currentIndex(), self.new_combo.currentIndex()
        self.diff_model.bold = old != new and self.every_field.isChecked()
        self.diff_model.single = old == new
        self.diff_model.set_rows(rows)
        self.diff_view.setColumnHidden(1, old == new)  # one version: its values only
        if not self.versions:
            self.diff_note.setText(self.tr("这条记录没有保存的版本。"))
        elif old == new:
            self.diff_note.setText(self.tr("版本{0}的全部字段：").format(new + 1))
        else:
            n = sum(1 for r in rows if r.changed)
            text = (
                self.tr("版本{0} → 版本{1}：{2} 个字段有变化。")
                if n
                else self.tr("版本{0} → 版本{1}：没有变化。")
            )
            self.diff_note.setText(text.format(old + 1, new + 1, n))
        self._diff_fitter.reset()


class _DiffModel(ListTableModel):
    """The diff table: a changed field in bold when every field is listed."""

    bold = False
    single = False  # one version's values (no old value; the last column is 值)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            self.single
            and section == 2
            and orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
        ):
            return tr("值")
        return super().headerData(section, orientation, role)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and self.bold:
            rec = self.record(index.row())
            if rec is not None and rec.changed:
                from PySide6.QtGui import QFont

                f = QFont()
                f.setBold(True)
                return f
        return super().data(index, role)
