"""What a return contains, computed from the Store: data rows, summary figures, cover facts.

:func:`collect` is the one place that reads the registers for a return; the writer only lays out
what it gets here. Rows are in a stable business-key order (unit, operator, station code …) so the
same registers give the same digest wherever they are exported (unit or city).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from kf5g_desktop import __version__
from kf5g_desktop.domain import codes, horizon
from kf5g_desktop.domain.horizon import WeekBasis
from kf5g_desktop.domain.periods import IsoWeek
from kf5g_desktop.domain.records import Pole, Station, Venue
from kf5g_desktop.domain.schema import POLE, STATION, VENUE
from kf5g_desktop.domain.subsidy import NONE, Subsidy, subsidy_for
from kf5g_desktop.domain.targets import METRIC_STATIONS
from kf5g_desktop.domain.units import CITY_CODE, CITY_NAME
from kf5g_desktop.domain.values import ListQuery
from kf5g_desktop.storage.store import Store

from . import rows as R
from .format import (
    DATA_SHEETS,
    FORMAT,
    FORMAT_VERSION,
    HEADERS,
    S_APPROVALS,
    S_POLES,
    S_STATIONS,
    S_VENUES,
    Digest,
    key_id,
    sign,
)

GENERATOR = f"kf5g-desktop {__version__}"
SUMMARY_OPERATOR_COLUMNS = (
    "运营商",
    "基站总数",
    "已开通",
    "其中SA",
    "本周新开通",
    "在建",
    "规划及审批中",
    "转供电",
    "省级补助(元)",
    "市级补助(元)",
    "区县补助(元)",
)


@dataclass(slots=True)
class OperatorFigures:
    total: int = 0
    on_air: int = 0
    sa: int = 0
    new_this_week: int = 0
    building: int = 0
    planning: int = 0
    indirect_power: int = 0
    subsidy: Subsidy = NONE

    def row(self, label: str) -> list[object]:
        s = self.subsidy
        return [
            label,
            self.total,
            self.on_air,
            self.sa,
            self.new_this_week,
            self.building,
            self.planning,
            self.indirect_power,
            s.province,
            s.city,
            s.unit,
        ]

    def add(self, o: OperatorFigures) -> None:
        self.total += o.total
        self.on_air += o.on_air
        self.sa += o.sa
        self.new_this_week += o.new_this_week
        self.building += o.building
        self.planning += o.planning
        self.indirect_power += o.indirect_power
        self.subsidy = self.subsidy + o.subsidy


@dataclass(slots=True)
class Summary:
    by_operator: dict[str, OperatorFigures] = field(default_factory=dict)
    venues_total: int = 0
    venues_this_week: int = 0
    poles_total: int = 0
    poles_this_week: int = 0
    target: int | None = None
    target_label: str = ""

    @property
    def total(self) -> OperatorFigures:
        t = OperatorFigures()
        for o in self.by_operator.values():
            t.add(o)
        return t

    def operator_rows(self) -> list[list[object]]:
        out = [self.by_operator[c].row(codes.OPERATOR.label(c)) for c in codes.OPERATOR.codes]
        out.append(self.total.row("合计"))
        return out


def carried_label(iso_week: str) -> str:
    """How a unit without a return for the week is marked when its earlier figures are carried."""
    w = IsoWeek.parse(iso_week)
    return f"未报（沿用{w.year}年第{w.week}周数据）"


@dataclass(slots=True)
class CompletionRow:
    unit_code: str
    unit_name: str
    returned: bool
    received_at: datetime | None
    late: bool
    stations: int
    on_air: int
    carried_from: str | None = None  # not returned: the ISO week of the submission carried instead

    @property
    def returned_text(self) -> str:
        """是 / 否 / 未报（沿用第N周数据）."""
        if self.returned:
            return "是"
        return carried_label(self.carried_from) if self.carried_from else "否"

    def cells(self) -> list[object]:
        return [
            self.unit_code,
            self.unit_name,
            self.returned_text,
            self.received_at.strftime("%Y-%m-%d %H:%M") if self.received_at else None,
            ("是" if self.late else "否") if self.returned else None,
            self.stations,
            self.on_air,
        ]


@dataclass(slots=True)
class ReturnContent:
    kind: str  # "unit" | "city"
    unit_code: str
    unit_name: str
    week: IsoWeek
    generated_at: datetime  # aware
    preparer: str
    phone: str
    reviewer: str
    problems: str
    sheets: dict[str, list[list[object]]]  # data rows (no header) per data sheet
    summary: Summary
    township_names: list[str]
    completion: list[CompletionRow] | None = None
    basis: WeekBasis = field(default_factory=lambda: WeekBasis(None))  # the moment it was made from
    unit_counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # unit → (stations, 已开通)
    digest: str = ""
    signature: str = ""
    signature_key_id: str = ""

    @property
    def file_name(self) -> str:
        from .format import file_name

        return file_name(self.kind, self.unit_code, self.unit_name, self.week.compact)

    def meta(self) -> list[tuple[str, str]]:
        return [
            ("format", FORMAT),
            ("format_version", FORMAT_VERSION),
            ("kind", self.kind),
            ("unit_code", self.unit_code),
            ("unit_name", self.unit_name),
            ("period_start", self.week.start.isoformat()),
            ("period_end", self.week.end.isoformat()),
            ("iso_week", str(self.week)),
            ("generated_at", self.generated_at.isoformat(timespec="seconds")),
            ("generator", GENERATOR),
            ("preparer", self.preparer),
            ("reviewer", self.reviewer),
            *((f"rows.{s}", str(len(self.sheets[s]))) for s in DATA_SHEETS),
            ("content_sha256", self.digest),
            ("signature", self.signature),
            ("signature_key_id", self.signature_key_id),
        ]

    def compute_digest(self, key_hex: str | None = None) -> None:
        d = Digest(self.unit_code, self.week.start.isoformat(), self.week.end.isoformat())
        for s in DATA_SHEETS:
            d.row(s, HEADERS[s])
            d.rows(s, self.sheets[s])
        self.digest = d.hexdigest()
        if key_hex:
            self.signature = sign(key_hex, self.digest)
            self.signature_key_id = key_id(key_hex)
        else:
            self.signature = self.signature_key_id = ""


_OP_ORDER = {c: i for i, c in enumerate(codes.OPERATOR.codes)}


def collect(
    store: Store,
    week: IsoWeek,
    *,
    unit_code: str | None = None,
    kind: str = "unit",
    generated_at: datetime | None = None,
    basis: WeekBasis | None = None,
) -> ReturnContent:
    """The return of ``unit_code`` (kind="unit") or the city's consolidation (kind="city").

    Made from the registers as they stood at ``basis.moment`` (by default the week's rule,
    ``Store.week_basis``: the cut-off once passed, a unit's latest correction, the city's
    submissions), each record seen as at the week's end (``domain.horizon``)."""
    units = store.unit_map()
    if kind == "city":
        unit_codes = sorted(units)
        code, name = CITY_CODE, CITY_NAME
    else:
        assert unit_code is not None
        unit_codes = [unit_code]
        code, name = unit_code, store.unit(unit_code).name
    end = week.end
    if basis is None:
        basis = store.week_basis(week, None if kind == "city" else code)
    at = basis.moment
    q = ListQuery(unit_codes=unit_codes)
    stations: list[Station] = store.query(STATION, q, at=at)
    venues: list[Venue] = [v for v in store.query(VENUE, q, at=at) if horizon.venue(v, end)]
    poles: list[Pole] = [p for p in store.query(POLE, q, at=at) if horizon.pole(p, end)]
    approvals = store.approvals_for(at=at)
    venue_codes = {v.id: v.venue_code for v in venues}
    pole_codes = {p.id: p.pole_code for p in poles}
    towns = store.township_map()
    inst = store.installation()
    note = store.week_note(code, week)

    # Reverse order, consumed with pop(): each record is freed as soon as its row exists, so the
    # records and the rows of 100,000 stations are never all in memory at once.
    stations.sort(key=lambda s: (s.unit_code, _OP_ORDER.get(s.operator, 9), s.station_code), reverse=True)
    venues.sort(key=lambda v: (v.unit_code, v.venue_code or ""))
    poles.sort(key=lambda p: (p.unit_code, p.pole_code or ""))

    summary = Summary(by_operator={c: OperatorFigures() for c in codes.OPERATOR.codes})
    station_rows: list[list[object]] = []
    approval_rows: list[list[object]] = []
    venue_counts: dict[str, int] = {}
    pole_counts: dict[str, int] = {}
    unit_counts: dict[str, list[int]] = {u: [0, 0] for u in unit_codes}
    start = week.start
    while stations:
        raw = stations.pop()
        raw.approvals = approvals.pop(raw.id or 0, [])
        s = horizon.station(raw, end)
        if s is None:
            continue
        unit = units[s.unit_code]
        counts = unit_counts.setdefault(s.unit_code, [0, 0])
        counts[0] += 1
        counts[1] += int(s.status == "on_air")
        vcode = venue_codes.get(s.venue_id) if s.venue_id else None
        pcode = pole_codes.get(s.pole_id) if s.pole_id else None
        if vcode:
            venue_counts[vcode] = venue_counts.get(vcode, 0) + 1
        if pcode:
            pole_counts[pcode] = pole_counts.get(pcode, 0) + 1
        station_rows.append(R.station_row(len(station_rows) + 1, s, unit, towns, vcode, pcode))
        if s.approvals:
            approval_rows += R.approval_rows(len(approval_rows) + 1, s, end)
        f = summary.by_operator.get(s.operator)
        if f is None:
            continue
        f.total += 1
        if s.status == "on_air":
            f.on_air += 1
            if s.network_mode == "SA":
                f.sa += 1
            if s.power_supply == "indirect":
                f.indirect_power += 1
            if s.on_air is not None and start <= s.on_air <= end:
                f.new_this_week += 1
        elif s.status == "building":
            f.building += 1
        elif s.status in ("planned", "approving"):
            f.planning += 1
        f.subsidy = f.subsidy + subsidy_for(s.network_mode, s.status, unit.kind)
    venue_rows = [
        R.venue_row(i + 1, v, towns, venue_counts.get(v.venue_code or "", 0)) for i, v in enumerate(venues)
    ]
    pole_rows = [
        R.pole_row(i + 1, p, towns, pole_counts.get(p.pole_code or "", 0)) for i, p in enumerate(poles)
    ]
    summary.venues_total = len(venues)
    summary.venues_this_week = sum(1 for v in venues if v.opened_on and start <= v.opened_on <= end)
    summary.poles_total = len(poles)
    summary.poles_this_week = sum(1 for p in poles if p.shared_on and start <= p.shared_on <= end)
    summary.target, summary.target_label = _target(store, code if kind == "unit" else None, week.year)

    gen = generated_at or store.now().astimezone()
    content = ReturnContent(
        kind=kind,
        unit_code=code,
        unit_name=name,
        week=week,
        generated_at=gen if gen.tzinfo else gen.astimezone(),
        preparer=inst.user_name or store.user,
        phone=inst.user_phone,
        reviewer=note.reviewer or inst.reviewer,
        problems=note.problems,
        sheets={
            S_STATIONS: station_rows,
            S_APPROVALS: approval_rows,
            S_VENUES: venue_rows,
            S_POLES: pole_rows,
        },
        summary=summary,
        basis=basis,
        unit_counts={u: (c[0], c[1]) for u, c in unit_counts.items()},
        township_names=[t.name for t in store.townships(None if kind == "city" else code)],
    )
    return content


UNIT_TARGET_MISSING = "本区县目标未下达"


def _target(store: Store, unit_code: str | None, year: int) -> tuple[int | None, str]:
    """The year's station target of the return's own unit (of the city for the city's return), from
    the per-unit targets table. A county is never compared with the city's target: without its own,
    the label says 本区县目标未下达 and there is no value (so no percentage)."""
    for t in store.targets():
        if t.metric != METRIC_STATIONS or t.year != year or t.unit_code != unit_code:
            continue
        return t.value, f"{year}年本区县目标" if unit_code is not None else f"{year}年全市目标"
    return None, UNIT_TARGET_MISSING if unit_code is not None else ""


def on_air_total(rows: Sequence[Sequence[object]]) -> int:
    idx = HEADERS[S_STATIONS].index("建设状态")
    return sum(1 for r in rows if r[idx] == "已开通")
