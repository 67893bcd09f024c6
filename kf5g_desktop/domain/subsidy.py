"""SA station subsidy (PRODUCT §3.1, plan task 一.2).

Each station built in SA mode and on air earns 2,500 元 from the province, and a further 2,500 元
shared between city and unit: county city 3 : county 7 (750 / 1,750), district city 7 : district 3
(1,750 / 750). NSA stations and stations not on air earn nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

PROVINCE_AMOUNT = 2500
LOCAL_AMOUNT = 2500
# (city share, unit share) of LOCAL_AMOUNT, in tenths
_SPLIT = {"county": (3, 7), "district": (7, 3)}


@dataclass(frozen=True, slots=True)
class Subsidy:
    province: int = 0
    city: int = 0
    unit: int = 0

    @property
    def total(self) -> int:
        return self.province + self.city + self.unit

    def __add__(self, other: Subsidy) -> Subsidy:
        return Subsidy(self.province + other.province, self.city + other.city, self.unit + other.unit)


NONE = Subsidy()


def local_split(unit_kind: str) -> tuple[int, int]:
    """(city, unit) amounts for a unit of kind ``district`` or ``county``."""
    try:
        city_parts, unit_parts = _SPLIT[unit_kind]
    except KeyError:
        raise ValueError(f"unknown unit kind {unit_kind!r}") from None
    return LOCAL_AMOUNT * city_parts // 10, LOCAL_AMOUNT * unit_parts // 10


def subsidy_for(network_mode: str | None, status: str | None, unit_kind: str) -> Subsidy:
    if network_mode != "SA" or status != "on_air":
        return NONE
    city, unit = local_split(unit_kind)
    return Subsidy(PROVINCE_AMOUNT, city, unit)


def default_subsidy_state(network_mode: str | None, status: str | None) -> str:
    """The state a station gets when the user has not set one: 待申请 for SA on air, else 不适用."""
    return "pending" if network_mode == "SA" and status == "on_air" else "na"
