"""Realistic, valid register data for return tests (records go through the real Store)."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from kf5g_desktop.domain import codes
from kf5g_desktop.domain.boundaries import unit_boundary
from kf5g_desktop.domain.records import Approval, Pole, Station, Venue
from kf5g_desktop.storage.store import Store

NOW = datetime(2021, 2, 7, 16, 0)  # Sunday of 2021-W05
FIRST_DAY = date(2020, 3, 1)


def fixed_clock(now: datetime = NOW):
    state = {"now": now}

    def clock() -> datetime:
        return state["now"]

    clock.state = state  # type: ignore[attr-defined]
    return clock


def open_store(path, *, kind="unit", unit="410221", clock=None, user="张三") -> Store:
    store = Store.open(path, user=user, clock=clock or fixed_clock())
    store.setup_installation(
        kind=kind, unit_code=unit, user_name=user, user_phone="0371-23456789", reviewer="李四"
    )
    return store


def _day(rng: random.Random, last: date) -> date:
    return FIRST_DAY + timedelta(days=rng.randrange((last - FIRST_DAY).days + 1))


def make_records(
    store: Store, unit_code: str, n_stations: int = 30, *, seed: int = 1, today: date | None = None
):
    """Create venues, poles and stations (with approvals) for one unit; returns the saved records."""
    rng = random.Random(seed)
    today = today or store.today()
    unit = store.unit(unit_code)
    towns = store.townships(unit_code)

    boundary = unit_boundary(unit_code)

    def point():
        # inside the unit's polygon (two draws from rng, as a box point took)
        return boundary.random_point(rng)

    venues = []
    for i in range(max(2, n_stations // 10)):
        lon, lat = point()
        free = rng.random() > 0.2
        venues.append(
            Venue(
                unit_code=unit_code,
                name=f"{unit.name}第{i + 1}中学" if i % 2 else f"{unit.name}政务中心{i + 1}",
                category=rng.choice(codes.VENUE_CATEGORY.codes),
                owner=f"{unit.name}教育局",
                township_code=rng.choice(towns).code,
                address=f"{unit.name}人民路{i + 1}号",
                lon=lon,
                lat=lat,
                resources=rng.sample(codes.VENUE_RESOURCE.codes, 2),
                opened_on=_day(rng, today),
                free=free,
                not_free_reason=None if free else "收取电费",
                operators_entered=rng.sample(codes.OPERATOR.codes, 2),
                contact="王五",
                phone="0371-2345678",
                notes="=SUM(A1)" if i == 0 else None,
            )
        )
    store.save_many(venues)
    venues = store.query("venue")
    poles = []
    for i in range(max(2, n_stations // 15)):
        lon, lat = point()
        poles.append(
            Pole(
                unit_code=unit_code,
                name=f"路灯杆{i + 1}",
                sector=rng.choice(codes.POLE_SECTOR.codes),
                owner="城管局",
                pole_type=rng.choice(codes.POLE_TYPE.codes),
                smart=rng.random() > 0.5,
                merged_count=rng.randint(1, 5),
                township_code=rng.choice(towns).code,
                address=f"{unit.name}解放路{i + 1}号",
                lon=lon,
                lat=lat,
                sharing_operators=rng.sample(codes.OPERATOR.codes, 1),
                shared_on=_day(rng, today),
                agreement_no=f"XY-2021-{i:03d}",
                notes="+86 备注" if i == 0 else None,
            )
        )
    store.save_many(poles)
    venues = [v for v in store.query("venue") if v.unit_code == unit_code]
    poles = [p for p in store.query("pole") if p.unit_code == unit_code]
    stations = []
    for i in range(n_stations):
        status = rng.choice(["planned", "approving", "building", "on_air", "on_air", "on_air", "suspended"])
        op = rng.choice(codes.OPERATOR.codes)
        lon, lat = point()
        start = _day(rng, today - timedelta(days=30))
        on_air = start + timedelta(days=rng.randint(1, 29)) if status == "on_air" else None
        applied = start - timedelta(days=rng.randint(10, 60))
        approvals = [Approval("land", applied, applied + timedelta(days=rng.randint(1, 40)))]
        if rng.random() > 0.5:
            approvals.append(Approval("power", applied, None, "等待供电公司"))
        if rng.random() > 0.7:
            approvals.append(Approval("environment", None, None, "无需申请"))
        sharing = [o for o in rng.sample(codes.OPERATOR.codes, rng.randint(0, 2)) if o != op]
        stations.append(
            Station(
                unit_code=unit_code,
                station_code=f"{rng.randint(10**11, 10**12 - 1)}" if i else f"00{unit_code}12345678",
                operator=op,
                name=f"{unit.name}{rng.choice(towns).name}{i + 1}号站" if i != 1 else "-开头的站名",
                tower_site_code=f"41022{rng.randint(10**9, 10**10 - 1)}" if rng.random() > 0.3 else None,
                sharing_operators=sharing,
                township_code=rng.choice(towns).code,
                address=f"{unit.name}建设路{i}号" if i != 2 else "@某地",
                lon=lon,
                lat=lat,
                station_type=rng.choice(codes.STATION_TYPE.codes),
                network_mode=rng.choice(["SA", "NSA"]),
                build_mode=rng.choice(codes.BUILD_MODE.codes),
                scene=rng.choice(codes.SCENE.codes),
                in_plan=rng.random() > 0.2,
                in_land_plan=rng.choice([True, False, None]),
                status=status,
                planned_on_air=start + timedelta(days=60),
                construction_start=start if status in ("building", "on_air") else None,
                on_air=on_air,
                power_supply=rng.choice(["direct", "indirect"]),
                conversion=rng.choice(codes.CONVERSION.codes[:3]),
                venue_id=rng.choice(venues).id if rng.random() > 0.6 else None,
                pole_id=rng.choice(poles).id if rng.random() > 0.7 else None,
                subsidy_state=rng.choice([None, "pending", "applied"]) if status == "on_air" else None,
                notes="=1+1 公式样文字" if i == 3 else ("表情😀" if i == 4 else None),
                approvals=approvals,
            )
        )
    # subsidy_state applied/paid only for SA on-air (a warning otherwise, keep data clean)
    for s in stations:
        if s.subsidy_state == "applied" and not (s.network_mode == "SA" and s.status == "on_air"):
            s.subsidy_state = None
    store.save_many(stations)
    return stations
