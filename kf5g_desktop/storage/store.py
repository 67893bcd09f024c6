"""The Store: the one object the GUI, the command line, returns and reports talk to.

Every operation is one short SQLite transaction returning plain records and values (``domain``).
Every change is validated, audited (who, when, field, old → new) and transactional. Deletes are
soft (recycle bin) and restorable with their history.

A table of contents: it opens and closes the database and passes each call to its area's module
(``settings``, ``reference``, ``queries``, ``writes``, ``audit``, ``batches``, ``notes``,
``submissions``, ``figures_sql``), which takes a session or the write context, never this class.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import date, datetime
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar, cast

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from kf5g_desktop.domain import nearby
from kf5g_desktop.domain.horizon import WeekBasis
from kf5g_desktop.domain.kinds import kind_of
from kf5g_desktop.domain.periods import IsoWeek, week_cutoff
from kf5g_desktop.domain.records import Approval, Pole, Record, Station, Venue
from kf5g_desktop.domain.schema import REGISTER_KINDS, STATION, VENUE
from kf5g_desktop.domain.targets import Target
from kf5g_desktop.domain.units import Township, Unit
from kf5g_desktop.domain.validation import Issue, ValidationContext
from kf5g_desktop.domain.values import (
    ApprovalItem,
    AuditEntry,
    Batch,
    CheckProblem,
    DeletedItem,
    Installation,
    ListQuery,
    Submission,
    WeekNote,
)
from kf5g_desktop.paths import ENV_DB, default_db_path

from . import (
    audit,
    batch_coords,
    batches,
    figures_sql,
    history,
    notes,
    opening,
    queries,
    reference,
    server,
    settings,
    submissions,
    writes,
)
from . import backup as backups
from . import changes as record_changes
from . import map_points as points
from .batches import BatchWriter
from .db import WRITE_OPTION, WriterLock, make_engine
from .errors import NotFoundError, ReadOnlyStoreError, StorageError
from .filecheck import FileCheck
from .history import Moment
from .session import WriteContext, open_session, writing

log = logging.getLogger("kf5g.storage")

R = TypeVar("R", Station, Venue, Pole)
T = TypeVar("T")
P = ParamSpec("P")


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
        integrity: opening.IntegrityWatch | None = None,
        server_url: str | None = None,
    ) -> None:
        self.path = path  # on a server: a place in the user's data folder for this PC's backups of it
        self.server_url = server_url  # the server's address without its password; None for a file
        self.engine = engine
        self._readonly = readonly
        self.integrity = integrity  # the background quick_check (check="background"), if any
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

        ``check``: "quick" (quick_check, the default), "full", "none" or "background" (the window on
        a large file: quick_check on a thread of its own; every write waits until it has passed,
        and a file it finds damaged refuses writes with CorruptDatabaseError, see :attr:`damaged`);
        "background-later": the same check, begun by ``integrity.start()`` or the first write.

        Raises StorageError subclasses with a Chinese message: DatabaseLockedError when another copy
        of the program writes to it (open again with ``readonly=True``), NewerSchemaError,
        CorruptDatabaseError, or a plain StorageError for an unwritable place.
        """
        if path is None and server.is_server_url(os.environ.get(ENV_DB)):
            path = os.environ[ENV_DB]
        if server.is_server_url(path):
            return cls._open_server(str(path), readonly=readonly, clock=clock)
        path = Path(path) if path is not None else default_db_path()
        path = path.expanduser()
        existed, integrity = opening.check_file(path, readonly=readonly, check=check)
        lock: WriterLock | None = None
        if not readonly:
            lock = WriterLock(path)
            lock.acquire(user or "")
        try:
            engine = make_engine(path, readonly=readonly)
            upgraded_from = opening.prepare_schema(path, engine, readonly=readonly, existed=existed)
            store = cls(
                path,
                engine,
                readonly=readonly,
                lock=lock,
                user=user,
                clock=clock,
                upgraded_from=upgraded_from,
                integrity=integrity,
            )
            if not readonly and not (existed and store._read(reference.seeded)):
                with store.session(write=True) as s:
                    reference.seed(s)
                if lock is not None and not user:
                    lock.set_user(store.user)
            return store
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @classmethod
    def _open_server(cls, url: str, *, readonly: bool, clock: Callable[[], datetime] | None) -> Store:
        """A database on a PostgreSQL server: a connection and schema check instead of the file's
        checks; no file lock (the server serialises writers); the user is the login role, which the
        server also writes into every audit row. A login that may not write (查看) gets a read-only
        store."""
        from sqlalchemy.exc import DBAPIError

        engine = server.make_server_engine(url, readonly=readonly)
        where = server.safe_url(url)
        try:
            with engine.connect() as conn:
                login = str(conn.exec_driver_sql("SELECT current_user").scalar())
        except DBAPIError as exc:
            engine.dispose()
            raise server.connect_error(exc, url) from exc
        try:
            upgraded_from = opening.prepare_server_schema(engine, where, readonly=readonly)
            with engine.connect() as conn:
                may_write = bool(conn.exec_driver_sql("SELECT has_table_privilege('station', 'INSERT')").scalar())
            store = cls(
                server.local_place(engine.url),
                engine,
                readonly=readonly or not may_write,
                lock=None,
                user=login,
                clock=clock,
                upgraded_from=upgraded_from,
                server_url=where,
            )
            if not store._read(reference.seeded):
                if store.readonly:
                    raise StorageError(
                        f"服务器上的数据库“{where}”还没有初始化，请管理员先运行 kf5g server-init。"
                    )
                with store.session(write=True) as s:
                    reference.seed(s)
            return store
        except BaseException:
            engine.dispose()
            raise

    @property
    def on_server(self) -> bool:
        """The database is on a PostgreSQL server (not a SQLite file on this PC)."""
        return self.server_url is not None

    @property
    def location(self) -> str:
        """Where the database is, for messages and titles: the file's path or the server's address."""
        return self.server_url or str(self.path)

    def close(self, *, backup_on_exit: bool = False) -> None:
        try:
            if backup_on_exit and not self.readonly and not self.on_server:
                with suppress(StorageError):
                    self.backup("exit")
            self.engine.dispose()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    @property
    def readonly(self) -> bool:
        """Opened read-only (another copy writes), or found damaged by the background check."""
        return self._readonly or self.damaged is not None

    @property
    def damaged(self) -> str | None:
        """What the background integrity check found wrong (None while it runs or when it passed)."""
        w = self.integrity
        return None if w is None or w.pending else w.problem

    def _hold_writes(self) -> None:
        """Every write waits for the background integrity check (RELIABILITY.md: a damaged file is
        not written to); a damaged file raises CorruptDatabaseError."""
        if self.integrity is not None:
            self.integrity.raise_if_damaged()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Sessions (for the storage modules, demo data and tests: nothing outside storage/ opens one) -----

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """A short session in one transaction; committed on success, rolled back on error.
        ``write=True`` takes SQLite's write lock at the start (BEGIN IMMEDIATE)."""
        if write:
            self._hold_writes()
        with open_session(self._write_engine if write else self.engine, self.location, write=write) as s:
            yield s

    @contextmanager
    def _writing(self, batch_id: int | None = None) -> Iterator[WriteContext]:
        self._hold_writes()
        if self.readonly:
            raise ReadOnlyStoreError()
        user = self.user
        validation = self.validation_context()  # the reference data, read before the write lock
        with writing(
            self._write_engine, self.location, user=user, now=self.now(), validation=validation, batch_id=batch_id
        ) as ctx:
            yield ctx

    def _read(self, fn: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """``fn(session, …)`` in a short read session."""
        with self.session() as s:
            return fn(s, *args, **kwargs)

    def _write(self, fn: Callable[Concatenate[WriteContext, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """``fn(write context, …)`` in one write transaction."""
        with self._writing() as ctx:
            return fn(ctx, *args, **kwargs)

    def now(self) -> datetime:
        return self._clock().replace(microsecond=0)

    def today(self) -> date:
        return self._clock().date()

    # Settings and installation --------------------------------------------------------------

    def get_setting(self, key: str, default: str = "") -> str:
        return self._read(settings.get_setting, key, default)

    def set_settings(self, values: dict[str, str]) -> None:
        self._hold_writes()
        if self.readonly:
            raise ReadOnlyStoreError()
        with self.session(write=True) as s:
            settings.set_settings(s, values)

    @property
    def user(self) -> str:
        return self._user_override or self.get_setting(settings.S_USER)

    def installation(self) -> Installation:
        return self._read(settings.installation)

    def setup_installation(
        self, *, kind: str, unit_code: str | None, user_name: str, user_phone: str = "", reviewer: str = ""
    ) -> Installation:
        units = self.unit_map()
        self.set_settings(
            settings.installation_settings(units, kind, unit_code, user_name, user_phone, reviewer)
        )
        return self.installation()

    # Reference data --------------------------------------------------------------------------

    def _cached(self, name: str, load: Callable[[Session], list[Any]]) -> list[Any]:
        if name not in self._ref_cache:
            self._ref_cache[name] = self._read(load)
        return cast(list[Any], self._ref_cache[name])

    def units(self) -> list[Unit]:
        return list(self._cached("units", reference.units))

    def unit_map(self) -> dict[str, Unit]:
        return {u.code: u for u in self.units()}

    def unit(self, code: str) -> Unit:
        try:
            return self.unit_map()[code]
        except KeyError:
            raise NotFoundError(f"没有区县代码“{code}”。") from None

    def townships(self, unit_code: str | None = None) -> list[Township]:
        towns: list[Township] = self._cached("townships", reference.townships)
        return [t for t in towns if unit_code is None or t.unit_code == unit_code]

    def township_map(self) -> dict[str, Township]:
        return {t.code: t for t in self.townships()}

    def invalidate_reference_cache(self) -> None:
        self._ref_cache.clear()

    def targets(self) -> list[Target]:
        return self._read(reference.targets)

    def set_target(self, unit_code: str | None, year: int, metric: str, value: int | None) -> None:
        """Set (or with ``value=None`` remove) a target; ``unit_code`` None is the city's."""
        self._write(reference.set_target, unit_code, year, metric, value)

    def unit_keys(self) -> dict[str, str]:
        return self._read(reference.unit_keys)

    def set_unit_key(self, unit_code: str, key_hex: str | None) -> None:
        self._write(reference.set_unit_key, unit_code, key_hex)

    def validation_context(self) -> ValidationContext:
        return ValidationContext(self.unit_map(), self.township_map(), self.today())

    # Reading records -----------------------------------------------------------------------------

    def get(self, kind: str, record_id: int, *, include_deleted: bool = False) -> Any:
        return self._read(queries.get, kind, record_id, include_deleted=include_deleted)

    def get_at(self, kind: str, record_id: int, *, at: Moment = None) -> Any:
        """One record as it stood at ``at`` (None: now), with its approvals of the time."""
        return self._read(queries.get_at, kind, record_id, at)

    def get_station(self, record_id: int) -> Station:
        return cast(Station, self.get(STATION, record_id))

    def get_venue(self, record_id: int) -> Venue:
        return cast(Venue, self.get(VENUE, record_id))

    def find_station(self, operator: str, station_code: str) -> Station | None:
        rid = self._read(queries.find_station_id, operator, station_code)
        return self.get_station(rid) if rid is not None else None

    def count(self, kind: str, q: ListQuery | None = None, *, at: Moment = None) -> int:
        return self._read(queries.count, kind, q or ListQuery(), at)

    def query(self, kind: str, q: ListQuery | None = None, *, at: Moment = None) -> list[Any]:
        """Records matching ``q``, sorted and paged in SQL. Stations come without approvals.
        ``at``: the registers as they stood at that moment (see ``storage.history``); None: now."""
        return self._read(queries.query, kind, q or ListQuery(), at)

    def approvals_for(
        self, station_ids: Sequence[int] | None = None, *, at: Moment = None
    ) -> dict[int, list[Approval]]:
        """Approvals by station id (all stations when ``station_ids`` is None), as at ``at``."""
        return self._read(queries.approvals_for, station_ids, at)

    def versions(self, kind: str, record_id: int) -> list[history.Version]:
        """Every version of one record, oldest first (``storage.history.Version``)."""
        return self._read(history.versions, kind, record_id)

    def changes(
        self,
        before: Moment,
        after: Moment = None,
        *,
        unit_code: str | None = None,
        kinds: Sequence[str] = REGISTER_KINDS,
    ) -> list[record_changes.RecordChange]:
        """Records added, deleted, restored or changed (field by field, old → new) between two
        moments (``storage.changes.compare``)."""
        return self._read(record_changes.compare, before, after, unit_code=unit_code, kinds=kinds)

    def map_points(self, kind: str, unit_code: str | None = None, *, at: Moment = None) -> points.MapPoints:
        """The records of ``kind`` with coordinates (of a unit, or all), now or as they stood at
        ``at``: id, point, unit and a station's status, operator and mode, column-wise; codes and
        names read on first use (``MapPoints.labels``)."""
        pts = self._read(points.map_points, kind, unit_code, at)
        pts.reader = lambda ids: self._read(points.map_labels, kind, ids, at)
        return pts

    def located_stations(self, unit_codes: Sequence[str] | None = None) -> list[nearby.Located]:
        """Live stations with coordinates (of ``unit_codes``, or all), for the duplicate check."""
        return self._read(points.located_stations, unit_codes)

    def near_duplicates(
        self, unit_code: str | None = None, max_m: float = nearby.DEFAULT_DISTANCE_M
    ) -> list[nearby.Duplicate]:
        """Possible duplicates by distance among the live stations (``domain.nearby``): a
        warning, never merged."""
        return self._read(points.near_duplicates, unit_code, max_m)

    def history_out_of_step(self) -> list[str]:
        """Records whose current version is not their register row (a check: should be empty)."""
        return self._read(history.out_of_step)

    def approval_count(
        self,
        *,
        search: str = "",
        unit_codes: Sequence[str] = (),
        waiting_only: bool = False,
        min_days: int | None = None,
    ) -> int:
        stmt, _ = queries.approvals_stmt(self.today(), search, unit_codes, waiting_only, min_days)
        return self._read(queries.approval_count, stmt)

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
        stmt, days = queries.approvals_stmt(self.today(), search, unit_codes, waiting_only, min_days)
        return self._read(
            queries.approval_items, stmt, days, sort=sort, descending=descending, offset=offset, limit=limit
        )

    def station_summary(self) -> dict[str, int]:
        """Headline counts of live stations in one scan: total, on_air, on_air_sa, indirect (转供电),
        in_progress (审批中/在建)."""
        return self._read(queries.station_summary)

    def counts(self) -> dict[str, int]:
        """Live records per register (for the status bar)."""
        return self._read(queries.counts)

    def recycle_bin(self) -> list[DeletedItem]:
        return self._read(queries.recycle_bin)

    # Validating and writing records ------------------------------------------------------------

    def validate(self, record: Record) -> list[Issue]:
        """Every problem of ``record``: the domain rules plus what needs the database (unique codes,
        links to venues and poles that exist)."""
        return self._read(writes.validate, self.validation_context(), kind_of(record), record)

    def save(self, record: R, *, batch_id: int | None = None) -> R:
        """Insert (``id`` None) or update a record, validated and audited, in one transaction.

        Raises ValidationFailed when there are errors (warnings do not block: the GUI asks the user
        about them before calling save), ConflictError when somebody else changed or deleted the
        record since it was read (``record.meta.version``, as :meth:`get` gave it; a record built
        without one is not compared — every path of the program passes it). Returns the record as
        stored (with id, assigned codes, meta).
        """
        kind = kind_of(record)
        with self._writing(batch_id) as ctx:
            rid = writes.save(ctx, kind, record)
        return self.get(kind, rid)  # type: ignore[no-any-return]

    def save_many(self, records: Sequence[Record], *, batch_id: int | None = None) -> list[int]:
        """Save many records in one transaction: all or nothing. Raises ValidationFailed naming the
        first record with errors (callers that want every row's errors validate first)."""
        with self._writing(batch_id) as ctx:
            return [writes.save(ctx, kind_of(r), r) for r in records]

    def delete(
        self, kind: str, record_id: int, *, batch_id: int | None = None, version: int | None = None
    ) -> None:
        """Move a record to the recycle bin. A venue or pole still carrying stations is refused; with
        ``version`` (the record's as read) so is a record changed since (ConflictError)."""
        with self._writing(batch_id) as ctx:
            writes.delete(ctx, kind, record_id, version)

    def restore(self, kind: str, record_id: int, *, batch_id: int | None = None) -> None:
        """Bring a record back from the recycle bin (refused if its code is taken meanwhile)."""
        with self._writing(batch_id) as ctx:
            writes.restore(ctx, kind, record_id)

    def purge(self, kind: str, record_id: int) -> None:
        """Delete for good a record that is in the recycle bin (its audit rows stay)."""
        self._write(writes.purge, kind, record_id)

    # Audit log ----------------------------------------------------------------------------------------

    def history(self, kind: str, record_id: int) -> list[AuditEntry]:
        """The audit rows of one record, oldest first."""
        return self._read(audit.history, kind, record_id)

    def audit_log(
        self, *, offset: int = 0, limit: int = 200, search: str = "", user: str = ""
    ) -> list[AuditEntry]:
        return self._read(audit.audit_log, offset=offset, limit=limit, search=search, user=user)

    def audit_count(self, *, search: str = "", user: str = "") -> int:
        return self._read(audit.audit_count, search=search, user=user)

    # Batches (bulk imports, return imports) ------------------------------------------------------------

    @contextmanager
    def batch_writer(self, kind: str, description: str) -> Iterator[BatchWriter]:
        """One transaction for a whole batch: records saved/deleted through the writer are logged
        with the batch id so the batch can be undone as one. All or nothing."""
        with self._writing() as ctx:
            batches.start(ctx, kind, description)
            yield BatchWriter(ctx, self.now)

    @contextmanager
    def unit_turn(self, unit_code: str) -> Iterator[None]:
        """One import of a unit's return at a time, from planning it to writing it: on a server a
        second import of the same unit waits for the first to finish (``server.unit_turn``); on
        SQLite nothing is needed (the one-writer lock)."""
        if not self.on_server or self.readonly:
            yield
            return
        with server.unit_turn(self.engine, unit_code):
            yield

    def batches(self) -> list[Batch]:
        return self._read(batches.batches)

    def undo_batch(self, batch_id: int) -> int:
        """Undo every change of a batch (newest first), in one transaction, after a backup.
        Refused when a record of the batch was changed after it. Returns the number of records touched."""
        self.backup("undo")
        return self._write(batches.undo, batch_id)

    def declare_batch_coords(self, batch_id: int, system: str) -> batch_coords.Declared:
        """Declare that the coordinates batch ``batch_id`` wrote were in ``system`` (GCJ-02 or
        BD-09): they are converted to the stored WGS-84 in a batch of their own (audited,
        undone with :meth:`undo_batch`). Records whose coordinates changed since are left."""
        return self._write(batch_coords.declare, batch_id, system)

    # Weekly notes, submissions and the report's figures --------------------------------------------------

    def week_note(self, unit_code: str, week: IsoWeek | str) -> WeekNote:
        return self._read(notes.week_note, unit_code, str(week))

    def save_week_note(self, note: WeekNote) -> None:
        self._write(notes.save_week_note, note)

    def submissions(
        self, *, direction: str | None = None, unit_code: str | None = None, week: str | None = None
    ) -> list[Submission]:
        """Returns made or received, newest first."""
        return self._read(submissions.submissions, direction=direction, unit_code=unit_code, week=week)

    def latest_submission(self, direction: str, unit_code: str, week: str) -> Submission | None:
        return self._read(submissions.latest, direction, unit_code, week)

    def submission_content(self, submission_id: int) -> bytes | None:
        return self._read(submissions.content_of, submission_id)

    def add_submission(self, values: dict[str, Any]) -> Submission:
        """Record a return made or received (see ``returns.submissions.add``)."""
        self._hold_writes()
        if self.readonly:
            raise ReadOnlyStoreError()
        with self.session() as s:  # as it always was: not BEGIN IMMEDIATE
            return submissions.add(s, values, now=self.now(), user=self.user)

    def week_rows(
        self,
        week: IsoWeek,
        unit_code: str | None,
        rule: str,
        *,
        waiting_days: int,
        lists: bool,
        at: Moment = None,
        by_day: bool = False,
        part: str = "all",
        scan: bool = True,
    ) -> figures_sql.WeekRows:
        """The rows behind one week's report figures (``reports.figures.week_figures``), from the
        registers as they stood at ``at`` (None: now); ``by_day``: with the series' stations on air
        by day from the same pass (as :meth:`on_air_by_day`), as ``lists`` gives them too;
        ``part``: "groups" or "counts", half of them each; ``scan`` (with ``lists``): one scan that
        also gives the map's points of the stations (``WeekRows.points``, as :meth:`map_points`),
        or False: grouped in SQL (``figures_sql.week_rows``)."""
        rows = self._read(
            figures_sql.week_rows,
            week,
            unit_code,
            rule,
            waiting_days=waiting_days,
            lists=lists,
            moment=at,
            by_day=by_day,
            part=part,
            scan=scan,
        )
        if rows.points is not None:
            rows.points.reader = lambda ids: self._read(points.map_labels, STATION, ids, at)
        return rows

    def on_air_by_day(
        self, last: IsoWeek, unit_code: str | None, rule: str, *, at: Moment = None
    ) -> list[tuple[Any, ...]]:
        """Counted stations on air by ``last``'s end, by day and operator (``reports.figures``)."""
        return self._read(figures_sql.on_air_by_day, last, unit_code, rule, at)

    def week_cutoff(self, week: IsoWeek) -> datetime:
        """The week's cut-off: its return deadline (the setting ``deadline_hours_after_period``,
        by default the Monday 18:00 after the period)."""
        return week_cutoff(week, self.get_setting(settings.S_DEADLINE_HOURS, ""))

    def week_moment(self, week: IsoWeek) -> datetime | None:
        """The moment a return or report of ``week`` is made from: its cut-off once that has
        passed, else None (the registers now)."""
        cutoff = self.week_cutoff(week)
        return cutoff if self.now() > cutoff else None

    def week_basis(self, week: IsoWeek, unit_code: str | None = None, *, correct: bool = False) -> WeekBasis:
        """What a return or report of ``week`` is made from (``domain.horizon.WeekBasis``): the
        moment (``week_moment``, a unit's latest correction of the week, or on the city
        installation each unit's latest accepted submission); ``correct``: the registers now."""
        return self._read(
            figures_sql.week_basis,
            week,
            unit_code,
            city=self.installation().is_city,
            cutoff=self.week_cutoff(week),
            now=self.now(),
            correct=correct,
        )

    # Whole-database work -------------------------------------------------------------------------------

    def check(self, *, full: bool = False, file_check: FileCheck | None = None) -> list[CheckProblem]:
        """The file's check plus every live record validated. Empty = clean. SQLite's check — its
        quick_check, or with ``full`` its integrity_check (also every index against its table) — runs
        on a thread of its own (without Python's lock) while the records are validated: the one of
        ``file_check`` when given (begun by the caller before the Store was opened: ``kf5g check``),
        else one begun here."""
        if self.on_server:  # the server keeps its own files whole; the records are checked here
            return self._read(writes.check_records, self.validation_context())
        if file_check is None:
            file_check = FileCheck(self.path, full=full)
        elif file_check.path != self.path or file_check.full != full:
            raise ValueError(f"a check of {file_check.path} (full={file_check.full}) for {self.path}")
        try:
            records = self._read(writes.check_records, self.validation_context())
        except Exception:
            damage = writes.integrity_findings(self.path, file_check.messages())
            if not damage:
                raise
            # the records cannot be read where the file is damaged: the damage is the finding
            log.warning("check of %s: the records could not be read", self.path, exc_info=True)
            return damage
        return writes.integrity_findings(self.path, file_check.messages()) + records

    def backup(self, reason: str = "manual") -> backups.BackupInfo | None:
        """A verified backup now (``backups/`` beside the database). On a server only when asked
        for (``manual``): a kf5g SQLite file of the whole database in this PC's data folder; the
        automatic ones (daily, before imports and undos, on exit) are the server's own business
        there (its transactions roll a failed import back; see the README) — None."""
        if self.on_server:
            if reason != "manual":
                return None
            from . import server_copy

            info = server_copy.backup_to_file(self.engine, self.path, reason, now=datetime.now())
            backups.thin_backups(self.path)
            return info
        self._hold_writes()  # a backup of a file not yet checked (or damaged) is not taken
        info = backups.take_backup(self.path, reason)
        backups.thin_backups(self.path)
        return info

    def backup_to(self, dest: Path) -> backups.BackupInfo:
        """A verified backup written to ``dest`` (a server's: a kf5g SQLite file of it)."""
        now = datetime.now()
        if self.on_server:
            from . import server_copy

            return server_copy.backup_to_file(self.engine, self.path, "manual", now=now, dest=dest)
        self._hold_writes()
        backups.copy_database(self.path, dest)
        return backups.BackupInfo(dest, now.replace(microsecond=0), "manual")

    def start_backup(self, reason: str = "manual") -> backups.PendingBackup:
        """:meth:`backup` on a thread (``keep()`` it before writing, or ``discard()`` it). While
        the background integrity check runs, the backup's thread waits for it, not the caller
        (a damaged file: ``keep()`` raises CorruptDatabaseError, no backup is taken)."""
        if self.integrity is not None and self.integrity.pending:
            return backups.PendingBackup(self.path, reason, before=self._hold_writes)
        self._hold_writes()
        return backups.PendingBackup(self.path, reason)

    def kept_backup(self, pending: backups.PendingBackup) -> backups.BackupInfo:
        """A backup of :meth:`start_backup`, finished and kept (the backups thinned as usual)."""
        info = pending.keep()
        backups.thin_backups(self.path)
        return info

    def backup_daily_if_due(self) -> backups.BackupInfo | None:
        if self.integrity is not None:
            self.integrity.wait()
        if self.readonly or self.on_server or not backups.needs_daily_backup(self.path):
            return None
        return self.backup("daily")


# Also here for callers written before the value types moved to domain.values.
__all__ = ["Store"]
