"""Bulk import of operators' lists (xlsx or csv, any column order) into one register.

1. :func:`read_table` reads the file (safely; csv in UTF-8 or GB18030, any delimiter) and finds the
   header row. 2. :func:`guess_mapping` matches headers to fields by synonyms (站址编码/基站编码/
   gNodeB标识, 经度/lon …); the user corrects it and can save it (:func:`save_mapping`).
3. :func:`preview` converts and validates every row (all errors at once, naming row and column)
   and compares with the database on the business key (operator + station code, venue code, pole
   code): new / changed / unchanged / conflicting. 4. :func:`commit` writes everything in one batch
   after a backup — all or nothing — and returns the batch id, which :meth:`Store.undo_batch` undoes.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from kf5g_desktop.domain import codes
from kf5g_desktop.domain.kinds import KINDS
from kf5g_desktop.domain.normalize import (
    normalize_code,
    normalize_free_text,
    normalize_number,
    normalize_text,
    parse_date,
)
from kf5g_desktop.domain.records import NON_DATA_FIELDS, Pole, Station, Venue
from kf5g_desktop.domain.schema import (
    BOOL,
    CODE,
    CODES,
    DATE,
    FIELD_BY_NAME,
    FLOAT,
    INT,
    POLE,
    REF,
    STATION,
    VENUE,
    is_free_text,
)
from kf5g_desktop.storage.errors import Kf5gError
from kf5g_desktop.storage.store import Store

from .xlsxsafe import SpreadsheetError, open_workbook

Progress = Callable[[int, int, str], None]
REGISTERS = {"stations": STATION, "venues": VENUE, "poles": POLE, STATION: STATION, VENUE: VENUE, POLE: POLE}
MAX_CSV_BYTES = 100 * 1024 * 1024

NEW, CHANGED, UNCHANGED, CONFLICT, ERROR = "new", "changed", "unchanged", "conflict", "error"
STATE_LABELS = {NEW: "新增", CHANGED: "修改", UNCHANGED: "不变", CONFLICT: "冲突", ERROR: "有错误"}


class BulkImportError(Kf5gError):
    pass


# Header synonyms per field (compared after :func:`_key`: lower case, no spaces/brackets/punctuation).
_COMMON = {
    "unit_code": ["区县代码", "区县", "所属区县", "县区", "区县名称"],
    "township_code": ["乡镇(街道)", "乡镇街道", "乡镇", "街道", "所属乡镇"],
    "address": ["详细地址", "地址", "站址地址", "安装地址"],
    "lon": ["经度", "lon", "lng", "longitude", "经度(度)"],
    "lat": ["纬度", "lat", "latitude", "纬度(度)"],
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
REQUIRED = {STATION: ("station_code", "operator"), VENUE: ("name",), POLE: ("name",)}
KEY_LABEL = {STATION: "运营商+基站编码", VENUE: "场所编号", POLE: "杆塔编号"}


def _key(text: object) -> str:
    t = normalize_text(str(text or "")).lower()
    return re.sub(r"[\s()（）\[\]【】:：_\-/]", "", t)


@dataclass(slots=True)
class Table:
    path: Path
    sheet: str | None
    header_row: int  # 1-based row of the headers in the file
    headers: list[str]
    rows: list[tuple[int, list[object]]]  # (file row number, cells)


def _read_csv(path: Path) -> list[list[object]]:
    raw = path.read_bytes()
    if len(raw) > MAX_CSV_BYTES:
        raise BulkImportError(f"文件“{path.name}”太大({len(raw) // 1024 // 1024} MB),请拆分后导入。")
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise BulkImportError(f"文件“{path.name}”的编码无法识别,请另存为 UTF-8 编码的 CSV 或 .xlsx。")
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",\t;|，")
    except csv.Error:
        dialect = csv.excel
    try:  # newline="": the csv module reads \r, \n and \r\n line ends itself (and \r inside quotes)
        return [list(r) for r in csv.reader(io.StringIO(text, newline=""), dialect)]
    except csv.Error as exc:
        raise BulkImportError(
            f"文件“{path.name}”不是有效的 CSV 文本({exc}),请用 Excel/WPS 打开后另存为 .xlsx 或 UTF-8 编码的 CSV。"
        ) from None


def read_table(path: Path | str, *, sheet: str | None = None) -> Table:
    path = Path(path)
    if path.suffix.lower() in (".csv", ".txt"):
        if not path.is_file():
            raise BulkImportError(f"文件“{path}”不存在。")
        raw_rows = [(i + 1, r) for i, r in enumerate(_read_csv(path))]
        used_sheet = None
    else:
        try:
            with open_workbook(path) as wb:
                names = [s.name for s in wb.sheets if not s.hidden]
                used_sheet = sheet or (names[0] if names else wb.sheet_names[0])
                if used_sheet not in wb.sheet_names:
                    raise BulkImportError(
                        f"文件中没有工作表“{used_sheet}”,可选:{'、'.join(wb.sheet_names)}。"
                    )
                raw_rows = list(wb.rows(used_sheet))
                formulas = wb.formula_cells(used_sheet)
        except SpreadsheetError as exc:
            raise BulkImportError(str(exc)) from None
        if formulas:
            r, c = formulas[0]
            raise BulkImportError(
                f"工作表“{used_sheet}”第{r}行{c}列是公式(共 {len(formulas)} 处),请复制后“选择性粘贴为数值”再导入。"
            )
    header_at = None
    for r, cells in raw_rows[:15]:
        if sum(1 for c in cells if c not in (None, "")) >= 2:
            header_at = (r, cells)
            break
    if header_at is None:
        raise BulkImportError(f"文件“{path.name}”的前15行中找不到表头行(至少两列有标题),请检查文件。")
    hr, hcells = header_at
    headers = [normalize_text(str(c)) if c is not None else "" for c in hcells]
    rows = [(r, cells) for r, cells in raw_rows if r > hr and any(c not in (None, "") for c in cells)]
    return Table(path, used_sheet, hr, headers, rows)


def guess_mapping(kind: str, headers: Sequence[str], saved: dict[str, str] | None = None) -> dict[str, int]:
    """Field → column index. Saved header names win, then exact synonyms, then partial matches."""
    keys = [_key(h) for h in headers]
    out: dict[str, int] = {}
    used: set[int] = set()
    for fld, header in (saved or {}).items():
        if header in headers and fld in FIELD_BY_NAME[kind]:
            i = list(headers).index(header)
            out[fld], _ = i, used.add(i)
    syn = SYNONYMS[kind]
    for fld, names in syn.items():  # exact
        if fld in out:
            continue
        for n in names:
            k = _key(n)
            if k in keys and keys.index(k) not in used:
                i = keys.index(k)
                out[fld] = i
                used.add(i)
                break
    for fld, names in syn.items():  # partial: the header contains a synonym
        if fld in out:
            continue
        for i, k in enumerate(keys):
            if i in used or not k:
                continue
            if any(len(_key(n)) >= 2 and _key(n) in k for n in names):
                out[fld] = i
                used.add(i)
                break
    return out


def mapping_setting(kind: str) -> str:
    return f"bulk_mapping.{kind}"


def saved_mapping(store: Store, kind: str) -> dict[str, str]:
    try:
        data = json.loads(store.get_setting(mapping_setting(kind), "{}"))
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
    except json.JSONDecodeError:
        return {}


def save_mapping(store: Store, kind: str, headers: Sequence[str], mapping: dict[str, int]) -> None:
    store.set_settings(
        {mapping_setting(kind): json.dumps({f: headers[i] for f, i in mapping.items()}, ensure_ascii=False)}
    )


@dataclass(slots=True)
class RowProblem:
    row: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"第{self.row}行" + (f"“{self.column}”列" if self.column else "")
        return f"{where}:{self.message}"


@dataclass(slots=True)
class PreviewRow:
    row: int
    state: str
    record: Station | Venue | Pole | None
    existing_id: int | None = None
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # (field label, old, new)
    problems: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)


@dataclass(slots=True)
class Preview:
    kind: str
    table: Table
    mapping: dict[str, int]
    rows: list[PreviewRow]

    def count(self, state: str) -> int:
        return sum(1 for r in self.rows if r.state == state)

    @property
    def errors(self) -> list[RowProblem]:
        return [p for r in self.rows for p in r.problems]

    @property
    def ok(self) -> bool:
        return not any(r.state in (ERROR, CONFLICT) for r in self.rows)

    def summary(self) -> str:
        return ",".join(
            f"{STATE_LABELS[s]} {self.count(s)}" for s in (NEW, CHANGED, UNCHANGED, CONFLICT, ERROR)
        )


def _convert(
    kind: str,
    fld: str,
    value: object,
    refs: dict[str, dict[str, int]],
    units_by_name: dict[str, str],
    towns: dict[str, dict[str, str]],
    unit_code: str,
) -> object:
    """One cell → a field value; raises ValueError with a Chinese message."""
    spec = FIELD_BY_NAME[kind][fld]
    if value is None or (isinstance(value, str) and not value.strip()):
        return [] if spec.kind == CODES else None
    if fld == "unit_code":
        code = normalize_code(value) or ""
        if code in units_by_name.values():
            return code
        name = normalize_text(str(value))
        if name in units_by_name:
            return units_by_name[name]
        raise ValueError(f"“{value}”不是开封市的区县(填区县代码如 410221 或名称如 杞县)")
    if fld == "township_code":
        name = normalize_text(str(value))
        t = towns.get(unit_code, {})
        if name in t:
            return t[name]
        code = normalize_code(value)
        if code in t.values():
            return code
        raise ValueError(f"“{value}”不是该区县官方名单中的乡镇(街道)")
    if fld in ("station_code", "tower_site_code", "venue_code", "pole_code", "agreement_no", "phone"):
        if isinstance(value, float) and not value.is_integer():
            raise ValueError(f"“{value}”是小数,编码应为文本")
        return normalize_code(value)
    if spec.kind == CODE and spec.code_list is not None:
        code = spec.code_list.code_of(normalize_text(str(value)))
        if code is None:
            raise ValueError(f"“{value}”不在代码表中,可选:{'、'.join(spec.code_list.labels)}")
        return code
    if spec.kind == CODES and spec.code_list is not None:
        found, unknown = spec.code_list.parse_multi(normalize_text(str(value)))
        if unknown:
            raise ValueError(f"“{'、'.join(unknown)}”不在代码表中,可选:{'、'.join(spec.code_list.labels)}")
        return found
    if spec.kind == DATE:
        try:
            return parse_date(value)
        except (ValueError, OverflowError):
            raise ValueError(f"“{value}”不是有效日期,请写成 2021-02-01") from None
    if spec.kind == FLOAT:
        try:
            n = normalize_number(value)
        except ValueError:
            raise ValueError(f"“{value}”不是数字") from None
        return None if n is None else round(n, 6)
    if spec.kind == INT:
        try:
            n = normalize_number(value)
        except ValueError:
            raise ValueError(f"“{value}”不是整数") from None
        if n is not None and not n.is_integer():
            raise ValueError(f"“{value}”应为整数")
        return None if n is None else int(n)
    if spec.kind == BOOL:
        try:
            return codes.parse_yes_no(str(value))
        except ValueError:
            raise ValueError(f"“{value}”应为“是”或“否”") from None
    if spec.kind == REF:
        code = normalize_code(value) or ""
        table = refs["venue" if fld == "venue_id" else "pole"]
        if code not in table:
            raise ValueError(f"编号“{code}”在数据库中不存在,请先导入场所/杆塔")
        return table[code]
    text = (normalize_free_text if is_free_text(fld) else normalize_text)(
        str(value) if not isinstance(value, float) or not value.is_integer() else str(int(value))
    )
    return text or None


def preview(
    store: Store,
    table: Table,
    kind: str,
    mapping: dict[str, int],
    *,
    default_unit: str | None = None,
    progress: Progress | None = None,
) -> Preview:
    """Every row converted, validated and compared with the database. Nothing is written."""
    kind = REGISTERS.get(kind, kind)
    missing = [f for f in REQUIRED[kind] if f not in mapping]
    if missing:
        labels = "、".join(FIELD_BY_NAME[kind][f].label for f in missing)
        raise BulkImportError(
            f"还没有对应“{labels}”的列,请在列对应关系中指定(文件的表头:{'、'.join(h for h in table.headers if h)})。"
        )
    inst = store.installation()
    default_unit = default_unit or (inst.unit_code if inst.configured and not inst.is_city else None)
    if "unit_code" not in mapping and not default_unit:
        raise BulkImportError("文件中没有“区县”列,请指定区县(命令行 --unit 410221)。")
    units = store.unit_map()
    units_by_name = {u.name: u.code for u in units.values()} | {c: c for c in units}
    towns: dict[str, dict[str, str]] = {}
    for t in store.townships():
        towns.setdefault(t.unit_code, {})[t.name] = t.code
    refs = {
        "venue": {v.venue_code: v.id for v in store.query(VENUE)},
        "pole": {p.pole_code: p.id for p in store.query(POLE)},
    }
    existing = {}
    approvals = {}
    for rec in store.query(kind):
        existing[_business_key(kind, rec)] = rec
    if kind == STATION and existing:
        approvals = store.approvals_for()
    ctx = store.validation_context()
    validate = KINDS[kind].validator
    cls = KINDS[kind].record_class
    labels = {f: FIELD_BY_NAME[kind][f].label for f in FIELD_BY_NAME[kind]}
    header_of = {f: table.headers[i] or labels.get(f, f) for f, i in mapping.items()}
    seen: dict[object, int] = {}
    out: list[PreviewRow] = []
    # unit first, so townships can be resolved against it
    order = sorted(mapping, key=lambda f: 0 if f == "unit_code" else 1)
    for n, (row_no, cells) in enumerate(table.rows):
        problems: list[RowProblem] = []
        values: dict[str, object] = {}
        unit_code = default_unit or ""
        for fld in order:
            i = mapping[fld]
            cell = cells[i] if i < len(cells) else None
            try:
                values[fld] = _convert(kind, fld, cell, refs, units_by_name, towns, unit_code)
            except ValueError as exc:
                problems.append(RowProblem(row_no, header_of[fld], str(exc)))
                continue
            if fld == "unit_code" and values[fld]:
                unit_code = values[fld]  # type: ignore[assignment]
        values.setdefault("unit_code", unit_code)
        if not values.get("unit_code"):
            values["unit_code"] = unit_code
        key = _business_key(kind, values)
        old = existing.get(key) if key is not None else None
        if old is not None:
            if kind == STATION:
                old.approvals = approvals.get(old.id, [])
            rec = replace(old, **{k: v for k, v in values.items()})
        else:
            rec = cls(**{k: v for k, v in values.items()})
        state = ERROR if problems else NEW
        bad_cols = {p.column for p in problems}
        warns: list[RowProblem] = []
        for issue in validate(rec, ctx):  # type: ignore[arg-type]
            col = header_of.get(issue.field, labels.get(issue.field, issue.field))
            if col in bad_cols:
                continue
            (problems if issue.is_error else warns).append(RowProblem(row_no, col, issue.message))
        if problems:
            state = ERROR
        elif key is not None and key in seen:
            state = CONFLICT
            problems.append(
                RowProblem(row_no, None, f"与第{seen[key]}行的{KEY_LABEL[kind]}相同,同一文件中不能重复。")
            )
        elif old is not None and old.unit_code != values.get("unit_code", old.unit_code):
            state = CONFLICT
            problems.append(
                RowProblem(
                    row_no,
                    None,
                    f"{KEY_LABEL[kind]}已属于区县{old.unit_code},不能改到{values['unit_code']}。",
                )
            )
        if key is not None:
            seen.setdefault(key, row_no)
        pr = PreviewRow(
            row_no, state, rec, old.id if old is not None else None, problems=problems, warnings=warns
        )
        if state == NEW and old is not None:
            pr.changes = _changes(kind, old, rec)
            pr.state = CHANGED if pr.changes else UNCHANGED
        out.append(pr)
        if progress is not None and n % 2000 == 0:
            progress(n, len(table.rows), "正在检查")
    return Preview(kind, table, mapping, out)


def _business_key(kind: str, rec: object) -> object:
    get = rec.get if isinstance(rec, dict) else (lambda n: getattr(rec, n, None))  # type: ignore[union-attr]
    if kind == STATION:
        op, code = get("operator"), get("station_code")
        return (op, code) if op and code else None
    code = get(KINDS[kind].code_field)
    return code or None


def _changes(kind: str, old: object, new: object) -> list[tuple[str, str, str]]:
    out = []
    for name, spec in FIELD_BY_NAME[kind].items():
        if name in NON_DATA_FIELDS:
            continue
        a, b = getattr(old, name), getattr(new, name)
        if isinstance(a, list):
            a, b = sorted(a), sorted(b or [])
        if (a or None) != (b or None):
            out.append((spec.label, spec.display(a), spec.display(b)))
    return out


def commit(store: Store, pv: Preview, *, description: str = "") -> int:
    """Write the whole preview in one batch (after a backup). Refused while any row has errors."""
    if not pv.ok:
        bad = [r for r in pv.rows if r.state in (ERROR, CONFLICT)]
        raise BulkImportError(
            f"有 {len(bad)} 行存在错误或冲突,未导入任何数据。请修改后重新导入:\n"
            + "\n".join(str(p) for r in bad[:20] for p in r.problems)
        )
    store.backup("import")
    desc = description or f"批量导入 {pv.table.path.name}({pv.summary()})"
    with store.batch_writer("bulk", desc) as w:
        new = [r.record for r in pv.rows if r.state == NEW]
        if pv.kind == STATION:
            w.insert_many(STATION, new)  # type: ignore[arg-type]
        else:
            for rec in new:
                w.save(rec)  # type: ignore[arg-type]  # codes assigned by the store
        for r in pv.rows:
            if r.state == CHANGED:
                w.save(r.record)  # type: ignore[arg-type]
        return w.batch_id


def load_and_preview(
    store: Store,
    path: Path | str,
    register: str,
    *,
    mapping: dict[str, str] | None = None,
    default_unit: str | None = None,
    sheet: str | None = None,
) -> Preview:
    """read_table + guess_mapping (with saved and given overrides) + preview."""
    kind = REGISTERS.get(register)
    if kind is None:
        raise BulkImportError(f"登记簿“{register}”不对,可选:stations(基站)、venues(场所)、poles(杆塔)。")
    table = read_table(path, sheet=sheet)
    saved = saved_mapping(store, kind) | (mapping or {})
    for fld, header in (mapping or {}).items():
        if fld not in FIELD_BY_NAME[kind]:
            raise BulkImportError(f"字段“{fld}”不存在,可选:{'、'.join(FIELD_BY_NAME[kind])}。")
        if header not in table.headers:
            raise BulkImportError(
                f"文件中没有名为“{header}”的列,文件的表头:{'、'.join(h for h in table.headers if h)}。"
            )
    cols = guess_mapping(kind, table.headers, saved)
    return preview(store, table, kind, cols, default_unit=default_unit)
