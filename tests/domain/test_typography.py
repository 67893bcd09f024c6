"""Full-width punctuation in Chinese text; codes, numbers, times, placeholders and access keys kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kf5g_desktop.domain.typography import fix, problems


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("截至本周末,已开通{n}个(其中SA {sa} 个);", "截至本周末，已开通{n}个（其中SA {sa} 个）；"),
        ("区县(填报单位)", "区县（填报单位）"),
        ("“{0}”不是有效日期,请按 2021-02-01 的格式填写。", "“{0}”不是有效日期，请按 2021-02-01 的格式填写。"),
        ("填报单位:{name}({code})", "填报单位：{name}（{code}）"),
        ("数据已有变化: 请填写更正原因", "数据已有变化：请填写更正原因"),
        ("不是数字,请填写数字(如 114.35)。", "不是数字，请填写数字（如 114.35）。"),
        ("确定要删除吗?", "确定要删除吗？"),
        ("杞县5G网络建设周报 2021年第5周(2月1日—2月7日)", "杞县5G网络建设周报 2021年第5周（2月1日—2月7日）"),
        ("SA(独立组网)", "SA（独立组网）"),
    ],
)
def test_chinese_text_gets_full_width_punctuation(before, after):
    assert fix(before) == after
    assert problems(before) and not problems(after)


@pytest.mark.parametrize(
    "text",
    [
        "打开(&O)",  # Qt access key
        "表格 (*.xlsx *.csv)",  # a file dialog's filter
        "文件(&F)",
        "每周一 18:00 截止",  # a time
        "{0}: {1}",  # placeholders only
        "{x:.1%}完成",  # a format spec
        "Hello, world (test)",  # no Chinese
        "1,500 个",  # a number
        "f(x) 函数",
        "410221_杞县_5G周报_2021W05.xlsx",
        "Presentation: drop-downs from 代码表, widths that fit the headers (A4 landscape)",  # English prose
    ],
)
def test_codes_numbers_times_and_placeholders_stay(text):
    assert fix(text) == text
    assert problems(text) == []


@given(st.text(alphabet=st.sampled_from(list("开封市5G,;:!?() {}0&Oa"))))
def test_fix_is_idempotent_and_keeps_every_other_character(s):
    once = fix(s)
    assert fix(once) == once
    half = str.maketrans("，；：！？（）", ",;:!?()")
    assert once.translate(half).replace(" ", "") == s.replace(" ", "")
