"""Coordinate systems: WGS-84 (stored), GCJ-02 (高德/腾讯) and BD-09 (百度), and distances.

Records store CGCS2000, which is WGS-84 for practical purposes (PRODUCT §2). Operators' lists
arrive in any of the three; a coordinate typed or imported in GCJ-02 or BD-09 is converted here with
the published formulas (the GCJ-02 offset of GB 20263 as leaked and used by every open library, and
百度's BD-09 rotation on top of it). WGS-84 → GCJ-02 is the formula itself; GCJ-02 → WGS-84 has no
closed form and is solved by fixed-point iteration to well under a millimetre.

All functions take and return ``(lon, lat)`` in decimal degrees. Outside China the offset is not
applied (as the formulas define), so a point far away converts to itself.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

WGS84 = "wgs84"
GCJ02 = "gcj02"
BD09 = "bd09"
SYSTEMS = (WGS84, GCJ02, BD09)
# The labels the forms and the bulk import show for each system.
SYSTEM_LABELS = {
    WGS84: "WGS-84/CGCS2000（GPS、国家标准）",
    GCJ02: "GCJ-02（高德、腾讯）",
    BD09: "BD-09（百度）",
}
SHORT_LABELS = {WGS84: "WGS-84", GCJ02: "GCJ-02", BD09: "BD-09"}

_A = 6378245.0  # the Krasovsky semi-major axis the GCJ-02 formula uses
_EE = 0.00669342162296594323  # its first eccentricity squared
_X_PI = math.pi * 3000.0 / 180.0
_EARTH_RADIUS = 6371008.8  # mean radius (m), for distances


def out_of_china(lon: float, lat: float) -> bool:
    """The formulas' own test: outside this box GCJ-02 equals WGS-84."""
    return not (72.004 <= lon <= 137.8347 and 0.8293 <= lat <= 55.8271)


def _offset_lat(x: float, y: float) -> float:
    ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (160.0 * math.sin(y / 12.0 * math.pi) + 320.0 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return ret


def _offset_lon(x: float, y: float) -> float:
    ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return ret


def _gcj_delta(lon: float, lat: float) -> tuple[float, float]:
    d_lat = _offset_lat(lon - 105.0, lat - 35.0)
    d_lon = _offset_lon(lon - 105.0, lat - 35.0)
    rad_lat = lat / 180.0 * math.pi
    magic = 1 - _EE * math.sin(rad_lat) ** 2
    sqrt_magic = math.sqrt(magic)
    d_lat = (d_lat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrt_magic) * math.pi)
    d_lon = (d_lon * 180.0) / (_A / sqrt_magic * math.cos(rad_lat) * math.pi)
    return d_lon, d_lat


def wgs84_to_gcj02(lon: float, lat: float) -> tuple[float, float]:
    if out_of_china(lon, lat):
        return lon, lat
    d_lon, d_lat = _gcj_delta(lon, lat)
    return lon + d_lon, lat + d_lat


def gcj02_to_wgs84(lon: float, lat: float) -> tuple[float, float]:
    """Inverse of :func:`wgs84_to_gcj02` by iteration (the offset is smooth: 3 steps reach mm)."""
    if out_of_china(lon, lat):
        return lon, lat
    w_lon, w_lat = lon, lat
    for _ in range(30):
        g_lon, g_lat = wgs84_to_gcj02(w_lon, w_lat)
        e_lon, e_lat = g_lon - lon, g_lat - lat
        w_lon, w_lat = w_lon - e_lon, w_lat - e_lat
        if abs(e_lon) < 1e-10 and abs(e_lat) < 1e-10:
            break
    return w_lon, w_lat


def gcj02_to_bd09(lon: float, lat: float) -> tuple[float, float]:
    z = math.sqrt(lon * lon + lat * lat) + 0.00002 * math.sin(lat * _X_PI)
    theta = math.atan2(lat, lon) + 0.000003 * math.cos(lon * _X_PI)
    return z * math.cos(theta) + 0.0065, z * math.sin(theta) + 0.006


def bd09_to_gcj02(lon: float, lat: float) -> tuple[float, float]:
    x, y = lon - 0.0065, lat - 0.006
    z = math.sqrt(x * x + y * y) - 0.00002 * math.sin(y * _X_PI)
    theta = math.atan2(y, x) - 0.000003 * math.cos(x * _X_PI)
    return z * math.cos(theta), z * math.sin(theta)


def wgs84_to_bd09(lon: float, lat: float) -> tuple[float, float]:
    return gcj02_to_bd09(*wgs84_to_gcj02(lon, lat))


def bd09_to_wgs84(lon: float, lat: float) -> tuple[float, float]:
    return gcj02_to_wgs84(*bd09_to_gcj02(lon, lat))


def to_wgs84(lon: float, lat: float, system: str) -> tuple[float, float]:
    """A coordinate typed in ``system`` as WGS-84 (what is stored)."""
    if system == WGS84:
        return lon, lat
    if system == GCJ02:
        return gcj02_to_wgs84(lon, lat)
    if system == BD09:
        return bd09_to_wgs84(lon, lat)
    raise ValueError(f"unknown coordinate system {system!r}")


def to_stored(lon: float, lat: float, system: str) -> tuple[float, float]:
    """Typed numbers in ``system`` as the stored WGS-84 ones, rounded to 6 decimals (~0.1 m)."""
    w_lon, w_lat = to_wgs84(lon, lat, system)
    return round(w_lon, 6), round(w_lat, 6)


def from_wgs84(lon: float, lat: float, system: str) -> tuple[float, float]:
    """A stored WGS-84 coordinate as it reads in ``system`` (e.g. to draw on GCJ-02 boundaries)."""
    if system == WGS84:
        return lon, lat
    if system == GCJ02:
        return wgs84_to_gcj02(lon, lat)
    if system == BD09:
        return wgs84_to_bd09(lon, lat)
    raise ValueError(f"unknown coordinate system {system!r}")


def convert_many(
    points: Iterable[tuple[float, float]], source: str, target: str
) -> list[tuple[float, float]]:
    out = []
    for lon, lat in points:
        w = to_wgs84(lon, lat, source)
        out.append(from_wgs84(w[0], w[1], target))
    return out


def distance_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance in metres (haversine on the mean sphere; ample for a county)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS * math.asin(min(1.0, math.sqrt(h)))
