"""Demo data: a realistic, reproducible database to explore, train on and benchmark.

About 2,600 stations over 2020–2022 whose on-air dates follow the plan's curve (≈1,500 on air by the
end of 2020, ≈2,500 by the end of 2021), all four operators with co-built stations (电信/联通 share
one network, 移动/广电 co-build 700 MHz), SA and NSA, every status, approvals with plausible lead
times, 直供电/转供电 with conversions, and a few hundred venues and poles at real Kaifeng places.
Every record's creation and change times are back-dated to when an officer would have keyed it in,
so returns and reports for past weeks see the register as it stood then.

Rows are written with bulk inserts (one transaction) so 100,000 stations take seconds.
"""

from __future__ import annotations

import gc
import os
import random
import sqlite3
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import event, func, insert, select
from sqlalchemy.orm import Session

from kf5g_desktop.domain.boundaries import unit_boundary
from kf5g_desktop.domain.kinds import record_key
from kf5g_desktop.domain.periods import IsoWeek, week_cutoff
from kf5g_desktop.domain.units import Township, Unit
from kf5g_desktop.domain.values import CITY, UNIT

from . import demo_history, demo_places
from .db import WRITE_OPTION, WriterLock, make_engine
from .demo_places import (
    CURVE,
    FEATURES,
    GIVEN,
    LANDMARKS,
    ON_AIR_SHARE,
    OP_PREFIX,
    OTHER_STATUSES,
    PROBLEMS,
    ROADS,
    SURNAMES,
    UNIT_WEIGHTS,
)
from .errors import StorageError
from .models import (
    SettingRow,
    StationRow,
    WeekNoteRow,
)
from .session import open_session
from .settings import S_DEMO, S_PHONE, S_REVIEWER, S_USER, kind_settings
from .store import Store

DEFAULT_STATIONS = 2600
DEMO_USER = "演示用户"
OPERATORS = ("CMCC", "CUCC", "CTCC", "CBN")


@dataclass(frozen=True, slots=True)
class DemoSummary:
    stations: int
    approvals: int
    venues: int
    poles: int
    on_air_2020: int
    on_air_2021: int


def _curve_date(rng: random.Random, u: float) -> date:
    """Invert the cumulative curve: u in [0, ON_AIR_SHARE) → an on-air date."""
    shares = [s for _, s in CURVE]
    i = max(1, min(bisect_right(shares, u), len(CURVE) - 1))
    (d0, s0), (d1, s1) = CURVE[i - 1], CURVE[i]
    frac = (u - s0) / (s1 - s0) if s1 > s0 else 0.0
    return d0 + timedelta(days=int(frac * (d1 - d0).days))


def _at(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(rng.randint(8, 17), rng.randint(0, 59), rng.randint(0, 59)))


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _some_of(rng: random.Random, choices: tuple[str, ...], most: int) -> str:
    """One to ``most`` of ``choices`` drawn at random, stored as a list field is: in their order,
    comma-separated."""
    chosen = rng.sample(choices, rng.randint(1, most))
    return ",".join(c for c in choices if c in chosen)


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"0371-2{rng.randint(0, 9999999):07d}"
    return f"1{rng.choice('3589')}{rng.randint(0, 999999999):09d}"


def _point(rng: random.Random, unit: Unit) -> tuple[float, float]:
    # Inside the unit's boundary polygon, a few hundred metres from its border.
    boundary = unit_boundary(unit.code)
    if boundary is not None:
        return boundary.random_point(rng, margin_m=300)
    mx = (unit.lon_max - unit.lon_min) * 0.1
    my = (unit.lat_max - unit.lat_min) * 0.1
    return (
        round(rng.uniform(unit.lon_min + mx, unit.lon_max - mx), 6),
        round(rng.uniform(unit.lat_min + my, unit.lat_max - my), 6),
    )


def _pick_units(rng: random.Random, units: Sequence[Unit], n: int) -> list[Unit]:
    weights = [UNIT_WEIGHTS.get(u.code, 0.1) for u in units]
    return rng.choices(list(units), weights=weights, k=n)


def generate_demo(
    path: Path | str,
    *,
    unit_code: str | None = None,
    stations: int | None = None,
    seed: int = 2020,
) -> DemoSummary:
    """Fill ``path`` with demo data (creating it). Refuses a database holding non-demo records.

    The city's data is generated for ``stations`` stations (default 2,600) and ``seed``; with
    ``unit_code`` the database gets exactly that unit's slice of it (the same codes, records, ids
    and history) as a unit installation, so a unit demo's return imports into the city demo of the
    same seed as unchanged records.

    A file the demo makes itself (none there, or an earlier demo's, removed) is written under a
    temporary name without a journal and without waiting for the disk (nothing else can see it;
    if the demo fails or is killed there is no half-made database to protect, only a temporary
    file to remove), then switched to WAL, made durable and renamed into place: the database
    appears complete or not at all. An existing empty database (the window's first start) is
    filled in place, in one ordinary transaction.
    """
    path = Path(path)
    stations = DEFAULT_STATIONS if stations is None else stations
    if stations < 1:
        raise StorageError("演示基站数量至少为 1。")
    if not _prepare_file(path):
        return _generate(path, unit_code, stations, seed, bulk=False)
    lock = WriterLock(path)  # the name is taken while the file is made under another one
    lock.acquire(DEMO_USER)
    tmp = path.with_name(path.name + _TMP_SUFFIX)
    try:
        _remove_database(tmp)  # a killed demo's leftover
        summary = _generate(tmp, unit_code, stations, seed, bulk=True)
        with sqlite3.connect(tmp) as con:  # the file's mode from now on: as every database of ours
            con.execute("PRAGMA journal_mode=WAL")
        con.close()
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        for suffix in ("-wal", "-shm", "-journal"):  # a stray one would be read as the new file's
            with suppress(FileNotFoundError):
                path.with_name(path.name + suffix).unlink()
        os.replace(tmp, path)
        _fsync_folder(path.parent)
        return summary
    finally:
        _remove_database(tmp)
        lock.release()


_TMP_SUFFIX = ".demo-tmp"


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal", ".lock"):
        p = path.with_name(path.name + suffix)
        if p.exists():
            p.unlink()


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder to fsync it; its renames are journalled
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _generate(path: Path, unit_code: str | None, stations: int, seed: int, *, bulk: bool) -> DemoSummary:
    store = Store.open(path, user=DEMO_USER)
    try:
        units = store.units()
        if unit_code is not None and unit_code not in {u.code for u in units}:
            raise StorageError(f"区县代码“{unit_code}”不是开封市的区县，请用 410202—410225 中的代码。")
        towns = store.townships()
        if bulk:
            store.close()
        # Millions of small rows and dicts, none of them in a reference cycle: the cyclic garbage
        # collector would walk them all again and again (a fifth of the time at 100,000 stations).
        gc_was_on = gc.isenabled()
        gc.disable()
        try:
            with _bulk_session(path) if bulk else store.session(write=True) as s:
                summary = _fill(
                    s,
                    random.Random(seed),
                    units,
                    towns,
                    stations,
                    only_unit=unit_code,
                    alone=path if bulk else None,
                )
                s.flush()
                settings = {
                    **kind_settings(UNIT if unit_code else CITY, unit_code),
                    S_USER: DEMO_USER,
                    S_PHONE: "0371-23888888",
                    S_REVIEWER: "李审核",
                    S_DEMO: "1",
                }
                for k, v in settings.items():
                    s.merge(SettingRow(key=k, value=v))
        finally:
            if gc_was_on:
                gc.enable()
        return summary
    finally:
        store.close()


@contextmanager
def _bulk_session(path: Path) -> Iterator[Session]:
    """A write session on a database nobody else sees yet: no rollback journal, no fsync (the
    caller throws the file away on any error)."""
    engine = make_engine(path)

    @event.listens_for(engine, "connect")
    def _unjournalled(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.execute("PRAGMA journal_mode=OFF")
        dbapi_conn.execute("PRAGMA synchronous=OFF")

    try:
        with open_session(engine.execution_options(**{WRITE_OPTION: True}), path, write=True) as s:
            yield s
    finally:
        engine.dispose()


def _prepare_file(path: Path) -> bool:
    """A missing file is created; an empty or demo database is replaced; anything else is refused.
    True when no database is there now (the demo makes the file itself), False for an empty
    database kept to be filled."""
    if not path.exists() or path.stat().st_size == 0:
        return True
    store = Store.open(path)
    try:
        counts = store.counts()
        is_demo = store.installation().demo
    finally:
        store.close()
    if sum(counts.values()) == 0:
        return False
    if not is_demo:
        raise StorageError(
            f"数据库“{path}”中已有正式数据（基站 {counts['station']} 个等），演示数据不会覆盖它。"
            "请用 --db 指定另一个文件。"
        )
    for suffix in ("", "-wal", "-shm"):
        p = path.with_name(path.name + suffix)
        if p.exists():
            p.unlink()
    return True


def _corrections(
    rng: random.Random, stations: list[tuple[dict[str, Any], datetime]]
) -> list[tuple[demo_history.Correction, str, dict[str, Any], float, float, datetime]]:
    """Two past weeks whose return a unit corrected: a station's coordinates, found wrong the day
    after the cut-off, are corrected and the week's return sent again with the reason.
    ``stations``: each station's final row and the time of its latest recorded change."""
    out: list[tuple[demo_history.Correction, str, dict[str, Any], float, float, datetime]] = []
    for text_week in ("2021-W12", "2022-W18"):
        week = IsoWeek.parse(text_week)
        cutoff = week_cutoff(week)
        taken = {c.unit_code for c, *_ in out}
        for row, latest in stations:
            if row["unit_code"] in taken or row["status"] != "on_air" or row["on_air"] >= week.start:
                continue
            if latest > cutoff - timedelta(days=7):
                continue
            fixed = datetime.combine(cutoff.date() + timedelta(days=1), time(10, 12))
            lon, lat = demo_history.correct(rng, row)
            reason = f"基站“{row['name']}”（{row['station_code']}）经纬度录入有误，已更正。"
            c = demo_history.Correction(row["unit_code"], week, fixed + timedelta(hours=5))
            out.append((c, reason, row, lon, lat, fixed))
            break
    return out


def _fill(
    s: Any,
    rng: random.Random,
    units: list[Unit],
    towns: Sequence[Township],
    n: int,
    *,
    only_unit: str | None = None,
    alone: Path | None = None,
) -> DemoSummary:
    """Generate the city's demo data (every unit, in one fixed order of random draws) and insert it,
    or with ``only_unit`` just that unit's rows. ``alone``: the database's file, when the demo made
    it and nobody else has it open (its bulk writes then come from a process of their own, and
    ``s`` is first used once they are committed)."""
    towns_by_unit: dict[str, list[Township]] = {}
    for t in towns:
        towns_by_unit.setdefault(t.unit_code, []).append(t)

    def stamp(d: date) -> dict[str, Any]:
        at = _at(d, rng)
        return dict(created_at=at, created_by=DEMO_USER, updated_at=at, updated_by=DEMO_USER)

    # Venues ------------------------------------------------------------------------------------
    venue_rows: list[dict[str, Any]] = []
    unit_codes = {u.code for u in units}
    places = [(uc, name, cat) for uc, name, cat in LANDMARKS if uc in unit_codes]
    n_venues = max(len(places), n // 8)
    generic = [
        ("{t}人民政府", "government"),
        ("{t}中心小学", "school"),
        ("{t}卫生院", "hospital"),
        ("{t}文化广场", "park"),
        ("{t}供电所", "enterprise"),
        ("{t}便民服务中心", "public_institution"),
        ("{t}{r}小区", "residential"),
        ("{r}商务楼", "office"),
        ("{t}客运站", "transport_hub"),
    ]
    unit_by_code = {u.code: u for u in units}
    venue_ids_by_unit: dict[str, list[int]] = {}
    for i in range(n_venues):
        if i < len(places):
            uc, name, cat = places[i]
            unit = unit_by_code[uc]
            town = rng.choice(towns_by_unit[uc])
        else:
            unit = _pick_units(rng, units, 1)[0]
            town = rng.choice(towns_by_unit[unit.code])
            pattern, cat = rng.choice(generic)
            name = pattern.format(t=town.name, r=rng.choice(ROADS))
        opened = date(2020, 4, 1) + timedelta(days=rng.randint(0, 980))
        lon, lat = _point(rng, unit)
        free = rng.random() > 0.04
        vid = i + 1
        venue_ids_by_unit.setdefault(unit.code, []).append(vid)
        resources = _some_of(rng, ("rooftop", "pole", "room", "duct", "power", "indoor_space"), 4)
        ops = _some_of(rng, OPERATORS, 4)
        venue_rows.append(
            dict(
                id=vid,
                venue_code=f"CS{unit.code}-{len(venue_ids_by_unit[unit.code]):04d}",
                unit_code=unit.code,
                name=name,
                category=cat,
                owner=name if cat in ("government", "school", "hospital") else f"{town.name}管理处",
                township_code=town.code,
                address=f"开封市{unit.name}{town.name}{rng.choice(ROADS)}{rng.randint(1, 399)}号",
                lon=lon,
                lat=lat,
                resources=resources,
                opened_on=opened,
                free=free,
                not_free_reason=None if free else "产权单位按协议收取电费分摊",
                operators_entered=ops,
                contact=_name(rng),
                phone=_phone(rng),
                notes=None,
                **stamp(opened - timedelta(days=rng.randint(0, 10))),
            )
        )
    # Poles ---------------------------------------------------------------------------------------
    pole_rows: list[dict[str, Any]] = []
    n_poles = max(len(units) * 4, n // 10)
    pole_kinds = [
        ("municipal", "streetlight", "路灯杆"),
        ("police", "cctv", "监控杆"),
        ("transport", "traffic", "交通信号杆"),
        ("power", "power", "电力杆塔"),
        ("municipal", "smart", "智慧杆"),
        ("telecom", "telecom_tower", "通信铁塔"),
    ]
    pole_ids_by_unit: dict[str, list[int]] = {}
    for i in range(n_poles):
        unit = units[i % len(units)] if i < len(units) * 4 else _pick_units(rng, units, 1)[0]
        town = rng.choice(towns_by_unit[unit.code])
        sector, ptype, word = rng.choices(pole_kinds, weights=[30, 20, 10, 10, 25, 5])[0]
        smart = ptype == "smart" or rng.random() < 0.05
        shared = date(2020, 5, 1) + timedelta(days=rng.randint(0, 950))
        pid = i + 1
        pole_ids_by_unit.setdefault(unit.code, []).append(pid)
        lon, lat = _point(rng, unit)
        road = rng.choice(ROADS)
        ops = _some_of(rng, OPERATORS, 3)
        pole_rows.append(
            dict(
                id=pid,
                pole_code=f"GT{unit.code}-{len(pole_ids_by_unit[unit.code]):04d}",
                unit_code=unit.code,
                name=f"{road}{word}{rng.randint(1, 120)}号",
                sector=sector,
                owner={
                    "municipal": f"开封市城市管理局{unit.name}分局",
                    "police": f"{unit.name}公安局",
                    "transport": f"{unit.name}交通运输局",
                    "power": "国网开封供电公司",
                    "telecom": "中国铁塔开封分公司",
                }.get(sector, "其他"),
                pole_type=ptype,
                smart=smart,
                merged_count=rng.randint(2, 4) if smart else 1,
                township_code=town.code,
                address=f"开封市{unit.name}{town.name}{road}",
                lon=lon,
                lat=lat,
                sharing_operators=ops,
                shared_on=shared,
                agreement_no=f"KF-GX-{shared.year}-{pid:04d}",
                notes=None,
                **stamp(shared - timedelta(days=rng.randint(0, 10))),
            )
        )
    # Stations ------------------------------------------------------------------------------------
    n_other = {st: max(1, round(n * share)) if n >= 200 else 0 for st, share in OTHER_STATUSES}
    n_on_air = n - sum(n_other.values())
    # Stratified draws along the curve: counts by date match the plan closely at any scale.
    us = [(i + rng.random()) / n_on_air * ON_AIR_SHARE for i in range(n_on_air)]
    statuses = ["on_air"] * n_on_air + [st for st, k in n_other.items() for _ in range(k)]
    rng.shuffle(us)
    station_units = _pick_units(rng, units, n)
    station_rows: list[dict[str, Any]] = []
    approval_rows: list[dict[str, Any]] = []
    seq = {op: 0 for op in OP_PREFIX}
    approval_id = 0
    ui = 0
    for i, status in enumerate(statuses):
        sid = i + 1
        unit = station_units[i]
        town = rng.choice(towns_by_unit[unit.code])
        op = rng.choices(["CMCC", "CTCC", "CUCC", "CBN"], weights=[40, 28, 22, 10])[0]
        sharing = ""
        r = rng.random()
        if (op == "CTCC" and r < 0.85) or (op == "CUCC" and r < 0.85):
            sharing = "CUCC" if op == "CTCC" else "CTCC"
        elif (op == "CMCC" and r < 0.2) or (op == "CBN" and r < 0.7):
            sharing = "CBN" if op == "CMCC" else "CMCC"
        seq[op] += 1
        stype = rng.choices(["macro", "micro", "indoor", "pole"], weights=[70, 10, 15, 5])[0]
        if status == "on_air":
            on_air: date | None = _curve_date(rng, us[ui])
            ui += 1
            assert on_air is not None
            start: date | None = on_air - timedelta(days=rng.randint(20, 90))
            planned = on_air + timedelta(days=rng.randint(-45, 20))
        else:
            on_air = None
            planned = date(2022, 6, 1) + timedelta(days=rng.randint(0, 360))
            start = planned - timedelta(days=rng.randint(20, 60)) if status == "building" else None
            if start is not None and start > date(2022, 12, 20):
                start = date(2022, 12, 20) - timedelta(days=rng.randint(0, 60))
        anchor = start or (planned - timedelta(days=rng.randint(60, 150)))
        if status in ("planned", "approving", "suspended", "cancelled") and anchor > date(2022, 12, 1):
            anchor = date(2022, 9, 1) + timedelta(days=rng.randint(0, 90))
        mode: str | None = None
        if on_air is not None:
            sa_chance = 0.3 if on_air < date(2020, 9, 30) else 0.85
            mode = "SA" if rng.random() < sa_chance else "NSA"
        elif status == "building":
            mode = "SA"
        build_mode = rng.choices(["new", "colocated", "reuse"], weights=[45, 45, 10])[0]
        # Approvals: applied before construction, granted after a lead time.
        first = anchor
        items = ["radio", "power"] if build_mode != "new" else ["land", "environment", "radio", "power"]
        for item in items:
            if status in ("planned", "cancelled") or (status == "suspended" and rng.random() < 0.5):
                continue
            applied = anchor - timedelta(days=rng.randint(15, 120))
            lead = int(rng.lognormvariate(2.6, 0.6))  # median ~13 days, a long tail past 30
            granted: date | None = applied + timedelta(days=max(1, lead))
            if status == "approving" and rng.random() < 0.6:
                granted = None
            if granted is not None and on_air is not None and granted > on_air:
                granted = on_air - timedelta(days=1)
                applied = min(applied, granted)
            approval_id += 1
            approval_rows.append(
                dict(
                    id=approval_id,
                    station_id=sid,
                    item=item,
                    applied_on=applied,
                    granted_on=granted,
                    notes=None,
                )
            )
            first = min(first, applied)
        power: str | None = "direct" if rng.random() < 0.55 else "indirect"
        conversion = "not_needed" if power == "direct" else None
        conv_planned = conv_done = None
        if power == "indirect" and on_air is not None:
            r = rng.random()
            if r < 0.58:
                conversion, power = "done", "direct"
                conv_done = max(on_air, date(2021, 1, 1)) + timedelta(days=rng.randint(10, 500))
                conv_done = min(conv_done, date(2022, 12, 20))
                conv_planned = conv_done - timedelta(days=rng.randint(10, 60))
            elif r < 0.75:
                conversion = "planned"
                conv_planned = date(2022, 10, 1) + timedelta(days=rng.randint(0, 150))
            elif r < 0.85:
                conversion = "in_progress"
            else:
                conversion = "infeasible"
        if on_air is None:
            power = rng.choice(["direct", "indirect", None])
            conversion = None
        subsidy = "na"
        if mode == "SA" and on_air is not None:
            subsidy = (
                "paid" if on_air < date(2021, 6, 1) else "applied" if on_air < date(2022, 3, 1) else "pending"
            )
        venue_id = pole_id = None
        venue_chance = {"indoor": 0.6, "macro": 0.12}.get(stype, 0.0)
        if rng.random() < venue_chance and venue_ids_by_unit.get(unit.code):
            venue_id = rng.choice(venue_ids_by_unit[unit.code])
        elif stype == "pole" and rng.random() < 0.9 and pole_ids_by_unit.get(unit.code):
            pole_id = rng.choice(pole_ids_by_unit[unit.code])
        lon, lat = _point(rng, unit)
        created = first - timedelta(days=rng.randint(1, 20))
        feature = rng.choice(FEATURES)
        if unit.kind == "district":
            scene = rng.choices(["urban", "vertical", "indoor_key"], weights=[75, 10, 15])[0]
        else:
            scene = rng.choices(
                ["urban", "township", "rural", "vertical", "indoor_key"], weights=[35, 30, 20, 5, 10]
            )[0]
        if stype == "indoor":
            scene = "indoor_key"
        code = f"{OP_PREFIX[op]}{seq[op]:06d}"
        row = dict(
            id=sid,
            unit_code=unit.code,
            station_code=code,
            operator=op,
            name=f"{town.name}{feature}{'室分' if stype == 'indoor' else ''}{seq[op] % 97 + 1}",
            tower_site_code=f"{unit.code}9{sid:08d}" if rng.random() < 0.8 else None,
            sharing_operators=sharing,
            township_code=town.code,
            address=f"开封市{unit.name}{town.name}{rng.choice(ROADS)}{rng.randint(1, 599)}号",
            lon=lon,
            lat=lat,
            station_type=stype,
            network_mode=mode,
            build_mode=build_mode,
            scene=scene,
            mast_type=None
            if stype != "macro"
            else rng.choice(["angle_steel", "single_tube", "landscape", "roof_pole", "roof_tower"]),
            in_plan=rng.random() < 0.95,
            in_land_plan=rng.random() < 0.6,
            status=status,
            planned_on_air=planned,
            construction_start=start,
            on_air=on_air,
            power_supply=power,
            conversion=conversion,
            conversion_planned_on=conv_planned,
            conversion_done_on=conv_done,
            venue_id=venue_id,
            pole_id=pole_id,
            subsidy_state=subsidy,
            notes="共建共享站点" if sharing else None,
        )
        created_at = _at(created, rng)
        row.update(created_at=created_at, created_by=DEMO_USER, updated_at=created_at, updated_by=DEMO_USER)
        station_rows.append(row)
    # its own random stream, seeded by the draws so far: the demo's other draws stay as they were
    demo_places.plant_duplicates(station_rows, f"duplicates/{n}/{station_rows[-1]['lon']!r}")
    if alone is None and s.scalar(select(func.count()).select_from(StationRow)):
        raise StorageError("数据库中已有基站，演示数据未写入。")  # a file of its own is new
    # Each record's history is drawn, materialized and written in turn, a chunk at a time: the
    # demo never holds every audit row and version at once.
    hist = demo_history.History(DEMO_USER)
    writer = demo_history.Writer(s, None if only_unit is None else (lambda u: u == only_unit), alone)
    hrng = random.Random(rng.getrandbits(64))
    apps_by_station: dict[int, list[dict[str, Any]]] = {}
    for a in approval_rows:
        apps_by_station.setdefault(a["station_id"], []).append(a)
    try:
        chunk = 2000
        latest: list[tuple[dict[str, Any], datetime]] = []  # (station, its latest change) for _corrections
        on_air_days: list[date] = []
        for i, srow in enumerate(station_rows):
            apps = apps_by_station.get(srow["id"], [])
            init, events = demo_history.station_events(hrng, srow, apps)
            latest.append((srow, max((e[0] for e in events), default=srow["created_at"])))
            key = record_key("station", SimpleNamespace(**srow))
            state, stored = demo_history.materialize(hist, "station", key, init, events, apps)
            writer.add("station", stored, apps)
            if state["on_air"] is not None and (only_unit is None or state["unit_code"] == only_unit):
                on_air_days.append(state["on_air"])
            if i % chunk == chunk - 1:
                writer.flush(hist)
        writer.flush(hist)
        for kind, rows in (("venue", venue_rows), ("pole", pole_rows)):
            for i, rrow in enumerate(rows):
                init, events = demo_history.register_events(hrng, rrow)
                key = record_key(kind, SimpleNamespace(**rrow))
                writer.add(kind, demo_history.materialize(hist, kind, key, init, events)[1])
                if i % chunk == chunk - 1:
                    writer.flush(hist)
            writer.flush(hist)
        counts = {
            "venue": sum(1 for r in venue_rows if only_unit in (None, r["unit_code"])),
            "pole": sum(1 for r in pole_rows if only_unit in (None, r["unit_code"])),
            "station": sum(1 for r in station_rows if only_unit in (None, r["unit_code"])),
        }
        kept_stations = {r["id"] for r in station_rows if only_unit in (None, r["unit_code"])}
        n_approvals = sum(1 for a in approval_rows if a["station_id"] in kept_stations)
        corrections = _corrections(hrng, latest)
        demo_places.settle_corrections(station_rows, corrections)
        del latest, apps_by_station
        writer.finish(hist)
    except BaseException:
        writer.abandon()
        raise
    finally:
        demo_history.forget()
    for _c, _reason, row, lon, lat, fixed in corrections:
        station = dict(row, key=record_key("station", SimpleNamespace(**row)))
        demo_history.apply_correction(s, hist, station, lon, lat, fixed)
    notes = []  # a problems note for recent weeks of 2021 in every unit, for the weekly report
    for unit in units:
        for week in (3, 4, 5, 6):
            notes.append(
                dict(
                    unit_code=unit.code,
                    iso_week=f"2021-W{week:02d}",
                    problems=rng.choice(PROBLEMS),
                    reviewer="李审核",
                    updated_at=datetime(2021, 1, 4) + timedelta(weeks=week),
                    updated_by=DEMO_USER,
                )
            )
    if only_unit is not None:
        notes = [r for r in notes if r["unit_code"] == only_unit]
    s.connection().execute(insert(WeekNoteRow), notes)
    if only_unit is None:  # the city has received the units' weekly returns
        subs = demo_history.submissions(
            hrng, hist, [u.code for u in units], [(c, reason) for c, reason, *_ in corrections]
        )
        demo_history.insert_submissions(s, subs)
    on2020 = sum(1 for d in on_air_days if d <= date(2020, 12, 31))
    on2021 = sum(1 for d in on_air_days if d <= date(2021, 12, 31))
    return DemoSummary(counts["station"], n_approvals, counts["venue"], counts["pole"], on2020, on2021)
