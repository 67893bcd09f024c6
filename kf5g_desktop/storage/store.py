"""The Store: the one object the GUI, the command line, returns and reports talk to.

Every operation opens a short session (one SQLite transaction), returns plain domain records and
closes. Every change is validated, audited (who, when, field, old → new) and transactional. Deletes
are soft (recycle bin) and restorable with their history.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date, datetime
from operator import attrgetter
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Integer, Select, case, delete, func, insert, or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from kf5g_desktop.domain import codes
from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.domain.records import Approval, Pole, Record, RecordMeta, Station, Venue
from kf5g_desktop.domain.schema import FIELD_BY_NAME, POLE, REGISTER_KINDS, STATION, VENUE, field_label
from kf5g_desktop.domain.targets import Target, default_targets
from kf5g_desktop.domain.units import Township, Unit, default_townships, default_units
from kf5g_desktop.domain.validation import (
    ERROR,
    Issue,
    ValidationContext,
    validate_pole,
    validate_station,
    validate_venue,
)
from kf5g_desktop.paths import default_db_path

from . import backup as backups
from . import migrate, rawinsert
from .db import WRITE_OPTION, WriterLock, check_writable_place, make_engine, recover_hot_journal
from .errors import (
    CorruptDatabaseError,
    NewerSchemaError,
    NotFoundError,
    ReadOnlyStoreError,
    StorageError,
    ValidationFailed,
    is_corruption,
    sqlite_problem,
)
from .models import (
    ApprovalRow,
    AuditRow,
    BatchRow,
    PoleRow,
    SettingRow,
    StationRow,
    TargetRow,
    TownshipRow,
    UnitKeyRow,
    UnitRow,
    VenueRow,
    WeekNoteRow,
)

R = TypeVar("R", Station, Venue, Pole)

ROW_CLASS: dict[str, Any] = {STATION: StationRow, VENUE: VenueRow, POLE: PoleRow}
RECORD_CLASS: dict[str, Any] = {STATION: Station, VENUE: Venue, POLE: Pole}
LIST_FIELDS: dict[str, frozenset[str]] = {
    STATION: frozenset({"sharing_operators"}),
    VENUE: frozenset({"resources", "operators_entered"}),
    POLE: frozenset({"sharing_operators"}),
}
DEFAULT_DATE_FIELD = {STATION: "on_air", VENUE: "opened_on", POLE: "shared_on"}
CODE_PREFIX = {VENUE: "CS", POLE: "GT"}  # 场所 / 杆塔 codes assigned by the store
_COLUMNS_CACHE: dict[str, list[str]] = {}

# Settings keys
S_KIND = "installation_kind"  # "unit" | "city"
S_UNIT = "unit_code"
S_USER = "user_name"
S_PHONE = "user_phone"
S_REVIEWER = "reviewer"
S_DEMO = "demo"  # "1" when the database holds generated demo data only
S_DEADLINE_HOURS = "deadline_hours_after_period"  # default 42: Monday 18:00 after the Sunday


def kind_of(record: Record) -> str:
    if isinstance(record, Station):
        return STATION
    if isinstance(record, Venue):
        return VENUE
    if isinstance(record, Pole):
        return POLE
    raise TypeError(type(record))


def record_key(kind: str, record: Any) -> str:
    """A short human key for the audit log and messages."""
    if kind == STATION:
        return f"{codes.OPERATOR.label(record.operator)} {record.station_code} {record.name}".strip()
    code = record.venue_code if kind == VENUE else record.pole_code
    return f"{code or ''} {record.name}".strip()


def audit_text(value: object) -> str | None:
    """How a value is written into the audit log: codes as codes, dates ISO, booleans 1/0."""
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return codes.CODE_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, float):
        return _audit_float(value)
    return str(value)


def _audit_float(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


_AUDIT_TEXT: dict[type, Callable[[Any], str]] = {  # audit_text() of one class of values
    float: _audit_float,
    int: str,
    bool: lambda v: "1" if v else "0",
    date: date.isoformat,
    datetime: datetime.isoformat,
}
_json_string = json.encoder.encode_basestring  # a JSON string as json.dumps(…, ensure_ascii=False) writes it


def _audit_fragments(name: str, values: Sequence[Any]) -> list[str]:
    """``"name": "audit text"`` of each value for a JSON snapshot, "" where the field is left out
    (empty); joined with ", " inside braces it is exactly json.dumps(snapshot, ensure_ascii=False)."""
    key = _json_string(name) + ": "
    types = set(map(type, values)) - {type(None)}
    if types <= {str}:
        if None not in values and "" not in values:  # every record has it: all in C
            return list(map(key.__add__, map(_json_string, values)))
        return [key + _json_string(v) if v else "" for v in values]
    conv = _AUDIT_TEXT.get(types.pop()) if len(types) == 1 else None
    if conv is not None:  # numbers, dates, booleans: their text needs no JSON escaping
        quoted = key + '"'
        return ["" if v is None else quoted + conv(v) + '"' for v in values]
    out = []
    for v in values:
        text = audit_text(v)
        out.append("" if text is None else key + _json_string(text))
    return out


@dataclass(frozen=True, slots=True)
class Installation:
    kind: str | None  # "unit" | "city" | None (not set up yet)
    unit_code: str | None
    user_name: str
    user_phone: str
    reviewer: str
    demo: bool

    @property
    def is_city(self) -> bool:
        return self.kind == "city"

    @property
    def configured(self) -> bool:
        return self.kind in ("unit", "city")


@dataclass(slots=True)
class ListQuery:
    """Filters, sort and page of a register list. Every filter is applied in SQL."""

    search: str = ""
    unit_codes: Sequence[str] = ()
    operators: Sequence[str] = ()  # builder or sharing operator
    statuses: Sequence[str] = ()
    network_modes: Sequence[str] = ()
    power_supplies: Sequence[str] = ()
    station_types: Sequence[str] = ()
    categories: Sequence[str] = ()  # venue category / pole sector
    date_field: str | None = None  # defaults to DEFAULT_DATE_FIELD[kind]
    date_from: date | None = None
    date_to: date | None = None
    created_on_or_before: date | None = None  # "as the register stood at the end of that day"
    deleted: bool = False  # True = the recycle bin
    sort: str | None = None  # a field name; None = newest first
    descending: bool = False
    offset: int = 0
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    user: str
    action: str  # insert / update / delete / restore / undo
    table_name: str
    record_id: int
    record_key: str
    field: str | None
    old: str | None
    new: str | None
    batch_id: int | None

    ACTION_LABELS = {"insert": "新增", "update": "修改", "delete": "删除", "restore": "恢复", "undo": "撤销"}

    @property
    def action_label(self) -> str:
        return self.ACTION_LABELS.get(self.action, self.action)

    @property
    def field_label(self) -> str:
        return field_label(self.table_name, self.field)

    def display(self, value: str | None) -> str:
        """A stored old/new value as a person reads it (labels instead of codes)."""
        if value is None:
            return ""
        spec = FIELD_BY_NAME.get(self.table_name, {}).get(self.field or "")
        return spec.display(value) if spec else value


@dataclass(frozen=True, slots=True)
class ApprovalItem:
    """One approval item of a live station, for the 审批 list (days: lead time or waiting so far)."""

    id: int
    station_id: int
    item: str
    applied_on: date | None
    granted_on: date | None
    unit_code: str
    station_code: str
    station_name: str
    operator: str
    status: str
    days: int | None


@dataclass(frozen=True, slots=True)
class DeletedItem:
    kind: str
    id: int
    key: str
    unit_code: str
    deleted_at: datetime
    deleted_by: str


@dataclass(frozen=True, slots=True)
class Batch:
    id: int
    kind: str
    description: str
    created_at: datetime
    created_by: str
    undone_at: datetime | None


@dataclass(frozen=True, slots=True)
class WeekNote:
    unit_code: str
    iso_week: str
    problems: str = ""
    reviewer: str | None = None


@dataclass(slots=True)
class CheckProblem:
    kind: str
    id: int
    key: str
    issue: Issue


AUDIT_COLUMNS = (
    "at",
    "user",
    "action",
    "table_name",
    "record_id",
    "record_key",
    "field",
    "old",
    "new",
    "batch_id",
)


def _flush_audit(session: Session, rows: list[tuple[Any, ...]]) -> None:
    when: dict[datetime, str] = {}  # one operation has one time: convert it once
    out = []
    for r in rows:
        at = when.get(r[0])
        if at is None:
            at = when[r[0]] = rawinsert.sql_datetime(r[0])
        out.append((at, *r[1:]))
    rawinsert.insert_rows(session, AuditRow.__table__, AUDIT_COLUMNS, out)


@dataclass(slots=True)
class _Ctx:
    """What one write operation needs: the session, who, when and which batch."""

    session: Session
    user: str
    now: datetime
    batch_id: int | None = None
    audit: list[tuple[Any, ...]] = field(default_factory=list)  # rows of AUDIT_COLUMNS


class Store:
    """Facade over one SQLite database. Create with :meth:`Store.open`; close with :meth:`close`."""

    def __init__(
        self,
        path: Path,
        engine: Engine,
        *,
        readonly: bool,
        lock: WriterLock | None,
        user: str | None,
        clock: Callable[[], datetime] | None = None,
        upgraded_from: str | None = None,
    ) -> None:
        self.path = path
        self.engine = engine
        self.readonly = readonly
        self._lock = lock
        self._user_override = user
        self._clock = clock or datetime.now
        self.upgraded_from = upgraded_from
        self._ref_cache: dict[str, Any] = {}
        self._write_engine = engine.execution_options(**{WRITE_OPTION: True})

    # Opening and closing ---------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str | None = None,
        *,
        user: str | None = None,
        readonly: bool = False,
        clock: Callable[[], datetime] | None = None,
        check: str = "quick",
    ) -> Store:
        """Open (creating if needed) a database, upgrading its schema after a verified backup.

        Raises StorageError subclasses with a Chinese message: DatabaseLockedError when another copy
        of the program writes to it (open again with ``readonly=True``), NewerSchemaError,
        CorruptDatabaseError, or a plain StorageError for an unwritable place.
        """
        path = Path(path) if path is not None else default_db_path()
        path = path.expanduser()
        if readonly:
            if not path.exists():
                raise StorageError(f"数据库文件“{path}”不存在。")
        else:
            check_writable_place(path)
        existed = path.exists() and path.stat().st_size > 0
        if existed and not readonly:
            recover_hot_journal(path)
        if existed and check != "none":
            # Another copy may be writing the -wal file right now when we only read.
            problems = backups.integrity_problems(path, quick=(check == "quick"), wal=not readonly)
            if problems:
                raise CorruptDatabaseError(str(path), problems[0][:200])
        if existed:
            migrate.refuse_if_not_ours(path)
        lock: WriterLock | None = None
        if not readonly:
            lock = WriterLock(path)
            lock.acquire(user or "")
        try:
            engine = make_engine(path, readonly=readonly)
            upgraded_from = None
            if readonly:
                state, rev = migrate.schema_state(engine)
                if state == migrate.NEWER:
                    raise NewerSchemaError(rev or "?")
                if state != migrate.CURRENT:
                    raise StorageError("只读打开时无法升级数据库结构,请先在可写方式下打开一次。")
            else:
                upgraded_from = cls._upgrade(path, engine, existed)
            store = cls(
                path,
                engine,
                readonly=readonly,
                lock=lock,
                user=user,
                clock=clock,
                upgraded_from=upgraded_from,
            )
            if not readonly:
                store._seed_reference_data()
                if lock is not None and not user:
                    lock.set_user(store.user)
            return store
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @staticmethod
    def _upgrade(path: Path, engine: Engine, existed: bool) -> str | None:
        taken: list[backups.BackupInfo] = []

        def before() -> None:
            taken.append(backups.take_backup(path, "upgrade"))

        try:
            return migrate.upgrade(engine, before=before if existed else None)
        except (NewerSchemaError, StorageError):
            engine.dispose()
            raise
        except Exception as exc:
            engine.dispose()
            if taken:
                restore_file(taken[0].path, path)
                raise StorageError(
                    f"数据库结构升级失败({exc}),已自动恢复到升级前的备份“{taken[0].path.name}”。"
                    "请联系技术支持。"
                ) from exc
            raise StorageError(f"数据库初始化失败:{exc}") from exc

    def close(self, *, backup_on_exit: bool = False) -> None:
        try:
            if backup_on_exit and not self.readonly:
                with suppress(StorageError):
                    self.backup("exit")
            self.engine.dispose()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Sessions ----------------------------------------------------------------------------

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """A short session in one transaction; committed on success, rolled back on error.
        ``write=True`` takes SQLite's write lock at the start (BEGIN IMMEDIATE)."""
        bind = self._write_engine if write else self.engine
        try:
            with Session(bind, expire_on_commit=False) as s, s.begin():
                yield s
        except DBAPIError as exc:
            err = self._db_error(exc, write)
            if err is None:
                raise  # not the environment: a bug, keep it as it is
            raise err from exc

    def _db_error(self, exc: DBAPIError, write: bool) -> StorageError | None:
        """A clear StorageError for what the environment did to SQLite (full disk, I/O error,
        damage); the transaction was rolled back, so nothing of it was written."""
        if is_corruption(exc):
            return CorruptDatabaseError(str(self.path), str(getattr(exc, "orig", exc))[:200])
        problem = sqlite_problem(exc)
        if problem is None:
            return None
        if write:
            return StorageError(
                f"{problem},本次修改未能保存到数据库“{self.path}”,已有数据未受影响。"
                "请清理磁盘空间、检查权限或稍后再试。"
            )
        return StorageError(f"{problem},读取数据库“{self.path}”失败。请处理后重试。")

    @contextmanager
    def _writing(self, batch_id: int | None = None) -> Iterator[_Ctx]:
        if self.readonly:
            raise ReadOnlyStoreError()
        user = self.user
        self.validation_context()  # warm the reference caches before taking the write lock
        with self.session(write=True) as s:
            ctx = _Ctx(s, user, self.now(), batch_id)
            yield ctx
            if ctx.audit:
                _flush_audit(s, ctx.audit)

    def now(self) -> datetime:
        return self._clock().replace(microsecond=0)

    def today(self) -> date:
        return self._clock().date()

    # Settings and installation --------------------------------------------------------------

    def get_setting(self, key: str, default: str = "") -> str:
        with self.session() as s:
            row = s.get(SettingRow, key)
            return row.value if row else default

    def set_settings(self, values: dict[str, str]) -> None:
        if self.readonly:
            raise ReadOnlyStoreError()
        with self.session(write=True) as s:
            for key, value in values.items():
                row = s.get(SettingRow, key)
                if row is None:
                    s.add(SettingRow(key=key, value=value))
                else:
                    row.value = value

    @property
    def user(self) -> str:
        return self._user_override or self.get_setting(S_USER)

    def installation(self) -> Installation:
        with self.session() as s:
            vals = {r.key: r.value for r in s.scalars(select(SettingRow))}
        return Installation(
            kind=vals.get(S_KIND) or None,
            unit_code=vals.get(S_UNIT) or None,
            user_name=vals.get(S_USER, ""),
            user_phone=vals.get(S_PHONE, ""),
            reviewer=vals.get(S_REVIEWER, ""),
            demo=vals.get(S_DEMO) == "1",
        )

    def setup_installation(
        self, *, kind: str, unit_code: str | None, user_name: str, user_phone: str = "", reviewer: str = ""
    ) -> Installation:
        if kind not in ("unit", "city"):
            raise StorageError("安装类型只能是“区县”或“市级”。")
        if kind == "unit" and unit_code not in self.unit_map():
            raise StorageError(f"区县代码“{unit_code}”不是开封市的区县,请从9个区县中选择。")
        self.set_settings(
            {
                S_KIND: kind,
                S_UNIT: (unit_code or "") if kind == "unit" else "410200",
                S_USER: user_name.strip(),
                S_PHONE: user_phone.strip(),
                S_REVIEWER: reviewer.strip(),
            }
        )
        return self.installation()

    # Reference data --------------------------------------------------------------------------

    def _seed_reference_data(self) -> None:
        with self.session(write=True) as s:
            if s.scalar(select(func.count()).select_from(UnitRow)):
                return
            s.execute(insert(UnitRow), [asdict(u) for u in default_units()])
            s.execute(
                insert(TownshipRow),
                [dict(code=t.code, name=t.name, unit_code=t.unit_code) for t in default_townships()],
            )
            s.execute(
                insert(TargetRow),
                [
                    dict(unit_code=t.unit_code, year=t.year, metric=t.metric, value=t.value)
                    for t in default_targets()
                ],
            )

    def units(self) -> list[Unit]:
        if "units" not in self._ref_cache:
            with self.session() as s:
                self._ref_cache["units"] = [
                    Unit(r.code, r.name, r.kind, r.lon_min, r.lon_max, r.lat_min, r.lat_max)
                    for r in s.scalars(select(UnitRow).order_by(UnitRow.code))
                ]
        return list(self._ref_cache["units"])

    def unit_map(self) -> dict[str, Unit]:
        return {u.code: u for u in self.units()}

    def unit(self, code: str) -> Unit:
        try:
            return self.unit_map()[code]
        except KeyError:
            raise NotFoundError(f"没有区县代码“{code}”。") from None

    def townships(self, unit_code: str | None = None) -> list[Township]:
        if "townships" not in self._ref_cache:
            with self.session() as s:
                self._ref_cache["townships"] = [
                    Township(r.code, r.name, r.unit_code)
                    for r in s.scalars(select(TownshipRow).order_by(TownshipRow.code))
                ]
        towns: list[Township] = self._ref_cache["townships"]
        return [t for t in towns if unit_code is None or t.unit_code == unit_code]

    def township_map(self) -> dict[str, Township]:
        return {t.code: t for t in self.townships()}

    def invalidate_reference_cache(self) -> None:
        self._ref_cache.clear()

    def targets(self) -> list[Target]:
        with self.session() as s:
            return [
                Target(r.unit_code, r.year, r.metric, r.value)
                for r in s.scalars(select(TargetRow).order_by(TargetRow.year, TargetRow.unit_code))
            ]

    def set_target(self, unit_code: str | None, year: int, metric: str, value: int | None) -> None:
        """Set (or with ``value=None`` remove) a target."""
        with self._writing() as ctx:
            row = ctx.session.scalar(
                select(TargetRow).where(
                    TargetRow.unit_code.is_(None) if unit_code is None else TargetRow.unit_code == unit_code,
                    TargetRow.year == year,
                    TargetRow.metric == metric,
                )
            )
            if value is None:
                if row is not None:
                    ctx.session.delete(row)
            elif row is None:
                ctx.session.add(TargetRow(unit_code=unit_code, year=year, metric=metric, value=value))
            else:
                row.value = value

    def unit_keys(self) -> dict[str, str]:
        with self.session() as s:
            return {r.unit_code: r.key_hex for r in s.scalars(select(UnitKeyRow))}

    def set_unit_key(self, unit_code: str, key_hex: str | None) -> None:
        with self._writing() as ctx:
            row = ctx.session.get(UnitKeyRow, unit_code)
            if key_hex is None:
                if row is not None:
                    ctx.session.delete(row)
            elif row is None:
                ctx.session.add(UnitKeyRow(unit_code=unit_code, key_hex=key_hex, issued_at=ctx.now))
            else:
                row.key_hex, row.issued_at = key_hex, ctx.now

    def validation_context(self) -> ValidationContext:
        return ValidationContext(self.unit_map(), self.township_map(), self.today())

    # Row <-> record ----------------------------------------------------------------------------

    @staticmethod
    def _columns(kind: str) -> list[str]:
        cols = _COLUMNS_CACHE.get(kind)
        if cols is None:  # computed once per kind: called for every row read or written
            cols = [f.name for f in fields(RECORD_CLASS[kind]) if f.name in ROW_CLASS[kind].__table__.c]
            _COLUMNS_CACHE[kind] = cols
        return cols

    @classmethod
    def _to_record(cls, kind: str, row: Any) -> Any:
        """A record from an ORM row or a Core row mapping."""
        get = row.__getitem__ if hasattr(row, "keys") else lambda n: getattr(row, n)
        values: dict[str, Any] = {}
        for name in cls._columns(kind):
            if name == "id":
                continue
            v = get(name)
            if name in LIST_FIELDS[kind]:
                v = [c for c in (v or "").split(codes.CODE_SEPARATOR) if c]
            values[name] = v
        rec = RECORD_CLASS[kind](**values)
        rec.id = get("id")
        rec.meta = RecordMeta(
            get("created_at"),
            get("created_by"),
            get("updated_at"),
            get("updated_by"),
            get("deleted_at"),
            get("deleted_by"),
        )
        return rec

    @classmethod
    def _to_values(cls, kind: str, record: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in cls._columns(kind):
            if name == "id":
                continue
            v = getattr(record, name)
            if name in LIST_FIELDS[kind]:
                v = codes.CODE_SEPARATOR.join(v or [])
            out[name] = v
        return out

    # Reading records -----------------------------------------------------------------------------

    def get(self, kind: str, record_id: int, *, include_deleted: bool = False) -> Any:
        with self.session() as s:
            row = s.get(ROW_CLASS[kind], record_id)
            if row is None or (row.deleted_at is not None and not include_deleted):
                raise NotFoundError(f"找不到该{_kind_title(kind)}记录(编号 {record_id}),可能已被删除。")
            rec = self._to_record(kind, row)
            if kind == STATION:
                rec.approvals = [
                    Approval(a.item, a.applied_on, a.granted_on, a.notes, a.id)
                    for a in s.scalars(
                        select(ApprovalRow)
                        .where(ApprovalRow.station_id == record_id)
                        .order_by(ApprovalRow.id)
                    )
                ]
                order = {c: i for i, c in enumerate(codes.APPROVAL_ITEM.codes)}
                rec.approvals.sort(key=lambda a: order.get(a.item, 99))
                if rec.venue_id:
                    rec.venue_code = s.scalar(select(VenueRow.venue_code).where(VenueRow.id == rec.venue_id))
                if rec.pole_id:
                    rec.pole_code = s.scalar(select(PoleRow.pole_code).where(PoleRow.id == rec.pole_id))
            else:
                link = StationRow.venue_id if kind == VENUE else StationRow.pole_id
                rec.station_count = (
                    s.scalar(select(func.count()).where(link == record_id, StationRow.deleted_at.is_(None)))
                    or 0
                )
            return rec

    def get_station(self, record_id: int) -> Station:
        rec: Station = self.get(STATION, record_id)
        return rec

    def get_venue(self, record_id: int) -> Venue:
        rec: Venue = self.get(VENUE, record_id)
        return rec

    def get_pole(self, record_id: int) -> Pole:
        rec: Pole = self.get(POLE, record_id)
        return rec

    def find_station(self, operator: str, station_code: str) -> Station | None:
        with self.session() as s:
            rid = s.scalar(
                select(StationRow.id).where(
                    StationRow.operator == operator,
                    StationRow.station_code == station_code,
                    StationRow.deleted_at.is_(None),
                )
            )
        return self.get_station(rid) if rid is not None else None

    def _filtered(self, kind: str, q: ListQuery) -> Select[Any]:
        t = ROW_CLASS[kind].__table__
        stmt = select(t)
        conds: list[ColumnElement[bool]] = [
            t.c.deleted_at.isnot(None) if q.deleted else t.c.deleted_at.is_(None)
        ]
        if q.search:
            term = f"%{_escape_like(q.search.strip())}%"
            searchable = {
                STATION: ["station_code", "name", "address", "tower_site_code"],
                VENUE: ["venue_code", "name", "address", "owner"],
                POLE: ["pole_code", "name", "address", "owner", "agreement_no"],
            }[kind]
            conds.append(or_(*[t.c[c].like(term, escape="\\") for c in searchable]))
        if q.unit_codes:
            conds.append(t.c.unit_code.in_(list(q.unit_codes)))
        if q.operators:
            col = {STATION: "operator", VENUE: "operators_entered", POLE: "sharing_operators"}[kind]
            ors = [t.c[col] == op if kind == STATION else _codes_contains(t.c[col], op) for op in q.operators]
            if kind == STATION:
                ors += [_codes_contains(t.c.sharing_operators, op) for op in q.operators]
            conds.append(or_(*ors))
        if kind == STATION:
            for values, col in (
                (q.statuses, "status"),
                (q.network_modes, "network_mode"),
                (q.power_supplies, "power_supply"),
                (q.station_types, "station_type"),
            ):
                if values:
                    conds.append(t.c[col].in_(list(values)))
        if q.categories and kind != STATION:
            conds.append(t.c["category" if kind == VENUE else "sector"].in_(list(q.categories)))
        date_col = t.c[q.date_field or DEFAULT_DATE_FIELD[kind]]
        if q.date_from:
            conds.append(date_col >= q.date_from)
        if q.date_to:
            conds.append(date_col <= q.date_to)
        if q.created_on_or_before:
            conds.append(func.date(t.c.created_at) <= q.created_on_or_before.isoformat())
        return stmt.where(*conds)

    def count(self, kind: str, q: ListQuery | None = None) -> int:
        q = q or ListQuery()
        stmt = self._filtered(kind, q)
        with self.session() as s:
            return int(s.scalar(select(func.count()).select_from(stmt.subquery())) or 0)

    def query(self, kind: str, q: ListQuery | None = None) -> list[Any]:
        """Records matching ``q``, sorted and paged in SQL. Stations come without approvals."""
        q = q or ListQuery()
        t = ROW_CLASS[kind].__table__
        stmt = self._filtered(kind, q)
        if q.sort and q.sort in t.c:
            col = t.c[q.sort]
            stmt = stmt.order_by(
                col.desc() if q.descending else col.asc(), t.c.id.desc() if q.descending else t.c.id
            )
        elif q.deleted:
            stmt = stmt.order_by(t.c.deleted_at.desc(), t.c.id.desc())
        else:
            stmt = stmt.order_by(t.c.id.desc())
        if q.limit is not None:
            stmt = stmt.limit(q.limit)
        if q.offset:
            stmt = stmt.offset(q.offset)
        with self.session() as s:
            rows = s.execute(stmt).mappings().all()
            recs = [self._to_record(kind, r) for r in rows]
            if kind != STATION and recs:
                link = StationRow.venue_id if kind == VENUE else StationRow.pole_id
                ids = [r.id for r in recs]
                counts = dict(
                    s.execute(
                        select(link, func.count())
                        .where(link.in_(ids), StationRow.deleted_at.is_(None))
                        .group_by(link)
                    ).all()
                )
                for r in recs:
                    r.station_count = counts.get(r.id, 0)
        return recs

    def approvals_for(self, station_ids: Sequence[int] | None = None) -> dict[int, list[Approval]]:
        """Approvals by station id (all live stations when ``station_ids`` is None)."""
        stmt = select(ApprovalRow).order_by(ApprovalRow.station_id, ApprovalRow.id)
        if station_ids is not None:
            stmt = stmt.where(ApprovalRow.station_id.in_(list(station_ids)))
        out: dict[int, list[Approval]] = {}
        with self.session() as s:
            for a in s.scalars(stmt):
                out.setdefault(a.station_id, []).append(
                    Approval(a.item, a.applied_on, a.granted_on, a.notes, a.id)
                )
        return out

    # Approval items (the 审批 page) ------------------------------------------------------------------

    def _approvals_stmt(
        self, search: str, unit_codes: Sequence[str], waiting_only: bool, min_days: int | None
    ) -> tuple[Select[Any], ColumnElement[Any]]:
        a, st = ApprovalRow.__table__, StationRow.__table__
        today = self.today().isoformat()
        days = func.cast(
            func.julianday(func.coalesce(a.c.granted_on, today)) - func.julianday(a.c.applied_on), Integer
        )
        stmt = (
            select(
                a.c.id,
                a.c.station_id,
                a.c.item,
                a.c.applied_on,
                a.c.granted_on,
                st.c.unit_code,
                st.c.station_code,
                st.c.name.label("station_name"),
                st.c.operator,
                st.c.status,
                days.label("days"),
            )
            .select_from(a.join(st, st.c.id == a.c.station_id))
            .where(st.c.deleted_at.is_(None))
        )
        if search:
            term = f"%{_escape_like(search.strip())}%"
            stmt = stmt.where(
                or_(st.c.station_code.like(term, escape="\\"), st.c.name.like(term, escape="\\"))
            )
        if unit_codes:
            stmt = stmt.where(st.c.unit_code.in_(list(unit_codes)))
        if waiting_only:
            stmt = stmt.where(a.c.applied_on.isnot(None), a.c.granted_on.is_(None))
        if min_days is not None:
            stmt = stmt.where(days >= min_days)
        return stmt, days

    def approval_count(
        self,
        *,
        search: str = "",
        unit_codes: Sequence[str] = (),
        waiting_only: bool = False,
        min_days: int | None = None,
    ) -> int:
        stmt, _ = self._approvals_stmt(search, unit_codes, waiting_only, min_days)
        with self.session() as s:
            return int(s.scalar(select(func.count()).select_from(stmt.subquery())) or 0)

    def approval_items(
        self,
        *,
        search: str = "",
        unit_codes: Sequence[str] = (),
        waiting_only: bool = False,
        min_days: int | None = None,
        sort: str = "days",
        descending: bool = True,
        offset: int = 0,
        limit: int | None = 200,
    ) -> list[ApprovalItem]:
        """Approval items of live stations with station info and lead/waiting days, paged in SQL."""
        stmt, days = self._approvals_stmt(search, unit_codes, waiting_only, min_days)
        cols = {c.name: c for c in stmt.selected_columns}
        key = cols.get(sort, days)
        order = key.desc() if descending else key.asc()
        stmt = stmt.order_by(order.nulls_last(), cols["id"])
        if limit is not None:
            stmt = stmt.limit(limit)
        if offset:
            stmt = stmt.offset(offset)
        with self.session() as s:
            return [
                ApprovalItem(
                    id=r.id,
                    station_id=r.station_id,
                    item=r.item,
                    applied_on=r.applied_on if isinstance(r.applied_on, date) else _opt_date(r.applied_on),
                    granted_on=r.granted_on if isinstance(r.granted_on, date) else _opt_date(r.granted_on),
                    unit_code=r.unit_code,
                    station_code=r.station_code,
                    station_name=r.station_name,
                    operator=r.operator,
                    status=r.status,
                    days=r.days,
                )
                for r in s.execute(stmt)
            ]

    def station_summary(self) -> dict[str, int]:
        """Headline counts of live stations in one scan (home page): total, on_air, on_air_sa,
        indirect (转供电), in_progress (审批中/在建)."""
        t = StationRow.__table__

        def n(cond: ColumnElement[bool]) -> Any:
            return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

        stmt = select(
            func.count(),
            n(t.c.status == "on_air"),
            n((t.c.status == "on_air") & (t.c.network_mode == "SA")),
            n(t.c.power_supply == "indirect"),
            n(t.c.status.in_(["approving", "building"])),
        ).where(t.c.deleted_at.is_(None))
        with self.session() as s:
            row = s.execute(stmt).one()
        keys = ("total", "on_air", "on_air_sa", "indirect", "in_progress")
        return {k: int(v or 0) for k, v in zip(keys, row, strict=True)}

    def counts(self) -> dict[str, int]:
        """Live records per register (for the status bar and the home page)."""
        with self.session() as s:
            return {
                k: int(
                    s.scalar(
                        select(func.count())
                        .select_from(ROW_CLASS[k])
                        .where(ROW_CLASS[k].deleted_at.is_(None))
                    )
                    or 0
                )
                for k in REGISTER_KINDS
            }

    # Validation ------------------------------------------------------------------------------------

    def validate(self, record: Record) -> list[Issue]:
        """Every problem of ``record``: the domain rules plus what needs the database (unique codes,
        links to venues and poles that exist)."""
        kind = kind_of(record)
        ctx = self.validation_context()
        if isinstance(record, Station):
            issues = validate_station(record, ctx)
        elif isinstance(record, Venue):
            issues = validate_venue(record, ctx)
        else:
            issues = validate_pole(record, ctx)
        with self.session() as s:
            issues += self._db_issues(s, kind, record)
        return issues

    def _db_issues(self, s: Session, kind: str, record: Any) -> list[Issue]:
        out: list[Issue] = []
        table = ROW_CLASS[kind]
        live = [table.deleted_at.is_(None)]
        if record.id is not None:
            live.append(table.id != record.id)
        if kind == STATION and record.operator and record.station_code:
            other = s.scalar(
                select(StationRow.name).where(
                    StationRow.operator == record.operator,
                    StationRow.station_code == record.station_code,
                    *live,
                )
            )
            if other is not None:
                out.append(
                    Issue(
                        "station_code",
                        f"{codes.OPERATOR.label(record.operator)}的基站编码“{record.station_code}”已被基站"
                        f"“{other}”使用,同一运营商的基站编码不能重复,请核对。",
                        ERROR,
                        "station_code_duplicate",
                    )
                )
            for name, ref_table in (("venue_id", VenueRow), ("pole_id", PoleRow)):
                ref = getattr(record, name)
                if ref is not None:
                    exists = s.scalar(
                        select(ref_table.id).where(ref_table.id == ref, ref_table.deleted_at.is_(None))
                    )
                    if exists is None:
                        out.append(
                            Issue(
                                name,
                                f"“{field_label(STATION, name)}”指向的记录不存在或已删除,请重新选择。",
                                ERROR,
                                "link_missing",
                            )
                        )
        if kind in (VENUE, POLE):
            code_field = "venue_code" if kind == VENUE else "pole_code"
            code = getattr(record, code_field)
            if code:
                dup = s.scalar(select(table.name).where(getattr(table, code_field) == code, *live))
                if dup is not None:
                    out.append(
                        Issue(
                            code_field,
                            f"“{field_label(kind, code_field)}”“{code}”已被“{dup}”使用,请换一个编号或留空由系统自动编号。",
                            ERROR,
                            "code_duplicate",
                        )
                    )
        return out

    # Writing records ----------------------------------------------------------------------------------

    def save(self, record: R, *, batch_id: int | None = None) -> R:
        """Insert (``id`` None) or update a record, validated and audited, in one transaction.

        Raises ValidationFailed when there are errors (warnings do not block: the GUI asks the user
        about them before calling save). Returns the record as stored (with id, assigned codes, meta).
        """
        kind = kind_of(record)
        with self._writing(batch_id) as ctx:
            rid = self._save_in(ctx, kind, record)
        return self.get(kind, rid)  # type: ignore[no-any-return]

    def save_many(self, records: Sequence[Record], *, batch_id: int | None = None) -> list[int]:
        """Save many records in one transaction: all or nothing. Raises ValidationFailed naming the
        first record with errors (callers that want every row's errors validate first)."""
        with self._writing(batch_id) as ctx:
            return [self._save_in(ctx, kind_of(r), r) for r in records]

    def _save_in(self, ctx: _Ctx, kind: str, record: Any) -> int:
        s = ctx.session
        issues = self._validate_in(s, kind, record)
        errs = [i for i in issues if i.is_error]
        if errs:
            raise ValidationFailed(issues)
        table = ROW_CLASS[kind]
        values = self._to_values(kind, record)
        if kind in CODE_PREFIX:
            code_field = "venue_code" if kind == VENUE else "pole_code"
            if not values.get(code_field):
                values[code_field] = self._next_code(s, kind, record.unit_code)
                setattr(record, code_field, values[code_field])
        key = record_key(kind, record)
        if record.id is None:
            row = table(
                **values, created_at=ctx.now, created_by=ctx.user, updated_at=ctx.now, updated_by=ctx.user
            )
            s.add(row)
            s.flush()
            rid = int(row.id)
            snapshot = {k: audit_text(v) for k, v in values.items() if audit_text(v) is not None}
            if kind == STATION and record.approvals:
                snapshot["approvals"] = _approvals_text(record.approvals)
            self._audit(ctx, "insert", kind, rid, key, None, None, json.dumps(snapshot, ensure_ascii=False))
        else:
            row = s.get(table, record.id)
            if row is None or row.deleted_at is not None:
                raise NotFoundError(f"要保存的{_kind_title(kind)}记录已不存在(可能已被删除),请刷新后重试。")
            rid = int(row.id)
            changed = False
            for name, new in values.items():
                old = getattr(row, name)
                if audit_text(old) != audit_text(new):
                    self._audit(ctx, "update", kind, rid, key, name, audit_text(old), audit_text(new))
                    setattr(row, name, new)
                    changed = True
            if changed:
                row.updated_at, row.updated_by = ctx.now, ctx.user
        if kind == STATION and self._save_approvals(
            ctx, rid, key, record.approvals, is_new=record.id is None
        ):
            row = s.get(table, rid)
            assert row is not None
            row.updated_at, row.updated_by = ctx.now, ctx.user
        return rid

    def _validate_in(self, s: Session, kind: str, record: Any) -> list[Issue]:
        ctx = self.validation_context()
        fn: Callable[[Any, ValidationContext], list[Issue]] = {
            STATION: validate_station,
            VENUE: validate_venue,
            POLE: validate_pole,
        }[kind]  # type: ignore[assignment]
        return fn(record, ctx) + self._db_issues(s, kind, record)

    def _save_approvals(
        self, ctx: _Ctx, station_id: int, key: str, approvals: list[Approval], *, is_new: bool
    ) -> bool:
        s = ctx.session
        existing = list(s.scalars(select(ApprovalRow).where(ApprovalRow.station_id == station_id)))
        old_text = _approvals_text([Approval(a.item, a.applied_on, a.granted_on, a.notes) for a in existing])
        new_text = _approvals_text(approvals)
        if old_text == new_text:
            return False
        s.execute(delete(ApprovalRow).where(ApprovalRow.station_id == station_id))
        s.flush()
        if approvals:
            s.execute(insert(ApprovalRow), _approval_rows(station_id, approvals))
        if not is_new:
            self._audit(
                ctx, "update", STATION, station_id, key, "approvals", old_text or None, new_text or None
            )
        return not is_new

    def _next_code(self, s: Session, kind: str, unit_code: str) -> str:
        table = ROW_CLASS[kind]
        col = table.venue_code if kind == VENUE else table.pole_code
        prefix = f"{CODE_PREFIX[kind]}{unit_code}-"
        existing = s.scalars(select(col).where(col.like(prefix + "%"))).all()
        nums = [int(c[len(prefix) :]) for c in existing if c[len(prefix) :].isdigit()]
        return f"{prefix}{max(nums, default=0) + 1:04d}"

    def delete(self, kind: str, record_id: int, *, batch_id: int | None = None) -> None:
        """Move a record to the recycle bin. A venue or pole still carrying stations is refused."""
        with self._writing(batch_id) as ctx:
            self._delete_in(ctx, kind, record_id)

    def _delete_in(self, ctx: _Ctx, kind: str, record_id: int) -> None:
        s = ctx.session
        row = s.get(ROW_CLASS[kind], record_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError(f"找不到该{_kind_title(kind)}记录,可能已被删除。")
        if kind in (VENUE, POLE):
            link = StationRow.venue_id if kind == VENUE else StationRow.pole_id
            n = s.scalar(select(func.count()).where(link == record_id, StationRow.deleted_at.is_(None))) or 0
            if n:
                raise StorageError(
                    f"“{row.name}”上还有 {n} 个基站,不能删除。请先在这些基站的表单中取消关联,再删除。"
                )
        row.deleted_at, row.deleted_by = ctx.now, ctx.user
        self._audit(ctx, "delete", kind, record_id, record_key(kind, row), None, None, None)

    def restore(self, kind: str, record_id: int, *, batch_id: int | None = None) -> None:
        """Bring a record back from the recycle bin (refused if its code is taken meanwhile)."""
        with self._writing(batch_id) as ctx:
            self._restore_in(ctx, kind, record_id)

    def _restore_in(self, ctx: _Ctx, kind: str, record_id: int) -> None:
        s = ctx.session
        row = s.get(ROW_CLASS[kind], record_id)
        if row is None or row.deleted_at is None:
            raise NotFoundError("回收站中没有这条记录。")
        rec = self._to_record(kind, row)
        dup = [
            i for i in self._db_issues(s, kind, rec) if i.code in ("station_code_duplicate", "code_duplicate")
        ]
        if dup:
            raise StorageError("无法恢复:" + dup[0].message)
        if kind == STATION:
            for name in ("venue_id", "pole_id"):
                ref_id = getattr(row, name)
                ref_table = VenueRow if name == "venue_id" else PoleRow
                if ref_id is not None and s.scalar(
                    select(ref_table.deleted_at).where(ref_table.id == ref_id)
                ):
                    setattr(row, name, None)  # the linked record is in the bin: drop the link, audited
                    self._audit(
                        ctx, "update", kind, record_id, record_key(kind, row), name, str(ref_id), None
                    )
        row.deleted_at, row.deleted_by = None, None
        self._audit(ctx, "restore", kind, record_id, record_key(kind, row), None, None, None)

    def purge(self, kind: str, record_id: int) -> None:
        """Delete for good a record that is in the recycle bin (its audit rows stay)."""
        with self._writing() as ctx:
            row = ctx.session.get(ROW_CLASS[kind], record_id)
            if row is None or row.deleted_at is None:
                raise NotFoundError("回收站中没有这条记录。")
            if kind in (VENUE, POLE):
                link = StationRow.venue_id if kind == VENUE else StationRow.pole_id
                ctx.session.execute(update(StationRow).where(link == record_id).values({link.key: None}))
            ctx.session.delete(row)
            self._audit(ctx, "purge", kind, record_id, record_key(kind, row), None, None, None)

    def recycle_bin(self) -> list[DeletedItem]:
        out: list[DeletedItem] = []
        with self.session() as s:
            for kind in REGISTER_KINDS:
                table = ROW_CLASS[kind]
                for row in s.scalars(select(table).where(table.deleted_at.isnot(None))):
                    out.append(
                        DeletedItem(
                            kind,
                            row.id,
                            record_key(kind, row),
                            row.unit_code,
                            row.deleted_at,
                            row.deleted_by or "",
                        )
                    )
        out.sort(key=lambda d: (d.deleted_at, d.id), reverse=True)
        return out

    # Audit log ----------------------------------------------------------------------------------------

    def _audit(
        self,
        ctx: _Ctx,
        action: str,
        kind: str,
        rid: int,
        key: str,
        fld: str | None,
        old: str | None,
        new: str | None,
    ) -> None:
        ctx.audit.append((ctx.now, ctx.user, action, kind, rid, key, fld, old, new, ctx.batch_id))

    def history(self, kind: str, record_id: int) -> list[AuditEntry]:
        """The audit rows of one record, oldest first."""
        with self.session() as s:
            rows = s.scalars(
                select(AuditRow)
                .where(AuditRow.table_name == kind, AuditRow.record_id == record_id)
                .order_by(AuditRow.at, AuditRow.id)
            ).all()
            return [_entry(r) for r in rows]

    def audit_log(
        self, *, offset: int = 0, limit: int = 200, search: str = "", user: str = ""
    ) -> list[AuditEntry]:
        stmt = select(AuditRow)
        if search:
            stmt = stmt.where(AuditRow.record_key.like(f"%{_escape_like(search)}%", escape="\\"))
        if user:
            stmt = stmt.where(AuditRow.user == user)
        stmt = stmt.order_by(AuditRow.at.desc(), AuditRow.id.desc()).offset(offset).limit(limit)
        with self.session() as s:
            return [_entry(r) for r in s.scalars(stmt)]

    def audit_count(self, *, search: str = "", user: str = "") -> int:
        stmt = select(func.count()).select_from(AuditRow)
        if search:
            stmt = stmt.where(AuditRow.record_key.like(f"%{_escape_like(search)}%", escape="\\"))
        if user:
            stmt = stmt.where(AuditRow.user == user)
        with self.session() as s:
            return int(s.scalar(stmt) or 0)

    # Batches (bulk imports, return imports) ------------------------------------------------------------

    def create_batch(self, kind: str, description: str) -> int:
        with self._writing() as ctx:
            row = BatchRow(kind=kind, description=description, created_at=ctx.now, created_by=ctx.user)
            ctx.session.add(row)
            ctx.session.flush()
            return int(row.id)

    @contextmanager
    def batch_writer(self, kind: str, description: str) -> Iterator[BatchWriter]:
        """One transaction for a whole batch: records saved/deleted through the writer are logged
        with the batch id so the batch can be undone as one. All or nothing."""
        if self.readonly:
            raise ReadOnlyStoreError()
        with self._writing() as ctx:
            row = BatchRow(kind=kind, description=description, created_at=ctx.now, created_by=ctx.user)
            ctx.session.add(row)
            ctx.session.flush()
            ctx.batch_id = int(row.id)
            yield BatchWriter(self, ctx)

    def batches(self) -> list[Batch]:
        with self.session() as s:
            return [
                Batch(r.id, r.kind, r.description, r.created_at, r.created_by, r.undone_at)
                for r in s.scalars(select(BatchRow).order_by(BatchRow.id.desc()))
            ]

    def undo_batch(self, batch_id: int) -> int:
        """Undo every change of a batch (newest first), in one transaction, after a backup.
        Refused when a record of the batch was changed after it. Returns the number of records touched."""
        self.backup("undo")
        with self._writing() as ctx:
            s = ctx.session
            batch = s.get(BatchRow, batch_id)
            if batch is None:
                raise NotFoundError(f"没有编号为 {batch_id} 的导入批次。")
            if batch.undone_at is not None:
                raise StorageError(f"批次 {batch_id} 已于 {batch.undone_at:%Y-%m-%d %H:%M} 撤销过。")
            rows = s.scalars(
                select(AuditRow).where(AuditRow.batch_id == batch_id).order_by(AuditRow.id.desc())
            ).all()
            touched = {(r.table_name, r.record_id) for r in rows}
            for kind, rid in touched:
                later = s.scalar(
                    select(func.count()).where(
                        AuditRow.table_name == kind,
                        AuditRow.record_id == rid,
                        AuditRow.id > max(r.id for r in rows if (r.table_name, r.record_id) == (kind, rid)),
                    )
                )
                if later:
                    key = next(r.record_key for r in rows if (r.table_name, r.record_id) == (kind, rid))
                    raise StorageError(f"无法撤销:批次之后“{key}”又被修改过。请先手工处理该记录。")
            ctx.batch_id = None
            for r in rows:
                table = ROW_CLASS[r.table_name]
                row = s.get(table, r.record_id)
                if row is None:
                    continue
                if r.action == "insert":
                    if row.deleted_at is None:
                        row.deleted_at, row.deleted_by = ctx.now, ctx.user
                        self._audit(ctx, "undo", r.table_name, r.record_id, r.record_key, None, None, None)
                elif r.action == "update" and r.field == "approvals":
                    s.execute(delete(ApprovalRow).where(ApprovalRow.station_id == r.record_id))
                    s.flush()
                    olds = _parse_approvals_text(r.old)
                    if olds:
                        s.execute(insert(ApprovalRow), _approval_rows(r.record_id, olds))
                    self._audit(ctx, "undo", r.table_name, r.record_id, r.record_key, r.field, r.new, r.old)
                elif r.action == "update" and r.field:
                    col = table.__table__.c[r.field]
                    setattr(row, r.field, _from_audit_text(col, r.old))
                    self._audit(ctx, "undo", r.table_name, r.record_id, r.record_key, r.field, r.new, r.old)
                elif r.action == "delete":
                    row.deleted_at, row.deleted_by = None, None
                    self._audit(ctx, "undo", r.table_name, r.record_id, r.record_key, None, None, None)
            batch.undone_at, batch.undone_by = ctx.now, ctx.user
            return len(touched)

    # Weekly notes ----------------------------------------------------------------------------------------

    def week_note(self, unit_code: str, week: IsoWeek | str) -> WeekNote:
        with self.session() as s:
            row = s.get(WeekNoteRow, (unit_code, str(week)))
            if row is None:
                return WeekNote(unit_code, str(week))
            return WeekNote(row.unit_code, row.iso_week, row.problems, row.reviewer)

    def save_week_note(self, note: WeekNote) -> None:
        with self._writing() as ctx:
            row = ctx.session.get(WeekNoteRow, (note.unit_code, note.iso_week))
            if row is None:
                ctx.session.add(
                    WeekNoteRow(
                        unit_code=note.unit_code,
                        iso_week=note.iso_week,
                        problems=note.problems,
                        reviewer=note.reviewer,
                        updated_at=ctx.now,
                        updated_by=ctx.user,
                    )
                )
            else:
                row.problems, row.reviewer = note.problems, note.reviewer
                row.updated_at, row.updated_by = ctx.now, ctx.user

    # Whole-database work -------------------------------------------------------------------------------

    def check(self) -> list[CheckProblem]:
        """Integrity check plus every live record validated. Empty = clean."""
        out: list[CheckProblem] = []
        for msg in backups.integrity_problems(self.path):
            out.append(
                CheckProblem(
                    "database", 0, self.path.name, Issue("", f"数据库完整性检查:{msg}", ERROR, "integrity")
                )
            )
        ctx = self.validation_context()
        approvals = self.approvals_for()
        seen: dict[tuple[str, str], int] = {}
        for kind in REGISTER_KINDS:
            for rec in self.query(kind):
                if kind == STATION:
                    rec.approvals = approvals.get(rec.id, [])
                    issues = validate_station(rec, ctx)
                    k = (rec.operator, rec.station_code)
                    if k in seen:
                        issues.append(Issue("station_code", "基站编码重复", ERROR, "station_code_duplicate"))
                    seen[k] = rec.id
                elif kind == VENUE:
                    issues = validate_venue(rec, ctx)
                else:
                    issues = validate_pole(rec, ctx)
                out += [CheckProblem(kind, rec.id, record_key(kind, rec), i) for i in issues if i.is_error]
        return out

    def backup(self, reason: str = "manual") -> backups.BackupInfo:
        info = backups.take_backup(self.path, reason)
        backups.thin_backups(self.path)
        return info

    def backup_daily_if_due(self) -> backups.BackupInfo | None:
        if self.readonly or not backups.needs_daily_backup(self.path):
            return None
        return self.backup("daily")


class BatchWriter:
    """Writes inside one batch transaction (see :meth:`Store.batch_writer`)."""

    def __init__(self, store: Store, ctx: _Ctx) -> None:
        self._store = store
        self._ctx = ctx

    @property
    def batch_id(self) -> int:
        assert self._ctx.batch_id is not None
        return self._ctx.batch_id

    @property
    def session(self) -> Session:
        return self._ctx.session

    def save(self, record: Record) -> int:
        return self._store._save_in(self._ctx, kind_of(record), record)

    def delete(self, kind: str, record_id: int) -> None:
        self._store._delete_in(self._ctx, kind, record_id)

    def insert_many(
        self, kind: str, records: Sequence[Record], *, created_at: datetime | None = None
    ) -> list[int]:
        """Bulk-insert new records in this batch (one executemany), audited like :meth:`save`.

        For imports that have already validated every row and checked their business keys against
        the database (the unique indexes still guard): no per-record validation or queries here.
        Venue/pole codes must be set. ``created_at`` back-dates the records. Returns the new ids in
        the order of ``records``.
        """
        if not records:
            return []
        ctx = self._ctx
        session = ctx.session
        table = ROW_CLASS[kind].__table__
        when = created_at or ctx.now
        # Ids are assigned here (the one-writer lock and this transaction make max(id) safe).
        first = int(session.scalar(select(func.max(ROW_CLASS[kind].id))) or 0) + 1
        ids = range(first, first + len(records))
        for rid, r in zip(ids, records, strict=True):
            r.id = rid
        if ctx.audit:  # earlier changes of this batch first: audit ids stay in time order
            _flush_audit(session, ctx.audit)
            ctx.audit.clear()
        # Everything is built column by column (a field of every record at a time): most of the work
        # then runs in C (map, zip, join) instead of a Python loop over 30 fields of 100,000 records.
        # SQLite inserts the records on a background thread while their audit rows are built here.
        columns = [c for c in Store._columns(kind) if c != "id"]
        cols: list[list[Any]] = [list(map(attrgetter(c), records)) for c in columns]
        join = codes.CODE_SEPARATOR.join
        for i, c in enumerate(columns):
            if c in LIST_FIELDS[kind]:
                cols[i] = [join(v) if v else "" for v in cols[i]]
        stored = list(cols)
        for i, conv in rawinsert.converters(table, columns):
            stored[i] = [None if v is None else conv(v) for v in cols[i]]
        at = rawinsert.sql_datetime(ctx.now)
        book: dict[str, str | int | None] = dict(
            created_at=rawinsert.sql_datetime(when), created_by=ctx.user, updated_at=at, updated_by=ctx.user
        )
        with rawinsert.BackgroundInserts(session) as writer:
            writer.insert(table, [*columns, "id"], list(zip(*stored, ids, strict=True)), constants=book)
            if kind == STATION:
                approvals = [
                    [r.id, a.item, a.applied_on, a.granted_on, a.notes]
                    for r in records
                    for a in r.approvals  # type: ignore[union-attr]
                ]
                cols_a = ("station_id", "item", "applied_on", "granted_on", "notes")
                rawinsert.to_storage(approvals, rawinsert.converters(ApprovalRow.__table__, cols_a))
                writer.insert(ApprovalRow.__table__, cols_a, approvals)
            # the audit snapshot: json.dumps({field: audit_text(value)} of the non-empty fields)
            fragments = [
                _audit_fragments(c, col)
                for c, col in zip(columns, cols, strict=True)
                if col.count(None) + col.count("") < len(col)  # a field empty in every record adds nothing
            ]
            if kind == STATION:
                texts = [_approvals_text(r.approvals) if r.approvals else None for r in records]  # type: ignore[union-attr]
                fragments.append(_audit_fragments("approvals", texts))
            snapshots = ["{" + ", ".join(filter(None, f)) + "}" for f in zip(*fragments, strict=True)]
            keys = [record_key(kind, r) for r in records]
            constants: dict[str, str | int | None] = dict(
                at=at, user=ctx.user, action="insert", table_name=kind, batch_id=ctx.batch_id
            )
            writer.insert(
                AuditRow.__table__,
                ("record_id", "record_key", "new"),
                list(zip(ids, keys, snapshots, strict=True)),
                constants=constants,
            )
        return list(ids)

    def set_created_at(self, kind: str, record_id: int, when: datetime) -> None:
        """Back-date a record's creation (e.g. the city dating a unit's records by their return)."""
        table = ROW_CLASS[kind]
        self._ctx.session.execute(update(table).where(table.id == record_id).values(created_at=when))


# Helpers --------------------------------------------------------------------------------------------


def _kind_title(kind: str) -> str:
    return {STATION: "基站", VENUE: "场所", POLE: "杆塔"}.get(kind, kind)


def _opt_date(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _codes_contains(col: Any, code: str) -> ColumnElement[bool]:
    # Stored as "A,B,C": match whole codes only.
    return ("," + col + ",").like(f"%,{code},%")  # type: ignore[no-any-return]


def _approval_rows(station_id: int, approvals: Sequence[Approval]) -> list[dict[str, Any]]:
    """Rows of the approval table for one station's approvals."""
    return [
        dict(
            station_id=station_id,
            item=a.item,
            applied_on=a.applied_on,
            granted_on=a.granted_on,
            notes=a.notes,
        )
        for a in approvals
    ]


_APPROVAL_ORDER = {c: i for i, c in enumerate(codes.APPROVAL_ITEM.codes)}


def _approvals_text(approvals: Sequence[Approval]) -> str:
    order = _APPROVAL_ORDER
    parts = []
    for a in sorted(approvals, key=lambda a: order.get(a.item, 99)):
        parts.append(
            f"{a.item}:{a.applied_on.isoformat() if a.applied_on else ''}/"
            f"{a.granted_on.isoformat() if a.granted_on else ''}" + (f"/{a.notes}" if a.notes else "")
        )
    return ";".join(parts)


def _parse_approvals_text(text: str | None) -> list[Approval]:
    out = []
    for part in (text or "").split(";"):
        if not part:
            continue
        item, _, rest = part.partition(":")
        bits = rest.split("/", 2)
        applied = date.fromisoformat(bits[0]) if bits[0] else None
        granted = date.fromisoformat(bits[1]) if len(bits) > 1 and bits[1] else None
        notes = bits[2] if len(bits) > 2 else None
        out.append(Approval(item, applied, granted, notes))
    return out


def approvals_display(text: str | None) -> str:
    """An audit value of the approvals field, as a person reads it."""
    out = []
    for a in _parse_approvals_text(text):
        span = f"申请 {a.applied_on or '—'},办结 {a.granted_on or '—'}"
        out.append(f"{codes.APPROVAL_ITEM.label(a.item)}({span})")
    return ";".join(out)


def _from_audit_text(col: Any, text: str | None) -> Any:
    if text is None:
        return "" if not col.nullable else None
    from sqlalchemy import Boolean, Date, Float, Integer

    t = col.type
    if isinstance(t, Boolean):
        return text == "1"
    if isinstance(t, Date):
        return date.fromisoformat(text)
    if isinstance(t, Float):
        return float(text)
    if isinstance(t, Integer):
        return int(text)
    return text


def _entry(r: AuditRow) -> AuditEntry:
    return AuditEntry(
        r.id,
        r.at,
        r.user,
        r.action,
        r.table_name,
        r.record_id,
        r.record_key,
        r.field,
        r.old,
        r.new,
        r.batch_id,
    )


def restore_file(backup_path: Path, db_path: Path) -> None:
    """Put a backup in place of the database file (no connection may be open on it)."""
    problems = backups.integrity_problems(backup_path)
    if problems:
        raise StorageError(f"备份文件“{backup_path.name}”校验未通过({problems[0]}),不能用于恢复。")
    tmp = db_path.with_name(db_path.name + ".restoring")
    shutil.copyfile(backup_path, tmp)
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            side.unlink()
    tmp.replace(db_path)


def restore_backup(db_path: Path, backup_path: Path) -> Path | None:
    """Restore ``backup_path`` over ``db_path``, keeping a copy of what it replaces.

    Takes the one-writer lock itself (the program must not have the database open). Returns the
    path of the copy of the replaced database (a verified backup, or the damaged file set aside).
    """
    lock = WriterLock(db_path)
    lock.acquire("restore")
    try:
        kept: Path | None = None
        if db_path.exists() and db_path.stat().st_size > 0:
            if backups.integrity_problems(db_path):
                kept = db_path.with_name(
                    f"{db_path.stem}.damaged-{datetime.now():%Y%m%d-%H%M%S}{db_path.suffix}"
                )
                shutil.copyfile(db_path, kept)
                wal = db_path.with_name(db_path.name + "-wal")
                if wal.exists():  # its latest changes may be there: keep them with it
                    shutil.copyfile(wal, kept.with_name(kept.name + "-wal"))
            else:
                kept = backups.take_backup(db_path, "restore").path
        restore_file(backup_path, db_path)
        return kept
    finally:
        lock.release()


__all__ = ["ListQuery", "Store", "replace"]
