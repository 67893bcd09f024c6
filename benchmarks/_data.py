"""Shared benchmark data: a unit database with N stations, written straight through SQL (fast)."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from kf5g_desktop.domain import codes
from kf5g_desktop.storage.models import ApprovalRow, PoleRow, StationRow, VenueRow
from kf5g_desktop.storage.store import Store

UNIT = "410221"
NOW = datetime(2021, 2, 7, 16, 0)


def clock() -> datetime:
    return NOW


def make_db(path: Path, n: int, seed: int = 7) -> None:
    """A unit installation for 杞县 holding ``n`` stations (plus venues, poles and approvals)."""
    for p in path.parent.glob(path.name + "*"):
        p.unlink()
    rng = random.Random(seed)
    store = Store.open(path, user="bench", clock=clock)
    store.setup_installation(kind="unit", unit_code=UNIT, user_name="张三", user_phone="0371-23456789")
    unit = store.unit(UNIT)
    towns = [t.code for t in store.townships(UNIT)]
    created = datetime(2021, 1, 1, 9, 0)
    book = dict(created_at=created, created_by="bench", updated_at=created, updated_by="bench")

    def pt() -> tuple[float, float]:
        return (
            round(rng.uniform(unit.lon_min, unit.lon_max), 6),
            round(rng.uniform(unit.lat_min, unit.lat_max), 6),
        )

    nv, npole = max(1, n // 20), max(1, n // 25)
    with store.session() as s:
        venues = []
        for i in range(nv):
            lon, lat = pt()
            venues.append(
                dict(
                    venue_code=f"CS{UNIT}-{i + 1:06d}",
                    unit_code=UNIT,
                    name=f"场所{i + 1}",
                    category="school",
                    owner="教育局",
                    township_code=rng.choice(towns),
                    address=f"人民路{i}号",
                    lon=lon,
                    lat=lat,
                    resources="rooftop,room",
                    opened_on=date(2020, 6, 1),
                    free=True,
                    operators_entered="CMCC,CUCC",
                    contact="王五",
                    phone="0371-2345678",
                    **book,
                )
            )
        s.execute(insert(VenueRow), venues)
        poles = []
        for i in range(npole):
            lon, lat = pt()
            poles.append(
                dict(
                    pole_code=f"GT{UNIT}-{i + 1:06d}",
                    unit_code=UNIT,
                    name=f"路灯杆{i + 1}",
                    sector="municipal",
                    owner="城管局",
                    pole_type="streetlight",
                    smart=False,
                    merged_count=2,
                    township_code=rng.choice(towns),
                    address=f"解放路{i}号",
                    lon=lon,
                    lat=lat,
                    sharing_operators="CTCC",
                    shared_on=date(2020, 9, 1),
                    agreement_no=f"XY-{i:05d}",
                    **book,
                )
            )
        s.execute(insert(PoleRow), poles)
        stations, approvals = [], []
        for i in range(n):
            lon, lat = pt()
            status = rng.choice(["planned", "approving", "building", "on_air", "on_air", "on_air"])
            start = date(2020, 3, 1) + timedelta(days=rng.randrange(300))
            stations.append(
                dict(
                    id=i + 1,
                    unit_code=UNIT,
                    station_code=f"{460000000000 + i}",
                    operator=rng.choice(codes.OPERATOR.codes),
                    name=f"杞县{i}号基站",
                    tower_site_code=f"4102210{i:08d}",
                    sharing_operators="",
                    township_code=rng.choice(towns),
                    address=f"建设路{i}号",
                    lon=lon,
                    lat=lat,
                    station_type="macro",
                    network_mode=rng.choice(["SA", "NSA"]),
                    build_mode="new",
                    scene="township",
                    in_plan=True,
                    in_land_plan=False,
                    status=status,
                    planned_on_air=start + timedelta(days=90),
                    construction_start=start if status in ("building", "on_air") else None,
                    on_air=start + timedelta(days=30) if status == "on_air" else None,
                    power_supply=rng.choice(["direct", "indirect"]),
                    conversion="not_needed",
                    venue_id=rng.randint(1, nv) if i % 3 == 0 else None,
                    pole_id=rng.randint(1, npole) if i % 5 == 0 else None,
                    subsidy_state=None,
                    notes=None,
                    **book,
                )
            )
            approvals.append(
                dict(
                    station_id=i + 1,
                    item="land",
                    applied_on=start - timedelta(days=30),
                    granted_on=start - timedelta(days=5),
                )
            )
        s.execute(insert(StationRow), stations)
        s.execute(insert(ApprovalRow), approvals)
    store.close()
