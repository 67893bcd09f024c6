"""Code lists (PRODUCT §2, §4): stable codes stored in the database, Chinese labels shown and exported.

The labels are exactly those of RETURNS.md "Code-list labels". Codes never change once released;
labels are what a person reads. Imports accept either.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

MULTI_SEPARATOR = "、"  # how multi-valued columns join labels in returns
CODE_SEPARATOR = ","  # how multi-valued fields are stored in the database


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    label: str


class CodeList:
    """An ordered, immutable list of codes with Chinese labels."""

    def __init__(self, name: str, title: str, items: Iterable[tuple[str, str]]) -> None:
        self.name = name
        self.title = title
        self.items: tuple[Code, ...] = tuple(Code(c, lbl) for c, lbl in items)
        self._by_code = {i.code: i for i in self.items}
        self._by_label = {i.label: i for i in self.items}
        self._codes = tuple(i.code for i in self.items)  # immutable: computed once (asked per row)
        self.code_set = frozenset(self._codes)  # "code in code_set" without a method call per check
        self._labels = tuple(i.label for i in self.items)
        if len(self._by_code) != len(self.items) or len(self._by_label) != len(self.items):
            raise ValueError(f"duplicate code or label in {name}")

    def __iter__(self) -> Iterator[Code]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    @property
    def codes(self) -> tuple[str, ...]:
        return self._codes

    @property
    def labels(self) -> tuple[str, ...]:
        return self._labels

    def label(self, code: str | None) -> str:
        """Label of a code; empty for None/empty; the code itself if unknown (never raises)."""
        if not code:
            return ""
        item = self._by_code.get(code)
        return item.label if item else code

    def code_of(self, text: str | None) -> str | None:
        """Code for a label or a code (case-insensitive for codes); None when not recognised."""
        if text is None:
            return None
        t = text.strip()
        if not t:
            return None
        if t in self._by_label:
            return self._by_label[t].code
        if t in self._by_code:
            return t
        for item in self.items:
            if item.code.lower() == t.lower():
                return item.code
        return None

    # Multi-valued fields ------------------------------------------------------------
    def split_codes(self, stored: str | None) -> list[str]:
        if not stored:
            return []
        return [c for c in stored.split(CODE_SEPARATOR) if c]

    def join_codes(self, codes: Iterable[str]) -> str:
        """Store a set of codes in list order, without duplicates."""
        chosen = set(codes)
        return CODE_SEPARATOR.join(c for c in self.codes if c in chosen)

    def labels_text(self, stored: str | None) -> str:
        return MULTI_SEPARATOR.join(self.label(c) for c in self.split_codes(stored))

    def parse_multi(self, text: str | None) -> tuple[list[str], list[str]]:
        """Parse ``中国移动、中国联通`` (also ``,`` ``，`` ``;`` ``/`` separated) → (codes, unknown parts)."""
        if not text:
            return [], []
        for sep in ("，", ",", ";", "；", "/", "|", " "):
            text = text.replace(sep, MULTI_SEPARATOR)
        codes: list[str] = []
        unknown: list[str] = []
        for part in text.split(MULTI_SEPARATOR):
            part = part.strip()
            if not part:
                continue
            code = self.code_of(part)
            if code is None:
                unknown.append(part)
            elif code not in codes:
                codes.append(code)
        return codes, unknown


OPERATOR = CodeList(
    "operator",
    "运营商",
    [("CMCC", "中国移动"), ("CUCC", "中国联通"), ("CTCC", "中国电信"), ("CBN", "中国广电")],
)
TOWER_COMPANY_LABEL = "中国铁塔"

STATION_TYPE = CodeList(
    "station_type", "基站类型", [("macro", "宏站"), ("micro", "微站"), ("indoor", "室分"), ("pole", "杆站")]
)
NETWORK_MODE = CodeList("network_mode", "组网方式", [("SA", "SA"), ("NSA", "NSA")])
NETWORK_MODE_LONG = {"SA": "SA 独立组网", "NSA": "NSA 非独立组网"}
BUILD_MODE = CodeList(
    "build_mode", "建设方式", [("new", "新建"), ("colocated", "共址改造"), ("reuse", "利旧")]
)
SCENE = CodeList(
    "scene",
    "覆盖场景",
    [
        ("urban", "县城以上城区"),
        ("township", "乡镇"),
        ("rural", "农村热点"),
        ("vertical", "垂直行业"),
        ("indoor_key", "重点场所室内"),
    ],
)
STATUS = CodeList(
    "status",
    "建设状态",
    [
        ("planned", "规划"),
        ("approving", "审批中"),
        ("building", "在建"),
        ("on_air", "已开通"),
        ("suspended", "暂缓"),
        ("cancelled", "取消"),
    ],
)
POWER_SUPPLY = CodeList("power_supply", "供电方式", [("direct", "直供电"), ("indirect", "转供电")])
CONVERSION = CodeList(
    "conversion",
    "直供电改造",
    [
        ("not_needed", "不需改造"),
        ("planned", "计划改造"),
        ("in_progress", "改造中"),
        ("done", "已改造"),
        ("infeasible", "不具备条件"),
    ],
)
SUBSIDY_STATE = CodeList(
    "subsidy_state",
    "补助状态",
    [("na", "不适用"), ("pending", "待申请"), ("applied", "已申请"), ("paid", "已拨付")],
)
APPROVAL_ITEM = CodeList(
    "approval_item",
    "审批事项",
    [("land", "自然资源"), ("environment", "环评"), ("radio", "无线电频率"), ("power", "用电报装")],
)
MAST_TYPE = CodeList(
    "mast_type",
    "塔桅类型",
    [
        ("angle_steel", "角钢塔"),
        ("single_tube", "单管塔"),
        ("three_tube", "三管塔"),
        ("landscape", "景观塔"),
        ("roof_pole", "楼面抱杆"),
        ("roof_tower", "楼面塔"),
        ("guyed", "拉线塔"),
        ("street_pole", "灯杆/监控杆"),
        ("other", "其他"),
    ],
)
VENUE_CATEGORY = CodeList(
    "venue_category",
    "场所类别",
    [
        ("government", "党政机关"),
        ("enterprise", "企事业单位"),
        ("public_institution", "公共机构"),
        ("school", "学校"),
        ("hospital", "医院"),
        ("highway", "公路"),
        ("park", "绿地公园广场"),
        ("stadium", "大型场馆"),
        ("scenic", "景区"),
        ("residential", "住宅小区"),
        ("office", "商务楼宇"),
        ("transport_hub", "交通场站"),
        ("other", "其他"),
    ],
)
VENUE_RESOURCE = CodeList(
    "venue_resource",
    "开放资源",
    [
        ("rooftop", "楼顶"),
        ("pole", "杆塔"),
        ("room", "机房"),
        ("duct", "管道"),
        ("power", "电力配套"),
        ("indoor_space", "室内分布空间"),
    ],
)
POLE_SECTOR = CodeList(
    "pole_sector",
    "权属行业",
    [
        ("power", "电力"),
        ("municipal", "市政"),
        ("transport", "交通"),
        ("police", "公安"),
        ("telecom", "通信"),
        ("other", "其他"),
    ],
)
POLE_TYPE = CodeList(
    "pole_type",
    "杆塔类型",
    [
        ("streetlight", "路灯杆"),
        ("cctv", "监控杆"),
        ("traffic", "交通杆"),
        ("power", "电力杆塔"),
        ("telecom_tower", "通信铁塔"),
        ("smart", "智慧杆"),
    ],
)
YES_NO = CodeList("yes_no", "是否", [("1", "是"), ("0", "否")])

ALL_CODE_LISTS: tuple[CodeList, ...] = (
    OPERATOR,
    STATION_TYPE,
    NETWORK_MODE,
    BUILD_MODE,
    SCENE,
    STATUS,
    POWER_SUPPLY,
    CONVERSION,
    SUBSIDY_STATE,
    APPROVAL_ITEM,
    MAST_TYPE,
    VENUE_CATEGORY,
    VENUE_RESOURCE,
    POLE_SECTOR,
    POLE_TYPE,
    YES_NO,
)


def yes_no_label(value: bool | None) -> str:
    if value is None:
        return ""
    return "是" if value else "否"


def parse_yes_no(text: str | None) -> bool | None:
    """是/否 (also 1/0, Y/N, true/false, √/×); None for empty; raises ValueError otherwise."""
    if text is None:
        return None
    t = str(text).strip().lower()
    if not t:
        return None
    if t in {"是", "1", "y", "yes", "true", "√", "有"}:
        return True
    if t in {"否", "0", "n", "no", "false", "×", "无"}:
        return False
    raise ValueError(text)
