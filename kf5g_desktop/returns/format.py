"""The weekly return format, version 1 (``RETURNS.md``): sheet names, headers, digest, signature.

Everything in this module is the contract with the city, so it is kept in one place and free of any
spreadsheet library: the writer and the reader both use it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any

FORMAT = "kf5g-return"
FORMAT_VERSION = "1"
READABLE_VERSIONS = ("1",)

AUTHORITY = "制表机关：开封市工业和信息化局"
COVER_TITLE = "开封市5G网络建设周报表"

S_COVER = "封面"
S_STATIONS = "基站"
S_APPROVALS = "审批"
S_VENUES = "免费开放场所"
S_POLES = "杆塔共享"
S_SUMMARY = "汇总"
S_COMPLETION = "完成情况"
S_CODES = "代码表"
S_META = "_meta"

DATA_SHEETS = (S_STATIONS, S_APPROVALS, S_VENUES, S_POLES)
UNIT_SHEETS = (S_COVER, S_STATIONS, S_APPROVALS, S_VENUES, S_POLES, S_SUMMARY, S_CODES, S_META)
CITY_SHEETS = (S_COVER, S_STATIONS, S_APPROVALS, S_VENUES, S_POLES, S_SUMMARY, S_COMPLETION, S_CODES, S_META)

TITLES = {
    S_STATIONS: "表1 5G基站建设情况表",
    S_APPROVALS: "表2 基站审批事项办理情况表",
    S_VENUES: "表3 公共资源免费开放情况表",
    S_POLES: "表4 杆塔资源共建共享情况表",
}

HEADERS: dict[str, tuple[str, ...]] = {
    S_STATIONS: tuple(
        [
            "序号",
            "区县代码",
            "基站编码",
            "铁塔站址编码",
            "基站名称",
            "承建运营商",
            "共享运营商",
            "乡镇(街道)",
            "详细地址",
            "经度",
            "纬度",
            "基站类型",
            "组网方式",
            "建设方式",
            "覆盖场景",
            "建设状态",
            "纳入规划",
            "纳入控规",
            "计划开通日期",
            "开工日期",
            "开通日期",
            "供电方式",
            "直供电改造",
            "依托场所编号",
            "依托杆塔编号",
            "省级补助(元)",
            "市级补助(元)",
            "区县补助(元)",
            "补助状态",
            "备注",
        ]
    ),
    S_APPROVALS: tuple(
        ["序号", "区县代码", "基站编码", "承建运营商", "审批事项", "申请日期", "办结日期", "用时(天)", "备注"]
    ),
    S_VENUES: tuple(
        [
            "序号",
            "区县代码",
            "场所编号",
            "场所名称",
            "场所类别",
            "产权单位",
            "乡镇(街道)",
            "详细地址",
            "经度",
            "纬度",
            "开放资源",
            "开放日期",
            "是否免费",
            "已进场运营商",
            "承载基站数",
            "联系人",
            "联系电话",
            "备注",
        ]
    ),
    S_POLES: tuple(
        [
            "序号",
            "区县代码",
            "杆塔编号",
            "杆塔名称",
            "权属行业",
            "权属单位",
            "杆塔类型",
            "智能杆",
            "多杆合一数",
            "乡镇(街道)",
            "详细地址",
            "经度",
            "纬度",
            "共享运营商",
            "共享日期",
            "协议编号",
            "挂载基站数",
            "备注",
        ]
    ),
}

COMPLETION_HEADERS = ("区县代码", "区县", "是否报送", "报送时间", "是否逾期", "基站总数", "已开通")

# Cell kinds per header (for the writer's formats, the reader's type checks and the importer).
TEXT, CODE, NUM, INT, DATE, YESNO, LABEL, LABELS = (
    "text",
    "code",
    "num",
    "int",
    "date",
    "yesno",
    "label",
    "labels",
)
_KINDS = {
    "序号": INT,
    "区县代码": CODE,
    "基站编码": CODE,
    "铁塔站址编码": CODE,
    "场所编号": CODE,
    "杆塔编号": CODE,
    "依托场所编号": CODE,
    "依托杆塔编号": CODE,
    "协议编号": CODE,
    "联系电话": CODE,
    "经度": NUM,
    "纬度": NUM,
    "省级补助(元)": INT,
    "市级补助(元)": INT,
    "区县补助(元)": INT,
    "用时(天)": INT,
    "承载基站数": INT,
    "挂载基站数": INT,
    "多杆合一数": INT,
    "计划开通日期": DATE,
    "开工日期": DATE,
    "开通日期": DATE,
    "申请日期": DATE,
    "办结日期": DATE,
    "开放日期": DATE,
    "共享日期": DATE,
    "纳入规划": YESNO,
    "纳入控规": YESNO,
    "是否免费": YESNO,
    "智能杆": YESNO,
    "共享运营商": LABELS,
    "开放资源": LABELS,
    "已进场运营商": LABELS,
    "承建运营商": LABEL,
    "基站类型": LABEL,
    "组网方式": LABEL,
    "建设方式": LABEL,
    "覆盖场景": LABEL,
    "建设状态": LABEL,
    "供电方式": LABEL,
    "直供电改造": LABEL,
    "补助状态": LABEL,
    "审批事项": LABEL,
    "场所类别": LABEL,
    "权属行业": LABEL,
    "杆塔类型": LABEL,
    "乡镇(街道)": TEXT,
}


def column_kind(header: str) -> str:
    return _KINDS.get(header, TEXT)


META_KEYS = (
    "format",
    "format_version",
    "kind",
    "unit_code",
    "unit_name",
    "period_start",
    "period_end",
    "iso_week",
    "generated_at",
    "generator",
    "preparer",
    "reviewer",
    *(f"rows.{s}" for s in DATA_SHEETS),
    "content_sha256",
    "signature",
    "signature_key_id",
)


def file_name(kind: str, unit_code: str, unit_name: str, iso_compact: str) -> str:
    """``410221_杞县_5G周报_2021W05.xlsx``; the city's ``410200_开封市_5G汇总_2021W05.xlsx``."""
    what = "5G汇总" if kind == "city" else "5G周报"
    return f"{unit_code}_{unit_name}_{what}_{iso_compact}.xlsx"


# The digest -------------------------------------------------------------------------------------


def canonical(value: object) -> str:
    """A cell's canonical string (RETURNS.md "The digest")."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return str(value)
        if value.is_integer():
            return str(int(value))
        text = f"{round(value, 6):.6f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


_json_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
# What json.dumps(…, ensure_ascii=False) escapes in a string: '"', '\\' and control characters.
_JSON_ESCAPE = re.compile(r'[\x00-\x1f\\"]')


def _needs_escaping(text: str) -> bool:
    """Whether json.dumps would escape anything in ``text`` (quick checks first: no quote, no
    backslash, and all printable — Chinese text is — means no control character either)."""
    if '"' in text or "\\" in text:
        return True
    return not text.isprintable() and _JSON_ESCAPE.search(text) is not None


def _json(cells: Sequence[str]) -> str:
    return _json_encode(list(cells))


def _digest_line(prefix: str, cells: Sequence[str]) -> str:
    """``prefix`` + the JSON array of canonical strings: written directly when nothing in them needs
    escaping — exactly what ``json.dumps`` writes, several times faster."""
    if _JSON_ESCAPE.search("".join(cells)) is None:
        return prefix + '["' + '","'.join(cells) + '"]'
    return prefix + _json(cells)


class Digest:
    """Builds ``content_sha256`` line by line (feed rows in sheet order)."""

    def __init__(self, unit_code: str, period_start: str, period_end: str) -> None:
        self._h = hashlib.sha256()
        self._first = True
        self._line("meta\t" + _json([FORMAT, FORMAT_VERSION, unit_code, period_start, period_end]))

    def _line(self, text: str) -> None:
        if not self._first:
            self._h.update(b"\n")
        self._first = False
        self._h.update(text.encode("utf-8"))

    def row(self, sheet: str, cells: Iterable[object]) -> None:
        self._line(sheet + "\t" + _json([canonical(c) for c in cells]))

    def rows(self, sheet: str, rows: Iterable[Sequence[object]]) -> None:
        """Feed many rows (empty cells ``""`` or None). A row whose cells need no JSON escaping is
        written as ``["a","b"]`` directly — exactly what ``json.dumps`` writes, several times faster."""
        assert not self._first  # the meta line is always first
        prefix = "\n" + sheet + "\t"
        by_class = _CANONICAL_BY_CLASS.get
        update = self._h.update
        parts: list[str] = []
        for cells in rows:
            parts.append(_digest_line(prefix, [(by_class(c.__class__) or canonical)(c) for c in cells]))
            if len(parts) >= 4096:
                update("".join(parts).encode("utf-8"))
                parts.clear()
        update("".join(parts).encode("utf-8"))

    def add_text(self, text: str) -> None:
        """Feed lines made by :func:`digest_lines` (each starts with its ``\\n``)."""
        assert not self._first
        self._h.update(text.encode("utf-8"))

    def hexdigest(self) -> str:
        return self._h.hexdigest()


def _canonical_float(value: float) -> str:
    """canonical() of a float."""
    if value.is_integer():
        return str(int(value))
    return canonical(value)


_CANONICAL_BY_CLASS: dict[type, Callable[[Any], str]] = {
    str: str.strip,
    float: _canonical_float,
    date: date.isoformat,
    type(None): lambda _v: "",
}


def canonical_column(column: Sequence[object]) -> list[str]:
    """canonical() of every cell of a column (empty cells ``""`` or None), whole columns of text or
    of whole numbers at C speed."""
    types = set(map(type, column))
    if types == {str}:
        return list(map(str.strip, column))  # type: ignore[arg-type]
    if types == {float} and all(map(float.is_integer, column)):  # type: ignore[arg-type]
        return list(map(str, map(int, column)))  # type: ignore[call-overload]
    if types <= {str, float}:  # numbers (coordinates), perhaps with empty cells
        out = [
            c.strip()  # type: ignore[attr-defined]
            if c.__class__ is str
            else str(int(c))  # type: ignore[call-overload]
            if c.is_integer()  # type: ignore[attr-defined]
            else f"{round(c, 6):.6f}".rstrip("0").rstrip(".")  # type: ignore[call-overload]
            for c in column
        ]
        if "-0" in out:  # a tiny negative number rounds to -0: canonical() writes 0
            out = ["0" if t == "-0" else t for t in out]
        return out
    if types <= {str, date}:  # dates, perhaps with empty cells (not date-times: a subclass)
        return [c.strip() if c.__class__ is str else c.isoformat() for c in column]  # type: ignore[attr-defined]
    by_class = _CANONICAL_BY_CLASS.get
    return [(by_class(c.__class__) or canonical)(c) for c in column]


def digest_lines(
    sheet: str, columns: Sequence[Sequence[object]], canon: Sequence[Sequence[str]] | None = None
) -> tuple[str, list[int]]:
    """The digest lines of a sheet's data rows given column by column (every column as long), each
    line with its leading newline — for :meth:`Digest.add_text` — and, as a by-product, the indexes
    of the rows whose every cell is empty. ``canon``: the columns' canonical_column() if made."""
    if canon is None:
        canon = [canonical_column(c) for c in columns]
    rows = list(zip(*canon, strict=True))
    empty = [k for k, out in enumerate(rows) if not any(out)]
    prefix = "\n" + sheet + "\t"
    if not rows:
        return "", empty
    if not any(_needs_escaping("".join(c)) for c in canon):  # no cell needs JSON escaping
        between = '"]' + prefix + '["'
        return prefix + '["' + between.join(['","'.join(out) for out in rows]) + '"]', empty
    lines = [_digest_line(prefix, out) for out in rows]
    return "".join(lines), empty


def content_digest(
    unit_code: str, period_start: str, period_end: str, sheets: dict[str, Sequence[Sequence[object]]]
) -> str:
    """Digest of whole sheets: ``sheets[name]`` = header row followed by the data rows."""
    d = Digest(unit_code, period_start, period_end)
    for name in DATA_SHEETS:
        d.rows(name, sheets.get(name, ()))
    return d.hexdigest()


# The signature ----------------------------------------------------------------------------------


def key_bytes(key_hex: str) -> bytes:
    key = bytes.fromhex(key_hex.strip())
    if len(key) != 32:
        raise ValueError("key must be 32 bytes")
    return key


def sign(key_hex: str, content_sha256: str) -> str:
    return hmac.new(key_bytes(key_hex), content_sha256.encode("ascii"), hashlib.sha256).hexdigest()


def key_id(key_hex: str) -> str:
    return hashlib.sha256(key_bytes(key_hex)).hexdigest()[:8]


def signature_ok(key_hex: str, content_sha256: str, signature: str) -> bool:
    return hmac.compare_digest(sign(key_hex, content_sha256), signature.strip().lower())
