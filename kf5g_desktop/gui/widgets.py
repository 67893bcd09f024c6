"""Small reusable widgets: multi-select filter button, date and number validators, field marking,
the table model of a short list held in memory."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLayout,
    QLayoutItem,
    QMenu,
    QMessageBox,
    QToolButton,
    QWidget,
)

from kf5g_desktop.domain.normalize import normalize_number, normalize_text, parse_date

INVALID_STYLE = (
    '*[invalid="error"] { border: 1px solid #d32f2f; background: #fdecea; }'
    '*[invalid="warning"] { border: 1px solid #ed8b00; background: #fff6e0; }'
    # A marked field keeps showing the keyboard focus: a thicker frame in the focus colour (the
    # tint still says error/warning), since the style above replaces the native focus frame.
    '*[invalid="error"]:focus, *[invalid="warning"]:focus { border: 2px solid #1565c0; }'
)


def tr(text: str) -> str:
    """Module-level strings: lupdate files bare ``tr()`` calls under the empty context."""
    return QCoreApplication.translate("", text)


def dtr(text: str) -> str:
    """A domain label (field or code-list label) in the interface language (context "domain")."""
    return QCoreApplication.translate("domain", text) if text else text


def dtr_multi(text: str) -> str:
    """Several labels joined by 、 (multi-valued fields), each translated."""
    from kf5g_desktop.domain.codes import MULTI_SEPARATOR

    return MULTI_SEPARATOR.join(dtr(t) for t in text.split(MULTI_SEPARATOR)) if text else text


def mark(widget: QWidget, state: str | None, message: str = "") -> None:
    """Mark a field red (error) or amber (warning), with the message as tooltip; None clears."""
    value = state or ""
    if widget.property("invalid") != value:
        widget.setProperty("invalid", value)
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)
    widget.setToolTip(message)


def show_problems(fields: Sequence[QWidget], bad: Sequence[tuple[QWidget, str]], label: QLabel) -> bool:
    """A dialog's fields checked: each of ``fields`` marked red with its message (or cleared), every
    message in ``label``, the first bad field focused. True when nothing is wrong."""
    for w in fields:
        message = next((m for f, m in bad if f is w), "")
        mark(w, "error" if message else None, message)  # (domain.validation.ERROR)
    label.setText("\n".join(m for _w, m in bad))
    if bad:
        bad[0][0].setFocus()
    return not bad


class DateValidator(QValidator):
    """Accepts what parse_date accepts (2021-02-01, 2021/2/1, 2021年2月1日, 20210201) or empty.

    Partial input while typing is Intermediate; the form reports a bad date on save.
    """

    def validate(self, text: str, pos: int) -> object:  # type: ignore[override]
        t = normalize_text(text)
        if not t:
            return QValidator.State.Acceptable, text, pos
        try:
            parse_date(t)
        except ValueError:
            allowed = set("0123456789-/.年月日 ０１２３４５６７８９－／．")
            if all(ch in allowed for ch in text) and len(t) <= 11:
                return QValidator.State.Intermediate, text, pos
            return QValidator.State.Invalid, text, pos
        return QValidator.State.Acceptable, text, pos


class NumberValidator(QValidator):
    """A decimal number within [low, high]; full-width digits accepted (normalised on save)."""

    def __init__(self, low: float, high: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.low, self.high = low, high

    def validate(self, text: str, pos: int) -> object:  # type: ignore[override]
        t = normalize_text(text)
        if not t or t in ("-", ".", "-."):
            return QValidator.State.Intermediate if t else QValidator.State.Acceptable, text, pos
        try:
            v = normalize_number(t)
        except ValueError:
            return QValidator.State.Invalid, text, pos
        if v is None:
            return QValidator.State.Acceptable, text, pos
        if self.low <= v <= self.high:
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos


def confirm(
    parent: QWidget, title: str, text: str, yes: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes
) -> bool:
    """Ask before doing something: ``yes`` (Yes, or e.g. Save) against a default that does nothing."""
    no = (
        QMessageBox.StandardButton.No
        if yes == QMessageBox.StandardButton.Yes
        else QMessageBox.StandardButton.Cancel
    )
    return QMessageBox.question(parent, title, text, yes | no, no) == yes


def text_to_date(text: str) -> date | None:
    """Raises ValueError for text that is not a date."""
    return parse_date(normalize_text(text))


def fill_combo(combo: QComboBox, items: Sequence[tuple[str, str]], *, empty: str | None = "") -> None:
    """Fill a combo with (code, label) items; an optional empty first entry (data None)."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    for code, label in items:
        combo.addItem(label, code)
    idx = combo.findData(current) if current is not None else -1
    combo.setCurrentIndex(max(idx, 0))
    combo.blockSignals(False)


def set_combo_data(combo: QComboBox, value: object) -> None:
    idx = combo.findData(value) if value is not None else 0
    combo.setCurrentIndex(max(idx, 0) if value is not None else (0 if combo.itemData(0) is None else -1))


class RowsModel(QAbstractTableModel):
    """A table over a short list held in memory (a preview, the units of the dashboard): ``rows``,
    one column per title of ``HEADERS``. Subclasses give ``data``; :meth:`header` may translate."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def header(self, section: int) -> str:
        return self.HEADERS[section]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.header(section)
        return None


class LazyPage:
    """Pages load their rows the first time they are shown (a big database opens fast); after
    that the main window calls ``refresh``. Subclasses set ``self._loaded = True`` in refresh."""

    _loaded = False

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if not self._loaded:
            self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError


class MultiSelectButton(QToolButton):
    """A tool button with a checkable menu: choose several codes to filter on ("全部" when none)."""

    changed = Signal()

    def __init__(self, title: str, items: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._menu = QMenu(self)
        self._actions: list[QAction] = []
        for code, label in items:
            act = QAction(label, self._menu)
            act.setCheckable(True)
            act.setData(code)
            act.toggled.connect(self._on_toggled)
            self._menu.addAction(act)
            self._actions.append(act)
        self._menu.addSeparator()
        clear = self._menu.addAction(tr("清除选择"))
        clear.triggered.connect(lambda: self.set_selected([]))
        self.setMenu(self._menu)
        self._update_text()

    def selected(self) -> list[str]:
        return [a.data() for a in self._actions if a.isChecked()]

    def set_selected(self, codes: Sequence[str]) -> None:
        wanted = set(codes)
        for a in self._actions:
            a.blockSignals(True)
            a.setChecked(a.data() in wanted)
            a.blockSignals(False)
        self._update_text()
        self.changed.emit()

    def _on_toggled(self, _checked: bool) -> None:
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        chosen = [a.text() for a in self._actions if a.isChecked()]
        if not chosen:
            self.setText(tr("{0}：全部").format(self.title))
        elif len(chosen) <= 2:
            self.setText(f"{self.title}:{'、'.join(chosen)}")
        else:
            self.setText(tr("{0}:{1} 项").format(self.title, len(chosen)))


class FlowLayout(QLayout):
    """Lays its items out left to right and wraps to a new line when the width runs out (the filter
    bars, so a page still fits a 1024-pixel screen). Items keep their size hints; an item added with
    ``stretch=True`` grows to fill the rest of its line."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: set[int] = set()
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addWidget(self, widget: QWidget, stretch: bool = False) -> None:  # type: ignore[override]
        super().addWidget(widget)
        if stretch:
            self._stretch.add(id(self._items[-1]))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self._stretch.discard(id(item))
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._layout(rect, apply=True)

    def sizeHint(self) -> QSize:
        w = sum(i.sizeHint().width() for i in self._visible()) + self.spacing() * max(
            0, len(self._visible()) - 1
        )
        h = max((i.sizeHint().height() for i in self._visible()), default=0)
        m = self.contentsMargins()
        return QSize(w + m.left() + m.right(), h + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _layout(self, rect: QRect, *, apply: bool) -> int:
        m = self.contentsMargins()
        r = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        gap = self.spacing()
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible():
            w = min(item.sizeHint().width(), r.width())
            if lines[-1] and used + gap + w > r.width():
                lines.append([])
                used = 0
            used += (gap if lines[-1] else 0) + w
            lines[-1].append(item)
        y = r.y()
        for line in lines:
            if not line:
                continue
            height = max(i.sizeHint().height() for i in line)
            widths = [min(i.sizeHint().width(), r.width()) for i in line]
            spare = r.width() - sum(widths) - gap * (len(line) - 1)
            growing = [k for k, i in enumerate(line) if id(i) in self._stretch]
            for k in growing:
                widths[k] += spare // len(growing)
            x = r.x()
            for item, w in zip(line, widths, strict=True):
                if apply:
                    item.setGeometry(
                        QRect(
                            QPoint(x, y + (height - item.sizeHint().height()) // 2),
                            QSize(w, item.sizeHint().height()),
                        )
                    )
                x += w + gap
            y += height + gap
        return y - gap - r.y() + m.top() + m.bottom() if y > r.y() else m.top() + m.bottom()
