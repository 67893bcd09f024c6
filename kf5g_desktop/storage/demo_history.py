"""The demo's history: every record entered and then updated at back-dated times, as an office would.

:mod:`demo` draws each record's final state; this module draws the way it got there (a station
keyed in as 规划, its approvals applied for and granted, 审批中 → 在建 → 已开通, 转供电 → 直供电, a
few names and coordinates corrected, a few records moved to the recycle bin and restored) and
writes, for every change, the audit rows the Store would have written (who, when, field, old →
new) and the version rows of the history tables (valid_from / valid_to), column-wise, without the
audit-log backfill. The city demo also gets the units' weekly submissions (most on time, some late,
a few missing, a couple corrected with a reason), received when each unit's records stood as that
week's return showed them.
"""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
from bisect import bisect_right
from collections.abc import Callable, Iterable
from contextlib import closing, suppress
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from kf5g_desktop.domain.audit_text import audit_float, audit_text
from kf5g_desktop.domain.kinds import APPROVAL_ORDER
from kf5g_desktop.domain.periods import IsoWeek, week_cutoff

from . import demo_writer, rawinsert
from .db import BUSY_TIMEOUT_MS
from .models import HISTORY_TABLES, ApprovalRow, PoleRow, StationRow, SubmissionRow, VenueRow

# The connection of a writing process (:class:`Writer` with ``alone``): as the demo's own session's
# (make_engine's pragmas, then no journal and no fsync: the caller throws the file away on any error)
_ALONE_PRAGMAS = (
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    "PRAGMA journal_mode=OFF",
    "PRAGMA synchronous=OFF",
    "PRAGMA foreign_keys=ON",
)
END = datetime(2023, 1, 2, 12, 0)  # nothing in the demo is recorded later (2022-W52's cut-off: 18:00)
FIRST_WEEK = IsoWeek(2020, 30)
_BOOKKEEPING = frozenset({"id", "created_at", "created_by", "updated_at", "updated_by", "version"})
_COLUMNS = {
    "station": [c.name for c in StationRow.__table__.columns],
    "venue": [c.name for c in VenueRow.__table__.columns],
    "pole": [c.name for c in PoleRow.__table__.columns],
}
_APPROVAL_COLUMNS = [c.name for c in ApprovalRow.__table__.columns]
# Rows are made in SQLite's storage form as they are drawn (rawinsert's converters, applied to each
# value once, when it is set): a version repeats most of its predecessor's values, already converted.
_POS = {k: {c: i for i, c in enumerate(cols)} for k, cols in _COLUMNS.items()}
_CONV = {
    k: {cols[i]: fn for i, fn in rawinsert.converters(table.__table__, cols)}
    for k, cols, table in (
        ("station", _COLUMNS["station"], StationRow),
        ("venue", _COLUMNS["venue"], VenueRow),
        ("pole", _COLUMNS["pole"], PoleRow),
        ("approval", _APPROVAL_COLUMNS, ApprovalRow),
    )
}
_APPROVAL_CONV = [
    (i, _CONV["approval"][c]) for i, c in enumerate(_APPROVAL_COLUMNS) if c in _CONV["approval"]
]


_ROW_CONV = {k: [(_POS[k][c], fn) for c, fn in _CONV[k].items()] for k in _COLUMNS}


def _stored(kind: str, values: dict[str, Any]) -> list[Any]:
    """A record's row (``kind``'s columns, in order) in storage form."""
    row = [values[c] for c in _COLUMNS[kind]]
    for i, fn in _ROW_CONV[kind]:
        v = row[i]
        if v is not None:
            row[i] = fn(v)
    return row


def _stored_approval(a: dict[str, Any]) -> list[Any]:
    row = [a[c] for c in _APPROVAL_COLUMNS]
    for i, fn in _APPROVAL_CONV:
        v = row[i]
        if v is not None:
            row[i] = fn(v)
    return row


Event = tuple[datetime, str, dict[str, Any], "list[dict[str, Any]] | None"]
"""(when, action: update/delete/restore, field → new value, the approvals after it or None)"""


@dataclass
class History:
    """What the demo writes besides the registers: audit rows, versions, event times per unit."""

    user: str
    audit: list[list[Any]] = field(default_factory=list)  # rows of session.AUDIT_COLUMNS
    versions: dict[str, list[list[Any]]] = field(default_factory=dict)
    approval_versions: list[list[Any]] = field(default_factory=list)
    times_by_unit: dict[str, list[datetime]] = field(default_factory=dict)

    def keep(self, pred: Callable[[str], bool]) -> None:
        """Keep only what concerns the units for which ``pred(unit_code)`` holds."""
        unit_col = {k: cols.index("unit_code") for k, cols in _COLUMNS.items()}
        kept: dict[str, set[int]] = {}
        for kind, rows in self.versions.items():
            idx = unit_col[kind]
            self.versions[kind] = [r for r in rows if pred(r[idx])]
            kept[kind] = {r[0] for r in self.versions[kind]}
        self.audit = [a for a in self.audit if a[4] in kept.get(a[3], ())]
        sid = _APPROVAL_COLUMNS.index("station_id")
        stations = kept.get("station", set())
        self.approval_versions = [a for a in self.approval_versions if a[sid] in stations]
        self.times_by_unit = {u: t for u, t in self.times_by_unit.items() if pred(u)}


def _when(rng: random.Random, day: date) -> datetime:
    try:
        eight = _EIGHTS[day]
    except KeyError:
        eight = _EIGHTS[day] = datetime.combine(day, _EIGHT)
    at = eight + timedelta(seconds=int(rng.random() * 36000))
    return at if at < END else END - timedelta(seconds=int(rng.random() * 36000) + 60)


_EIGHT = time(8, 0)
_EIGHTS: dict[date, datetime] = {}


def _friday(day: date) -> date:
    """The Friday of ``day``'s week, or the next one (the day the office brings its records up to date)."""
    try:
        return _FRIDAYS[day]
    except KeyError:
        friday = _FRIDAYS[day] = day + timedelta(days=(4 - day.weekday()) % 7)
        return friday


_FRIDAYS: dict[date, date] = {}  # a few thousand days, asked for a million times


def _approval_list(apps: Iterable[dict[str, Any]]) -> str:
    """``approvals_text`` of approval rows (dicts), without making Approval objects (the demo asks
    half a million times; a test compares the two)."""
    parts = []
    for a in sorted(apps, key=_approval_rank):
        applied, granted, notes = a["applied_on"], a["granted_on"], a["notes"]
        ident = (a["item"], applied, granted, notes)
        try:
            parts.append(_PARTS[ident])
        except KeyError:
            part = f"{a['item']}:{applied.isoformat() if applied else ''}/{granted.isoformat() if granted else ''}"
            parts.append(_PARTS.setdefault(ident, f"{part}/{notes}" if notes else part))
    return ";".join(parts)


_PARTS: dict[tuple[Any, ...], str] = {}  # an approval's text by its values (each recurs in every later step)


def forget() -> None:
    """Drop what the drawing remembers (a chunk's approval texts; at the end, the days too)."""
    _PARTS.clear()
    _FRIDAYS.clear()
    _EIGHTS.clear()


def _approval_rank(a: dict[str, Any]) -> int:
    return APPROVAL_ORDER.get(a["item"], 99)


def _snapshot(row: dict[str, Any], apps: list[dict[str, Any]]) -> str:
    """The insert audit row's text: every value as audit_text writes it (the common types without
    its chain of isinstance tests; a test compares the two)."""
    values = {}
    for k, v in row.items():
        if v is None or k in _BOOKKEEPING:
            continue
        cls = v.__class__
        if cls is str:
            if v:
                values[k] = v
            continue
        if cls is float:
            t: str | None = audit_float(v)
        elif cls is bool:
            t = "1" if v else "0"
        elif cls is int:
            t = str(v)
        elif cls is date:
            t = v.isoformat()
        else:
            t = audit_text(v)
        if t is not None:
            values[k] = t
    if apps:
        values["approvals"] = _approval_list(apps)
    return json.dumps(values, ensure_ascii=False)


def station_events(
    rng: random.Random, final: dict[str, Any], apps: list[dict[str, Any]]
) -> tuple[dict[str, Any], list[Event]]:
    """A station's state when first keyed in, and the changes that led to ``final``."""
    status = final["status"]
    init = dict(final)
    init.update(status="planned", construction_start=None, on_air=None, subsidy_state="na")
    events: list[Event] = []
    if status in ("on_air", "building"):
        init["network_mode"] = None
    if status == "on_air":
        init.update(conversion=None, conversion_planned_on=None, conversion_done_on=None)
        if final["conversion"] == "done":
            init["power_supply"] = "indirect"
    # approvals: applied for (审批中), then granted; the office keys the week's papers in on Friday
    by_day: dict[date, list[tuple[int, dict[str, Any]]]] = {}
    for a in apps:
        by_day.setdefault(_friday(a["applied_on"]), []).append((0, a))
        if a["granted_on"] is not None:
            by_day.setdefault(max(_friday(a["granted_on"]), _friday(a["applied_on"])), []).append((1, a))
    current: list[dict[str, Any]] = []
    first_apply = True
    for day in sorted(by_day):
        for what, a in sorted(by_day[day], key=lambda p: p[0]):
            if what == 0:
                current = sorted([*current, {**a, "granted_on": None}], key=lambda x: x["id"])
            else:
                current = [{**x, "granted_on": a["granted_on"]} if x["id"] == a["id"] else x for x in current]
        changes: dict[str, Any] = {}
        if first_apply and status not in ("planned", "cancelled"):
            changes["status"] = "approving"
        first_apply = False
        events.append((_when(rng, day), "update", changes, current))
    start = final["construction_start"]
    if start is not None:
        events.append(
            (
                _when(rng, start),
                "update",
                {
                    "status": "building",
                    "construction_start": start,
                    "network_mode": final["network_mode"] if status == "building" else None,
                },
                None,
            )
        )
    if status == "on_air":
        on_air = final["on_air"]
        conv = final["conversion"]
        events.append(
            (
                _when(rng, on_air + timedelta(days=rng.randint(0, 6))),
                "update",
                {
                    "status": "on_air",
                    "on_air": on_air,
                    "network_mode": final["network_mode"],
                    "subsidy_state": final["subsidy_state"],
                    "conversion": "planned" if conv == "done" else conv,
                    "conversion_planned_on": final["conversion_planned_on"],
                },
                None,
            )
        )
        if conv == "done":  # 转供电 → 直供电
            events.append(
                (
                    _when(rng, final["conversion_done_on"] + timedelta(days=rng.randint(0, 3))),
                    "update",
                    {
                        "power_supply": "direct",
                        "conversion": "done",
                        "conversion_done_on": final["conversion_done_on"],
                    },
                    None,
                )
            )
    elif status in ("suspended", "cancelled"):
        day = (final["construction_start"] or final["planned_on_air"]) - timedelta(days=rng.randint(30, 90))
        latest = max((e[0] for e in events), default=final["created_at"])
        day = max(day, latest.date() + timedelta(days=rng.randint(5, 40)))
        events.append((_when(rng, min(day, date(2022, 12, 20))), "update", {"status": status}, None))
    _corrections(rng, final, init, events, name_share=0.015, point_share=0.015, bin_share=0.004)
    return init, events


def register_events(rng: random.Random, final: dict[str, Any]) -> tuple[dict[str, Any], list[Event]]:
    """A venue's or pole's state when keyed in, and its corrections (names, coordinates, the bin)."""
    init = dict(final)
    events: list[Event] = []
    _corrections(rng, final, init, events, name_share=0.03, point_share=0.02, bin_share=0.01)
    return init, events


def _corrections(
    rng: random.Random,
    final: dict[str, Any],
    init: dict[str, Any],
    events: list[Event],
    *,
    name_share: float,
    point_share: float,
    bin_share: float,
) -> None:
    created: datetime = final["created_at"]
    r = rng.random()
    if r < name_share:  # keyed in under a provisional name, corrected later
        init["name"] = final["name"] + "（暂定名）"
        at = created + timedelta(days=rng.randint(2, 120), hours=rng.randint(0, 8))
        events.append((min(at, END - timedelta(hours=1)), "update", {"name": final["name"]}, None))
    r = rng.random()
    if r < point_share and final.get("lon") is not None:  # a wrong coordinate, corrected
        init["lon"] = round(final["lon"] + rng.choice((-1, 1)) * rng.uniform(0.01, 0.04), 6)
        init["lat"] = round(final["lat"] + rng.choice((-1, 1)) * rng.uniform(0.01, 0.03), 6)
        at = created + timedelta(days=rng.randint(3, 200), hours=rng.randint(0, 8))
        events.append(
            (min(at, END - timedelta(hours=1)), "update", {"lon": final["lon"], "lat": final["lat"]}, None)
        )
    r = rng.random()
    if r < bin_share:  # deleted by mistake, restored from the recycle bin
        at = created + timedelta(days=rng.randint(1, 300), hours=rng.randint(0, 8))
        back = at + timedelta(days=rng.randint(1, 20), hours=rng.randint(0, 5))
        if back < END:
            events.append((at, "delete", {}, None))
            events.append((back, "restore", {}, None))


def materialize(
    h: History,
    kind: str,
    key: str,
    init: dict[str, Any],
    events: list[Event],
    final_apps: list[dict[str, Any]] | None = None,
) -> tuple[dict[str, Any], list[Any]]:
    """Write the record's audit rows and versions (in storage form); returns its row as it now
    stands, as values and in storage form (its columns in order)."""
    pos, conv = _POS[kind], _CONV[kind]
    rid = init["id"]
    user = h.user
    created: datetime = init["created_at"]
    state = dict(init, updated_at=created, updated_by=user, deleted_at=None, deleted_by=None, version=1)
    apps: list[dict[str, Any]] = []
    apps_text = ""
    events = sorted(events, key=lambda e: e[0])
    times = h.times_by_unit.setdefault(state["unit_code"], [])
    audit = h.audit

    def row(action: str, at: str, fld: str | None = None, old: Any = None, new: Any = None) -> None:
        audit.append([at, user, action, kind, rid, key, fld, old, new, None])

    srow = _stored(kind, state)
    created_s = rawinsert.sql_datetime(created)
    row("insert", created_s, new=_snapshot(state, apps))
    out = h.versions.setdefault(kind, [])
    open_from = created_s
    times.append(created)
    app_open: dict[int, tuple[str, dict[str, Any]]] = {}
    prev_at = created
    p_upd_at, p_upd_by, p_del_at, p_del_by, p_version = (
        pos[c] for c in ("updated_at", "updated_by", "deleted_at", "deleted_by", "version")
    )
    # ``state`` is changed in place (the previous version's values live on in its stored row)
    for at, action, changes, new_apps in events:
        at = max(at, prev_at + timedelta(minutes=1))  # one change at a time, in order
        at_s = rawinsert.sql_datetime(at)
        new_srow = srow.copy()
        if action == "delete":
            state.update(deleted_at=at, deleted_by=user)
            new_srow[p_del_at], new_srow[p_del_by] = at_s, user
            row("delete", at_s)
        elif action == "restore":
            state.update(deleted_at=None, deleted_by=None)
            new_srow[p_del_at] = new_srow[p_del_by] = None
            row("restore", at_s)
        changed = action != "update"
        for name, value in changes.items():
            old = state[name]
            if old == value:
                continue
            old_t, new_t = audit_text(old), audit_text(value)
            if old_t != new_t:
                row("update", at_s, name, old_t, new_t)
                state[name] = value
                if (i := pos.get(name)) is not None:
                    fn = conv.get(name)
                    new_srow[i] = fn(value) if fn is not None and value is not None else value
                changed = True
        if new_apps is not None:
            new_t = _approval_list(new_apps)
            if apps_text != new_t:
                row("update", at_s, "approvals", apps_text or None, new_t or None)
                _approval_versions(h, app_open, apps, new_apps, at_s)
                apps, apps_text = new_apps, new_t
                changed = True
        if not changed:
            continue
        if action == "update":
            state.update(updated_at=at, updated_by=user)
            new_srow[p_upd_at], new_srow[p_upd_by] = at_s, user
        state["version"] = new_srow[p_version] = state["version"] + 1
        srow.append(open_from)
        srow.append(at_s)
        out.append(srow)
        srow, open_from, prev_at = new_srow, at_s, at
        times.append(at)
    out.append([*srow, open_from, None])
    for a_from, a in app_open.values():
        h.approval_versions.append([*_stored_approval(a), a_from, None])
    if final_apps is not None and len(apps) != len(final_apps):
        raise AssertionError(f"demo station {rid}: approvals {apps} differ from {final_apps}")
    return state, srow


def _approval_versions(
    h: History,
    open_: dict[int, tuple[str, dict[str, Any]]],
    before: list[dict[str, Any]],
    after: list[dict[str, Any]],
    at: str,
) -> None:
    after_by_id = {a["id"]: a for a in after}
    for a in before:
        b = after_by_id.get(a["id"])
        if b is None or b != a:
            a_from, _ = open_.pop(a["id"])
            h.approval_versions.append([*_stored_approval(a), a_from, at])
    for b in after:
        if b["id"] not in open_:
            open_[b["id"]] = (at, b)


def correct(rng: random.Random, final: dict[str, Any]) -> tuple[float, float]:
    """The coordinates a station's coordinate correction (after the week it concerns) sets."""
    lon = round(final["lon"] + rng.choice((-1, 1)) * rng.uniform(0.002, 0.004), 6)
    lat = round(final["lat"] + rng.choice((-1, 1)) * rng.uniform(0.002, 0.003), 6)
    return lon, lat


def apply_correction(
    s: Session, h: History, station: dict[str, Any], lon: float, lat: float, at: datetime
) -> None:
    """Record a coordinate correction of a station already written (its latest change: the demo
    picks a station with nothing recorded in the week before the cut-off), as the Store would:
    audit rows, the register row, and the station's next version."""
    conn = s.connection()
    rid = station["id"]
    row = conn.exec_driver_sql(
        "SELECT lon, lat, valid_from FROM station_history WHERE id = ? AND valid_to IS NULL", (rid,)
    ).first()
    if row is None:  # not in this database (a unit demo of another unit)
        return
    last = datetime.fromisoformat(row[2])
    at = max(at, last + timedelta(minutes=1))  # one change at a time, in order
    audit = [
        [at, h.user, "update", "station", rid, station["key"], name, old_t, new_t, None]
        for name, old, new in (("lon", row[0], lon), ("lat", row[1], lat))
        if (old_t := audit_text(old)) != (new_t := audit_text(new))
    ]
    if not audit:
        return
    stamp = rawinsert.sql_datetime(at)
    from .models import AuditRow
    from .session import AUDIT_COLUMNS

    cols = ", ".join(f'"{c}"' for c in _COLUMNS["station"])
    conn.exec_driver_sql(
        "UPDATE station SET lon = ?, lat = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?",
        (lon, lat, stamp, h.user, rid),
    )
    conn.exec_driver_sql(
        "UPDATE station_history SET valid_to = ? WHERE id = ? AND valid_to IS NULL", (stamp, rid)
    )
    conn.exec_driver_sql(
        f"INSERT INTO station_history ({cols}, valid_from) SELECT {cols}, ? FROM station WHERE id = ?",
        (stamp, rid),
    )
    table: Table = AuditRow.__table__  # type: ignore[assignment]
    rawinsert.to_storage(audit, rawinsert.converters(table, AUDIT_COLUMNS))
    rawinsert.insert_rows(s, table, AUDIT_COLUMNS, audit)
    h.times_by_unit.setdefault(station["unit_code"], []).append(at)


class Writer:
    """Writes what :func:`materialize` collects in a :class:`History` (audit rows, versions) and the
    registers' rows, chunk by chunk (:meth:`flush`), so the demo never holds all of it at once.

    The audit and history tables' indexes by time are dropped first and built once at the end
    (:meth:`finish`): faster than keeping them up to date row by row. ``keep``: only the records of the units it accepts."""

    # the registers keep theirs: the deferred references from stations to venues and poles are
    # resolved through ix_station_venue_id / ix_station_pole_id as each venue and pole comes in
    _TABLES = ("audit_log", "station_history", "venue_history", "pole_history", "approval_history")

    @staticmethod
    def _deferred(found: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
        """The indexes (name, SQL) dropped while the rows come in and built at the end. An index whose
        keys come in (nearly) ascending order as the rows are written — by record id, or all NULL
        (no batch) — costs little to keep up to date and is kept; the others (by time) would be
        updated at random places."""
        kept = ("ix_audit_log_record", "ix_audit_log_batch_id")
        return [(n, sql) for n, sql in found if not (n.endswith("_current") or n in kept)]

    # this connection: 256 MB of pages while it writes; stations are written before the venues and
    # poles they stand at (each register in its own chunks): the references are checked at commit
    _PRAGMAS = ("PRAGMA cache_size=-262144", "PRAGMA defer_foreign_keys=ON")

    def __init__(
        self, s: Session, keep: Callable[[str], bool] | None = None, alone: Path | None = None
    ) -> None:
        """``alone``: the database's file when nobody else has it open (a new demo's): a child
        process writes it (:mod:`demo_writer`), and ``s`` is not used before :meth:`finish` returns."""
        from .models import AuditRow
        from .session import AUDIT_COLUMNS

        self.s = s
        self.keep = keep
        self.registers: dict[str, list[list[Any]]] = {k: [] for k in (*_COLUMNS, "approval")}
        marks = ", ".join("?" * len(self._TABLES))
        indexes = f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks})"
        self._process: demo_writer.ProcessWriter | None = None
        if alone is not None:
            with closing(sqlite3.connect(alone)) as con:
                found: list[tuple[str, str]] = con.execute(indexes, self._TABLES).fetchall()
            self._process = demo_writer.ProcessWriter(alone, _ALONE_PRAGMAS)
            statements = [*self._PRAGMAS, *(f'DROP INDEX "{n}"' for n, _ in self._deferred(found))]
            self._process.send([("", sql, ()) for sql in statements])
        else:
            conn = s.connection()
            for sql in self._PRAGMAS:
                conn.exec_driver_sql(sql)
            found = [(r[0], r[1]) for r in conn.exec_driver_sql(indexes, self._TABLES)]
            for name, _sql in self._deferred(found):
                conn.exec_driver_sql(f'DROP INDEX "{name}"')
            # SQLite inserts on a thread of its own (without Python's lock) while the next records
            # are drawn; a few chunks at most wait for it
            self._inserts = rawinsert.BackgroundInserts(s, pending=24)
        self._indexes = [sql for _name, sql in self._deferred(found)]
        audit_table: Table = AuditRow.__table__  # type: ignore[assignment]
        self._audit = (audit_table, list(AUDIT_COLUMNS))
        self._versions = {
            k: (HISTORY_TABLES[k], [*cols, "valid_from", "valid_to"])
            for k, cols in (*_COLUMNS.items(), ("approval", _APPROVAL_COLUMNS))
        }
        self._registers = {
            "station": (StationRow.__table__, _COLUMNS["station"]),
            "venue": (VenueRow.__table__, _COLUMNS["venue"]),
            "pole": (PoleRow.__table__, _COLUMNS["pole"]),
            "approval": (ApprovalRow.__table__, _APPROVAL_COLUMNS),
        }

    def add(self, kind: str, row: list[Any], approvals: Iterable[dict[str, Any]] = ()) -> None:
        """A record's row as it now stands, in storage form (and a station's approvals), for its register."""
        self.registers[kind].append(row)
        for a in approvals:
            self.registers["approval"].append(_stored_approval(a))

    def flush(self, h: History) -> None:
        """Hand what ``h`` and the registers hold so far to the writing thread, and forget it
        (``h.times_by_unit`` stays)."""
        if self.keep is not None:
            self._keep(h, self.keep)
        work: list[tuple[Any, list[str], list[list[Any]]]] = [(*self._audit, h.audit)]
        work += [(*self._versions[k], rows) for k, rows in h.versions.items()]
        work.append((*self._versions["approval"], h.approval_versions))
        work += [(*self._registers[k], rows) for k, rows in self.registers.items()]  # stations first
        h.audit, h.approval_versions = [], []
        _PARTS.clear()  # the next chunk's stations have approvals of their own
        h.versions = {k: [] for k in h.versions}
        self.registers = {k: [] for k in self.registers}
        work = [(table, cols, rows) for table, cols, rows in work if rows]  # already in storage form
        if self._process is not None:
            # plain names (SQLAlchemy's are a str subclass of its own, which the child need not import)
            self._process.send(
                [(str(table.name), [str(c) for c in cols], rows) for table, cols, rows in work]
            )
            return
        for table, cols, rows in work:
            self._inserts.insert(table, cols, rows)

    def _keep(self, h: History, pred: Callable[[str], bool]) -> None:
        h.keep(pred)
        for kind in _COLUMNS:
            idx = _COLUMNS[kind].index("unit_code")
            self.registers[kind][:] = [r for r in self.registers[kind] if pred(r[idx])]
        kept = {r[0] for r in self.registers["station"]}
        sid = _APPROVAL_COLUMNS.index("station_id")
        self.registers["approval"][:] = [a for a in self.registers["approval"] if a[sid] in kept]

    def finish(self, h: History) -> None:
        """Write the rest, wait for the writing thread (or process: it commits), build the indexes."""
        self.flush(h)
        if self._process is not None:
            self._process.send([("", sql, ()) for sql in self._indexes])
            self._process.close()
            return
        self._inserts.close()
        conn = self.s.connection()
        for sql in self._indexes:
            conn.exec_driver_sql(sql)

    def abandon(self) -> None:
        """After an error: stop the writing thread (the caller's transaction is rolled back) or
        process (it commits nothing; the caller throws the file away)."""
        if self._process is not None:
            self._process.abandon()
            return
        with suppress(BaseException):
            self._inserts.close()


# The units' weekly submissions ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Correction:
    unit_code: str
    week: IsoWeek
    at: datetime  # when the corrected return was received


def weeks(last: IsoWeek) -> list[IsoWeek]:
    out, day = [], FIRST_WEEK.start
    while day <= last.start:
        out.append(IsoWeek.containing(day))
        day += timedelta(days=7)
    return out


def submissions(
    rng: random.Random,
    h: History,
    units: list[str],
    corrections: list[tuple[Correction, str]],
    *,
    deadline_hours: int | None = None,
) -> list[dict[str, Any]]:
    """The city's received returns: per unit and week, one (or a corrected pair), or none.

    An on-time return was received before the cut-off and was made from the unit's records as
    they stood when received; a late one was received after the cut-off but before the unit
    recorded anything more (so its content, made as at the cut-off, is the records as at
    received_at too)."""
    out: list[dict[str, Any]] = []
    corrected = {(c.unit_code, str(c.week)): (c, reason) for c, reason in corrections}
    times = {u: sorted(t) for u, t in h.times_by_unit.items()}
    # The demo's last week (2022-W52) is not due yet when the demo ends (its cut-off is at 18:00,
    # the demo stops at noon): the units' returns of that week have not come in.
    last = IsoWeek.containing((END - timedelta(days=1)).date()).prev()
    for week in weeks(last):
        cutoff = week_cutoff(week, deadline_hours)
        for unit in units:
            r = rng.random()
            if r < 0.015 and (unit, str(week)) not in corrected:
                continue  # 未报
            t_unit = times.get(unit, [])
            if r < 0.09:
                received = cutoff + timedelta(hours=rng.randint(1, 70), minutes=rng.randint(0, 59))
                nxt = bisect_right(t_unit, cutoff)
                if nxt < len(t_unit) and t_unit[nxt] <= received:
                    received = t_unit[nxt] - timedelta(seconds=1)
                if received <= cutoff:
                    received = cutoff - timedelta(minutes=rng.randint(5, 90))
            else:
                received = cutoff - timedelta(hours=rng.randint(1, 26), minutes=rng.randint(0, 59))
            first = _submission(unit, week, received, cutoff, 1, None, h.user)
            out.append(first)
            if (unit, str(week)) in corrected:
                c, reason = corrected[(unit, str(week))]
                first["superseded_by"] = len(out) + 1  # ids follow the list order
                out.append(_submission(unit, week, c.at, cutoff, 2, reason, h.user))
    for i, sub in enumerate(out, start=1):
        sub["id"] = i
    return out


def _submission(
    unit: str,
    week: IsoWeek,
    received: datetime,
    cutoff: datetime,
    version: int,
    reason: str | None,
    user: str,
) -> dict[str, Any]:
    name = f"{unit}_{week.compact}_5G周报{'_更正' if reason else ''}.xlsx"
    return dict(
        direction="import",
        kind="unit",
        unit_code=unit,
        iso_week=str(week),
        version=version,
        # the demo holds no workbook bytes: the digest names what it stands for
        content_sha256=hashlib.sha256(f"demo {unit} {week} v{version}".encode()).hexdigest(),
        signature=None,
        signature_status="unsigned",
        file_name=name,
        generated_at=received.isoformat(timespec="seconds"),
        received_at=received,
        user=user,
        late=received > cutoff,
        reason=reason,
        modified_accepted=False,
        superseded_by=None,
        batch_id=None,
        content=None,
    )


def insert_submissions(s: Session, rows: list[dict[str, Any]]) -> None:
    from sqlalchemy import insert, update

    if not rows:
        return
    plain = [{**r, "superseded_by": None} for r in rows]
    s.connection().execute(insert(SubmissionRow), plain)
    for r in rows:
        if r["superseded_by"] is not None:
            s.connection().execute(
                update(SubmissionRow)
                .where(SubmissionRow.id == r["id"])
                .values(superseded_by=r["superseded_by"])
            )
