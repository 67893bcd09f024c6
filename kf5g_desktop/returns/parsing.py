"""The rows of the return's data sheets → records (the reading side; :mod:`.rows` writes them).

:class:`RowParser` turns the cells of one sheet's rows back into values, collecting every cell
problem as a :class:`CellProblem` naming sheet, row and column; :data:`PARSERS` turns a row's values
into a :class:`ParsedRow` per sheet. ``parse_columns`` works column by column with inline fast paths
(see docs/returns.md); :data:`FIELD_HEADERS` points validation issues back at a column.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import repeat

from kf5g_desktop.domain import codes
from kf5g_desktop.domain.normalize import normalize_code, normalize_free_text, normalize_text, parse_date
from kf5g_desktop.domain.records import Approval, Pole, Station, Venue

from .format import (
    CODE,
    DATE,
    HEADERS,
    INT,
    LABEL,
    LABELS,
    NUM,
    S_APPROVALS,
    S_POLES,
    S_STATIONS,
    S_VENUES,
    TEXT,
    YESNO,
    column_kind,
)
from .rows import CODE_LISTS, NOT_FREE_PREFIX, OLD_NOT_FREE_PREFIX

# Characters that normalize_text changes (odd spaces, invisible characters, full-width ASCII, CR):
# cells without any of them only need stripping, which is much cheaper.
_NEEDS_NORMALIZING = re.compile(
    "[\r\u00a0\u00ad\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff\uff01-\uff5e]"
)

_MISS = object()  # parse_rows: a cell its column's fast path does not handle


@dataclass(frozen=True, slots=True)
class CellProblem:
    """One problem of a file, located as precisely as possible. ``row`` is the sheet row (1-based)."""

    sheet: str
    row: int | None
    column: str | None
    message: str
    severity: str = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        where = f"工作表“{self.sheet}”" if self.sheet else ""
        if self.row is not None:
            where += f"第{self.row}行"
        if self.column:
            where += f"“{self.column}”列"
        return f"{where}:{self.message}" if where else self.message


@dataclass(slots=True)
class ParsedRow:
    sheet: str
    row: int  # sheet row number
    record: Station | Venue | Pole | None
    problems: list[CellProblem] = field(default_factory=list)
    venue_code: str | None = None  # station links, by code
    pole_code: str | None = None
    subsidy_cells: tuple[object, object, object] = (None, None, None)
    station_key: tuple[str, str] | None = None  # approvals: (operator, station code)
    approval: Approval | None = None


class RowParser:
    """Parses the cells of data rows of one sheet; every problem is collected, nothing raises.

    Create once per sheet, then :meth:`begin` each row; :meth:`values` gives every column's parsed
    value by header. Each column's handler is chosen once, from the column kind.
    """

    def __init__(self, sheet: str, towns_by_name: Mapping[str, str]) -> None:
        self.sheet = sheet
        self.headers = HEADERS[sheet]
        self.towns_by_name = towns_by_name
        self.row = 0
        self.problems: list[CellProblem] = []
        kinds = {
            CODE: self.code,
            NUM: self.number,
            INT: self.integer,
            DATE: self.date,
            YESNO: self.yesno,
            LABEL: self.label,
            LABELS: self.labels,
            TEXT: self.free_text,
        }
        self._width = len(self.headers)
        # Each column's kind and its handler; for parse_columns, memo columns map a cell's text to its
        # clean parsed value (few distinct values, repeated on every row).
        self._columns: list[
            tuple[str, str, Callable[[str, object], object], dict[object, object] | None]
        ] = []
        for h in self.headers:
            kind = "township" if h == "乡镇(街道)" else column_kind(h)
            fn = self.township if kind == "township" else kinds[column_kind(h)]
            memo: dict[object, object] | None = None
            if kind in (LABEL, LABELS, YESNO, "township"):
                memo = {"": () if kind == LABELS else None}
            self._columns.append((h, kind, fn, memo))

    def begin(self, row: int, cells: Sequence[object]) -> dict[str, object]:
        """Start a row and parse it, every cell through its column's handler: {header: value}.
        The plain definition; :meth:`parse_columns` gives the same, much faster."""
        self.row = row
        self.problems = []
        n = len(cells)
        return {
            h: fn(h, cells[i] if i < n else None) for i, (h, _kind, fn, _memo) in enumerate(self._columns)
        }

    def parse_rows(
        self,
        rows: Sequence[Sequence[object]],
        row_numbers: Sequence[int],
        parse: Callable[[RowParser, dict[str, object]], ParsedRow],
    ) -> list[ParsedRow]:
        """Parse many rows (empty cells ``""`` or None) into :class:`ParsedRow` with ``parse``.

        The same values and problems, in the same order, as :meth:`begin` row by row, but column by
        column: the usual cells (a clean text, a number, a date, a known label) take an inline fast
        path and only the others go through the column's handler, which records their problems."""
        width = self._width
        if any(len(r) != width for r in rows):
            rows = [(list(r[:width]) + [None] * (width - len(r))) for r in rows]
        cols = list(zip(*rows, strict=True)) if rows else [() for _ in range(width)]
        return self.parse_columns(cols, row_numbers, parse)

    def parse_columns(
        self,
        columns: Sequence[Sequence[object]],
        row_numbers: Sequence[int],
        parse: Callable[[RowParser, dict[str, object]], ParsedRow],
        canonical: Sequence[Sequence[str]] | None = None,
    ) -> list[ParsedRow]:
        """:meth:`parse_rows` of rows given column by column (one sequence per header, all as long).
        ``canonical``: the columns' canonical strings if already made (for the digest), reused for
        the columns of text."""
        probs: dict[int, list[CellProblem]] = {}
        canon: Sequence[Sequence[str] | None] = canonical if canonical is not None else [None] * len(columns)
        values = [
            self._column(spec, col, row_numbers, probs, texts)
            for spec, col, texts in zip(self._columns, columns, canon, strict=True)
        ]
        builder = _COLUMN_BUILDERS.get(parse)
        if builder is not None:
            return builder(self, dict(zip(self.headers, values, strict=True)), row_numbers, probs)
        out: list[ParsedRow] = []
        headers = self.headers
        for k, vals in enumerate(zip(*values, strict=True)):
            self.row = row_numbers[k]
            self.problems = probs.get(k) or []
            out.append(parse(self, dict(zip(headers, vals, strict=True))))
        return out

    def _column(
        self,
        spec: tuple[str, str, Callable[[str, object], object], dict[object, object] | None],
        col: Sequence[object],
        row_numbers: Sequence[int],
        probs: dict[int, list[CellProblem]],
        canonical: Sequence[str] | None = None,
    ) -> list[object]:
        h, kind, fn, memo = spec
        miss = _MISS
        types = set(map(type, col))
        if kind in (TEXT, CODE):
            all_text = types == {str}
            texts = col if all_text else [v for v in col if v.__class__ is str]
            joined = "\x00".join(texts)  # type: ignore[arg-type]
            if _NEEDS_NORMALIZING.search(joined):
                out: list[object] = [None if v is None else miss for v in col]
            elif all_text and (kind == TEXT or " " not in joined):  # the usual column: strip only
                out = list(canonical) if canonical is not None else list(map(str.strip, col))  # type: ignore[arg-type]
                if "" in out:
                    out = [t or None for t in out]
            elif kind == TEXT:
                out = [
                    (v.strip() or None) if v.__class__ is str else (None if v is None else miss) for v in col
                ]  # type: ignore[attr-defined]
            else:
                out = [
                    (v.strip().replace(" ", "") or None)
                    if v.__class__ is str
                    else (None if v is None else miss)  # type: ignore[attr-defined]
                    for v in col
                ]
        elif kind == NUM:
            if types == {float}:
                out = list(col)
            else:
                out = [v if v.__class__ is float else (None if v is None or v == "" else miss) for v in col]
        elif kind == INT:
            if types == {float} and all(map(float.is_integer, col)):  # type: ignore[arg-type]
                out = list(map(int, col))  # type: ignore[arg-type]
            else:
                out = [
                    int(v)
                    if v.__class__ is float and v.is_integer()
                    else (None if v is None or v == "" else miss)  # type: ignore[attr-defined, call-overload]
                    for v in col
                ]
        elif kind == DATE:
            if types == {date}:
                out = list(col)
            else:
                out = [v if v.__class__ is date else (None if v is None or v == "" else miss) for v in col]
        else:
            assert memo is not None
            if types <= {str, float, int, bool, date, datetime, type(None)}:  # hashable: looked up in C
                out = list(map(memo.get, col, repeat(miss)))  # only text is ever a key
            else:
                get = memo.get
                out = [get(v, miss) if v.__class__ is str else miss for v in col]
        if miss in out:
            for k, x in enumerate(out):
                if x is miss:
                    v = col[k]
                    if memo is not None and v.__class__ is str:
                        hit = memo.get(v, miss)  # a value first met further up this column
                        if hit is not miss:
                            out[k] = hit
                            continue
                    self.row = row_numbers[k]
                    self.problems = probs.setdefault(k, [])
                    before = len(self.problems)
                    out[k] = fn(h, None if v == "" else v)
                    if (
                        memo is not None
                        and v.__class__ is str
                        and len(self.problems) == before
                        and len(memo) < 10_000
                    ):
                        memo[v] = tuple(out[k]) if isinstance(out[k], list) else out[k]  # type: ignore[arg-type]
        if kind == LABELS:
            out = [list(x) if x.__class__ is tuple else x for x in out]  # a fresh list per record
        return out

    def bad(self, header: str, message: str) -> None:
        self.problems.append(CellProblem(self.sheet, self.row, header, message))

    @staticmethod
    def _show(value: object) -> str:
        """A cell in a message: on one line, its line breaks marked ⏎ (only called for a problem)."""
        if isinstance(value, datetime | date):
            return value.isoformat()[:10]
        return str(value).replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎")

    def text(self, header: str, v: object, normalize: Callable[[str], str] = normalize_text) -> str | None:
        """A cell as text for labels, yes/no and township names (full-width → ASCII)."""
        if v is None:
            return None
        if v.__class__ is str:
            t = normalize(v) if _NEEDS_NORMALIZING.search(v) else v.strip()  # type: ignore[arg-type, attr-defined]
            return t or None
        if isinstance(v, bool):
            self.bad(header, f"应为文字，现为逻辑值“{v}”，请改为文字。")
            return None
        if isinstance(v, datetime | date):
            return v.isoformat()[:10]
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        return normalize(str(v)) or None

    def free_text(self, header: str, v: object) -> str | None:
        """A cell of free text (names, addresses, notes): Chinese punctuation kept (PRODUCT §3.3)."""
        return self.text(header, v, normalize_free_text)

    def code(self, header: str, v: object) -> str | None:
        if v.__class__ is str:
            t = normalize_text(v) if _NEEDS_NORMALIZING.search(v) else v.strip()  # type: ignore[arg-type, attr-defined]
            return (t.replace(" ", "") if " " in t else t) or None
        if isinstance(v, int | float) and not isinstance(v, bool):
            self.bad(
                header,
                f"“{self._show(v)}”是数字格式，编码必须是文本（数字格式会丢失前导0和长编码的末位），"
                "请把该列设为“文本”后重新填写。",
            )
            return normalize_code(v)
        return normalize_code(self.text(header, v))

    def number(self, header: str, v: object) -> float | None:
        if v is None or v == "":
            return None
        if isinstance(v, int | float) and not isinstance(v, bool):
            return float(v)
        try:
            text = normalize_text(str(v)).replace(",", "")
            return float(text) if text else None
        except ValueError:
            self.bad(header, f"“{self._show(v)}”不是数字，请填写数字（如 114.35）。")
            return None

    def integer(self, header: str, v: object) -> int | None:
        n = self.number(header, v)
        if n is None:
            return None
        if not n.is_integer():
            self.bad(header, f"“{self._show(v)}”应为整数，请修改。")
            return None
        return int(n)

    def date(self, header: str, v: object) -> date | None:
        if v is None:
            return None
        if v.__class__ is date:
            return v  # type: ignore[return-value]
        try:
            return parse_date(v)
        except (ValueError, OverflowError):
            self.bad(header, f"“{self._show(v)}”不是有效日期，请写成 2021-02-01 这样的日期。")
            return None

    def yesno(self, header: str, v: object) -> bool | None:
        t = self.text(header, v)
        if t is None:
            return None
        if t == "是":
            return True
        if t == "否":
            return False
        try:
            return codes.parse_yes_no(t)
        except ValueError:
            self.bad(header, f"“{self._show(t)}”应为“是”或“否”，请从下拉列表选择。")
            return None

    def label(self, header: str, v: object) -> str | None:
        t = self.text(header, v)
        if t is None:
            return None
        cl = CODE_LISTS[header]
        code = cl.code_of(t)
        if code is None:
            self.bad(header, f"“{self._show(t)}”不在代码表中，请从下拉列表选择：{'、'.join(cl.labels)}。")
        return code

    def labels(self, header: str, v: object) -> list[str]:
        t = self.text(header, v)
        if t is None:
            return []
        cl = CODE_LISTS[header]
        found, unknown = cl.parse_multi(t)
        if unknown:
            self.bad(
                header,
                f"“{self._show('、'.join(unknown))}”不在代码表中，可选：{'、'.join(cl.labels)}（多个用“、”分隔）。",
            )
        return found

    def township(self, header: str, v: object) -> str | None:
        t = self.text(header, v)
        if t is None:
            return None
        code = self.towns_by_name.get(t)
        if code is None:
            if t in self.towns_by_name.values():
                return t
            self.bad(header, f"“{self._show(t)}”不是本区县官方名单中的乡镇（街道），请核对名称。")
        return code


def _coord_in(v: object) -> float | None:
    return None if v is None else round(float(v), 6)  # type: ignore[arg-type]


def parse_station(p: RowParser, g: dict[str, object]) -> ParsedRow:
    st = Station(
        unit_code=g["区县代码"] or "",  # type: ignore[arg-type]
        station_code=g["基站编码"] or "",  # type: ignore[arg-type]
        operator=g["承建运营商"] or "",  # type: ignore[arg-type]
        name=g["基站名称"] or "",  # type: ignore[arg-type]
        tower_site_code=g["铁塔站址编码"],  # type: ignore[arg-type]
        sharing_operators=g["共享运营商"],  # type: ignore[arg-type]
        township_code=g["乡镇(街道)"],  # type: ignore[arg-type]
        address=g["详细地址"],  # type: ignore[arg-type]
        lon=_coord_in(g["经度"]),
        lat=_coord_in(g["纬度"]),
        station_type=g["基站类型"],  # type: ignore[arg-type]
        network_mode=g["组网方式"],  # type: ignore[arg-type]
        build_mode=g["建设方式"],  # type: ignore[arg-type]
        scene=g["覆盖场景"],  # type: ignore[arg-type]
        in_plan=g["纳入规划"],  # type: ignore[arg-type]
        in_land_plan=g["纳入控规"],  # type: ignore[arg-type]
        status=g["建设状态"] or "",  # type: ignore[arg-type]
        planned_on_air=g["计划开通日期"],  # type: ignore[arg-type]
        construction_start=g["开工日期"],  # type: ignore[arg-type]
        on_air=g["开通日期"],  # type: ignore[arg-type]
        power_supply=g["供电方式"],  # type: ignore[arg-type]
        conversion=g["直供电改造"],  # type: ignore[arg-type]
        subsidy_state=g["补助状态"],  # type: ignore[arg-type]
        notes=g["备注"],  # type: ignore[arg-type]
    )
    return ParsedRow(
        p.sheet,
        p.row,
        st,
        p.problems,
        venue_code=g["依托场所编号"],  # type: ignore[arg-type]
        pole_code=g["依托杆塔编号"],  # type: ignore[arg-type]
        subsidy_cells=(g["省级补助(元)"], g["市级补助(元)"], g["区县补助(元)"]),
    )


def _coords(values: Sequence[object]) -> list[float | None]:
    return [None if v is None else round(float(v), 6) for v in values]  # type: ignore[arg-type]


def _or_empty(values: Sequence[object]) -> list[object]:
    return [v or "" for v in values]


def station_rows(
    p: RowParser, c: dict[str, list[object]], row_numbers: Sequence[int], probs: dict[int, list[CellProblem]]
) -> list[ParsedRow]:
    """:func:`parse_station` for whole columns (``c``: header → parsed values), row by row the same."""
    stations = [
        Station(
            unit_code=a,  # type: ignore[arg-type]
            station_code=b,  # type: ignore[arg-type]
            operator=op,  # type: ignore[arg-type]
            name=nm,  # type: ignore[arg-type]
            tower_site_code=ts,  # type: ignore[arg-type]
            sharing_operators=sh,  # type: ignore[arg-type]
            township_code=tw,  # type: ignore[arg-type]
            address=ad,  # type: ignore[arg-type]
            lon=lo,
            lat=la,
            station_type=sty,  # type: ignore[arg-type]
            network_mode=nmode,  # type: ignore[arg-type]
            build_mode=bm,  # type: ignore[arg-type]
            scene=sc,  # type: ignore[arg-type]
            in_plan=ip,  # type: ignore[arg-type]
            in_land_plan=il,  # type: ignore[arg-type]
            status=stt,  # type: ignore[arg-type]
            planned_on_air=po,  # type: ignore[arg-type]
            construction_start=cs,  # type: ignore[arg-type]
            on_air=oa,  # type: ignore[arg-type]
            power_supply=ps,  # type: ignore[arg-type]
            conversion=cv,  # type: ignore[arg-type]
            subsidy_state=ss,  # type: ignore[arg-type]
            notes=nt,  # type: ignore[arg-type]
        )
        for a, b, op, nm, ts, sh, tw, ad, lo, la, sty, nmode, bm, sc, ip, il, stt, po, cs, oa, ps, cv, ss, nt in zip(
            _or_empty(c["区县代码"]),
            _or_empty(c["基站编码"]),
            _or_empty(c["承建运营商"]),
            _or_empty(c["基站名称"]),
            c["铁塔站址编码"],
            c["共享运营商"],
            c["乡镇(街道)"],
            c["详细地址"],
            _coords(c["经度"]),
            _coords(c["纬度"]),
            c["基站类型"],
            c["组网方式"],
            c["建设方式"],
            c["覆盖场景"],
            c["纳入规划"],
            c["纳入控规"],
            _or_empty(c["建设状态"]),
            c["计划开通日期"],
            c["开工日期"],
            c["开通日期"],
            c["供电方式"],
            c["直供电改造"],
            c["补助状态"],
            c["备注"],
            strict=True,
        )
    ]
    sheet = p.sheet
    get = probs.get
    return [
        ParsedRow(sheet, row, st, get(k) or [], venue_code=vc, pole_code=pc, subsidy_cells=(s1, s2, s3))  # type: ignore[arg-type]
        for k, (row, st, vc, pc, s1, s2, s3) in enumerate(
            zip(
                row_numbers,
                stations,
                c["依托场所编号"],
                c["依托杆塔编号"],
                c["省级补助(元)"],
                c["市级补助(元)"],
                c["区县补助(元)"],
                strict=True,
            )
        )
    ]


def parse_approval(p: RowParser, g: dict[str, object]) -> ParsedRow:
    item = g["审批事项"]
    approval = Approval(item or "", g["申请日期"], g["办结日期"], g["备注"])  # type: ignore[arg-type]
    if approval.applied_on is None and "申请日期" not in {x.column for x in p.problems}:
        p.bad("申请日期", "审批表只列有申请日期的事项，请填写申请日期。")
    pr = ParsedRow(p.sheet, p.row, None, p.problems, approval=approval)
    pr.station_key = (g["承建运营商"] or "", g["基站编码"] or "")  # type: ignore[assignment]
    pr.venue_code = g["区县代码"]  # type: ignore[assignment]  # carries the unit code for the check
    return pr


def split_venue_notes(text: str | None) -> tuple[str | None, str | None]:
    """(not_free_reason, notes) from a venue's 备注 cell (the prefix with a full-width colon, as
    written now, or with the ASCII colon of returns written before)."""
    prefix = next((p for p in (NOT_FREE_PREFIX, OLD_NOT_FREE_PREFIX) if text and text.startswith(p)), None)
    if not text or prefix is None:
        return None, text or None
    first, _, rest = text.partition("\n")
    return first[len(prefix) :].strip() or None, rest.strip() or None


def parse_venue(p: RowParser, g: dict[str, object]) -> ParsedRow:
    reason, notes = split_venue_notes(g["备注"])  # type: ignore[arg-type]
    v = Venue(
        unit_code=g["区县代码"] or "",  # type: ignore[arg-type]
        venue_code=g["场所编号"],  # type: ignore[arg-type]
        name=g["场所名称"] or "",  # type: ignore[arg-type]
        category=g["场所类别"],  # type: ignore[arg-type]
        owner=g["产权单位"],  # type: ignore[arg-type]
        township_code=g["乡镇(街道)"],  # type: ignore[arg-type]
        address=g["详细地址"],  # type: ignore[arg-type]
        lon=_coord_in(g["经度"]),
        lat=_coord_in(g["纬度"]),
        resources=g["开放资源"],  # type: ignore[arg-type]
        opened_on=g["开放日期"],  # type: ignore[arg-type]
        free=g["是否免费"],  # type: ignore[arg-type]
        not_free_reason=reason,
        operators_entered=g["已进场运营商"],  # type: ignore[arg-type]
        contact=g["联系人"],  # type: ignore[arg-type]
        phone=g["联系电话"],  # type: ignore[arg-type]
        notes=notes,
    )
    if not v.venue_code and "场所编号" not in {x.column for x in p.problems}:
        p.bad("场所编号", "场所编号必须填写（由填报单位的程序编号），请补充。")
    return ParsedRow(p.sheet, p.row, v, p.problems)


def parse_pole(p: RowParser, g: dict[str, object]) -> ParsedRow:
    pole = Pole(
        unit_code=g["区县代码"] or "",  # type: ignore[arg-type]
        pole_code=g["杆塔编号"],  # type: ignore[arg-type]
        name=g["杆塔名称"] or "",  # type: ignore[arg-type]
        sector=g["权属行业"],  # type: ignore[arg-type]
        owner=g["权属单位"],  # type: ignore[arg-type]
        pole_type=g["杆塔类型"],  # type: ignore[arg-type]
        smart=g["智能杆"],  # type: ignore[arg-type]
        merged_count=g["多杆合一数"],  # type: ignore[arg-type]
        township_code=g["乡镇(街道)"],  # type: ignore[arg-type]
        address=g["详细地址"],  # type: ignore[arg-type]
        lon=_coord_in(g["经度"]),
        lat=_coord_in(g["纬度"]),
        sharing_operators=g["共享运营商"],  # type: ignore[arg-type]
        shared_on=g["共享日期"],  # type: ignore[arg-type]
        agreement_no=g["协议编号"],  # type: ignore[arg-type]
        notes=g["备注"],  # type: ignore[arg-type]
    )
    if not pole.pole_code and "杆塔编号" not in {x.column for x in p.problems}:
        p.bad("杆塔编号", "杆塔编号必须填写，请补充。")
    return ParsedRow(p.sheet, p.row, pole, p.problems)


_COLUMN_BUILDERS = {parse_station: station_rows}  # parse functions with a whole-column twin

PARSERS = {S_STATIONS: parse_station, S_APPROVALS: parse_approval, S_VENUES: parse_venue, S_POLES: parse_pole}
