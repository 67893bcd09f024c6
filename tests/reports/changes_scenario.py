"""A unit's week between two returns, with a clock the test controls: the registers of 杞县 as
returned for 2021-W03 (exported Monday 2021-01-25 10:00, before the cut-off), then a handful of
edits at later times — a station added, one put on air, one converted to 直供电, one renamed, one
deleted, one restored, a venue and a pole corrected — and the return of 2021-W04 exported Monday
2021-02-01 10:00. Used by the report's 本周变化 test and the city import preview test."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.domain.records import Approval
from kf5g_desktop.returns.export import export_return
from kf5g_desktop.storage.store import Store
from tests import builders
from tests.returns import factory

PREV_WEEK = IsoWeek(2021, 3)
WEEK = IsoWeek(2021, 4)
T_SETUP = datetime(2021, 1, 20, 9, 0)
T_PREV_EXPORT = datetime(2021, 1, 25, 10, 0)
T_EDITS = datetime(2021, 1, 27, 9, 0)
T_EXPORT = datetime(2021, 2, 1, 10, 0)


def station(code: str, name: str, **kw: Any):
    kw.setdefault("on_air", date(2021, 1, 5))
    return builders.station(station_code=code, name=name, address=f"杞县{name}路1号", **kw)


@dataclass
class Scenario:
    store: Store
    clock: Any
    ids: dict[str, int]
    prev_file: Path
    file: Path

    def at(self, when: datetime) -> None:
        self.clock.state["now"] = when


def build(tmp: Path) -> Scenario:
    clock = factory.fixed_clock(T_SETUP)
    store = factory.open_store(tmp / "unit" / "kf5g.db", clock=clock)
    ids: dict[str, int] = {}
    ids["venue"] = store.save(builders.venue(name="杞县一中", owner="杞县教育局")).id
    ids["pole"] = store.save(builders.pole(name="人民路1号路灯杆")).id
    specs = {
        "build": station(
            "KF001",
            "金城北",
            status="building",
            on_air=None,
            construction_start=date(2021, 1, 10),
            approvals=[Approval("land", date(2021, 1, 2))],
        ),
        "power": station("KF002", "城关南", power_supply="indirect", conversion="planned"),
        "rename": station("KF003", "老城区"),
        "delete": station("KF004", "西关"),
        "restore": station("KF005", "东关"),
        "same": station("KF006", "不变站"),
    }
    for k, st in specs.items():
        ids[k] = store.save(st).id
    clock.state["now"] = datetime(2021, 1, 21, 9, 0)
    store.delete("station", ids["restore"])
    out = tmp / "out"
    out.mkdir(exist_ok=True)
    clock.state["now"] = T_PREV_EXPORT
    prev_file = export_return(store, PREV_WEEK, out / "prev.xlsx").path
    clock.state["now"] = T_EDITS
    edit(store, ids)
    clock.state["now"] = T_EXPORT
    file = export_return(store, WEEK, out / "this.xlsx").path
    return Scenario(store, clock, ids, prev_file, file)


def edit(store: Store, ids: dict[str, int]) -> None:
    """The week's edits (as an office makes them in the window)."""
    ids["new"] = store.save(
        station("KF007", "新建站", status="building", on_air=None, construction_start=date(2021, 1, 27))
    ).id
    s = store.get_station(ids["build"])
    s.status, s.on_air = "on_air", date(2021, 1, 26)
    s.approvals = [Approval("land", date(2021, 1, 2), date(2021, 1, 20))]
    store.save(s)
    s = store.get_station(ids["power"])
    s.power_supply, s.conversion, s.conversion_done_on = "direct", "done", date(2021, 1, 26)
    store.save(s)
    s = store.get_station(ids["rename"])
    s.name, s.sharing_operators = "老城区新址", ["CUCC", "CTCC"]
    store.save(s)
    store.delete("station", ids["delete"])
    store.restore("station", ids["restore"])
    v = store.get_venue(ids["venue"])
    v.owner = "杞县教育体育局"
    store.save(v)
    p = store.get("pole", ids["pole"])
    p.smart = True
    store.save(p)
