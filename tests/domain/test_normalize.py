from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kf5g_desktop.domain.normalize import normalize_code, normalize_number, normalize_text, parse_date


def test_full_width_digits_and_punctuation_become_ascii():
    assert normalize_text("１２３") == "123"
    assert normalize_text("１１４．３５") == "114.35"
    assert normalize_text("中国移动，中国联通") == "中国移动,中国联通"
    assert normalize_text("（备注）") == "(备注)"


def test_odd_spaces_and_invisible_characters():
    assert normalize_text("\ufeff\u3000杞县\u200b一中\u00a0 ") == "杞县一中"
    assert normalize_text("a\u2003b") == "a b"
    assert normalize_text(None) == ""


@given(st.text())
def test_normalisation_is_idempotent(s):
    once = normalize_text(s)
    assert normalize_text(once) == once
    assert once == once.strip()
    assert "\u200b" not in once and "\ufeff" not in once and "\u3000" not in once


@given(st.integers(min_value=0, max_value=10**12))
def test_full_width_numbers_read_as_their_value(n):
    full = "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    assert normalize_text(full) == str(n)
    assert normalize_number(full) == float(n)


def test_codes_read_from_numeric_cells_keep_their_digits():
    assert normalize_code(46000000123.0) == "46000000123"
    assert normalize_code(" 460 00 ") == "46000"
    assert normalize_code("") is None


@pytest.mark.parametrize(
    "value",
    [
        "2021-02-01",
        "2021/2/1",
        "2021.2.1",
        "2021年2月1日",
        "20210201",
        "２０２１－０２－０１",
        44228,
        44228.0,
        datetime(2021, 2, 1, 10, 0),
        date(2021, 2, 1),
        "2021-02-01 00:00:00",
    ],
)
def test_dates_arrive_in_every_form(value):
    assert parse_date(value) == date(2021, 2, 1)


@pytest.mark.parametrize("value", ["昨天", "2021-13-01", "12", 5])
def test_bad_dates_raise(value):
    with pytest.raises(ValueError):
        parse_date(value)


def test_numbers():
    assert normalize_number(" 114.35 ") == 114.35
    assert normalize_number("") is None
    with pytest.raises(ValueError):
        normalize_number("东经114度")


# Free text (PRODUCT §3.3): full-width letters and digits folded, Chinese punctuation kept as typed.

from kf5g_desktop.domain.normalize import normalize_free_text  # noqa: E402
from kf5g_desktop.domain.schema import FIELDS, FREE_TEXT_FIELDS, is_free_text  # noqa: E402

CHINESE_PUNCTUATION = "，。；：（）“”！？、《》【】"
_FULLWIDTH_ALNUM = [chr(c) for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))]


def test_free_text_keeps_chinese_punctuation_and_folds_letters_and_digits():
    assert normalize_free_text(" 已协调（街道）：完成；") == "已协调（街道）：完成；"
    assert normalize_free_text("５Ｇ基站，共３处！") == "5G基站，共3处！"
    assert normalize_free_text("\ufeff\u3000杞县\u200b一中\u00a0 ") == "杞县一中"
    assert normalize_free_text("第一行\r\n第二行\r") == "第一行\n第二行"
    assert normalize_free_text(None) == ""
    # The strict form for codes, numbers, dates and phones still turns everything to ASCII.
    assert normalize_text("已协调（街道）：完成；") == "已协调(街道):完成;"


@given(st.text(alphabet=st.sampled_from([*CHINESE_PUNCTUATION, *_FULLWIDTH_ALNUM, "开", "封", " ", "\u3000", "a"])))
def test_free_text_property(s):
    once = normalize_free_text(s)
    assert normalize_free_text(once) == once  # idempotent
    assert once == once.strip()
    # Every Chinese punctuation mark typed is still there, in order; no full-width letter/digit is.
    assert [c for c in once if c in CHINESE_PUNCTUATION] == [c for c in s if c in CHINESE_PUNCTUATION]
    assert not any(c in _FULLWIDTH_ALNUM for c in once)
    # Folding letters and digits is what the strict form does to them too.
    assert normalize_text(once) == normalize_text(s)


@given(st.text(alphabet=st.sampled_from([*CHINESE_PUNCTUATION, *_FULLWIDTH_ALNUM, "-", "0", " "])))
def test_strict_text_property_codes_numbers_phones(s):
    once = normalize_text(s)
    assert normalize_text(once) == once
    assert all(ord(c) < 0xFF01 or ord(c) > 0xFF5E for c in once)  # nothing full-width ASCII is left


def test_which_fields_are_free_text():
    names = {f.name for fields in FIELDS.values() for f in fields}
    assert names >= FREE_TEXT_FIELDS
    for code_like in ("station_code", "tower_site_code", "venue_code", "pole_code", "agreement_no", "phone"):
        assert not is_free_text(code_like)
    for free in ("name", "address", "notes", "owner", "contact"):
        assert is_free_text(free)
