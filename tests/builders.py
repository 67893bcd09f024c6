"""One builder per record kind: a valid record of 杞县 (410221); any field can be overridden."""

from __future__ import annotations

from datetime import date
from typing import Any

from kf5g_desktop.domain.records import Approval, Pole, Station, Venue


def station(**kw: Any) -> Station:
    """A station on air: macro, SA, direct power, in 城关镇 of 杞县."""
    base: dict[str, Any] = dict(
        unit_code="410221",
        station_code="46000000001",
        operator="CMCC",
        name="杞县一中",
        status="on_air",
        station_type="macro",
        township_code="410221101",
        build_mode="new",
        lon=114.78,
        lat=34.55,
        on_air=date(2021, 2, 3),
        network_mode="SA",
        power_supply="direct",
    )
    base.update(kw)
    return Station(**base)


def numbered_station(i: int, **kw: Any) -> Station:
    """Station number ``i`` of a set: operators, modes, statuses and power vary with ``i``."""
    values: dict[str, Any] = dict(
        station_code=f"KF{i:05d}",
        operator=("CMCC", "CUCC", "CTCC", "CBN")[i % 4],
        name=f"杞县测试站{i}",
        township_code="410221001",
        address=f"金城街道{i}号",
        lon=114.78 + (i % 10) * 0.001,
        lat=34.55,
        network_mode="SA" if i % 3 else "NSA",
        status="on_air" if i % 2 else "approving",
        on_air=date(2021, 1, 1 + i % 28) if i % 2 else None,
        power_supply="direct" if i % 5 else "indirect",
        approvals=[Approval("land", date(2021, 1, 2))] if i % 2 == 0 else [],
    )
    values.update(kw)
    return station(**values)


def venue(**kw: Any) -> Venue:
    """A free-to-use venue (a school) of 杞县."""
    base: dict[str, Any] = dict(unit_code="410221", name="杞县一中", category="school")
    base.update(kw)
    return Venue(**base)


def pole(**kw: Any) -> Pole:
    """A municipal street-light pole of 杞县."""
    base: dict[str, Any] = dict(
        unit_code="410221", name="人民路1号路灯杆", sector="municipal", pole_type="streetlight"
    )
    base.update(kw)
    return Pole(**base)
