"""The "outside the unit" warning by the real boundary: where the point lies, how far, which misreading fits."""

from __future__ import annotations

import random
from datetime import date
from functools import partial

from kf5g_desktop.domain import boundaries, coords
from kf5g_desktop.domain.units import default_townships, default_units
from kf5g_desktop.domain.validation import ValidationContext, errors, validate_station, warnings
from tests.builders import station

CTX = ValidationContext(
    {u.code: u for u in default_units()}, {t.code: t for t in default_townships()}, date(2021, 2, 8)
)
good_station = partial(station, construction_start=date(2020, 12, 1))  # 杞县, no warnings

QI = boundaries.unit_boundary("410221")  # 杞县
XIANGFU = boundaries.unit_boundary("410212")  # 祥符区


def outside_warnings(**kw):
    issues = validate_station(good_station(**kw), CTX)
    assert errors(issues) == []
    return [i for i in warnings(issues) if i.code == "coord_outside_unit"]


def find_point(pred, box_of, seed=15):
    rng = random.Random(seed)
    for _ in range(200_000):
        lon = round(rng.uniform(box_of.lon_min, box_of.lon_max), 6)
        lat = round(rng.uniform(box_of.lat_min, box_of.lat_max), 6)
        if pred(lon, lat):
            return lon, lat
    raise AssertionError("no such point")


def test_inside_the_polygon_no_warning_even_where_the_old_box_would_have_said_so():
    assert outside_warnings() == []
    # A 杞县 point outside the old rectangle of 杞县 cannot exist; but a point in 杞县's box that
    # lies in 祥符区 is now caught (the rectangle let it through).
    lon, lat = find_point(
        lambda x, y: XIANGFU.contains(x, y) and XIANGFU.border_distance_m(x, y) > 500 and QI.in_box(x, y),
        QI,
    )
    [w] = outside_warnings(lon=lon, lat=lat)
    assert "位于祥符区境内" in w.message and "距杞县边界约" in w.message


def test_the_warning_says_where_the_point_lies_and_how_far():
    # A point in 祥符区 1.6–2.0 km from 杞县's border: "坐标位于祥符区境内，距杞县边界约1.8公里"-style.
    lon, lat = find_point(
        lambda x, y: XIANGFU.contains(x, y) and 1750 <= QI.border_distance_m(x, y) <= 1849, XIANGFU
    )
    [w] = outside_warnings(lon=lon, lat=lat)
    assert w.field == "lon"
    assert w.message == (
        f"坐标（{lon:g}, {lat:g}）不在杞县境内：位于祥符区境内，距杞县边界约1.8公里。"
        "请核对坐标或所属区县；确认无误可继续保存。"
    )


def test_on_the_border_within_200_m_no_warning():
    lon, lat = find_point(
        lambda x, y: XIANGFU.contains(x, y) and not QI.contains(x, y) and QI.border_distance_m(x, y) < 150,
        QI,
    )
    assert outside_warnings(lon=lon, lat=lat) == []
    lon, lat = find_point(lambda x, y: XIANGFU.contains(x, y) and 260 < QI.border_distance_m(x, y) < 400, QI)
    [w] = outside_warnings(lon=lon, lat=lat)
    assert "米" in w.message and "公里" not in w.message


def test_outside_every_unit_in_the_city_box():
    # 113.9, 35.0 is inside the old city box but north-west of the city.
    assert boundaries.locate(113.9, 35.0) is None
    [w] = outside_warnings(lon=113.9, lat=35.0)
    assert "位于开封市境外" in w.message


def test_a_gcj02_reading_that_fits_is_named():
    # A true WGS-84 point inside 杞县 whose GCJ-02 numbers fall more than 200 m outside it.
    def typed_as_gcj(x, y):
        gx, gy = coords.wgs84_to_gcj02(x, y)
        return QI.contains(x, y) and QI.border_distance_m(x, y) > 250 and not QI.holds(gx, gy)

    lon, lat = find_point(typed_as_gcj, QI)
    glon, glat = coords.wgs84_to_gcj02(lon, lat)
    [w] = outside_warnings(lon=round(glon, 6), lat=round(glat, 6))
    assert "若这是GCJ-02（高德/腾讯）坐标，换算为 WGS-84 后位于杞县境内" in w.message


def test_a_bd09_reading_that_fits_is_named():
    # ... and whose GCJ-02 reading does not fit either (that hint would come first).
    def typed_as_bd(x, y):
        bx, by = coords.wgs84_to_bd09(x, y)
        return (
            QI.contains(x, y)
            and QI.border_distance_m(x, y) > 250
            and not QI.holds(bx, by)
            and not QI.holds(*coords.gcj02_to_wgs84(bx, by))
        )

    lon, lat = find_point(typed_as_bd, QI)
    blon, blat = coords.wgs84_to_bd09(lon, lat)
    [w] = outside_warnings(lon=round(blon, 6), lat=round(blat, 6))
    assert "若这是BD-09（百度）坐标，换算为 WGS-84 后位于杞县境内" in w.message


def test_swapped_longitude_and_latitude_are_named():
    lon, lat = QI.random_point(random.Random(3))
    issues = validate_station(good_station(lon=lat, lat=lon), CTX)
    msgs = [i.message for i in errors(issues) if i.code == "coord_outside_city"]
    assert msgs and all("经度和纬度互换后位于杞县境内，可能填反了，请对调经度和纬度。" in m for m in msgs)
    # swapped numbers that fit nowhere keep the generic advice
    issues = validate_station(good_station(lon=40.0, lat=120.0), CTX)
    assert any("请检查是否与纬度填反或少了小数点" in i.message for i in errors(issues))
