"""Thin table models over the Store: rows are paged from SQL (canFetchMore/fetchMore), sorted and
filtered in SQL. Never every row in memory."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from kf5g_desktop.domain.audit_text import approvals_display
from kf5g_desktop.domain.schema import BOOL, CODE, CODES, FIELDS, FLOAT, INT, POLE, STATION, VENUE, FieldSpec
from kf5g_desktop.domain.values import AuditEntry, ListQuery
from kf5g_desktop.storage.history import Moment
from kf5g_desktop.storage.store import Store

from .widgets import dtr, dtr_multi

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


@dataclass(frozen=True)
class Column:
    key: str  # stable name (for settings and sorting)
    header: str
    text: Callable[[Any], str]
    sort_field: str | None = None  # SQL column to sort on; None = not sortable
    numeric: bool = False


class PagedTableModel(QAbstractTableModel):
    """Rows fetched a page at a time; subclasses implement ``_count`` and ``_fetch``."""

    PAGE = 200

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Any] = []
        self._total = 0
        self.sort_field: str | None = None
        self.descending = False
        self.loaded = False

    # Subclass hooks ---------------------------------------------------------------------------
    def _count(self) -> int:
        raise NotImplementedError

    def _fetch(self, offset: int, limit: int) -> list[Any]:
        raise NotImplementedError

    # Public -------------------------------------------------------------------------------------
    @property
    def total(self) -> int:
        return self._total

    def reload(self) -> None:
        self.loaded = True
        self.beginResetModel()
        self._total = self._count()
        self._rows = self._fetch(0, self.PAGE) if self._total else []
        if len(self._rows) < self.PAGE:
            self._total = len(self._rows)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_id(self, rid: int) -> int:
        for i, r in enumerate(self._rows):
            if getattr(r, "id", None) == rid:
                return i
        return -1

    # Qt model API -------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        start = len(self._rows)
        n = min(self.PAGE, self._total - start)
        if n <= 0:
            return
        more = self._fetch(start, n)
        if len(more) < n:  # the data shrank meanwhile
            self._total = start + len(more)
        if not more:
            return
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self.columns):
            return None
        rec = self._rows[index.row()]
        col = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return col.text(rec)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = Qt.AlignmentFlag.AlignRight if col.numeric else Qt.AlignmentFlag.AlignLeft
            return int(align | Qt.AlignmentFlag.AlignVCenter)
        if role == RECORD_ROLE:
            return rec
        if role == ID_ROLE:
            return getattr(rec, "id", None)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or self.columns[column].sort_field is None:
            return
        self.sort_field = self.columns[column].sort_field
        self.descending = order == Qt.SortOrder.DescendingOrder
        if self.loaded:  # before the first load the view only tells us its sort order
            self.reload()


# Registers ------------------------------------------------------------------------------------------


def _field_text(spec: FieldSpec, store: Store) -> Callable[[Any], str]:
    name = spec.name
    if name == "unit_code":
        return lambda r: (
            store.unit_map()[r.unit_code].name if r.unit_code in store.unit_map() else r.unit_code
        )
    if name == "township_code":
        towns = store.township_map

        def town(r: Any) -> str:
            t = towns().get(r.township_code or "")
            return t.name if t else (r.township_code or "")

        return town
    if name == "venue_id":
        return lambda r: r.venue_code or (str(r.venue_id) if r.venue_id else "")
    if name == "pole_id":
        return lambda r: r.pole_code or (str(r.pole_id) if r.pole_id else "")
    if spec.kind in (CODE, BOOL):
        return lambda r: dtr(spec.display(getattr(r, name)))
    if spec.kind == CODES:
        return lambda r: dtr_multi(spec.display(getattr(r, name)))
    return lambda r: spec.display(getattr(r, name))


def register_columns(kind: str, store: Store) -> list[Column]:
    cols = [
        Column(f.name, dtr(f.label), _field_text(f, store), f.name, numeric=f.kind in (FLOAT, INT))
        for f in FIELDS[kind]
    ]
    if kind in (VENUE, POLE):
        cols.append(Column("station_count", tr("基站数"), lambda r: str(r.station_count), None, True))
    cols.append(
        Column(
            "updated_at",
            tr("更新时间"),
            lambda r: f"{r.meta.updated_at:%Y-%m-%d %H:%M}" if r.meta.updated_at else "",
            "updated_at",
        )
    )
    cols.append(Column("updated_by", tr("更新人"), lambda r: r.meta.updated_by or "", "updated_by"))
    return cols


DEFAULT_VISIBLE: dict[str, tuple[str, ...]] = {
    STATION: (
        "unit_code",
        "station_code",
        "operator",
        "name",
        "township_code",
        "station_type",
        "network_mode",
        "status",
        "on_air",
        "power_supply",
        "updated_at",
    ),
    VENUE: (
        "unit_code",
        "venue_code",
        "name",
        "category",
        "township_code",
        "resources",
        "opened_on",
        "free",
        "station_count",
    ),
    POLE: (
        "unit_code",
        "pole_code",
        "name",
        "sector",
        "pole_type",
        "smart",
        "township_code",
        "shared_on",
        "station_count",
    ),
}


class RecordTableModel(PagedTableModel):
    """One register (stations, venues or poles) as the ListQuery filters it."""

    def __init__(self, store: Store, kind: str, parent: Any = None) -> None:
        super().__init__(register_columns(kind, store), parent)
        self.store = store
        self.kind = kind
        self.query = ListQuery()
        self.at: Moment = None  # the registers as they stood then (None: now)

    def set_query(self, query: ListQuery) -> None:
        self.query = query
        self.reload()

    def _effective(self) -> ListQuery:
        q = self.query
        if self.sort_field is not None:
            q = replace(q, sort=self.sort_field, descending=self.descending)
        return q

    def _count(self) -> int:
        return self.store.count(self.kind, self._effective(), at=self.at)

    def _fetch(self, offset: int, limit: int) -> list[Any]:
        return self.store.query(self.kind, replace(self._effective(), offset=offset, limit=limit), at=self.at)


# Approvals ---------------------------------------------------------------------------------------


class ApprovalsTableModel(PagedTableModel):
    """Every approval item of live stations, with waiting days, paged from SQL."""

    def __init__(self, store: Store, parent: Any = None) -> None:
        from kf5g_desktop.domain import codes

        units = store.unit_map
        cols = [
            Column(
                "unit_code",
                tr("区县"),
                lambda a: units()[a.unit_code].name if a.unit_code in units() else a.unit_code,
                "unit_code",
            ),
            Column("station_code", tr("基站编码"), lambda a: a.station_code, "station_code"),
            Column("station_name", tr("基站名称"), lambda a: a.station_name, "station_name"),
            Column("operator", tr("承建运营商"), lambda a: dtr(codes.OPERATOR.label(a.operator)), "operator"),
            Column("item", tr("审批事项"), lambda a: dtr(codes.APPROVAL_ITEM.label(a.item)), "item"),
            Column("applied_on", tr("申请日期"), lambda a: _d(a.applied_on), "applied_on"),
            Column("granted_on", tr("办结日期"), lambda a: _d(a.granted_on), "granted_on"),
            Column(
                "state",
                tr("状态"),
                lambda a: tr("已办结") if a.granted_on else (tr("等待中") if a.applied_on else tr("未申请")),
                None,
            ),
            Column(
                "days",
                tr("用时/已等待（天，至今日）"),
                lambda a: "" if a.days is None else str(a.days),
                "days",
                True,
            ),
        ]
        super().__init__(cols, parent)
        self.store = store
        self.search = ""
        self.unit_codes: list[str] = []
        self.waiting_only = False
        self.min_days: int | None = None
        self.sort_field = "days"
        self.descending = True

    def _kw(self) -> dict[str, Any]:
        return dict(
            search=self.search,
            unit_codes=self.unit_codes,
            waiting_only=self.waiting_only,
            min_days=self.min_days,
        )

    def _count(self) -> int:
        return self.store.approval_count(**self._kw())

    def _fetch(self, offset: int, limit: int) -> list[Any]:
        return self.store.approval_items(
            **self._kw(),
            sort=self.sort_field or "days",
            descending=self.descending,
            offset=offset,
            limit=limit,
        )


def _d(value: date | None) -> str:
    return value.isoformat() if value else ""


# Audit log -----------------------------------------------------------------------------------------


def _kind_label(kind: str) -> str:
    return {STATION: tr("基站"), VENUE: tr("场所"), POLE: tr("杆塔")}.get(kind, kind)


def audit_value(entry: AuditEntry, value: str | None, names: dict[str, str] | None = None) -> str:
    """An audit old/new value as a person reads it; ``names`` maps unit and township codes to names."""
    if entry.field == "approvals":
        return approvals_display(value)
    if names and entry.field in ("unit_code", "township_code") and value in names:
        return names[value]
    return entry.display(value)


def place_names(store: Store) -> dict[str, str]:
    out = {u.code: u.name for u in store.units()}
    out.update({t.code: t.name for t in store.townships()})
    return out


class AuditLogModel(PagedTableModel):
    def __init__(self, store: Store, parent: Any = None) -> None:
        names = place_names(store)
        cols = [
            Column("at", tr("时间"), lambda e: f"{e.at:%Y-%m-%d %H:%M:%S}"),
            Column("user", tr("操作人"), lambda e: e.user),
            Column("action", tr("操作"), lambda e: e.action_label),
            Column("table", tr("类别"), lambda e: _kind_label(e.table_name)),
            Column("key", tr("记录"), lambda e: e.record_key),
            Column("field", tr("字段"), lambda e: dtr(e.field_label)),
            Column("old", tr("原值"), lambda e: audit_value(e, e.old, names)),
            Column(
                "new",
                tr("新值"),
                lambda e: insert_summary(e) if e.action == "insert" else audit_value(e, e.new, names),
            ),
        ]
        super().__init__(cols, parent)
        self.store = store
        self.search = ""

    def _count(self) -> int:
        return self.store.audit_count(search=self.search)

    def _fetch(self, offset: int, limit: int) -> list[Any]:
        return self.store.audit_log(offset=offset, limit=limit, search=self.search)


def insert_summary(entry: AuditEntry) -> str:
    """One line for an insert's JSON snapshot in the audit log (the history view lists every field)."""
    try:
        snap = json.loads(entry.new or "{}")
    except ValueError:
        return entry.new or ""
    return tr("{0} 个字段").format(len(snap))


# History of one record -----------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryRow:
    at: datetime
    user: str
    action: str
    field: str
    old: str
    new: str


def history_rows(entries: Sequence[AuditEntry], names: dict[str, str] | None = None) -> list[HistoryRow]:
    """Audit rows of one record as a person reads them; an insert's JSON snapshot becomes one row
    per field it set."""
    from kf5g_desktop.domain.schema import field_label

    out: list[HistoryRow] = []
    for e in entries:
        if e.action == "insert" and e.new:
            try:
                snap = json.loads(e.new)
            except ValueError:
                snap = {}
            first = True
            for name, value in snap.items():
                probe = replace(e, field=name)
                out.append(
                    HistoryRow(
                        e.at,
                        e.user,
                        e.action_label if first else "",
                        dtr(field_label(e.table_name, name)),
                        "",
                        audit_value(probe, value, names),
                    )
                )
                first = False
            if first:
                out.append(HistoryRow(e.at, e.user, e.action_label, "", "", ""))
        else:
            out.append(
                HistoryRow(
                    e.at,
                    e.user,
                    e.action_label,
                    e.field_label,
                    audit_value(e, e.old, names),
                    audit_value(e, e.new, names),
                )
            )
    return out


class ListTableModel(PagedTableModel):
    """A small list already in memory (history of one record, recycle bin), shown through the same
    paged model."""

    def __init__(self, columns: Sequence[Column], rows: Sequence[Any] = (), parent: Any = None) -> None:
        super().__init__(columns, parent)
        self._all = list(rows)
        self.reload()

    def set_rows(self, rows: Sequence[Any]) -> None:
        self._all = list(rows)
        self.reload()

    def _count(self) -> int:
        return len(self._all)

    def _fetch(self, offset: int, limit: int) -> list[Any]:
        return self._all[offset : offset + limit]


def history_columns() -> list[Column]:
    return [
        Column("at", tr("时间"), lambda h: f"{h.at:%Y-%m-%d %H:%M:%S}" if h.action else ""),
        Column("user", tr("操作人"), lambda h: h.user if h.action else ""),
        Column("action", tr("操作"), lambda h: h.action),
        Column("field", tr("字段"), lambda h: h.field),
        Column("old", tr("原值"), lambda h: h.old),
        Column("new", tr("新值"), lambda h: h.new),
    ]


def recycle_columns(store: Store) -> list[Column]:
    units = store.unit_map
    return [
        Column("kind", tr("类别"), lambda d: _kind_label(d.kind)),
        Column("key", tr("记录"), lambda d: d.key),
        Column(
            "unit", tr("区县"), lambda d: units()[d.unit_code].name if d.unit_code in units() else d.unit_code
        ),
        Column("deleted_at", tr("删除时间"), lambda d: f"{d.deleted_at:%Y-%m-%d %H:%M:%S}"),
        Column("deleted_by", tr("删除人"), lambda d: d.deleted_by),
    ]
