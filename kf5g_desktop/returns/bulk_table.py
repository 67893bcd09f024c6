"""An operator's list read as a table: the file's format, its text encoding and separator, the
header row (the reading half of the bulk import; :mod:`.bulk` maps, previews and commits).

:func:`read_table` reads .xlsx/.xls/.ods/.xlsb through the safe reader, or .csv/.txt text in UTF-8,
UTF-16 or GB18030 with any usual separator, and finds the header row: the row among the first rows
matching the most known header names (:data:`SYNONYMS`, which :func:`.bulk.guess_mapping` also
matches headers to fields with), or two rows read as one; :func:`with_header_row` reads it again
with the row given.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from kf5g_desktop.domain.normalize import normalize_text
from kf5g_desktop.domain.schema import FIELD_BY_NAME, POLE, STATION, VENUE
from kf5g_desktop.storage.errors import Kf5gError

from .xlsxsafe import LIST_FORMATS, SpreadsheetError, open_workbook, sniff_workbook

log = logging.getLogger("kf5g.bulk")

REGISTERS = {"stations": STATION, "venues": VENUE, "poles": POLE, STATION: STATION, VENUE: VENUE, POLE: POLE}
MAX_CSV_BYTES = 100 * 1024 * 1024


class BulkImportError(Kf5gError):
    pass


# Header synonyms per field (compared after :func:`header_key`: lower case, no spaces, brackets or
# punctuation): the header row is the row matching most of them; bulk.guess_mapping maps with them.
_COMMON = {
    "unit_code": ["区县代码", "区县", "所属区县", "县区", "区县名称"],
    "township_code": ["乡镇(街道)", "乡镇街道", "乡镇", "街道", "所属乡镇"],
    "address": ["详细地址", "地址", "站址地址", "安装地址"],
    "lon": ["经度", "lon", "lng", "longitude", "经度（度）"],
    "lat": ["纬度", "lat", "latitude", "纬度（度）"],
    "notes": ["备注", "说明", "remark", "notes"],
}
SYNONYMS: dict[str, dict[str, list[str]]] = {
    STATION: {
        **_COMMON,
        "station_code": [
            "基站编码",
            "站址编码",
            "gNodeB标识",
            "gnodebid",
            "gnb标识",
            "gnbid",
            "基站ID",
            "基站标识",
            "enodebid",
            "站点编码",
        ],
        "operator": ["承建运营商", "运营商", "承建方", "建设运营商", "所属运营商"],
        "name": ["基站名称", "站名", "站点名称", "基站名", "sitename"],
        "tower_site_code": ["铁塔站址编码", "铁塔编码", "铁塔站址", "铁塔站址ID"],
        "sharing_operators": ["共享运营商", "共享方", "共建共享运营商"],
        "station_type": ["基站类型", "站型", "站点类型"],
        "network_mode": ["组网方式", "组网", "SA/NSA", "组网模式"],
        "build_mode": ["建设方式"],
        "scene": ["覆盖场景", "场景"],
        "mast_type": ["塔桅类型", "铁塔类型"],
        "in_plan": ["纳入规划", "是否纳入规划"],
        "in_land_plan": ["纳入控规", "纳入国土空间规划"],
        "status": ["建设状态", "状态", "进度", "建设进度"],
        "planned_on_air": ["计划开通日期", "计划开通时间"],
        "construction_start": ["开工日期", "开工时间"],
        "on_air": ["开通日期", "开通时间", "入网日期", "入网时间"],
        "power_supply": ["供电方式"],
        "conversion": ["直供电改造", "改造状态"],
        "venue_id": ["依托场所编号", "场所编号"],
        "pole_id": ["依托杆塔编号", "杆塔编号"],
        "subsidy_state": ["补助状态"],
    },
    VENUE: {
        **_COMMON,
        "venue_code": ["场所编号", "场所编码"],
        "name": ["场所名称", "名称", "单位名称"],
        "category": ["场所类别", "类别", "场所类型"],
        "owner": ["产权单位", "管理单位"],
        "resources": ["开放资源", "开放内容"],
        "opened_on": ["开放日期", "开放时间"],
        "free": ["是否免费", "免费"],
        "not_free_reason": ["不免费原因", "收费原因"],
        "operators_entered": ["已进场运营商", "进场运营商"],
        "contact": ["联系人"],
        "phone": ["联系电话", "电话", "手机"],
    },
    POLE: {
        **_COMMON,
        "pole_code": ["杆塔编号", "杆塔编码", "杆号"],
        "name": ["杆塔名称", "名称"],
        "sector": ["权属行业", "行业"],
        "owner": ["权属单位", "产权单位"],
        "pole_type": ["杆塔类型", "杆型"],
        "smart": ["智能杆", "是否智能杆"],
        "merged_count": ["多杆合一数", "合杆数"],
        "sharing_operators": ["共享运营商", "挂载运营商"],
        "shared_on": ["共享日期", "共享时间"],
        "agreement_no": ["协议编号", "合同编号"],
    },
}


def header_key(text: object) -> str:
    t = normalize_text(str(text or "")).lower()
    return re.sub(r"[\s()（）\[\]【】:：_\-/⏎]", "", t)


LINE_BREAK = "⏎"  # how a line break inside a cell is shown on one line


def show(value: object, limit: int = 60) -> str:
    """A cell as the user should see it in a message: on one line (breaks marked ⏎), a whole number
    read as 1.0 shown as 1, long text shortened."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        # as Excel shows it: 15 significant digits (not the float's binary tail …889984)
        text = str(int(value)) if abs(value) < 1e15 else format(Decimal(f"{value:.15g}"), "f")
    else:
        text = str(value)
    text = text.replace("\r\n", LINE_BREAK).replace("\n", LINE_BREAK).replace("\r", LINE_BREAK)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _header_text(value: object) -> str:
    return normalize_text(show(value, limit=10_000)) if value is not None else ""


@dataclass(slots=True)
class Table:
    path: Path
    sheet: str | None
    header_row: int  # 1-based row of the headers in the file (the lower one of a two-row header)
    headers: list[str]
    rows: list[tuple[int, list[object]]]  # (file row number, cells)
    header_rows: tuple[int, ...] = ()  # every file row the headers were read from
    raw: list[tuple[int, list[object]]] = field(default_factory=list, repr=False)  # every row read
    guessed: bool = True  # the header row was found, not given


HEADER_SCAN_ROWS = 30  # the header row is looked for among the first rows of the file
TEXT_DELIMITERS = (",", "\t", ";", "|", "，")


def _known_header_keys(kind: str | None) -> tuple[set[str], set[str]]:
    """Exact keys, and keys long enough to count when contained in a header."""
    exact: set[str] = set()
    for k, syn in SYNONYMS.items():
        if kind is not None and k != kind:
            continue
        for fld, names in syn.items():
            exact.update(header_key(n) for n in names)
            exact.add(header_key(FIELD_BY_NAME[k][fld].label))
    return exact, {k for k in exact if len(k) >= 2}


def _header_score(cells: Sequence[object], known: tuple[set[str], set[str]]) -> float:
    exact, partial = known
    score = 0.0
    seen: set[str] = set()
    for c in cells:
        if c is None or isinstance(c, (int, float)):
            continue
        k = header_key(c)
        if not k or k in seen or len(k) > 40:
            continue
        seen.add(k)
        if k in exact:
            score += 1
        elif any(p in k for p in partial):
            score += 0.5
    return score


def _combine(upper: Sequence[object], lower: Sequence[object]) -> list[object]:
    """A two-row header read as one: each column's lower cell, or the upper one where the lower is
    empty (a name merged down over both rows); group cells above named columns drop out."""
    n = max(len(upper), len(lower))
    out: list[object] = []
    for i in range(n):
        lo = lower[i] if i < len(lower) else None
        up = upper[i] if i < len(upper) else None
        out.append(lo if lo not in (None, "") else up)
    return out


def _pick_header(
    raw: list[tuple[int, list[object]]], known: tuple[set[str], set[str]], row: int | None
) -> tuple[tuple[int, ...], list[object]] | None:
    """(rows, cells) of the header: the row among the first rows that matches the most known
    fields, or a two-row header when reading two rows as one matches more than either alone.
    ``row`` given: that row (with the row above it when the two together match more)."""
    by_no = {r: cells for r, cells in raw}
    if row is not None:
        if row not in by_no or not any(c not in (None, "") for c in by_no[row]):
            return None
        best: tuple[float, tuple[int, ...], list[object]] = (
            _header_score(by_no[row], known),
            (row,),
            by_no[row],
        )
        if row - 1 in by_no:
            pair = _combine(by_no[row - 1], by_no[row])
            score = _header_score(pair, known)
            if score > best[0]:
                best = (score, (row - 1, row), pair)
        return best[1], best[2]
    head = raw[:HEADER_SCAN_ROWS]
    found: tuple[float, tuple[int, ...], list[object]] | None = None
    for i, (r, cells) in enumerate(head):
        if sum(1 for c in cells if c not in (None, "")) < 2:
            continue
        score = _header_score(cells, known)
        if found is None or score > found[0]:
            found = (score, (r,), cells)
        if i + 1 < len(head) and head[i + 1][0] == r + 1:
            pair = _combine(cells, head[i + 1][1])
            pscore = _header_score(pair, known)
            if pscore > max(score, _header_score(head[i + 1][1], known)) and pscore > found[0]:
                found = (pscore, (r, r + 1), pair)
    if found is None:
        return None
    if found[0] == 0:  # nothing known: the first row with at least two titles
        for r, cells in head:
            if sum(1 for c in cells if c not in (None, "")) >= 2:
                return (r,), cells
    return found[1], found[2]


def _decode_text(raw: bytes, name: str) -> str:
    """Text of a .csv/.txt: UTF-8 (with or without BOM), UTF-16/32 with BOM, UTF-16 without BOM (told
    by its zero bytes), else GB18030 (GBK). An undecodable byte is reported with its line."""
    boms = (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    )
    forced = next((enc for bom, enc in boms if raw.startswith(bom)), None)
    if forced is None:
        sample = raw[:8192]
        zeros = sample.count(0)
        if zeros >= max(2, len(sample) // 8):
            odd = sum(1 for i in range(1, len(sample), 2) if sample[i] == 0)
            if odd >= zeros * 0.9:
                forced = "utf-16-le"
            elif zeros - odd >= zeros * 0.9:
                forced = "utf-16-be"
    failures: list[tuple[int, str]] = []
    for enc in (forced,) if forced else ("utf-8", "gb18030"):
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError as exc:
            failures.append((exc.start, enc))
            continue
        if "\0" in text:
            line = text[: text.index("\0")].count("\n") + 1
            raise BulkImportError(
                f"文件“{name}”第{line}行含有空字符，不是普通的文本表格（可能是其他格式的文件改成了 .csv）。"
                "请用 Excel/WPS 打开后另存为 .xlsx 或 UTF-8 编码的 CSV。"
            )
        return text
    pos, enc = max(failures)
    line = raw[:pos].decode(enc, errors="replace").count("\n") + 1
    what = {"utf-16-le": "UTF-16", "utf-16-be": "UTF-16", "utf-16": "UTF-16", "utf-32": "UTF-32"}.get(
        enc, "UTF-8 或 GBK/GB18030"
    )
    raise BulkImportError(
        f"文件“{name}”第{line}行有无法识别的字符（不是 {what} 编码的文本）。"
        "请用 Excel/WPS 打开后另存为 .xlsx，或另存为 UTF-8 编码的 CSV。"
    )


def _delimiter(text: str) -> str:
    """The separator used most consistently over the first lines (a title line above the header
    has none): ``,``, tab, ``;``, ``|`` or the full-width ``，``."""
    lines = [ln for ln in text.splitlines()[:30] if ln.strip()]
    best = (0, 0, ",")
    for d in TEXT_DELIMITERS:
        counts = [ln.count(d) for ln in lines if ln.count(d)]
        if not counts:
            continue
        mode = max(set(counts), key=lambda n: (counts.count(n), n))
        score = (counts.count(mode), mode, d)
        if score[:2] > best[:2]:
            best = score
    return best[2]


def _read_csv(path: Path) -> list[list[object]]:
    raw = path.read_bytes()
    if len(raw) > MAX_CSV_BYTES:
        raise BulkImportError(f"文件“{path.name}”太大（{len(raw) // 1024 // 1024} MB），请拆分后导入。")
    text = _decode_text(raw, path.name)

    class Dialect(csv.excel):
        delimiter = _delimiter(text)

    try:  # newline="": the csv module reads \r, \n and \r\n line ends itself (and \r inside quotes)
        return [list(r) for r in csv.reader(io.StringIO(text, newline=""), Dialect)]
    except csv.Error as exc:
        log.info("%s: csv error: %s", path, exc)
        raise BulkImportError(
            f"文件“{path.name}”不是有效的 CSV 文本（引号或换行不成对），请用 Excel/WPS 打开后另存为 .xlsx 或 UTF-8 编码的 CSV。"
        ) from None


def read_table(
    path: Path | str, *, sheet: str | None = None, kind: str | None = None, header_row: int | None = None
) -> Table:
    """The rows of an operator's list (.xlsx/.xls/.ods/.xlsb, or .csv/.txt text) and its header: the
    row among the first rows matching the most known fields of ``kind`` (any register when None),
    or ``header_row`` when given."""
    path = Path(path)
    kind = REGISTERS.get(kind, kind) if kind else None
    if path.suffix.lower() in (".csv", ".txt") and not sniff_workbook(path):
        if not path.is_file():
            raise BulkImportError(f"文件“{path}”不存在。")
        raw_rows = [(i + 1, [c if c != "" else None for c in r]) for i, r in enumerate(_read_csv(path))]
        used_sheet = None
    else:
        try:
            with open_workbook(path, formats=LIST_FORMATS) as wb:
                names = [s.name for s in wb.sheets if not s.hidden]
                used_sheet = sheet or (names[0] if names else wb.sheet_names[0])
                if used_sheet not in wb.sheet_names:
                    raise BulkImportError(
                        f"文件中没有工作表“{used_sheet}”，可选：{'、'.join(wb.sheet_names)}。"
                    )
                raw_rows = list(wb.rows(used_sheet))
                formulas = wb.formula_cells(used_sheet)
        except SpreadsheetError as exc:
            raise BulkImportError(str(exc)) from None
        if formulas:
            r, c = formulas[0]
            raise BulkImportError(
                f"工作表“{used_sheet}”第{r}行{c}列是公式（共 {len(formulas)} 处），请复制后“选择性粘贴为数值”再导入。"
            )
    table = Table(path, used_sheet, 0, [], [], raw=raw_rows)
    return with_header_row(table, header_row, kind=kind)


def with_header_row(table: Table, header_row: int | None, *, kind: str | None = None) -> Table:
    """The same rows read with another header row (None: found again)."""
    path = table.path
    picked = _pick_header(table.raw, _known_header_keys(kind), header_row)
    if picked is None:
        if header_row is not None:
            last = table.raw[-1][0] if table.raw else 0
            raise BulkImportError(
                f"文件“{path.name}”第{header_row}行是空行或不存在（文件共 {last} 行），不能作为表头行，请另选。"
            )
        raise BulkImportError(
            f"文件“{path.name}”的前{HEADER_SCAN_ROWS}行中找不到表头行（至少两列有标题），请检查文件，"
            "或指定表头所在的行（命令行 --header-row N）。"
        )
    hrows, hcells = picked
    hr = hrows[-1]
    headers = [_header_text(c) for c in hcells]
    rows = [(r, cells) for r, cells in table.raw if r > hr and any(c not in (None, "") for c in cells)]
    return Table(path, table.sheet, hr, headers, rows, hrows, table.raw, header_row is None)
