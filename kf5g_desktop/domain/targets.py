"""Targets of the plan (PRODUCT §2.4, §3.2) and the rule for what counts as "a station"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# City totals from the plan: stations on air by the end of each year.
CITY_STATION_TARGETS: dict[int, int] = {2020: 1500, 2021: 2500}
# 转供电 stations at most 20% of all stations by 2022-12-31.
INDIRECT_POWER_MAX_SHARE = 0.20
INDIRECT_POWER_DEADLINE = date(2022, 12, 31)

METRIC_STATIONS = "stations_on_air"


@dataclass(frozen=True, slots=True)
class Target:
    unit_code: str | None  # None = the city
    year: int
    metric: str
    value: int


# Counting rules: which station types count as "a station" for targets (PRODUCT §3.2).
COUNTING_RULES: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "all": ("全部类型", None),
    "macro-indoor": ("宏站+室分", ("macro", "indoor")),
    "macro": ("仅宏站", ("macro",)),
}
DEFAULT_COUNTING_RULE = "all"


def counted_types(rule: str) -> tuple[str, ...] | None:
    """Station types counted under ``rule``; None means every type."""
    try:
        return COUNTING_RULES[rule][1]
    except KeyError:
        raise ValueError(f"未知的统计口径“{rule}”，可选：{'、'.join(COUNTING_RULES)}") from None


def rule_label(rule: str) -> str:
    return COUNTING_RULES[rule][0]


def default_targets() -> list[Target]:
    return [Target(None, y, METRIC_STATIONS, v) for y, v in CITY_STATION_TARGETS.items()]
