"""Record forms (station, venue, pole): the compiled Designer forms plus the controller logic —
loading and collecting values, validation as you type and on save, sticky "保存并新建"."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import MISSING, fields, replace
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kf5g_desktop.domain import coords
from kf5g_desktop.domain.kinds import KINDS
from kf5g_desktop.domain.normalize import (
    normalize_free_optional,
    normalize_free_text,
    normalize_number,
    normalize_text,
)
from kf5g_desktop.domain.schema import (
    BOOL,
    CODE,
    CODES,
    DATE,
    FIELDS,
    FLOAT,
    INT,
    POLE,
    REF,
    STATION,
    VENUE,
    is_free_text,
)
from kf5g_desktop.domain.units import CITY_LAT_MAX, CITY_LAT_MIN, CITY_LON_MAX, CITY_LON_MIN
from kf5g_desktop.domain.validation import ERROR, WARNING, Issue
from kf5g_desktop.storage.errors import ConflictError, Kf5gError, ValidationFailed
from kf5g_desktop.storage.store import Store

from .approvals_table import ApprovalsTable
from .coord_system import coord_system_combo
from .widgets import (
    INVALID_STYLE,
    DateValidator,
    NumberValidator,
    confirm,
    dtr,
    fill_combo,
    mark,
    text_to_date,
)

STICKY_FIELDS = {
    STATION: ("unit_code", "township_code", "operator"),
    VENUE: ("unit_code", "township_code"),
    POLE: ("unit_code", "township_code"),
}

SaveFn = Callable[[str, Any, Any], Any]  # (kind, new record, old record | None) -> saved record


def _ui_class(kind: str) -> Any:
    if kind == STATION:
        from .forms.ui_station_form import Ui_StationForm

        return Ui_StationForm
    if kind == VENUE:
        from .forms.ui_venue_form import Ui_VenueForm

        return Ui_VenueForm
    from .forms.ui_pole_form import Ui_PoleForm

    return Ui_PoleForm


def _string_default(cls: type, name: str) -> bool:
    """Fields whose dataclass default is "" (required text) take "" rather than None."""
    for f in fields(cls):
        if f.name == name:
            return f.default == "" or (f.default is not MISSING and isinstance(f.default, str))
    return False


class RecordForm(QDialog):
    """Edit one record. ``save_fn`` performs the save (the main window makes it undoable)."""

    saved = Signal(object)
    deleteRequested = Signal(str, int)
    historyRequested = Signal(str, int)

    def __init__(
        self,
        store: Store,
        kind: str,
        record: Any = None,
        *,
        save_fn: SaveFn | None = None,
        sticky: dict[str, Any] | None = None,
        as_at: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """``as_at``: the record is shown as it stood at that moment (text), read-only."""
        super().__init__(parent)
        self.store = store
        self.as_at = as_at
        self.readonly = store.readonly or bool(as_at)
        self.kind = kind
        self.cls = KINDS[kind].record_class
        self.ui = _ui_class(kind)()
        self.ui.setupUi(self)
        self._scroll_fields()
        self.setStyleSheet(INVALID_STYLE)
        self._save_fn = save_fn or (lambda _k, new, _old: store.save(new))
        self._specs = {f.name: f for f in FIELDS[kind]}
        self._refs: dict[str, int | None] = {"venue_id": None, "pole_id": None}
        self._touched: set[str] = set()
        self._watched: set[str] = set()  # fields whose mark is kept up to date (touched or marked)
        self._loading = False
        self.sticky: dict[str, Any] = dict(sticky or {})
        self.original: Any = None
        self._initial: Any = None
        self.last_saved: Any = None
        self.conflict_dialog: Any = None  # the last save's ConflictDialog, if it had one
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._live_validate)
        self._setup_widgets()
        self._setup_shortcuts()
        self.load(record)

    # Widgets -------------------------------------------------------------------------------------

    def _scroll_fields(self) -> None:
        """Put the field groups in a scroll area (the messages and buttons stay below it), so the form fits
        a small screen (1024×700) in every language; its first size is what the fields want, up to the screen."""
        main = self.layout()
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        while main.count() and main.itemAt(0).widget() is not self.ui.messages:
            item = main.takeAt(0)
            if item.layout() is not None:
                lay = item.layout()
                lay.setParent(None)
                inner.addLayout(lay)
            elif item.widget() is not None:
                inner.addWidget(item.widget())
        scroll = QScrollArea(self)
        scroll.setObjectName("fields")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        main.insertWidget(0, scroll, 1)
        screen = self.screen()
        if screen is not None:
            self._fold_columns(inner, screen.availableGeometry().width() - 56)
        want = body.sizeHint() + QSize(40, 40 + 2 * self.ui.b_save.sizeHint().height())
        if screen is not None:
            want = want.boundedTo(screen.availableGeometry().size() - QSize(16, 48))
        self.resize(want)

    def _fold_columns(self, inner: QVBoxLayout, width: int) -> None:
        """On a screen too narrow for the form's columns side by side (the English form at 1024 px), move the
        last column's groups under the one before it, so the fields scroll only up and down."""
        columns = getattr(self.ui, "columns", None)
        if columns is None:
            return
        while columns.count() >= 3 and inner.sizeHint().width() > width:
            last = columns.takeAt(columns.count() - 1).layout()
            before = columns.itemAt(columns.count() - 1).layout()
            if last is None or before is None:
                return
            at = before.count() - 1 if before.itemAt(before.count() - 1).spacerItem() else before.count()
            while last.count():
                item = last.takeAt(0)
                if item.widget() is not None:
                    before.insertWidget(at, item.widget())
                    at += 1
            last.setParent(None)
            last.deleteLater()
            inner.invalidate()

    def widget(self, name: str) -> QWidget | None:
        return getattr(self.ui, f"f_{name}", None)

    def _setup_widgets(self) -> None:
        inst = self.store.installation()
        units = self.store.units()
        unit_combo: QComboBox = self.ui.f_unit_code
        fill_combo(unit_combo, [(u.code, u.name) for u in units])
        if inst.is_unit and inst.unit_code:
            self._default_unit = inst.unit_code
        else:
            self._default_unit = None
        unit_combo.currentIndexChanged.connect(self._unit_changed)
        for name, spec in self._specs.items():
            w = self.widget(name)
            if w is None:
                continue
            if spec.kind == CODE and isinstance(w, QComboBox):
                fill_combo(w, [(c.code, dtr(c.label)) for c in spec.code_list or ()])
            elif spec.kind == BOOL and isinstance(w, QComboBox):
                fill_combo(w, [("1", self.tr("是")), ("0", self.tr("否"))])
            elif spec.kind == DATE and isinstance(w, QLineEdit):
                w.setValidator(DateValidator(w))
            elif spec.kind == FLOAT and isinstance(w, QLineEdit):
                low, high = (
                    (CITY_LON_MIN - 1, CITY_LON_MAX + 1)
                    if name == "lon"
                    else (CITY_LAT_MIN - 1, CITY_LAT_MAX + 1)
                )
                w.setValidator(NumberValidator(low, high, w))
            elif spec.kind == INT and isinstance(w, QLineEdit):
                w.setValidator(NumberValidator(0, 1000, w))
            self._connect_change(name, w)
        self._add_coord_system()
        for name in ("venue_id", "pole_id"):
            pick = getattr(self.ui, f"b_{name}_pick", None)
            if pick is not None:
                pick.clicked.connect(lambda _=False, n=name: self._pick(n))
                getattr(self.ui, f"b_{name}_clear").clicked.connect(
                    lambda _=False, n=name: self._set_ref(n, None, "")
                )
        self._approvals: ApprovalsTable | None = None
        if self.kind == STATION:
            self._approvals = ApprovalsTable(self.ui.f_approvals, self.store.today)
            self._approvals.changed.connect(self._approvals_changed)
        if self.kind == VENUE:  # a reason is asked for only when the venue is not free
            free: QComboBox = self.ui.f_free
            free.currentIndexChanged.connect(
                lambda _i: self.ui.f_not_free_reason.setEnabled(free.currentData() == "0")
            )
        self.ui.b_save.clicked.connect(self.save)
        self.ui.b_save_new.clicked.connect(self.save_and_new)
        self.ui.b_cancel.clicked.connect(self.reject)
        self.ui.b_delete.clicked.connect(self._request_delete)
        self.ui.b_history.clicked.connect(self._request_history)
        self.ui.messages.setTextFormat(Qt.TextFormat.RichText)
        if self.readonly:
            self._make_readonly()

    def _add_coord_system(self) -> None:
        """The coordinate system choice, in the row under 纬度 (stored numbers are WGS-84)."""
        self.coord_system: QComboBox | None = None
        lat = self.widget("lat")
        form = lat.parentWidget().layout() if lat is not None and lat.parentWidget() else None
        if not isinstance(form, QFormLayout) or lat is None:
            return
        row, _role = form.getWidgetPosition(lat)
        self.coord_system = coord_system_combo(self)
        form.insertRow(row + 1, self.tr("坐标系"), self.coord_system)
        self.coord_system.currentIndexChanged.connect(lambda _i: self._coords_changed())

    def _coords_changed(self) -> None:
        if not self._loading:
            self._touched |= {"lon", "lat"}
            self._timer.start()

    def _make_readonly(self) -> None:
        """A read-only window (a second copy of the program): the form shows, nothing can change."""
        for b in (self.ui.b_save, self.ui.b_save_new, self.ui.b_delete):
            b.setEnabled(False)
        for name in self._specs:
            w = self.widget(name)
            if isinstance(w, (QLineEdit, QPlainTextEdit)):
                w.setReadOnly(True)
            elif isinstance(w, QComboBox):
                w.setEnabled(False)
            elif w is not None:
                for cb in w.findChildren(QCheckBox):
                    cb.setEnabled(False)
        for name in ("venue_id", "pole_id"):
            for suffix in ("_pick", "_clear"):
                b = getattr(self.ui, f"b_{name}{suffix}", None)
                if b is not None:
                    b.setEnabled(False)
        if self._approvals is not None:
            self._approvals.set_readonly()
        if self.coord_system is not None:
            self.coord_system.setEnabled(False)

    def _connect_change(self, name: str, w: QWidget) -> None:
        def changed(*_: object) -> None:
            if not self._loading:
                self._touched.add(name)
                self._timer.start()

        if isinstance(w, QComboBox):
            w.currentIndexChanged.connect(changed)
        elif isinstance(w, QLineEdit):
            w.textEdited.connect(changed)
        elif isinstance(w, QPlainTextEdit):
            w.textChanged.connect(changed)
        else:
            for cb in w.findChildren(QCheckBox):
                cb.toggled.connect(changed)

    def _setup_shortcuts(self) -> None:
        for seq, fn in (
            (QKeySequence.StandardKey.Save, self.save),
            (QKeySequence("Ctrl+Shift+S"), self.save_and_new),
            (QKeySequence.StandardKey.New, self.save_and_new),
            (QKeySequence("Ctrl+Delete"), self._request_delete),
            (QKeySequence("Ctrl+H"), self._request_history),
        ):
            sc = QShortcut(seq, self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(fn)

    def _approvals_changed(self) -> None:
        self._touched.add("approvals")
        self._timer.start()

    def _unit_changed(self) -> None:
        town: QComboBox | None = self.widget("township_code")  # type: ignore[assignment]
        if town is None:
            return
        unit = self.ui.f_unit_code.currentData()
        current = town.currentData()
        town.blockSignals(True)
        fill_combo(town, [(t.code, t.name) for t in self.store.townships(unit)] if unit else [])
        idx = town.findData(current) if current else -1
        town.setCurrentIndex(max(idx, 0))
        town.blockSignals(False)

    # Load / collect ----------------------------------------------------------------------------------
    def load(self, record: Any) -> None:
        """Show ``record`` (None: a new record with the sticky values)."""
        self._loading = True
        try:
            if record is None:
                record = self.cls()
                if self._default_unit:
                    record.unit_code = self._default_unit
                for k, v in self.sticky.items():
                    setattr(record, k, v)
            self.original = record if record.id is not None else None
            if self.coord_system is not None and record.id is not None:
                # a saved record's numbers are the stored WGS-84 ones (a new one keeps the choice)
                self.coord_system.setCurrentIndex(self.coord_system.findData(coords.WGS84))
            self._touched.clear()
            self._watched.clear()
            for name, spec in self._specs.items():
                self._set_value(name, spec, getattr(record, name))
            if self.kind == STATION:
                self._set_ref("venue_id", record.venue_id, record.venue_code or "")
                self._set_ref("pole_id", record.pole_id, record.pole_code or "")
                assert self._approvals is not None
                self._approvals.load(record.approvals)
            else:
                self.ui.f_station_count.setText(str(record.station_count))
            if self.kind == VENUE:
                self.ui.f_not_free_reason.setEnabled(record.free is False or bool(record.not_free_reason))
            self._show_issues([], all_fields=True)
        finally:
            self._loading = False
        new = record.id is None
        self.ui.b_delete.setEnabled(not new and not self.readonly)
        self.ui.b_history.setEnabled(not new)
        title = self.windowTitle().split(" — ")[0]
        state = self.tr("新建") if new else (self.tr("查看") if self.as_at else self.tr("编辑"))
        readonly = self.tr("（只读）") if self.readonly else ""
        if self.as_at:
            readonly = self.tr("（{0}时的登记情况，只读）").format(self.as_at)
        self.setWindowTitle(f"{title} — {state}{readonly}")
        self._initial = self.collect()[0]
        first = self.widget("station_code" if self.kind == STATION else "name")
        if record.unit_code and first is not None:
            first.setFocus()
        else:
            self.ui.f_unit_code.setFocus()

    def _set_value(self, name: str, spec: Any, value: Any) -> None:
        w = self.widget(name)
        if w is None or spec.kind == REF:
            return
        if name == "unit_code":
            idx = w.findData(value) if value else -1
            w.setCurrentIndex(max(idx, 0))
            self._unit_changed()
        elif isinstance(w, QComboBox):
            data = value
            if spec.kind == BOOL:
                data = None if value is None else ("1" if value else "0")
            idx = w.findData(data) if data not in (None, "") else 0
            w.setCurrentIndex(max(idx, 0))
        elif spec.kind == CODES:
            chosen = set(value or [])
            for c in spec.code_list or ():
                cb = getattr(self.ui, f"f_{name}__{c.code}", None)
                if cb is not None:
                    cb.setChecked(c.code in chosen)
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(value or "")
        elif isinstance(w, QLineEdit):
            w.setText(spec.display(value) if value is not None else "")

    def _set_ref(self, name: str, rid: int | None, text: str) -> None:
        self._refs[name] = rid
        w = self.widget(name)
        if w is not None:
            w.setText(text)
        if not self._loading:
            self._touched.add(name)
            self._timer.start()

    def collect(self) -> tuple[Any, list[Issue]]:
        """The record as the form shows it (normalised) and the problems of reading it."""
        problems: list[Issue] = []
        values: dict[str, Any] = {}
        for name, spec in self._specs.items():
            w = self.widget(name)
            if spec.kind == REF:
                values[name] = self._refs.get(name)
                continue
            if w is None:
                continue
            if isinstance(w, QComboBox):
                data = w.currentData()
                if spec.kind == BOOL:
                    values[name] = None if data is None else data == "1"
                else:
                    values[name] = (
                        data if data is not None else ("" if _string_default(self.cls, name) else None)
                    )
            elif spec.kind == CODES:
                values[name] = [
                    c.code
                    for c in spec.code_list or ()
                    if getattr(self.ui, f"f_{name}__{c.code}").isChecked()
                ]
            elif isinstance(w, QPlainTextEdit):
                values[name] = normalize_free_optional(w.toPlainText())
            elif spec.kind == DATE:
                try:
                    values[name] = text_to_date(w.text())
                except (ValueError, OverflowError):
                    values[name] = None
                    message = self.tr("“{0}”不是有效日期，请按 2021-02-01 的格式填写。")
                    problems.append(Issue(name, message.format(dtr(spec.label)), ERROR, "date_format"))
            elif spec.kind in (FLOAT, INT):
                try:
                    v = normalize_number(w.text())
                    values[name] = None if v is None else (int(v) if spec.kind == INT else v)
                except ValueError:
                    values[name] = None
                    message = self.tr("“{0}”应是数字，请重新填写。")
                    problems.append(Issue(name, message.format(dtr(spec.label)), ERROR, "number_format"))
            else:
                text = (normalize_free_text if is_free_text(name) else normalize_text)(w.text())
                values[name] = text if (text or _string_default(self.cls, name)) else None
        system = self.coord_system.currentData() if self.coord_system is not None else coords.WGS84
        lon, lat = values.get("lon"), values.get("lat")
        if system != coords.WGS84 and isinstance(lon, (int, float)) and isinstance(lat, (int, float)):
            values["lon"], values["lat"] = coords.to_stored(lon, lat, system)
        base = self.original if self.original is not None else self.cls()
        record = replace(base, **values)
        if self._approvals is not None:
            record.approvals, more = self._approvals.collect(self.original.approvals if self.original else [])
            problems += more
        return record, problems

    # Validation ---------------------------------------------------------------------------------------
    def issues(self) -> tuple[Any, list[Issue]]:
        record, problems = self.collect()
        bad = {i.field for i in problems}
        issues = problems + [i for i in self.store.validate(record) if i.field not in bad]
        return record, issues

    def _live_validate(self) -> None:
        """After every change: the fields the user touched and every field already marked are
        checked again; a mark stays until its own field is right."""
        _record, issues = self.issues()
        watched = self._touched | self._watched
        self._show_issues([i for i in issues if i.field in watched], all_fields=False)

    def _show_issues(self, issues: list[Issue], *, all_fields: bool) -> None:
        by_field: dict[str, Issue] = {}
        for i in issues:
            if i.field not in by_field or (i.is_error and not by_field[i.field].is_error):
                by_field[i.field] = i
        self._watched |= set(by_field)
        for name in [*self._specs, "approvals"]:
            w = self.widget(name)
            if w is None:
                continue
            i = by_field.get(name)
            mark(w, None if i is None else i.severity, "" if i is None else i.message)
        lines = []
        for i in issues:
            color = "#c62828" if i.is_error else "#a15c00"
            text = (self.tr("错误：{message}") if i.is_error else self.tr("提醒：{message}")).format(
                message=i.message
            )
            lines.append(f'<span style="color:{color}">{html.escape(text)}</span>')
        self.ui.messages.setText("<br>".join(lines))

    def _focus_issue(self, issue: Issue) -> None:
        w = self.widget(issue.field)
        if w is None:
            return
        if self._specs.get(issue.field) is not None and self._specs[issue.field].kind == CODES:
            boxes = w.findChildren(QCheckBox)
            if boxes:
                boxes[0].setFocus()
                return
        w.setFocus()
        if isinstance(w, QLineEdit):
            w.selectAll()

    # Saving ----------------------------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self.collect()[0] != self._initial

    def save(self) -> bool:
        """Validate and save; errors block, warnings ask. Returns True when saved."""
        if self.readonly:
            return False
        self._timer.stop()
        if self.original is not None and not self.is_dirty():
            # Nothing changed: nothing is written (no audit row, no undo step).
            self._show_issues(self.issues()[1], all_fields=True)
            shown = self.ui.messages.text()
            note = self.tr("没有修改，无需保存。")
            self.ui.messages.setText(note + ("<br>" + shown if shown else ""))
            self.last_saved = self.original
            return True
        record, issues = self.issues()
        self._show_issues(issues, all_fields=True)
        errs = [i for i in issues if i.severity == ERROR]
        if errs:
            self._focus_issue(errs[0])
            return False
        warns = [i for i in issues if i.severity == WARNING]
        if warns:
            text = "\n".join(f"• {i.message}" for i in warns)
            ask = self.tr("这条记录有以下提醒：\n{0}\n\n仍要保存吗？").format(text)
            if not confirm(self, self.tr("请确认"), ask, QMessageBox.StandardButton.Save):
                self._focus_issue(warns[0])
                return False
        try:
            saved = self._save_fn(self.kind, record, self.original)
        except ValidationFailed as exc:
            self._show_issues(exc.issues, all_fields=True)
            errs = [i for i in exc.issues if i.is_error]
            if errs:
                self._focus_issue(errs[0])
            return False
        except ConflictError as exc:
            self._conflict(exc, record)
            return False
        except Kf5gError as exc:
            QMessageBox.warning(self, self.tr("保存失败"), str(exc))
            return False
        self.last_saved = saved
        self.saved.emit(saved)
        self.load(saved)
        return True

    def _conflict(self, exc: ConflictError, mine: Any) -> None:
        """Somebody else saved (or deleted) the record since this form loaded it: say who and when,
        and reload, compare, or put the user's changes on the record as it is now."""
        from .conflict_dialog import KEEP_MINE, RELOAD, ConflictDialog

        theirs = None
        if not exc.deleted:
            try:
                theirs = self.store.get(self.kind, self.original.id)
            except Kf5gError as err:
                QMessageBox.warning(self, self.tr("保存失败"), str(err))
                return
        names = {
            "unit_code": {u.code: u.name for u in self.store.units()},
            "township_code": {t.code: t.name for t in self.store.townships()},
        }
        dlg = ConflictDialog(
            exc, self.kind, self.original, theirs or mine, mine, today=self.store.today(), names=names, parent=self
        )
        self.conflict_dialog = dlg
        dlg.exec()
        if theirs is None or dlg.choice is None:
            return
        if dlg.choice == RELOAD:
            self.load(theirs)
        elif dlg.choice == KEEP_MINE:
            from .conflict_dialog import merged

            opened = self.original
            self.load(theirs)  # the record as it is now, with its version, is what gets saved over
            self._loading = True
            try:
                combined = merged(self.kind, opened, theirs, mine)
                for name, spec in self._specs.items():
                    if getattr(combined, name) != getattr(theirs, name):
                        self._set_value(name, spec, getattr(combined, name))
                        self._touched.add(name)
                if self.kind == STATION:
                    self._set_ref("venue_id", combined.venue_id, combined.venue_code or "")
                    self._set_ref("pole_id", combined.pole_id, combined.pole_code or "")
                    assert self._approvals is not None
                    self._approvals.load(combined.approvals)
            finally:
                self._loading = False
            self._live_validate()
            self.ui.messages.setText(
                self.tr("已载入对方保存后的记录，并填入了您改过的项。请核对后再保存。")
                + ("<br>" + self.ui.messages.text() if self.ui.messages.text() else "")
            )

    def save_and_new(self) -> None:
        if self._untouched_new():
            self.load(None)
            return
        if self.save():
            saved = self.last_saved
            self.sticky = {k: getattr(saved, k) for k in STICKY_FIELDS[self.kind]}
            self.load(None)

    def _untouched_new(self) -> bool:
        return self.original is None and not self.is_dirty()

    def accept(self) -> None:
        if self.save():
            super().accept()

    def reject(self) -> None:
        if not self.readonly and self.is_dirty():
            answer = QMessageBox.question(
                self,
                self.tr("放弃修改"),
                self.tr("表单中有未保存的修改，确定放弃吗？"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    # Links and requests ------------------------------------------------------------------------------------
    def _pick(self, name: str) -> None:
        from .register import PickerDialog

        kind = VENUE if name == "venue_id" else POLE
        unit = self.ui.f_unit_code.currentData()
        dlg = PickerDialog(self.store, kind, unit_code=unit, parent=self)
        if dlg.exec() == QDialog.DialogCode.Accepted and dlg.chosen is not None:
            rec = dlg.chosen
            code = getattr(rec, KINDS[kind].code_field)
            self._set_ref(name, rec.id, f"{code} {rec.name}")

    def _request_delete(self) -> None:
        if self.original is not None and self.original.id is not None and not self.readonly:
            self.deleteRequested.emit(self.kind, self.original.id)

    def _request_history(self) -> None:
        if self.original is not None and self.original.id is not None:
            self.historyRequested.emit(self.kind, self.original.id)
