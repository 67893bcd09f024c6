"""Verify a return (RETURNS.md "Reading a return"): the checks in their order, nothing written.

1 opens as .xlsx · 2 ``_meta`` format/version · 3 unit known, period a Monday–Sunday week ·
4 headers · 5 row counts · 6 digest (a changed file is rejected unless accepted with a reason) ·
7 signature where a key is known · 8 every row (cells, formulas, merged cells, validation of
PRODUCT §3.3, links, duplicates, subsidy amounts), all errors at once.

Checks 1–5 and 7 stop at the first failure (later checks would only repeat it); check 8 lists every
problem. The result carries the parsed records for :mod:`kf5g_desktop.returns.importer`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kf5g_desktop.domain.kinds import KINDS
from kf5g_desktop.domain.periods import IsoWeek, is_iso_week_span
from kf5g_desktop.domain.records import Pole, Station, Venue
from kf5g_desktop.domain.schema import POLE, STATION, VENUE
from kf5g_desktop.domain.subsidy import subsidy_for
from kf5g_desktop.domain.units import CITY_CODE
from kf5g_desktop.storage.gcpause import paused_gc

from .format import (
    DATA_SHEETS,
    FORMAT,
    HEADERS,
    READABLE_VERSIONS,
    S_APPROVALS,
    S_META,
    S_POLES,
    S_STATIONS,
    S_VENUES,
    Digest,
    canonical,
    canonical_column,
    digest_lines,
    signature_ok,
)
from .parsing import PARSERS, CellProblem, ParsedRow, RowParser
from .rows import FIELD_HEADERS
from .xlsxsafe import SafeWorkbook, SheetTable, SpreadsheetError, open_workbook

if TYPE_CHECKING:  # not imported at run time: the verify worker never opens a database (no SQLAlchemy)
    from kf5g_desktop.storage.store import Store

Progress = Callable[[int, int, str], None]

# signature_status values stored with a submission
SIG_OK, SIG_UNSIGNED, SIG_NO_KEY = "ok", "unsigned", "no_key"
NO_KEY_AT_CITY = (
    "未校验签名：还没有给该区县发放签名密钥。发放方法：菜单“报表 → 报送 → 导出参考数据（含签名密钥）…”"
    "或命令 kf5g reference export 文件，把文件交给该区县在“导入市局参考数据”中导入，"
    "它以后导出的周报就会签名。"
)


@dataclass(slots=True)
class VerifyResult:
    path: Path
    errors: list[CellProblem] = field(default_factory=list)
    warnings: list[CellProblem] = field(default_factory=list)
    step: int = 0  # the last check reached (1–8); 9 = all passed
    meta: dict[str, str] = field(default_factory=dict)
    computed_digest: str = ""
    modified: bool = False  # digest mismatch accepted with a reason
    modified_reason: str | None = None
    signature_status: str | None = None
    stations: list[ParsedRow] = field(default_factory=list)
    venues: list[ParsedRow] = field(default_factory=list)
    poles: list[ParsedRow] = field(default_factory=list)
    approvals: list[ParsedRow] = field(default_factory=list)
    content: bytes | None = None

    @property
    def ok(self) -> bool:
        return not self.errors and self.step >= 9

    @property
    def kind(self) -> str:
        return self.meta.get("kind", "")

    @property
    def unit_code(self) -> str:
        return self.meta.get("unit_code", "")

    @property
    def week(self) -> IsoWeek:
        return IsoWeek.containing(date.fromisoformat(self.meta["period_start"]))

    def fail(
        self, step: int, message: str, sheet: str = "", row: int | None = None, column: str | None = None
    ) -> None:
        self.step = step
        self.errors.append(CellProblem(sheet, row, column, message))

    def messages(self) -> list[str]:
        return [str(p) for p in self.errors] + [f"提示：{p}" for p in self.warnings]


def _meta(wb: SafeWorkbook) -> dict[str, str]:
    meta: dict[str, str] = {}
    for _row, cells in wb.rows(S_META, max_rows=500, max_cols=2):
        if cells and cells[0] is not None:
            meta[canonical(cells[0])] = canonical(cells[1]) if len(cells) > 1 else ""
    return meta


def verify_file(
    store: Store,
    path: Path | str,
    *,
    accept_modified: str | None = None,
    progress: Progress | None = None,
) -> VerifyResult:
    """Run every check on one file. Never raises for a bad file: problems are in the result."""
    res = VerifyResult(Path(path))
    try:
        with paused_gc(), open_workbook(path) as wb:
            _verify(store, wb, res, accept_modified, progress)
    except SpreadsheetError as exc:
        res.fail(max(res.step, 1), str(exc))
    if res.ok:
        res.content = Path(path).read_bytes()
    return res


def _verify(
    store: Store, wb: SafeWorkbook, res: VerifyResult, accept_modified: str | None, progress: Progress | None
) -> None:
    # 2. _meta
    res.step = 2
    if S_META not in wb.sheet_names:
        res.fail(
            2, "文件中没有“_meta”工作表，不是本程序导出的周报（或被其他程序删除了隐藏表）。请使用原始导出文件。"
        )
        return
    meta = res.meta = _meta(wb)
    if meta.get("format") != FORMAT:
        res.fail(
            2, f"“_meta”中的“format”为“{meta.get('format', '')}”，不是“{FORMAT}”，这不是周报文件。", S_META
        )
        return
    if meta.get("format_version") not in READABLE_VERSIONS:
        res.fail(
            2,
            f"周报格式版本“{meta.get('format_version', '')}”本程序无法读取（可读版本：{'、'.join(READABLE_VERSIONS)}），"
            "请升级程序。",
            S_META,
        )
        return
    # 3. unit and period
    res.step = 3
    unit_code = meta.get("unit_code", "")
    kind = meta.get("kind", "")
    units = store.unit_map()
    if kind not in ("unit", "city"):
        res.fail(3, f"“_meta”中的“kind”为“{kind}”，应为“unit”或“city”。", S_META)
        return
    if (kind == "unit" and unit_code not in units) or (kind == "city" and unit_code != CITY_CODE):
        res.fail(3, f"填报单位代码“{unit_code}”不是开封市的区县，请核对文件来源。", S_META)
        return
    try:
        start = date.fromisoformat(meta.get("period_start", ""))
        end = date.fromisoformat(meta.get("period_end", ""))
    except ValueError:
        res.fail(3, "“_meta”中的统计周期日期格式不对（应为“年-月-日”，如 2021-02-01）。", S_META)
        return
    if not is_iso_week_span(start, end):
        res.fail(3, f"统计周期 {start} 至 {end} 不是一个完整的周一至周日，请重新导出。", S_META)
        return
    if meta.get("iso_week") and meta["iso_week"] != str(IsoWeek.containing(start)):
        res.fail(3, f"“_meta”中的周次“{meta['iso_week']}”与统计周期 {start} 不一致。", S_META)
        return
    # 4–6 and the parsing of 8 are worked through sheet by sheet as the two reading threads deliver
    # them (the big 基站 sheet takes longest); the results are then checked in their order.
    res.step = 4
    towns_by_unit: dict[str, dict[str, str]] = {}
    for t in store.townships():
        towns_by_unit.setdefault(t.unit_code, {})[t.name] = t.code
    present = [s for s in DATA_SHEETS if s in wb.sheet_names]
    wb.prefetch(present)
    sheets: dict[str, _Sheet] = {}
    for name, table in wb.tables_as_ready(present):
        sh = sheets[name] = _read_sheet(name, table)
        if sh.header_problem is None:
            sh.parsed = _parse_sheet(sh, kind, unit_code, towns_by_unit)
        if progress is not None:
            progress(len(sheets), len(present), f"已读取并检查工作表“{name}”")
    for sheet in DATA_SHEETS:
        if sheet not in sheets:
            res.fail(4, f"缺少工作表“{sheet}”，请使用原始导出文件。", sheet)
            return
        problem = sheets[sheet].header_problem
        if problem is not None:
            res.step = 4
            res.errors.append(problem)
            return
    # 5. row counts
    res.step = 5
    for sheet in DATA_SHEETS:
        n = len(sheets[sheet].rows)
        declared = meta.get(f"rows.{sheet}", "")
        if declared != str(n):
            res.fail(
                5, f"数据行数为 {n}，与“_meta”记录的 {declared or '(空)'} 行不一致，文件可能被增删过行。", sheet
            )
            return
    # 6. digest
    res.step = 6
    d = Digest(unit_code, meta["period_start"], meta["period_end"])
    for sheet in DATA_SHEETS:
        d.row(sheet, HEADERS[sheet])
        d.add_text(sheets[sheet].digest_text)
    res.computed_digest = d.hexdigest()
    declared_digest = meta.get("content_sha256", "").lower()
    if res.computed_digest != declared_digest:
        if accept_modified and accept_modified.strip():
            res.modified = True
            res.modified_reason = accept_modified.strip()
            res.warnings.append(
                CellProblem(
                    "", None, None, f"文件在导出后被修改过（摘要不符），已按说明“{res.modified_reason}”接收。"
                )
            )
        else:
            res.fail(
                6,
                "文件在导出后被修改过（内容摘要不符）：导出后有单元格被改动。请让填报单位在程序中修改后重新导出；"
                "如确需接收，请注明原因（命令行 --accept-modified 原因）。",
            )
            return
    # 7. signature
    res.step = 7
    key = store.unit_keys().get(unit_code)
    sig = meta.get("signature", "")
    if key:
        if not sig:
            res.signature_status = SIG_UNSIGNED
            res.warnings.append(
                CellProblem("", None, None, "文件未签名（市局已下发密钥），请提醒填报单位导入参考数据后再导出。")
            )
        elif res.modified:
            res.signature_status = SIG_UNSIGNED
        else:
            try:
                good = signature_ok(key, declared_digest, sig)
            except ValueError:
                good = False
            if not good:
                res.fail(
                    7,
                    "签名校验失败：文件不是用本区县的密钥签名的（可能被篡改，或由其他区县的程序导出）。"
                    "请让填报单位确认后重新导出。",
                    S_META,
                )
                return
            res.signature_status = SIG_OK
    else:
        res.signature_status = SIG_NO_KEY if sig else SIG_UNSIGNED
        if kind == "unit" and store.installation().is_city:
            res.warnings.append(CellProblem("", None, None, NO_KEY_AT_CITY))
        elif kind == "unit":
            res.warnings.append(CellProblem("", None, None, "未校验签名：本机没有该区县的签名密钥。"))
    # 8. rows
    res.step = 8
    _check_rows(store, wb, res, sheets)
    if not res.errors:
        res.step = 9


@dataclass(slots=True)
class _Sheet:
    """A data sheet as read: header check, rows 4 … last (cells as read: empty ``""``, every row as
    wide as the header), their digest lines, the empty rows among them and, once parsed, the rows."""

    name: str
    header_problem: CellProblem | None = None
    rows: list[list[object]] = field(default_factory=list)
    digest_text: str = ""
    empty: list[int] = field(default_factory=list)
    columns: list[Sequence[object]] = field(default_factory=list)
    canonical: list[list[str]] = field(default_factory=list)  # canonical_column() of each column
    parsed: dict[int, ParsedRow] = field(default_factory=dict)  # by index into rows

    @staticmethod
    def row_number(index: int) -> int:
        return index + 4


def _read_sheet(sheet: str, table: SheetTable) -> _Sheet:
    """Check 4 (headers) for one sheet, then its data rows and their digest lines."""
    sh = _Sheet(sheet)
    rows = table.rows
    h = 3 - table.first_row
    got = [canonical(c) for c in rows[h]] if 0 <= h < len(rows) else []
    while got and not got[-1]:
        got.pop()
    expected = HEADERS[sheet]
    for i, name in enumerate(expected):
        if i >= len(got) or got[i] != name:
            sh.header_problem = CellProblem(
                sheet,
                3,
                f"{_col(i)}列",
                f"表头应为“{name}”，实际为“{got[i] if i < len(got) else ''}”。请不要增删、移动或改名列。",
            )
            return sh
    if len(got) > len(expected):
        sh.header_problem = CellProblem(
            sheet, 3, None, f"表头最后一列“{expected[-1]}”之后还有“{got[len(expected)]}”，请删除多余的列。"
        )
        return sh
    # data rows: row 4 to the last row with any non-empty cell in the header's columns
    width = len(expected)
    body = rows[h + 1 :]
    if body and len(body[0]) != width:
        body = [(r[:width] + [""] * (width - len(r))) for r in body]
    while body and not _non_empty(body[-1]):
        body.pop()
    sh.rows = body
    sh.columns = list(zip(*body, strict=True)) if body else [() for _ in range(width)]
    sh.canonical = [canonical_column(c) for c in sh.columns]
    sh.digest_text, sh.empty = digest_lines(sheet, sh.columns, sh.canonical)
    return sh


def _parse_sheet(
    sh: _Sheet, kind: str, unit_code: str, towns_by_unit: dict[str, dict[str, str]]
) -> dict[int, ParsedRow]:
    """The records of a sheet's non-empty rows (check 8's cell checks), by row index."""
    rows = sh.rows
    parse = PARSERS[sh.name]
    if kind == "unit" and not sh.empty:  # the usual case: every row, one unit's townships
        p = RowParser(sh.name, towns_by_unit.get(unit_code, {}))
        parsed = p.parse_columns(sh.columns, range(4, 4 + len(rows)), parse, sh.canonical)
        return dict(enumerate(parsed))
    skip = set(sh.empty)
    groups: dict[str, list[int]] = {}
    for k, cells in enumerate(rows):
        if k not in skip:
            groups.setdefault(canonical(cells[1]) if kind == "city" else unit_code, []).append(k)
    out: dict[int, ParsedRow] = {}
    for town_unit, indexes in groups.items():
        p = RowParser(sh.name, towns_by_unit.get(town_unit, {}))
        parsed = p.parse_rows([rows[k] for k in indexes], [sh.row_number(k) for k in indexes], parse)
        out.update(zip(indexes, parsed, strict=True))
    return out


def _non_empty(cells: Sequence[object]) -> bool:
    for c in cells:
        if c is None:
            continue
        if c.__class__ is str:
            if c.strip():  # type: ignore[attr-defined]
                return True
        elif canonical(c):
            return True
    return False


def _col(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i + 1)


def _check_rows(store: Store, wb: SafeWorkbook, res: VerifyResult, sheets: dict[str, _Sheet]) -> None:
    kind, unit_code = res.kind, res.unit_code
    units = store.unit_map()
    ctx = store.validation_context()
    errors = res.errors
    for sheet in DATA_SHEETS:
        for r, col in wb.formula_cells(sheet):
            if r >= 4:
                errors.append(
                    CellProblem(
                        sheet, r, f"{col}列", "单元格是公式，数据行只能填写数值或文字，请把公式改为值。"
                    )
                )
        for r1, c1, r2, c2 in wb.merged(sheet):
            if r2 >= 4:
                errors.append(
                    CellProblem(
                        sheet,
                        max(r1, 4),
                        f"{_col(c1 - 1)}列",
                        f"有合并单元格（{_col(c1 - 1)}{r1}:{_col(c2 - 1)}{r2}），"
                        "数据行不能合并单元格，请取消合并并逐行填写。",
                    )
                )
    parsed: dict[str, list[ParsedRow]] = {}
    for sheet in DATA_SHEETS:
        sh = sheets[sheet]
        for k in sh.empty:
            errors.append(
                CellProblem(sheet, sh.row_number(k), None, "是空行，数据中间不能有空行，请删除该行。")
            )
        # 序号 and 区县代码, column-wise: only the rows whose raw cell differs are looked at closely
        col0, col1 = (sh.columns[0], sh.columns[1]) if sh.rows else ((), ())
        odd_seq = {
            k for k, (v, seq) in enumerate(zip(col0, range(1, len(col0) + 1), strict=True)) if v != seq
        }
        odd_unit = {k for k, v in enumerate(col1) if v != unit_code} if kind == "unit" else set()
        out: list[ParsedRow] = []
        for k in sorted(sh.parsed):
            pr = sh.parsed[k]
            out.append(pr)
            if k in odd_seq:
                first, seq = col0[k], k + 1
                if canonical(first) != str(seq):
                    pr.problems.append(
                        CellProblem(
                            sheet, pr.row, "序号", f"序号应为 {seq}（从1起连续编号），现为“{canonical(first)}”。"
                        )
                    )
            if k in odd_unit:
                row_unit = canonical(col1[k])
                if row_unit != unit_code:
                    pr.problems.append(
                        CellProblem(
                            sheet,
                            pr.row,
                            "区县代码",
                            f"区县代码“{row_unit}”与填报单位“{unit_code}”不一致，请核对。",
                        )
                    )
        parsed[sheet] = out
    res.stations, res.approvals = parsed[S_STATIONS], parsed[S_APPROVALS]
    res.venues, res.poles = parsed[S_VENUES], parsed[S_POLES]
    # Links, duplicates, approvals and the rules of PRODUCT §3.3.
    venue_codes = _unique(res.venues, "venue_code", "场所编号", res)
    pole_codes = _unique(res.poles, "pole_code", "杆塔编号", res)
    station_keys: dict[tuple[str, str], ParsedRow] = {}
    for pr in res.stations:
        st = pr.record
        assert isinstance(st, Station)
        key = (st.operator, st.station_code)
        if st.operator and st.station_code:
            if key in station_keys:
                pr.problems.append(
                    CellProblem(
                        S_STATIONS,
                        pr.row,
                        "基站编码",
                        f"与第{station_keys[key].row}行重复（同一运营商的基站编码不能重复）。",
                    )
                )
            else:
                station_keys[key] = pr
        if pr.venue_code and pr.venue_code not in venue_codes:
            pr.problems.append(
                CellProblem(
                    S_STATIONS,
                    pr.row,
                    "依托场所编号",
                    f"“{pr.venue_code}”不在“免费开放场所”表中，请核对编号。",
                )
            )
        if pr.pole_code and pr.pole_code not in pole_codes:
            pr.problems.append(
                CellProblem(
                    S_STATIONS, pr.row, "依托杆塔编号", f"“{pr.pole_code}”不在“杆塔共享”表中，请核对编号。"
                )
            )
        unit = units.get(st.unit_code)
        if unit is not None and not any(x.column in ("组网方式", "建设状态") for x in pr.problems):
            sub = subsidy_for(st.network_mode, st.status, unit.kind)
            for header, want, got in zip(
                ("省级补助(元)", "市级补助(元)", "区县补助(元)"),
                (sub.province, sub.city, sub.unit),
                pr.subsidy_cells,
                strict=True,
            ):
                if got != want:
                    pr.problems.append(
                        CellProblem(
                            S_STATIONS,
                            pr.row,
                            header,
                            f"应为 {want} 元（按SA补助规则），现为“{'' if got is None else got}”。",
                        )
                    )
    for pr in res.approvals:
        assert pr.approval is not None and pr.station_key is not None
        target = station_keys.get(pr.station_key)
        if target is None:
            pr.problems.append(
                CellProblem(
                    S_APPROVALS,
                    pr.row,
                    "基站编码",
                    f"基站“{pr.station_key[1]}”不在“基站”表中，请核对编码和运营商。",
                )
            )
        else:
            st = target.record
            assert isinstance(st, Station)
            st.approvals.append(pr.approval)
    for sheet_rows, kind in ((res.stations, STATION), (res.venues, VENUE), (res.poles, POLE)):
        fn = KINDS[kind].validator
        for pr in sheet_rows:
            issues = fn(pr.record, ctx)
            if not issues:
                continue
            bad_cols = {x.column for x in pr.problems}
            for issue in issues:
                header = FIELD_HEADERS[pr.sheet].get(issue.field, issue.field)
                if header in bad_cols:
                    continue  # the cell problem already says it
                problem = CellProblem(pr.sheet, pr.row, header, issue.message, issue.severity)
                (pr.problems if issue.is_error else res.warnings).append(problem)
    for rows in (res.stations, res.approvals, res.venues, res.poles):
        for pr in rows:
            if pr.problems:
                errors.extend(p for p in pr.problems if p.is_error)
                res.warnings.extend(p for p in pr.problems if not p.is_error)


def _unique(rows: list[ParsedRow], attr: str, header: str, res: VerifyResult) -> set[str]:
    seen: dict[str, int] = {}
    for pr in rows:
        rec = pr.record
        assert isinstance(rec, Venue | Pole)
        code = getattr(rec, attr)
        if not code:
            continue
        if code in seen:
            pr.problems.append(
                CellProblem(pr.sheet, pr.row, header, f"与第{seen[code]}行重复，编号不能重复。")
            )
        else:
            seen[code] = pr.row
    return set(seen)


def summary_line(res: VerifyResult) -> str:
    if res.ok:
        unit = res.meta.get("unit_name", "") + f"({res.unit_code})"
        return (
            f"校验通过：{res.path.name} — {unit} {res.meta.get('iso_week', '')}，基站 {len(res.stations)} 行，"
            f"审批 {len(res.approvals)} 行，场所 {len(res.venues)} 行，杆塔 {len(res.poles)} 行"
            + ("，已签名" if res.signature_status == SIG_OK else "，未签名")
        )
    return f"校验未通过：{res.path.name}（{len(res.errors)} 个问题）"
