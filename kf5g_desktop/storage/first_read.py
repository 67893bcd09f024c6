"""The home page's first figures at start-up, read with plain ``sqlite3`` (no SQLAlchemy).

Importing SQLAlchemy and the table definitions costs about a second of CPU, more than everything
else the window does before its home page shows its figures. :class:`FirstReader` answers exactly
what ``reports.dashboard.compute`` (and the dashboard page's set-up) asks of a Store — the
installation, the units, the targets, the week's basis and the rows behind a week's figures
without lists — with the same SQL as the Store's (``figures_sql``, ``history``), so the window can
paint the figures first and open the Store (SQLAlchemy, schema check, integrity check) after.
``tests/storage/test_first_read.py`` compares every answer with the Store's for every counting
rule, scope and kind of moment (now, a cut-off, each unit's submission).

:meth:`FirstReader.open` refuses (None) every file the Store would have to do more with than read
— missing or empty, not at the current schema revision, a crash's journal, a pending ``-wal``,
not set up, without its reference data, held by another program, damaged (a small file's
quick_check, as the Store's opening runs) — so the Store's opening handles those exactly as before.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from kf5g_desktop.domain import horizon
from kf5g_desktop.domain.periods import IsoWeek, week_cutoff
from kf5g_desktop.domain.targets import Target, counted_types
from kf5g_desktop.domain.units import Unit
from kf5g_desktop.domain.values import Installation, ListQuery

from . import migrate
from .filecheck import integrity_problems, readonly_uri, wal_problems
from .setting_keys import S_DEADLINE_HOURS, installation_from
from .week_rows import WeekRows

log = logging.getLogger("kf5g.storage")

# A database file at least this large is opened by the window with its quick_check in the
# background, begun once the home page's figures are painted (writes wait for it; ~1.5 ms per MB
# from a warm cache here, seconds for a city's file from a cold one); a smaller one is checked at
# opening (here first, then by the Store's opening).
BACKGROUND_CHECK_BYTES = 16 * 1024 * 1024

Moment = datetime | Mapping[str, datetime] | None
RowRange = tuple[int | None, int | None]  # row ids in (first, last]; None: open

SPLIT_ROWS = 40_000  # a table of more rows is read in two halves at the same time

_REGISTER_COLUMNS = {  # the columns the figures read, of each register (and of its versions)
    "station": (
        "id",
        "unit_code",
        "operator",
        "station_type",
        "network_mode",
        "status",
        "planned_on_air",
        "construction_start",
        "on_air",
        "power_supply",
        "conversion",
        "conversion_done_on",
        "created_at",
        "deleted_at",
    ),
    "venue": ("id", "unit_code", "opened_on", "created_at", "deleted_at"),
    "pole": ("id", "unit_code", "shared_on", "created_at", "deleted_at"),
    "approval": ("id", "station_id", "item", "applied_on", "granted_on"),
}


def sql_datetime(value: datetime) -> str:
    """A date-time as SQLAlchemy's SQLite DateTime stores and binds it."""
    return (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d} "
        f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}.{value.microsecond:06d}"
    )


def sql_date(value: date) -> str:
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def _as_date(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(str(value)[:10])


def _as_datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


@dataclass(frozen=True, slots=True)
class _Latest:
    """What ``initial_week`` reads of the record ``query`` returns."""

    on_air: date | None


class _Sql:
    """A statement built up with its positional parameters."""

    def __init__(self) -> None:
        self.params: list[Any] = []

    def p(self, value: Any) -> str:
        if isinstance(value, datetime):
            value = sql_datetime(value)
        elif isinstance(value, date):
            value = sql_date(value)
        self.params.append(value)
        return "?"


class FirstReader:
    """A read-only view of a database file for the start-up's first figures; the methods the
    dashboard's computation calls, with the Store's names and answers."""

    readonly = True
    on_server = False

    def __init__(self, path: Path, *, clock: Any = None) -> None:
        self.path = path
        self._uri = readonly_uri(path)
        self._clock = clock or datetime.now
        self._cache: dict[str, Any] = {}

    # Opening -------------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, small_bytes: int) -> FirstReader | None:
        """A reader of ``path`` if the Store would only read it to show the home page (see the
        module's note), else None. ``small_bytes``: a file smaller than this has its quick_check
        run here first (as the Store's opening does; a larger one is checked in the background
        later, as before)."""
        try:
            return cls._open(path, small_bytes)
        except Exception:  # (anything unexpected: the Store's opening says what is wrong)
            log.info("first read of %s not possible", path, exc_info=True)
            return None

    @classmethod
    def _open(cls, path: Path, small_bytes: int) -> FirstReader | None:
        path = path.expanduser()
        if not path.is_file() or path.stat().st_size == 0:
            return None
        if not os.access(path, os.R_OK | os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK):
            return None
        for suffix in ("-journal", "-wal"):
            side = path.with_name(path.name + suffix)
            if side.exists() and side.stat().st_size > 0:
                return None
        if not _lock_free(path):
            return None
        if path.stat().st_size < small_bytes:
            if integrity_problems(path, quick=True, wal=True):
                return None
        elif wal_problems(path):
            return None
        if migrate.file_state(path)[0] != migrate.CURRENT:
            return None
        reader = cls(path)
        if not reader._all("SELECT count(*) FROM unit")[0][0] or not reader.installation().configured:
            return None
        return reader

    def close(self) -> None:
        """(Nothing is held open: every read opens a connection of its own and closes it.)"""

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        con = sqlite3.connect(self._uri, uri=True)
        try:
            con.execute("PRAGMA busy_timeout=5000")
            con.execute("PRAGMA query_only=ON")
            return con.execute(sql, tuple(params)).fetchall()
        finally:
            con.close()

    # What the Store answers ----------------------------------------------------------------------

    def now(self) -> datetime:
        return self._clock().replace(microsecond=0)

    def today(self) -> date:
        return self._clock().date()

    def _settings(self) -> dict[str, str]:
        if "settings" not in self._cache:
            self._cache["settings"] = {k: v for k, v in self._all('SELECT "key", value FROM setting')}
        return dict(self._cache["settings"])

    def get_setting(self, key: str, default: str = "") -> str:
        return self._settings().get(key, default)

    def installation(self) -> Installation:
        return installation_from(self._settings())

    def units(self) -> list[Unit]:
        if "units" not in self._cache:
            self._cache["units"] = [
                Unit(*r)
                for r in self._all(
                    "SELECT code, name, kind, lon_min, lon_max, lat_min, lat_max FROM unit ORDER BY code"
                )
            ]
        return list(self._cache["units"])

    def unit_map(self) -> dict[str, Unit]:
        return {u.code: u for u in self.units()}

    def unit(self, code: str) -> Unit:
        from .errors import NotFoundError

        try:
            return self.unit_map()[code]
        except KeyError:
            raise NotFoundError(f"没有区县代码“{code}”。") from None

    def targets(self) -> list[Target]:
        return [
            Target(*r)
            for r in self._all("SELECT unit_code, year, metric, value FROM target ORDER BY year, unit_code")
        ]

    def query(self, kind: str, q: Any) -> list[_Latest]:
        """Only what ``reports.weekly.initial_week`` asks: the station latest on air."""
        if kind != "station" or q != ListQuery(sort="on_air", descending=True, limit=1):
            raise NotImplementedError(f"FirstReader.query({kind!r}, {q!r})")
        rows = self._all(
            "SELECT on_air FROM station WHERE deleted_at IS NULL ORDER BY on_air DESC, id DESC LIMIT 1"
        )
        return [_Latest(_as_date(r[0])) for r in rows]

    def week_cutoff(self, week: IsoWeek) -> datetime:
        return week_cutoff(week, self.get_setting(S_DEADLINE_HOURS, ""))

    def week_basis(
        self, week: IsoWeek, unit_code: str | None = None, *, correct: bool = False
    ) -> horizon.WeekBasis:
        """As ``figures_sql.week_basis``."""
        cutoff, now = self.week_cutoff(week), self.now()
        q = _Sql()
        if self.installation().is_city:
            sql = (
                "SELECT submission.unit_code, submission.iso_week, "
                "coalesce(batch.created_at, submission.received_at) FROM submission "
                "LEFT OUTER JOIN batch ON batch.id = submission.batch_id "
                f"WHERE submission.direction = {q.p('import')} AND submission.superseded_by IS NULL "
                f"AND submission.iso_week <= {q.p(str(week))}"
            )
            if unit_code is not None:
                sql += f" AND submission.unit_code = {q.p(unit_code)}"
            rows = [(u, w, _as_datetime(t)) for u, w, t in self._all(sql, q.params)]
            units = [unit_code] if unit_code is not None else [u.code for u in self.units()]
            return horizon.city_basis(str(week), units, rows, min(now, cutoff))
        sql = (
            "SELECT received_at FROM submission "
            f"WHERE direction = {q.p('export')} AND iso_week = {q.p(str(week))} "
            f"AND reason IS NOT NULL AND received_at > {q.p(cutoff)}"
        )
        if unit_code is not None:
            sql += f" AND unit_code = {q.p(unit_code)}"
        corrections = [_as_datetime(r[0]) for r in self._all(sql, q.params)]
        return horizon.unit_basis(now, cutoff, corrections, correct=correct)

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
    ) -> WeekRows:
        """As ``figures_sql.week_rows`` without lists."""
        if lists or part not in ("all", "groups", "counts"):
            raise NotImplementedError(f"FirstReader.week_rows(lists={lists}, part={part!r})")
        out = WeekRows(groups=[], venue_counts={}, pole_counts={}, late_count=0, waiting_count=0)
        if part != "counts":
            q = _Sql()
            if by_day:
                out.groups, out.by_day = self._rolled_up(week, unit_code, rule, at)
            else:
                out.groups = sorted(self._all(_groups_sql(q, week, unit_code, rule, at, False), q.params))
            out.late_count = sum(r[-1] for r in out.groups)
        if part != "groups":
            for kind, day in (("venue", "opened_on"), ("pole", "shared_on")):
                q = _Sql()
                counts = {
                    r[0]: (int(r[1]), int(r[2]))
                    for r in self._all(_site_counts_sql(q, kind, day, unit_code, week, at), q.params)
                }
                if kind == "venue":
                    out.venue_counts = counts
                else:
                    out.pole_counts = counts
            q = _Sql()
            out.waiting_count = int(
                self._all(_waiting_sql(q, week, unit_code, rule, at, waiting_days), q.params)[0][0] or 0
            )
            if unit_code is None:
                q = _Sql()
                out.returned = {
                    r[0]
                    for r in self._all(
                        "SELECT DISTINCT unit_code FROM submission "
                        f"WHERE direction = {q.p('import')} AND iso_week = {q.p(str(week))}",
                        q.params,
                    )
                }
        return out

    def _rolled_up(
        self, week: IsoWeek, unit_code: str | None, rule: str, at: Moment
    ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        """The week's groups and the stations on air by day (``_rolled_up_sql``); a large table
        read in two halves by row id at the same time, on two connections (SQLite reads without
        Python's lock: two cores), their sums added."""
        table, key = ("station", "id") if at is None else ("station_history", "hid")
        last = self._all(f"SELECT max({key}) FROM {table}")[0][0] or 0
        halves: list[tuple[int | None, int | None]] = [(None, None)]
        if last >= SPLIT_ROWS:
            halves = [(None, last // 2), (last // 2, None)]

        def read(rows: tuple[int | None, int | None]) -> list[Any]:
            q = _Sql()
            return self._all(_rolled_up_sql(q, week, unit_code, rule, at, rows), q.params)

        if len(halves) == 1:
            parts = read(halves[0])
        else:
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kf5g-first-read-half") as pool:
                other = pool.submit(read, halves[1])
                parts = read(halves[0]) + other.result()
        groups: dict[tuple[Any, Any], list[int]] = {}
        days: dict[tuple[Any, Any], list[int]] = {}
        for r in parts:
            acc = (
                groups.setdefault((r[1], r[2]), [0] * 9)
                if r[0] == 0
                else days.setdefault((r[3], r[2]), [0] * 3)
            )
            for i, v in enumerate(r[4 : 4 + len(acc)]):
                acc[i] += v
        return (
            sorted((*k, *v) for k, v in groups.items()),
            sorted((_as_date(d), o, *v) for (d, o), v in days.items()),
        )


def _lock_free(path: Path) -> bool:
    """Nobody holds the database's writer lock (``db.WriterLock``) now; the Store takes it."""
    from .lock import lock_is_free

    return lock_is_free(path)


# The SQL, as figures_sql's and history's -----------------------------------------------------------


def _end_bound(day: date) -> datetime:
    return datetime.combine(day + timedelta(days=1), time())


def _around(q: _Sql, h: str, moment: Mapping[str, datetime]) -> str:
    first, last = min(moment.values()), max(moment.values())
    return f"+{h}.valid_from <= {q.p(last)} AND ({h}.valid_to IS NULL OR {h}.valid_to > {q.p(first)})"


def _case(q: _Sql, h: str, moment: Mapping[str, datetime]) -> str:
    whens = " ".join(f"WHEN ({h}.unit_code = {q.p(u)}) THEN {q.p(t)}" for u, t in sorted(moment.items()))
    return f"CASE {whens} END"


def _unit_case(q: _Sql, s: str, moment: Mapping[str, datetime]) -> str:
    """Each row's moment: that of its station's unit (``history.approvals_of``)."""
    return f"CASE {s}.unit_code {' '.join(f'WHEN {q.p(u)} THEN {q.p(t)}' for u, t in sorted(moment.items()))} END"


def _source(q: _Sql, kind: str, moment: Moment, alias: str, rows: RowRange = (None, None)) -> str:
    """``history.source(kind, moment)`` with the columns the figures read, named ``alias``;
    ``rows``: only the rows of row ids in (first, last] (None: open)."""
    cols = _REGISTER_COLUMNS[kind]
    if moment is None and rows == (None, None):
        return f"{kind} AS {alias}"
    h = kind if moment is None else f"{kind}_history"
    names = ", ".join(f"{h}.{c} AS {c}" for c in cols)
    key = f"{h}.id" if moment is None else f"{h}.hid"
    span = "".join(
        f"{key} {op} {q.p(v)} AND " for op, v in ((">", rows[0]), ("<=", rows[1])) if v is not None
    )
    if moment is None:
        return f"(SELECT {names} FROM {h} WHERE {span}1) AS {alias}"
    if not isinstance(moment, Mapping):
        where = f"{h}.valid_from <= {q.p(moment)} AND ({h}.valid_to IS NULL OR {h}.valid_to > {q.p(moment)})"
    elif not moment:
        where = "0 = 1"
    else:
        around = _around(q, h, moment)  # (the parameters in the order of the text)
        units = ", ".join(q.p(u) for u in sorted(moment))
        where = (
            f"{around} AND {h}.unit_code IN ({units}) "
            f"AND {h}.valid_from <= {_case(q, h, moment)} "
            f"AND ({h}.valid_to IS NULL OR {h}.valid_to > {_case(q, h, moment)})"
        )
    return f"(SELECT {names} FROM {h} WHERE {span}{where}) AS {alias}"


def _live(q: _Sql, s: str, as_of: date) -> str:
    return (
        f"+{s}.deleted_at IS NULL AND ({s}.created_at < {q.p(_end_bound(as_of))} OR {s}.on_air <= {q.p(as_of)} "
        f"OR {s}.construction_start <= {q.p(as_of)} OR {s}.conversion_done_on <= {q.p(as_of)})"
    )


def _types(q: _Sql, s: str, rule: str) -> str:
    types = counted_types(rule)
    if types is None:
        return f"{q.p(1)} = 1"
    return f"{s}.station_type IN ({', '.join(q.p(t) for t in types)})"


def _in(q: _Sql, col: str, week: IsoWeek) -> str:
    return f"{col} >= {q.p(week.start)} AND {col} <= {q.p(week.end)}"


def _on_air_by(q: _Sql, s: str, day: date) -> str:
    return f"{s}.status = {q.p('on_air')} AND ({s}.on_air IS NULL OR {s}.on_air <= {q.p(day)})"


def _sum(cond: str) -> str:
    return f"coalesce(sum({cond}), 0)"


def _groups_sql(
    q: _Sql,
    week: IsoWeek,
    unit_code: str | None,
    rule: str,
    moment: Moment,
    by_day: bool,
    rows: RowRange = (None, None),
) -> str:
    """``figures_sql.week_rows``'s pass over the stations (without lists)."""
    end, s = week.end, "station_at"
    keys = f"{s}.unit_code, {s}.operator" + (f", {s}.on_air" if by_day else "")
    sums = [
        _sum(f"{_types(q, s, rule)} AND {_on_air_by(q, s, end)}"),
        _sum(f"{_types(q, s, rule)} AND {_on_air_by(q, s, end)} AND {_in(q, s + '.on_air', week)}"),
        _sum(f"{_types(q, s, rule)} AND {_on_air_by(q, s, end)} AND {s}.network_mode = {q.p('SA')}"),
        _sum(
            f"{_types(q, s, rule)} AND {_on_air_by(q, s, end)} AND ({s}.power_supply = {q.p('indirect')} "
            f"OR {s}.conversion_done_on > {q.p(end)})"
        ),
        _sum(
            f"{_types(q, s, rule)} AND {s}.conversion = {q.p('done')} AND ({s}.conversion_done_on IS NULL "
            f"OR {s}.conversion_done_on <= {q.p(end)})"
        ),
        _sum(
            f"{_types(q, s, rule)} AND {s}.conversion = {q.p('done')} "
            f"AND {_in(q, s + '.conversion_done_on', week)}"
        ),
        _sum(f"{_on_air_by(q, s, end)} AND {s}.network_mode = {q.p('SA')}"),
        _sum(f"{_on_air_by(q, s, end)} AND {s}.network_mode = {q.p('SA')} AND {_in(q, s + '.on_air', week)}"),
        _sum(
            f"{_types(q, s, rule)} AND {s}.planned_on_air <= {q.p(end)} AND {s}.status != {q.p('cancelled')} "
            f"AND ({s}.status != {q.p('on_air')} OR {s}.on_air IS NULL OR {s}.on_air > {q.p(end)}) "
            f"AND {s}.status != {q.p('suspended')}"
        ),
    ]
    head = f"SELECT {keys}, {', '.join(sums)} FROM {_source(q, 'station', moment, s, rows)}"
    where = _live(q, s, end) + (f" AND {s}.unit_code = {q.p(unit_code)}" if unit_code else "")
    group = f"+{s}.unit_code, +{s}.operator" + (f", +{s}.on_air" if by_day else "")
    return f"{head} WHERE {where} GROUP BY {group}"


def _rolled_up_sql(
    q: _Sql, week: IsoWeek, unit_code: str | None, rule: str, moment: Moment, rows: RowRange = (None, None)
) -> str:
    """The pass over the stations by (unit, operator, on-air day), rolled up in SQL (the Store rolls
    them up in Python, ``figures_sql._roll_up``): rows (0, unit, operator, NULL, the nine sums) of
    the (unit, operator) groups, and rows (1, NULL, operator, day, SA, 转供电, stations) of the
    counted stations on air by the week's end by (day, operator) — a day with none left out.
    ``rows``: only the register's (or its versions') rows of ids in (first, last] (None: open)."""
    sums = [f"c{i}" for i in range(9)]
    inner = _groups_sql(q, week, unit_code, rule, moment, True, rows)
    return (
        f"WITH g(u, o, d, {', '.join(sums)}) AS MATERIALIZED ({inner}) "
        f"SELECT 0, u, o, NULL, {', '.join(f'sum({c})' for c in sums)} FROM g GROUP BY u, o "
        f"UNION ALL SELECT 1, NULL, o, d, sum(c2), sum(c3), sum(c0), {', '.join(['0'] * 6)} FROM g "
        f"WHERE d IS NOT NULL AND d <= {q.p(week.end)} AND c0 > 0 GROUP BY d, o"
    )


def _site_counts_sql(
    q: _Sql, kind: str, day: str, unit_code: str | None, week: IsoWeek, moment: Moment
) -> str:
    a = f"{kind}_at"
    head = f"SELECT {a}.unit_code, {_sum(_in(q, f'{a}.{day}', week))}, count(*) FROM {_source(q, kind, moment, a)}"
    where = (
        f"+{a}.deleted_at IS NULL AND ({a}.{day} <= {q.p(week.end)} OR {a}.{day} IS NULL "
        f"AND {a}.created_at < {q.p(_end_bound(week.end))})"
    )
    if unit_code is not None:
        where += f" AND {a}.unit_code = {q.p(unit_code)}"
    return f"{head} WHERE {where} GROUP BY {a}.unit_code"


def _waits(q: _Sql, a: str, end: date, waiting_days: int) -> str:
    return (
        f"{a}.applied_on IS NOT NULL AND {a}.applied_on < {q.p(end - timedelta(days=waiting_days))} "
        f"AND ({a}.granted_on IS NULL OR {a}.granted_on > {q.p(end)})"
    )


def _waiting_sql(
    q: _Sql, week: IsoWeek, unit_code: str | None, rule: str, moment: Moment, waiting_days: int
) -> str:
    """``figures_sql.week_rows``'s count of the approvals waiting (``history.approvals_of``,
    ``approvals_around``)."""
    end, s = week.end, "station_at"
    if isinstance(moment, Mapping) and moment:
        h = a = "approval_history"
        join = (
            f"{_source(q, 'station', moment, s)} JOIN {h} ON {h}.station_id = {s}.id AND {_around(q, h, moment)} "
            f"AND {h}.valid_from <= {_unit_case(q, s, moment)} "
            f"AND ({h}.valid_to IS NULL OR {h}.valid_to > {_unit_case(q, s, moment)})"
        )
    else:
        a = "approval_at"
        approvals = _source(q, "approval", moment, a)
        join = f"{approvals} JOIN {_source(q, 'station', moment, s)} ON {a}.station_id = {s}.id"
    where = [_live(q, s, end)]
    if unit_code is not None:
        where.append(f"{s}.unit_code = {q.p(unit_code)}")
    types = counted_types(rule)
    if types is not None:
        where.append(f"{s}.station_type IN ({', '.join(q.p(t) for t in types)})")
    where.append(_waits(q, a, end, waiting_days))
    where.append(f"{s}.status != {q.p('cancelled')}")
    if isinstance(moment, Mapping) and moment:
        h = "approval_history"
        few = (
            f"(SELECT {h}.station_id AS station_id, {h}.applied_on AS applied_on, {h}.granted_on AS granted_on "
            f"FROM {h} WHERE {_around(q, h, moment)}) AS approval_around"
        )
        f = "approval_around"
    else:
        few, f = _source(q, "approval", moment, "approval_few"), "approval_few"
    where.append(f"{s}.id IN (SELECT {f}.station_id FROM {few} WHERE {_waits(q, f, end, waiting_days)})")
    return f"SELECT count(*) FROM {join} WHERE {' AND '.join(where)}"
