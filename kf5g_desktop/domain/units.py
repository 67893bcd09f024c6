"""Reporting units (9 county-level units) and townships, from the shipped reference CSVs."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# The city is spelled None wherever a scope is meant (a report, a target, a list of all units);
# CITY_CODE is its code where a code must be written: return files, the command line's --unit, the
# installation setting and the week-note key. scope_of() is the one place that turns one into the other.
CITY_CODE = "410200"
CITY_NAME = "开封市"

# The validation box for the whole city (PRODUCT §3.3): allows for datum differences and slack.
CITY_LON_MIN, CITY_LON_MAX = 113.85, 115.30
CITY_LAT_MIN, CITY_LAT_MAX = 34.15, 35.05

UNIT_KINDS = {"district": "区", "county": "县"}


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    name: str
    kind: str  # "district" | "county"
    lon_min: float
    lon_max: float
    lat_min: float
    lat_max: float

    @property
    def is_county(self) -> bool:
        return self.kind == "county"

    def contains(self, lon: float, lat: float) -> bool:
        return self.lon_min <= lon <= self.lon_max and self.lat_min <= lat <= self.lat_max


@dataclass(frozen=True, slots=True)
class Township:
    code: str
    name: str
    unit_code: str


def _data_dir() -> Path:
    # Imported lazily so the domain stays importable without the paths module's platformdirs.
    from kf5g_desktop.paths import resource_path

    return resource_path("data")


@cache
def default_units() -> tuple[Unit, ...]:
    with (_data_dir() / "kaifeng_units.csv").open(encoding="utf-8-sig", newline="") as f:
        return tuple(
            Unit(
                code=r["code"],
                name=r["name"],
                kind=r["kind"],
                lon_min=float(r["lon_min"]),
                lon_max=float(r["lon_max"]),
                lat_min=float(r["lat_min"]),
                lat_max=float(r["lat_max"]),
            )
            for r in csv.DictReader(f)
        )


@cache
def default_townships() -> tuple[Township, ...]:
    with (_data_dir() / "kaifeng_townships_2021.csv").open(encoding="utf-8-sig", newline="") as f:
        return tuple(Township(r["code"], r["name"], r["unit_code"]) for r in csv.DictReader(f))


def scope_of(code: str | None) -> str | None:
    """The scope a code names: None (the whole city) for None or CITY_CODE, else that unit's code."""
    return None if code is None or code == CITY_CODE else code


def scope_code(unit_code: str | None) -> str:
    """The code of a scope: the unit's code, CITY_CODE for the whole city (None)."""
    return unit_code or CITY_CODE


def in_city_box(lon: float, lat: float) -> bool:
    return CITY_LON_MIN <= lon <= CITY_LON_MAX and CITY_LAT_MIN <= lat <= CITY_LAT_MAX
