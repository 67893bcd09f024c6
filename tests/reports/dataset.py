"""A small fixed register whose figures are worked out by hand in the tests (see the table below).

Clock: 2021-06-01. Weeks used: 2020-W53 (2020-12-28 — 2021-01-03), 2021-W05 (02-01 — 02-07),
2021-W10 (03-08 — 03-14, no activity).

杞县 410221 (county: city 750 / unit 1,750 per SA station)
  S1 CMCC 宏站 SA 直供 on air 2020-12-30            created 2020-12-01
  S2 CUCC 室分 NSA 转供 on air 2021-01-02           created 2020-12-01
  S3 CTCC 微站 SA 转供 on air 2021-02-03            created 2021-02-02 (registered in W05)
  S4 CMCC 宏站 SA 直供 on air 2021-02-07, 直供电改造 done 2021-02-05   created 2020-11-01
  S5 CMCC 宏站 审批中, planned on air 2021-01-31; 自然资源 applied 2020-12-20 (waiting);
     环评 applied 2020-12-01 granted 2021-01-10                         created 2020-06-01
  S6 CBN 杆站 SA 直供 on air 2021-02-01             created 2021-02-10 (after W05)
  S7 CUCC 宏站 SA on air 2021-01-20                 deleted (recycle bin)
  S8 CTCC 宏站 取消, planned on air 2021-01-01      created 2020-06-01
  venues: V1 opened 2021-02-03, V2 opened 2020-12-29, V3 opened 2021-02-06 created 2021-02-20
  poles:  P1 shared 2021-01-01, P2 shared 2021-02-02 deleted
龙亭区 410202 (district: city 1,750 / unit 750)
  L1 CMCC 宏站 SA 转供 on air 2021-02-04   created 2020-10-01
  L2 CTCC 室分 SA 直供 on air 2020-09-01   created 2020-10-01
  venue V4 opened 2021-02-01; pole P3 shared 2021-02-07
尉氏县 410223
  W1 CUCC 宏站 NSA 直供 on air 2021-02-05  created 2020-10-01
Targets: city 2021 = 2,500 (default), 杞县 2021 = 100.
Returns received for 2021-W05: 杞县 only (an "export" row of 龙亭区 does not count).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from kf5g_desktop.domain.records import Approval, Pole, Station, Venue
from kf5g_desktop.storage.models import SubmissionRow
from kf5g_desktop.storage.store import Store
from tests.builders import station

CLOCK = datetime(2021, 6, 1, 10, 0)
QI, LT, WS = "410221", "410202", "410223"
BOX = {QI: (114.77, 34.5, "410221001"), LT: (114.3, 34.8, "410202001"), WS: (114.2, 34.4, "410223001")}


def _station(unit: str, code: str, op: str, kind: str, **kw: object) -> Station:
    lon, lat, town = BOX[unit]
    not_on_air = dict(status="planned", on_air=None, network_mode=None, power_supply=None)
    values: dict[str, object] = dict(
        unit_code=unit,
        station_code=code,
        operator=op,
        name=f"测试基站{code}",
        station_type=kind,
        township_code=town,
        lon=lon,
        lat=lat,
        **not_on_air,
    )
    values.update(kw)
    return station(**values)


def _on_air(
    unit: str, code: str, op: str, kind: str, mode: str, power: str, day: date, **kw: object
) -> Station:
    return _station(
        unit, code, op, kind, status="on_air", network_mode=mode, power_supply=power, on_air=day, **kw
    )


def _last_date(rec: object, created: date) -> date:
    # the dates that cannot be in the future when entered (plans can)
    names = ("construction_start", "on_air", "conversion_done_on", "opened_on", "shared_on")
    days = [getattr(rec, n) for n in names if getattr(rec, n, None) is not None]
    for a in getattr(rec, "approvals", None) or []:
        days += [x for x in (a.applied_on, a.granted_on) if x is not None]
    return max([created, *days])


def build(path: Path) -> Store:
    """The records are entered at their creation dates (the registers' history is what an office
    would have recorded); S7 and P2 are deleted on 2021-02-01, before 2021-W05's cut-off."""
    clock = [CLOCK]
    store = Store.open(path, user="测试员", clock=lambda: clock[0])
    store.setup_installation(kind="city", unit_code=None, user_name="测试员")
    d = date
    stations = [
        (_on_air(QI, "S1", "CMCC", "macro", "SA", "direct", d(2020, 12, 30)), d(2020, 12, 1)),
        (_on_air(QI, "S2", "CUCC", "indoor", "NSA", "indirect", d(2021, 1, 2)), d(2020, 12, 1)),
        (_on_air(QI, "S3", "CTCC", "micro", "SA", "indirect", d(2021, 2, 3)), d(2021, 2, 2)),
        (
            _on_air(
                QI,
                "S4",
                "CMCC",
                "macro",
                "SA",
                "direct",
                d(2021, 2, 7),
                conversion="done",
                conversion_done_on=d(2021, 2, 5),
            ),
            d(2020, 11, 1),
        ),
        (
            _station(
                QI,
                "S5",
                "CMCC",
                "macro",
                status="approving",
                planned_on_air=d(2021, 1, 31),
                approvals=[
                    Approval("land", d(2020, 12, 20), None),
                    Approval("environment", d(2020, 12, 1), d(2021, 1, 10)),
                ],
            ),
            d(2020, 6, 1),
        ),
        (_on_air(QI, "S6", "CBN", "pole", "SA", "direct", d(2021, 2, 1)), d(2021, 2, 10)),
        (_on_air(QI, "S7", "CUCC", "macro", "SA", "direct", d(2021, 1, 20)), d(2020, 6, 1)),
        (
            _station(QI, "S8", "CTCC", "macro", status="cancelled", planned_on_air=d(2021, 1, 1)),
            d(2020, 6, 1),
        ),
        (_on_air(LT, "L1", "CMCC", "macro", "SA", "indirect", d(2021, 2, 4)), d(2020, 10, 1)),
        (_on_air(LT, "L2", "CTCC", "indoor", "SA", "direct", d(2020, 9, 1)), d(2020, 10, 1)),
        (_on_air(WS, "W1", "CUCC", "macro", "NSA", "direct", d(2021, 2, 5)), d(2020, 10, 1)),
    ]
    venues = [
        (
            Venue(unit_code=QI, name="V1 县政府", category="government", opened_on=d(2021, 2, 3)),
            d(2020, 6, 1),
        ),
        (
            Venue(unit_code=QI, name="V2 县医院", category="hospital", opened_on=d(2020, 12, 29)),
            d(2020, 6, 1),
        ),
        (Venue(unit_code=QI, name="V3 县一中", category="school", opened_on=d(2021, 2, 6)), d(2021, 2, 20)),
        (Venue(unit_code=LT, name="V4 龙亭公园", category="park", opened_on=d(2021, 2, 1)), d(2020, 6, 1)),
    ]
    poles = [
        (
            Pole(
                unit_code=QI,
                name="P1 路灯杆",
                sector="municipal",
                pole_type="streetlight",
                shared_on=d(2021, 1, 1),
            ),
            d(2020, 6, 1),
        ),
        (
            Pole(unit_code=QI, name="P2 监控杆", sector="police", pole_type="cctv", shared_on=d(2021, 2, 2)),
            d(2020, 6, 1),
        ),
        (
            Pole(
                unit_code=LT, name="P3 智慧杆", sector="municipal", pole_type="smart", shared_on=d(2021, 2, 7)
            ),
            d(2020, 6, 1),
        ),
    ]
    store.validation_context()  # warm the reference cache
    ids: dict[str, int] = {}
    entries = [
        (created, kind, rec)
        for kind, items in (("station", stations), ("venue", venues), ("pole", poles))
        for rec, created in items
    ]
    for recorded, created, kind, rec in sorted(
        ((_last_date(rec, created), created, kind, rec) for created, kind, rec in entries), key=lambda e: e[0]
    ):
        # entered once everything it says had happened (an approval first while waiting, then
        # granted), back-dated to its creation
        approvals = getattr(rec, "approvals", [])
        waiting = (
            replace(rec, approvals=[replace(a, granted_on=None) for a in approvals]) if approvals else rec
        )
        first = _last_date(waiting, created)
        clock[0] = datetime.combine(first, datetime.min.time()).replace(hour=9)
        with store.batch_writer("test", "固定测试数据") as w:
            rid = w.save(waiting)
            w.set_created_at(kind, rid, datetime.combine(created, datetime.min.time()).replace(hour=9))
        if waiting is not rec:
            clock[0] = datetime.combine(recorded, datetime.min.time()).replace(hour=10)
            full = store.get(kind, rid)
            full.approvals = [replace(a, id=b.id) for a, b in zip(approvals, full.approvals, strict=True)]
            store.save(full)
        ids[rec.station_code if kind == "station" else rec.name[:2]] = rid
    clock[0] = datetime(2021, 2, 1, 12)
    store.delete("station", ids["S7"])
    store.delete("pole", ids["P2"])
    clock[0] = CLOCK
    store.set_target(QI, 2021, "stations_on_air", 100)
    with store.session() as s:
        for direction, unit in (("import", QI), ("export", LT)):
            s.add(
                SubmissionRow(
                    direction=direction,
                    kind="unit",
                    unit_code=unit,
                    iso_week="2021-W05",
                    content_sha256="0" * 64,
                    received_at=datetime(2021, 2, 8, 12),
                )
            )
    return store


def build_overdue(path: Path) -> Store:
    """A 杞县 unit with stations past their planned on-air date (2021-W05 ends 2021-02-07):

    O1 在建 planned 2021-01-20 (late 18 days)      O2 暂缓 planned 2021-01-10 (suspended: apart)
    O3 取消 planned 2021-01-05 (not listed)        O4 规划 planned 2021-03-01 (not due yet)
    O5 暂缓 planned 2021-02-01 (suspended: apart)  O6 已开通 2021-01-25, planned 2021-01-15 (on time)
    """
    clock = [datetime(2021, 1, 26, 9)]  # entered after the last of their dates, created 2020-06-01
    store = Store.open(path, user="测试员", clock=lambda: clock[0])
    store.setup_installation(kind="unit", unit_code=QI, user_name="测试员")
    d = date
    stations = [
        _station(
            QI,
            "O1",
            "CMCC",
            "macro",
            status="building",
            construction_start=d(2020, 12, 1),
            planned_on_air=d(2021, 1, 20),
        ),
        _station(QI, "O2", "CUCC", "macro", status="suspended", planned_on_air=d(2021, 1, 10)),
        _station(QI, "O3", "CTCC", "macro", status="cancelled", planned_on_air=d(2021, 1, 5)),
        _station(QI, "O4", "CMCC", "macro", status="planned", planned_on_air=d(2021, 3, 1)),
        _station(QI, "O5", "CBN", "macro", status="suspended", planned_on_air=d(2021, 2, 1)),
        _on_air(QI, "O6", "CMCC", "macro", "SA", "direct", d(2021, 1, 25), planned_on_air=d(2021, 1, 15)),
    ]
    store.validation_context()
    with store.batch_writer("test", "逾期测试数据") as w:
        for rec in stations:
            w.set_created_at("station", w.save(rec), datetime(2020, 6, 1, 9))
    clock[0] = CLOCK
    return store
