"""Every validation rule of PRODUCT §3.3, each with its message."""

from datetime import date
from functools import partial

import pytest

from kf5g_desktop.domain.records import Approval, Pole, Station
from kf5g_desktop.domain.units import default_townships, default_units
from kf5g_desktop.domain.validation import (
    ValidationContext,
    errors,
    validate_pole,
    validate_station,
    validate_venue,
    warnings,
)
from tests.builders import station, venue

CTX = ValidationContext(
    {u.code: u for u in default_units()}, {t.code: t for t in default_townships()}, date(2021, 2, 8)
)


good_station = partial(station, construction_start=date(2020, 12, 1))  # no warnings at all


def codes_of(issues):
    return {(i.field, i.code) for i in issues}


def test_a_complete_station_is_valid():
    assert validate_station(good_station(), CTX) == []


@pytest.mark.parametrize(
    "status,missing",
    [
        ("planned", set()),
        ("approving", {"station_type", "township_code"}),
        ("building", {"station_type", "township_code", "build_mode", "lon", "lat", "construction_start"}),
        (
            "on_air",
            {
                "station_type",
                "township_code",
                "build_mode",
                "lon",
                "lat",
                "on_air",
                "network_mode",
                "power_supply",
            },
        ),
    ],
)
def test_required_fields_grow_with_the_status(status, missing):
    st = Station(unit_code="410221", station_code="X1", operator="CMCC", name="某站", status=status)
    got = {i.field for i in validate_station(st, CTX) if i.code == "required"}
    assert got == missing
    for i in validate_station(st, CTX):
        assert "必须填写" in i.message and "请补充" in i.message


def test_base_fields_always_required_with_field_names_in_the_message():
    issues = validate_station(Station(status="planned"), CTX)
    msgs = {i.field: i.message for i in issues}
    assert set(msgs) >= {"unit_code", "station_code", "operator", "name"}
    assert "基站编码" in msgs["station_code"]


def test_coordinates_outside_kaifeng_are_errors_and_outside_the_unit_a_warning():
    issues = validate_station(good_station(lon=34.55, lat=114.78), CTX)
    assert ("lon", "coord_outside_city") in codes_of(errors(issues))
    assert "开封市范围" in errors(issues)[0].message
    # Inside Kaifeng but in 兰考县's box, not 杞县's.
    issues = validate_station(good_station(lon=115.1, lat=34.9), CTX)
    assert errors(issues) == []
    assert codes_of(warnings(issues)) == {("lon", "coord_outside_unit")}
    assert "杞县" in warnings(issues)[0].message


def test_one_coordinate_alone_is_an_error():
    issues = validate_station(good_station(status="planned", lat=None), CTX)
    assert ("lat", "coord_pair") in codes_of(issues)


def test_dates_in_order_and_not_in_the_future():
    issues = validate_station(good_station(construction_start=date(2021, 2, 5)), CTX)
    assert ("on_air", "date_order") in codes_of(issues)
    issues = validate_station(good_station(on_air=date(2021, 3, 1), construction_start=None), CTX)
    assert ("on_air", "date_future") in codes_of(issues)
    assert "晚于今天" in issues[0].message


def test_approval_dates():
    st = good_station(
        approvals=[
            Approval("land", date(2020, 10, 5), date(2020, 10, 1)),
            Approval("environment", None, date(2020, 10, 1)),
            Approval("radio", date(2021, 3, 1)),
            Approval("land", date(2020, 9, 1)),
            Approval("tax", date(2020, 9, 1)),
        ]
    )
    got = [i.code for i in validate_station(st, CTX)]
    assert sorted(got) == sorted(
        ["date_order", "approval_no_applied", "date_future", "approval_duplicate", "code_list"]
    )


def test_code_list_values_and_sharing_operators():
    issues = validate_station(good_station(station_type="铁塔", sharing_operators=["CMCC"]), CTX)
    assert ("station_type", "code_list") in codes_of(issues)
    assert ("sharing_operators", "sharing_includes_builder") in codes_of(issues)


def test_township_must_belong_to_the_unit_and_the_unit_to_kaifeng():
    issues = validate_station(good_station(township_code="410225001"), CTX)
    assert ("township_code", "township_other_unit") in codes_of(issues)
    issues = validate_station(good_station(unit_code="410211"), CTX)
    assert ("unit_code", "unit_unknown") in codes_of(issues)


def test_status_warnings():
    issues = validate_station(good_station(status="building"), CTX)
    assert ("status", "on_air_date_status") in codes_of(warnings(issues))
    issues = validate_station(good_station(conversion="done", power_supply="indirect"), CTX)
    assert ("power_supply", "conversion_power") in codes_of(warnings(issues))
    issues = validate_station(good_station(network_mode="NSA", subsidy_state="paid"), CTX)
    assert ("subsidy_state", "subsidy_not_eligible") in codes_of(warnings(issues))


def test_venue_rules():
    v = venue(name="杞县人民政府", category="government", phone="0371-2888888")
    assert validate_venue(v, CTX) == []
    v.free = False
    v.phone = "0371 2888888转8"
    got = codes_of(validate_venue(v, CTX))
    assert got == {("not_free_reason", "not_free_reason"), ("phone", "phone_format")}
    assert validate_venue(venue(name="x", category="church"), CTX)[0].code == "code_list"


def test_pole_rules():
    p = Pole(
        unit_code="410202",
        name="中山路路灯杆1号",
        sector="municipal",
        pole_type="streetlight",
        merged_count=1,
    )
    assert validate_pole(p, CTX) == []
    p.merged_count = 0
    p.shared_on = date(2030, 1, 1)
    assert codes_of(validate_pole(p, CTX)) == {
        ("merged_count", "merged_count_range"),
        ("shared_on", "date_future"),
    }
