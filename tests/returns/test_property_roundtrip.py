"""Hypothesis: random valid records survive export → verify (read back) unchanged."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kf5g_desktop.domain import codes
from kf5g_desktop.domain.normalize import normalize_text
from kf5g_desktop.domain.records import Station, Venue
from kf5g_desktop.returns.export import export_return
from kf5g_desktop.returns.verify import verify_file
from tests.returns import factory
from tests.returns.conftest import WEEK

ALPHABET = st.sampled_from([*list("abcXYZ0189 -=+@#、,.;:()（）杞县开封路站😀\n"), "中国", "街道"])
TEXT = st.lists(ALPHABET, min_size=1, max_size=12).map("".join).map(normalize_text).filter(bool)
DAY = st.dates(min_value=date(2020, 1, 1), max_value=date(2021, 2, 7))
LON = st.floats(min_value=114.62, max_value=114.93).map(lambda x: round(x, 6))
LAT = st.floats(min_value=34.30, max_value=34.60).map(lambda x: round(x, 6))


@st.composite
def stations(draw, towns):
    on_air = draw(st.booleans())
    start = draw(DAY)
    op = draw(st.sampled_from(codes.OPERATOR.codes))
    return Station(
        unit_code="410221",
        station_code=draw(st.from_regex(r"[0-9A-Z]{1,18}", fullmatch=True)),
        operator=op,
        name=draw(TEXT),
        tower_site_code=draw(st.none() | st.from_regex(r"0[0-9]{5,15}", fullmatch=True)),
        sharing_operators=draw(
            st.lists(st.sampled_from([c for c in codes.OPERATOR.codes if c != op]), unique=True)
        ),
        township_code=draw(st.sampled_from(towns)),
        address=draw(st.none() | TEXT),
        lon=draw(LON),
        lat=draw(LAT),
        station_type=draw(st.sampled_from(codes.STATION_TYPE.codes)),
        network_mode=draw(st.sampled_from(codes.NETWORK_MODE.codes))
        if on_air
        else draw(st.none() | st.just("SA")),
        build_mode=draw(st.sampled_from(codes.BUILD_MODE.codes)),
        scene=draw(st.none() | st.sampled_from(codes.SCENE.codes)),
        in_plan=draw(st.none() | st.booleans()),
        in_land_plan=draw(st.none() | st.booleans()),
        status="on_air" if on_air else draw(st.sampled_from(["planned", "approving", "suspended"])),
        planned_on_air=draw(st.none() | DAY),
        construction_start=start if on_air else None,
        on_air=start if on_air else None,
        power_supply=draw(st.sampled_from(codes.POWER_SUPPLY.codes)),
        conversion=draw(st.none() | st.sampled_from(codes.CONVERSION.codes[:3])),
        notes=draw(st.none() | TEXT),
    )


@st.composite
def venues(draw, towns):
    free = draw(st.booleans())
    return Venue(
        unit_code="410221",
        name=draw(TEXT),
        category=draw(st.sampled_from(codes.VENUE_CATEGORY.codes)),
        owner=draw(st.none() | TEXT),
        township_code=draw(st.sampled_from(towns)),
        lon=draw(LON),
        lat=draw(LAT),
        resources=draw(st.lists(st.sampled_from(codes.VENUE_RESOURCE.codes), unique=True)),
        opened_on=draw(st.none() | DAY),
        free=free,
        not_free_reason=None if free else draw(TEXT).replace("\n", " "),
        operators_entered=draw(st.lists(st.sampled_from(codes.OPERATOR.codes), unique=True)),
        phone=draw(st.none() | st.from_regex(r"[0-9]{3,4}-[0-9]{7,8}", fullmatch=True)),
        notes=draw(st.none() | TEXT),
    )


TOWNS = ["410221001", "410221002", "410221100"]


def _norm(rec, names):
    out = {}
    for n in names:
        v = getattr(rec, n)
        out[n] = sorted(v) if isinstance(v, list) else (v if v not in ("", []) else None)
    return out


STATION_FIELDS = [
    f
    for f in Station.__dataclass_fields__
    if f
    not in (
        "id",
        "meta",
        "approvals",
        "venue_id",
        "pole_id",
        "venue_code",
        "pole_code",
        "mast_type",
        "conversion_planned_on",
        "conversion_done_on",
        "subsidy_state",
    )
]
VENUE_FIELDS = [f for f in Venue.__dataclass_fields__ if f not in ("id", "meta", "station_count")]


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(st.data())
def test_random_records_round_trip(data):
    towns = TOWNS
    with tempfile.TemporaryDirectory() as tmp:
        store = factory.open_store(Path(tmp) / "u.db")
        try:
            real_towns = [t.code for t in store.townships("410221")]
            towns = [t for t in towns if t in real_towns] or real_towns[:3]
            sts = data.draw(
                st.lists(stations(towns), max_size=6, unique_by=lambda s: (s.operator, s.station_code))
            )
            vs = data.draw(st.lists(venues(towns), max_size=3))
            store.save_many(vs)
            store.save_many(sts)
            res = export_return(store, WEEK, Path(tmp), record=False)
            got = verify_file(store, res.path)
            assert got.ok, got.messages()
            want_st = sorted((_norm(s, STATION_FIELDS) for s in store.query("station")), key=repr)
            got_st = sorted((_norm(p.record, STATION_FIELDS) for p in got.stations), key=repr)
            assert got_st == want_st
            want_v = sorted((_norm(v, VENUE_FIELDS) for v in store.query("venue")), key=repr)
            got_v = sorted((_norm(p.record, VENUE_FIELDS) for p in got.venues), key=repr)
            for w in want_v:
                w["station_count"] = 0
            assert [{k: v for k, v in g.items() if k != "station_count"} for g in got_v] == [
                {k: v for k, v in w.items() if k != "station_count"} for w in want_v
            ]
        finally:
            store.close()
