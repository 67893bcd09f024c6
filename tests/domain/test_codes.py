from kf5g_desktop.domain import codes

# RETURNS.md "Code-list labels": the contract with the city, copied here verbatim.
EXPECTED_LABELS = {
    "operator": "中国移动, 中国联通, 中国电信, 中国广电",
    "station_type": "宏站, 微站, 室分, 杆站",
    "network_mode": "SA, NSA",
    "build_mode": "新建, 共址改造, 利旧",
    "scene": "县城以上城区, 乡镇, 农村热点, 垂直行业, 重点场所室内",
    "status": "规划, 审批中, 在建, 已开通, 暂缓, 取消",
    "power_supply": "直供电, 转供电",
    "conversion": "不需改造, 计划改造, 改造中, 已改造, 不具备条件",
    "subsidy_state": "不适用, 待申请, 已申请, 已拨付",
    "approval_item": "自然资源, 环评, 无线电频率, 用电报装",
    "venue_category": "党政机关, 企事业单位, 公共机构, 学校, 医院, 公路, 绿地公园广场, 大型场馆, 景区, 住宅小区, 商务楼宇, 交通场站, 其他",
    "venue_resource": "楼顶, 杆塔, 机房, 管道, 电力配套, 室内分布空间",
    "pole_sector": "电力, 市政, 交通, 公安, 通信, 其他",
    "pole_type": "路灯杆, 监控杆, 交通杆, 电力杆塔, 通信铁塔, 智慧杆",
    "yes_no": "是, 否",
}


def test_every_code_list_has_exactly_the_labels_of_the_return_format():
    lists = {cl.name: cl for cl in codes.ALL_CODE_LISTS}
    for name, expected in EXPECTED_LABELS.items():
        assert ", ".join(lists[name].labels) == expected, name


def test_codes_are_stable_ascii_and_unique():
    for cl in codes.ALL_CODE_LISTS:
        assert len(set(cl.codes)) == len(cl)
        assert all(c.isascii() and c for c in cl.codes), cl.name


def test_code_of_accepts_labels_and_codes_and_rejects_others():
    assert codes.OPERATOR.code_of("中国移动") == "CMCC"
    assert codes.OPERATOR.code_of(" cmcc ") == "CMCC"
    assert codes.STATUS.code_of("已开通") == "on_air"
    assert codes.STATUS.code_of("开通了") is None
    assert codes.STATUS.code_of("") is None
    assert codes.STATUS.label("on_air") == "已开通"
    assert codes.STATUS.label(None) == ""


def test_multi_values_parse_with_any_separator_and_join_in_list_order():
    got, unknown = codes.OPERATOR.parse_multi("中国联通、中国移动，CBN;火星通信")
    assert got == ["CUCC", "CMCC", "CBN"]
    assert unknown == ["火星通信"]
    assert codes.OPERATOR.join_codes(["CBN", "CMCC"]) == "CMCC,CBN"
    assert codes.OPERATOR.labels_text("CMCC,CBN") == "中国移动、中国广电"


def test_yes_no():
    assert codes.parse_yes_no("是") is True
    assert codes.parse_yes_no("否") is False
    assert codes.parse_yes_no(" ") is None
    assert codes.yes_no_label(True) == "是"
    try:
        codes.parse_yes_no("也许")
    except ValueError:
        pass
    else:
        raise AssertionError("也许 is not yes/no")
