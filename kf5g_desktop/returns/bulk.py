"""Bulk import of operators' lists (xlsx/xls/ods/xlsb or csv, any column order) into one register.

1. :func:`.bulk_table.read_table` reads the file and finds the header row. 2. :func:`guess_mapping`
   matches headers to fields by synonyms (站址编码/基站编码/gNodeB标识, 经度/lon …); the user corrects
   it and can save it (:func:`save_mapping`). 3. :func:`preview` converts and validates every row
   (all errors at once, naming row and column; codes Excel has mangled) and compares with the
   database on the business key (operator + station code, venue code, pole code): new / changed /
   unchanged / conflicting. 4. :func:`commit` writes everything in one batch after a backup — all
   or nothing — and returns the batch id, which :meth:`Store.undo_batch` undoes.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from kf5g_desktop.domain import codes, coords, nearby
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
from kf5g_desktop.storage.store import Store

from .bulk_table import REGISTERS, SYNONYMS, BulkImportError, Table, header_key, read_table, show

Progress = Callable[[int, int, str], None]

NEW, CHANGED, UNCHANGED, CONFLICT, ERROR = "new", "changed", "unchanged", "conflict", "error"
STATE_LABELS = {NEW: "新增", CHANGED: "修改", UNCHANGED: "不变", CONFLICT: "冲突", ERROR: "有错误"}
REQUIRED = {STATION: ("station_code", "operator"), VENUE: ("name",), POLE: ("name",)}
KEY_LABEL = {STATION: "运营商+基站编码", VENUE: "场所编号", POLE: "杆塔编号"}


def guess_mapping(kind: str, headers: Sequence[str], saved: dict[str, str] | None = None) -> dict[str, int]:
    """Field → column index. Saved header names win, then exact synonyms, then partial matches."""
    keys = [header_key(h) for h in headers]
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
            k = header_key(n)
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
            if any(len(header_key(n)) >= 2 and header_key(n) in k for n in names):
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


def save_mapping(
    store: Store,
    kind: str,
    headers: Sequence[str],
    mapping: dict[str, int],
    coord_system: str | None = None,
) -> None:
    values = {
        mapping_setting(kind): json.dumps({f: headers[i] for f, i in mapping.items()}, ensure_ascii=False)
    }
    if coord_system is not None:
        values[coord_system_setting(kind)] = coord_system
    store.set_settings(values)


def coord_system_setting(kind: str) -> str:
    return f"bulk_mapping.{kind}.coord_system"


def saved_coord_system(store: Store, kind: str) -> str:
    """The coordinate system the last saved mapping for ``kind`` reads coordinates in (WGS-84 default)."""
    value = store.get_setting(coord_system_setting(kind), coords.WGS84)
    return value if value in coords.SYSTEMS else coords.WGS84


def _to_stored_system(values: dict[str, object], coord_system: str) -> None:
    """Typed GCJ-02/BD-09 longitude and latitude as the WGS-84 numbers that are stored."""
    lon, lat = values.get("lon"), values.get("lat")
    if coord_system != coords.WGS84 and isinstance(lon, (int, float)) and isinstance(lat, (int, float)):
        values["lon"], values["lat"] = coords.to_stored(lon, lat, coord_system)


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
    coord_system: str = coords.WGS84  # what the file's coordinates were read as (stored: WGS-84)

    def count(self, state: str) -> int:
        return sum(1 for r in self.rows if r.state == state)

    @property
    def errors(self) -> list[RowProblem]:
        return [p for r in self.rows for p in r.problems]

    @property
    def ok(self) -> bool:
        return not any(r.state in (ERROR, CONFLICT) for r in self.rows)

    def summary(self) -> str:
        return "，".join(
            f"{STATE_LABELS[s]} {self.count(s)}" for s in (NEW, CHANGED, UNCHANGED, CONFLICT, ERROR)
        )


# Codes Excel may have turned into numbers: each such cell gets a row message (an error where digits
# were lost, a warning where only leading zeros may be gone), and rows colliding on one are errors.
MANGLED_CODE_FIELDS = ("station_code", "tower_site_code", "pole_code")
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:\.\d*)?[eE][+-]?\d+$")
EXCEL_DIGITS = 15  # Excel keeps 15 significant digits of a number
_AS_TEXT = "请在 Excel 中把该列设为“文本”格式，填入完整的原编码后重新导出。"


def _number_cell(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def mangled_code(value: object) -> str | None:
    """Why a code cell cannot be taken as the code (its digits are lost), or None."""
    if isinstance(value, str) and _SCIENTIFIC.match(normalize_text(value)):
        return f"“{show(value)}”是科学计数法：Excel 把长编码当成了数字，后面几位已经丢失。{_AS_TEXT}"
    if not _number_cell(value):
        return None
    if isinstance(value, float) and not value.is_integer():
        return f"“{show(value)}”是带小数的数字，不是编码：Excel 把编码当成了数字。{_AS_TEXT}"
    digits = len(str(abs(int(value))))
    if digits > EXCEL_DIGITS:
        return (
            f"“{show(value)}”是 {digits} 位的数字：Excel 只保留 {EXCEL_DIGITS} 位有效数字，"
            f"后面的位已经变成 0。{_AS_TEXT}"
        )
    return None


def number_code_warning(value: object) -> str | None:
    """The warning for a code that was a number cell whose digits are all there."""
    if not _number_cell(value) or mangled_code(value) is not None:
        return None
    return (
        f"编码在文件中是数字（{show(value)}），已按文本“{normalize_code(value)}”读入；"
        f"原编码如以 0 开头，开头的 0 已经丢失。请核对，最好在 Excel 中把该列设为“文本”格式后重新导出。"
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
        raise ValueError(f"“{show(value)}”不是开封市的区县（填区县代码如 410221 或名称如 杞县）")
    if fld == "township_code":
        name = normalize_text(str(value))
        t = towns.get(unit_code, {})
        if name in t:
            return t[name]
        code = normalize_code(value)
        if code in t.values():
            return code
        raise ValueError(f"“{show(value)}”不是该区县官方名单中的乡镇（街道）")
    if fld in MANGLED_CODE_FIELDS:
        mangled = mangled_code(value)
        if mangled is not None:
            raise ValueError(mangled)
        return normalize_code(value)
    if fld in ("venue_code", "agreement_no", "phone"):
        if isinstance(value, float) and not value.is_integer():
            raise ValueError(f"“{show(value)}”是小数，编码应为文本")
        return normalize_code(value)
    if spec.kind == CODE and spec.code_list is not None:
        code = spec.code_list.code_of(normalize_text(str(value)))
        if code is None:
            raise ValueError(f"“{show(value)}”不在代码表中，可选：{'、'.join(spec.code_list.labels)}")
        return code
    if spec.kind == CODES and spec.code_list is not None:
        found, unknown = spec.code_list.parse_multi(normalize_text(str(value)))
        if unknown:
            raise ValueError(
                f"“{show('、'.join(unknown))}”不在代码表中，可选：{'、'.join(spec.code_list.labels)}"
            )
        return found
    if spec.kind == DATE:
        try:
            return parse_date(value)
        except (ValueError, OverflowError):
            raise ValueError(f"“{show(value)}”不是有效日期，请写成 2021-02-01") from None
    if spec.kind == FLOAT:
        try:
            n = normalize_number(value)
            if n is not None and not math.isfinite(n):  # "inf", "nan" read as numbers
                raise ValueError(value)
        except ValueError:
            raise ValueError(f"“{show(value)}”不是数字") from None
        return None if n is None else round(n, 6)
    if spec.kind == INT:
        try:
            n = normalize_number(value)
            if n is not None and not math.isfinite(n):
                raise ValueError(value)
        except ValueError:
            raise ValueError(f"“{show(value)}”不是整数") from None
        if n is not None and not n.is_integer():
            raise ValueError(f"“{show(value)}”应为整数")
        return None if n is None else int(n)
    if spec.kind == BOOL:
        try:
            return codes.parse_yes_no(str(value))
        except ValueError:
            raise ValueError(f"“{show(value)}”应为“是”或“否”") from None
    if spec.kind == REF:
        code = normalize_code(value) or ""
        table = refs["venue" if fld == "venue_id" else "pole"]
        if code not in table:
            raise ValueError(f"编号“{show(code)}”在数据库中不存在，请先导入场所/杆塔")
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
    coord_system: str = coords.WGS84,
) -> Preview:
    """Every row converted, validated and compared with the database. Nothing is written.

    ``coord_system`` says what the file's longitude and latitude are in; they are stored as WGS-84.
    """
    kind = REGISTERS.get(kind, kind)
    if not table.rows:
        raise BulkImportError(
            f"文件“{table.path.name}”在表头（第{table.header_row}行）下面没有数据行，未导入任何数据。"
            "请检查是否选错了文件、工作表或表头行。"
        )
    missing = [f for f in REQUIRED[kind] if f not in mapping]
    if missing:
        labels = "、".join(FIELD_BY_NAME[kind][f].label for f in missing)
        raise BulkImportError(
            f"还没有对应“{labels}”的列，请在列对应关系中指定（文件的表头：{'、'.join(h for h in table.headers if h)}）。"
        )
    inst = store.installation()
    default_unit = default_unit or (inst.unit_code if inst.configured and not inst.is_city else None)
    if "unit_code" not in mapping and not default_unit:
        raise BulkImportError("文件中没有“区县”列，请指定区县（命令行 --unit 410221）。")
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
    rows_by_key: dict[object, list[int]] = {}  # key → indexes in ``out``
    number_keys: set[object] = set()  # keys whose code was a number cell in some row
    duplicate_notes: set[int] = set()  # id() of the plain "same key twice" problems
    key_field = {STATION: "station_code", POLE: "pole_code"}.get(kind)
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
        _to_stored_system(values, coord_system)
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
        for fld in MANGLED_CODE_FIELDS:
            if fld in mapping and header_of[fld] not in bad_cols:
                i = mapping[fld]
                note = number_code_warning(cells[i] if i < len(cells) else None)
                if note is not None:
                    warns.append(RowProblem(row_no, header_of[fld], note))
                    if fld == key_field and key is not None:
                        number_keys.add(key)
        for issue in validate(rec, ctx):  # type: ignore[arg-type]
            col = header_of.get(issue.field, labels.get(issue.field, issue.field))
            if col in bad_cols:
                continue
            (problems if issue.is_error else warns).append(RowProblem(row_no, col, issue.message))
        if problems:
            state = ERROR
        elif key is not None and key in seen:
            state = CONFLICT
            dup = RowProblem(row_no, None, f"与第{seen[key]}行的{KEY_LABEL[kind]}相同，同一文件中不能重复。")
            problems.append(dup)
            duplicate_notes.add(id(dup))
        elif old is not None and old.unit_code != values.get("unit_code", old.unit_code):
            state = CONFLICT
            problems.append(
                RowProblem(
                    row_no,
                    None,
                    f"{KEY_LABEL[kind]}已属于区县{old.unit_code}，不能改到{values['unit_code']}。",
                )
            )
        if key is not None:
            seen.setdefault(key, row_no)
            rows_by_key.setdefault(key, []).append(len(out))
        pr = PreviewRow(
            row_no, state, rec, old.id if old is not None else None, problems=problems, warnings=warns
        )
        if state == NEW and old is not None:
            pr.changes = _changes(kind, old, rec)
            pr.state = CHANGED if pr.changes else UNCHANGED
        out.append(pr)
        if progress is not None and n % 2000 == 0:
            progress(n, len(table.rows), "正在检查")
    if key_field is not None:
        _number_collisions(kind, out, rows_by_key, number_keys, duplicate_notes, header_of[key_field])
    if kind == STATION:
        _near_duplicates(out, existing.values(), header_of.get("lon"))
    return Preview(kind, table, mapping, out, coord_system)


def _near_duplicates(out: list[PreviewRow], existing: Iterable[Station], column: str | None) -> None:
    """Warn (never merge) on new or changed stations closer than 20 m to another of the same operator
    or of its co-build partner, in the file or in the database."""
    rows: dict[Hashable, PreviewRow] = {}
    points = []
    for pr in out:
        rec = pr.record
        if not isinstance(rec, Station) or pr.state not in (NEW, CHANGED) or not rec.operator:
            continue
        if rec.lon is None or rec.lat is None:
            continue
        key: tuple[str, int] = ("id", pr.existing_id) if pr.existing_id is not None else ("row", pr.row)
        rows[key] = pr
        points.append(nearby.NearPoint(key, rec.operator, rec.lon, rec.lat))
    if not points:
        return
    moved = {("id", pr.existing_id) for pr in rows.values() if pr.existing_id is not None}
    stored: dict[Hashable, Station] = {}
    against = []
    for st in existing:
        key = ("id", st.id or 0)
        if key in moved or st.lon is None or st.lat is None:
            continue
        stored[key] = st
        against.append(nearby.NearPoint(key, st.operator, st.lon, st.lat))

    def what(point: nearby.NearPoint) -> str:
        if point.key in rows:
            rec = rows[point.key].record
            assert isinstance(rec, Station)
            return f"第{rows[point.key].row}行（{codes.OPERATOR.label(rec.operator)}，基站编码 {rec.station_code}）"
        st = stored[point.key]
        return f"已登记的基站“{st.name}”（{codes.OPERATOR.label(st.operator)}，基站编码 {st.station_code}）"

    for pair in nearby.close_pairs(points, against=against):
        cause = (
            "可能是同一基站重复登记"
            if pair.same_operator
            else f"可能是{codes.OPERATOR.label(pair.a.operator)}和{codes.OPERATOR.label(pair.b.operator)}"
            "把同一个共建站各登记了一次"
        )
        for me, other in ((pair.a, pair.b), (pair.b, pair.a)):
            if me.key in rows:
                pr = rows[me.key]
                pr.warnings.append(
                    RowProblem(
                        pr.row,
                        column,
                        f"与{what(other)}相距约{max(1, round(pair.metres))}米，{cause}。"
                        "请核对，不会自动合并；确认是两个基站可继续导入。",
                    )
                )


def _number_collisions(
    kind: str,
    out: list[PreviewRow],
    rows_by_key: dict[object, list[int]],
    number_keys: set[object],
    duplicate_notes: set[int],
    column: str,
) -> None:
    """Rows colliding on a code that was a number cell: each row says so (Excel may have cut or
    changed the codes, e.g. 0123 and 123 both read as 123)."""
    for key in number_keys:
        idx = rows_by_key.get(key, [])
        if len(idx) < 2:
            continue
        code = key[1] if isinstance(key, tuple) else key
        for j in idx:
            pr = out[j]
            others = "、".join(str(out[k].row) for k in idx if k != j)
            pr.problems = [p for p in pr.problems if id(p) not in duplicate_notes]
            pr.problems.append(
                RowProblem(
                    pr.row,
                    column,
                    f"与第{others}行的{KEY_LABEL[kind]}相同（“{show(code)}”）；该编码在文件中是数字，"
                    f"可能是 Excel 去掉了开头的 0 或截断了长编码。{_AS_TEXT}",
                )
            )
            pr.state = ERROR
            pr.changes = []


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
            f"有 {len(bad)} 行存在错误或冲突，未导入任何数据。请修改后重新导入：\n"
            + "\n".join(str(p) for r in bad[:20] for p in r.problems)
        )
    if not pv.rows:
        raise BulkImportError("清单中没有数据行，未导入任何数据。")
    store.backup("import")
    desc = description or f"批量导入 {pv.table.path.name}（{pv.summary()}）"
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
    header_row: int | None = None,
    coord_system: str | None = None,
) -> Preview:
    """read_table + guess_mapping (with saved and given overrides) + preview.

    ``coord_system`` None: the one saved with the mapping (WGS-84 when none was saved).
    """
    kind = REGISTERS.get(register)
    if kind is None:
        raise BulkImportError(
            f"登记簿“{register}”不对，可选：stations（基站）、venues（场所）、poles（杆塔）。"
        )
    table = read_table(path, sheet=sheet, kind=kind, header_row=header_row)
    saved = saved_mapping(store, kind) | (mapping or {})
    for fld, header in (mapping or {}).items():
        if fld not in FIELD_BY_NAME[kind]:
            raise BulkImportError(f"字段“{fld}”不存在，可选：{'、'.join(FIELD_BY_NAME[kind])}。")
        if header not in table.headers:
            raise BulkImportError(
                f"文件中没有名为“{header}”的列，文件的表头：{'、'.join(h for h in table.headers if h)}。"
            )
    cols = guess_mapping(kind, table.headers, saved)
    system = coord_system or saved_coord_system(store, kind)
    return preview(store, table, kind, cols, default_unit=default_unit, coord_system=system)
