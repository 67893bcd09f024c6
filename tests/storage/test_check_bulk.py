"""``kf5g check`` validates in bulk (``storage.writes.check_records``: the registers screened column
by column, only the rows that may break a rule validated one by one). It must report exactly the
problems of validating every record (``check_records_one_by_one``), in the same order — held here on
varied data written straight into a real database (bypassing the Store's own validation)."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kf5g_desktop.domain import codes
from kf5g_desktop.storage import writes
from kf5g_desktop.storage.models import ApprovalRow, PoleRow, StationRow, VenueRow
from kf5g_desktop.storage.store import Store

TOWNS = ["410221101", "410221001", "410202001", "410223100", "410221999", "", None]
UNITS = ["410221", "410202", "410223", "999999", ""]
BOOK = dict(
    created_at="2021-01-01 09:00:00", created_by="t", updated_at="2021-01-01 09:00:00", updated_by="t"
)


def code(cl: codes.CodeList, nullable: bool = True) -> st.SearchStrategy[object]:
    extra = ["", "XX"] + ([None] if nullable else [])
    return st.sampled_from([*cl.codes, *extra])


def code_list(cl: codes.CodeList) -> st.SearchStrategy[str]:
    parts = st.lists(st.sampled_from([*cl.codes, "ZZ", ""]), max_size=3)
    return parts.map(",".join)


days = st.sampled_from([-400, -31, -1, 0, 1, 30]).map(
    lambda d: (date(2021, 2, 8) + timedelta(days=d)).isoformat()
)
opt_day = st.none() | days
coord = st.sampled_from(
    [None, (114.78, 34.55), (114.30, 34.80), (120.0, 34.5), (114.5, 40.0), (114.78, None)]
)


def place() -> dict[str, st.SearchStrategy[object]]:
    return {"unit_code": st.sampled_from(UNITS), "township_code": st.sampled_from(TOWNS), "coord": coord}


def varied(
    valid: dict[str, object], choices: dict[str, st.SearchStrategy[object]]
) -> st.SearchStrategy[dict]:
    """A valid row with up to two of its fields drawn from ``choices`` (valid values or not), so
    that a rule the screen missed shows on a row that breaks nothing else."""
    changes = st.lists(st.sampled_from(sorted(choices)), max_size=2, unique=True).flatmap(
        lambda names: st.fixed_dictionaries({n: choices[n] for n in names})
    )

    def merge(ch: dict[str, object]) -> dict[str, object]:
        row = {**valid, **ch}
        c = row.pop("coord", ch.get("coord", (114.78, 34.55)))
        row["lon"], row["lat"] = c if c is not None else (None, None)
        return row

    return st.tuples(changes, st.booleans()).map(
        lambda t: {**merge(t[0]), "deleted": t[1] and len(t[0]) == 1}
    )


VALID_STATION = dict(
    unit_code="410221",
    township_code="410221101",
    coord=(114.78, 34.55),
    operator="CMCC",
    name="杞县一中",
    status="on_air",
    sharing_operators="",
    station_type="macro",
    network_mode="SA",
    build_mode="new",
    scene=None,
    mast_type=None,
    power_supply="direct",
    conversion=None,
    subsidy_state=None,
    construction_start="2020-10-01",
    on_air="2021-01-20",
    conversion_done_on=None,
    approvals=[("land", "2020-08-01", "2020-09-01")],
)
station_row = varied(
    VALID_STATION,
    {
        **place(),
        "operator": code(codes.OPERATOR, nullable=False),
        "name": st.sampled_from(["杞县一中", ""]),
        "status": st.sampled_from([*codes.STATUS.codes, "bogus", ""]),
        "sharing_operators": code_list(codes.OPERATOR),
        "station_type": code(codes.STATION_TYPE),
        "network_mode": code(codes.NETWORK_MODE),
        "build_mode": code(codes.BUILD_MODE),
        "scene": code(codes.SCENE),
        "mast_type": code(codes.MAST_TYPE),
        "power_supply": code(codes.POWER_SUPPLY),
        "conversion": code(codes.CONVERSION),
        "subsidy_state": code(codes.SUBSIDY_STATE),
        "construction_start": opt_day,
        "on_air": opt_day,
        "conversion_done_on": opt_day,
        "approvals": st.lists(
            st.tuples(st.sampled_from([*codes.APPROVAL_ITEM.codes, "zz"]), opt_day, opt_day), max_size=3
        ),
    },
)
venue_row = varied(
    dict(
        unit_code="410221",
        township_code="410221101",
        coord=None,
        name="场所",
        category="school",
        resources="rooftop",
        operators_entered="CMCC",
        opened_on="2020-06-01",
        free=1,
        not_free_reason=None,
        phone="0371-23456789",
    ),
    {
        **place(),
        "name": st.sampled_from(["场所", ""]),
        "category": code(codes.VENUE_CATEGORY),
        "resources": code_list(codes.VENUE_RESOURCE),
        "operators_entered": code_list(codes.OPERATOR),
        "opened_on": opt_day,
        "free": st.sampled_from([None, 0, 1]),
        "not_free_reason": st.sampled_from([None, "", "收费"]),
        "phone": st.sampled_from([None, "", "0371-23456789", "电话", "-1"]),
    },
)
pole_row = varied(
    dict(
        unit_code="410221",
        township_code=None,
        coord=(114.78, 34.55),
        name="路灯杆",
        sector="municipal",
        pole_type="streetlight",
        sharing_operators="CTCC",
        shared_on="2020-09-01",
        merged_count=2,
    ),
    {
        **place(),
        "name": st.sampled_from(["路灯杆", ""]),
        "sector": code(codes.POLE_SECTOR),
        "pole_type": code(codes.POLE_TYPE),
        "sharing_operators": code_list(codes.OPERATOR),
        "shared_on": opt_day,
        "merged_count": st.sampled_from([None, 0, 1, 50, 99, 100]),
    },
)


def _insert(con: sqlite3.Connection, table: object, rows: list[dict[str, object]]) -> None:
    names = [c.name for c in table.columns if c.name != "version"]  # type: ignore[attr-defined]  # default 1
    con.executemany(
        f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",  # type: ignore[attr-defined]
        [[r.get(n) for n in names] for r in rows],
    )


def write(path, stations, venues, poles) -> None:  # type: ignore[no-untyped-def]
    """The rows as given, through a plain connection (no foreign keys, no validation)."""
    con = sqlite3.connect(path)
    try:
        for t in ("approval", "station", "venue", "pole"):
            con.execute(f"DELETE FROM {t}")
        rows, approvals = [], []
        for i, r in enumerate(stations, 1):
            deleted = "2021-01-05 10:00:00" if r["deleted"] else None
            # every third station shares a code with the one before it (live duplicates are refused
            # by the database's unique index, so one of the two is in the recycle bin)
            same = i % 3 == 0
            rows.append(
                {
                    **BOOK,
                    **{k: v for k, v in r.items() if k not in ("deleted", "approvals")},
                    "id": i,
                    "station_code": f"46{i - 1 if same else i:09d}",
                    "deleted_at": "2021-01-05 10:00:00" if same and not rows[-1]["deleted_at"] else deleted,
                }
            )
            seen: set[str] = set()
            for item, applied, granted in r["approvals"]:
                if item not in seen:  # (station, item) is unique in the database
                    seen.add(item)
                    approvals.append(
                        {"station_id": i, "item": item, "applied_on": applied, "granted_on": granted}
                    )
        _insert(con, StationRow.__table__, rows)
        _insert(con, ApprovalRow.__table__, approvals)
        for table, code_field, prefix, items in (
            (VenueRow.__table__, "venue_code", "CS", venues),
            (PoleRow.__table__, "pole_code", "GT", poles),
        ):
            _insert(
                con,
                table,
                [
                    {
                        **BOOK,
                        **{k: v for k, v in r.items() if k != "deleted"},
                        "id": i,
                        code_field: f"{prefix}410221-{i:04d}",
                        "deleted_at": "2021-01-05 10:00:00" if r["deleted"] else None,
                    }
                    for i, r in enumerate(items, 1)
                ],
            )
        con.commit()
    finally:
        con.close()


def both(store: Store) -> tuple[list[object], list[object]]:
    ctx = store.validation_context()
    return store._read(writes.check_records, ctx), store._read(writes.check_records_one_by_one, ctx)


def test_bulk_check_finds_exactly_what_validating_each_record_finds(tmp_path, clock):
    path = tmp_path / "k.db"
    store = Store.open(path, clock=clock)
    try:

        @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        @given(
            st.lists(station_row, max_size=12),
            st.lists(venue_row, max_size=6),
            st.lists(pole_row, max_size=6),
        )
        def check(stations, venues, poles):  # type: ignore[no-untyped-def]
            write(path, stations, venues, poles)
            bulk, plain = both(store)
            assert bulk == plain

        check()
    finally:
        store.close()


def test_bulk_check_on_a_demo_with_damaged_records(tmp_path, clock):
    """A realistic database (the unit demo) with a few records broken in different ways: the same
    problems, and the check does report them."""
    from kf5g_desktop.storage.demo import generate_demo

    path = tmp_path / "demo.db"
    generate_demo(path, unit_code="410221", seed=7)
    con = sqlite3.connect(path)
    ids = [r[0] for r in con.execute("SELECT id FROM station WHERE deleted_at IS NULL ORDER BY id LIMIT 6")]
    con.execute("UPDATE station SET status = 'on_air', on_air = NULL WHERE id = ?", (ids[0],))
    con.execute("UPDATE station SET lon = 120.5 WHERE id = ?", (ids[1],))
    con.execute("UPDATE station SET township_code = '410202001' WHERE id = ?", (ids[2],))
    con.execute("UPDATE station SET sharing_operators = operator WHERE id = ?", (ids[3],))
    con.execute("UPDATE station SET construction_start = '2030-01-01' WHERE id = ?", (ids[4],))
    con.execute(
        "INSERT OR REPLACE INTO approval (station_id, item, applied_on, granted_on) VALUES (?, 'land', NULL, '2020-05-01')",
        (ids[5],),
    )
    con.execute("UPDATE venue SET free = 0, not_free_reason = NULL WHERE id = (SELECT min(id) FROM venue)")
    con.execute("UPDATE pole SET merged_count = 120 WHERE id = (SELECT min(id) FROM pole)")
    con.commit()
    con.close()
    with Store.open(path, clock=lambda: datetime(2022, 12, 31, 12)) as store:
        bulk, plain = both(store)
    assert bulk == plain
    assert {p.id for p in bulk if p.kind == "station"} >= set(ids)
    assert {p.issue.code for p in bulk} >= {
        "required",
        "coord_outside_city",
        "township_other_unit",
        "sharing_includes_builder",
        "date_future",
        "approval_no_applied",
        "not_free_reason",
        "merged_count_range",
    }


# Values of other storage classes and near-misses, in the fields the station screen asks SQLite
# about first (writes._BLANK_BITS: which fields hold a blank value) and in code fields
ODD = ["", 0, 1.5, b"CMCC", "cmcc", " on_air", "on_air ", "SA", "macro"]
odd_station_row = varied(
    VALID_STATION,
    {
        "unit_code": st.sampled_from(["", "410221", 410221, " 410221"]),
        "operator": st.sampled_from(["", "CMCC", "cmcc", "CMCC ", 0, b"CMCC"]),
        "name": st.sampled_from(["", " ", 0, "杞县一中"]),
        "status": st.sampled_from(["", "on_air", "ON_AIR", " building", "planned", 0, b"on_air"]),
        "on_air": st.sampled_from([None, "2021-01-20"]),
        "construction_start": st.sampled_from([None, "2020-10-01"]),
        **{
            f: st.sampled_from([None, *ODD])
            for f in (
                "station_type",
                "township_code",
                "build_mode",
                "network_mode",
                "power_supply",
                "scene",
                "mast_type",
                "conversion",
                "subsidy_state",
            )
        },
    },
)


def test_bulk_check_on_values_sqlite_stores_otherwise(tmp_path, clock):
    path = tmp_path / "k.db"
    store = Store.open(path, clock=clock)
    try:

        @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        @given(st.lists(odd_station_row, max_size=10))
        def check(stations):  # type: ignore[no-untyped-def]
            write(path, stations, [], [])
            bulk, plain = both(store)
            assert bulk == plain

        check()
    finally:
        store.close()
