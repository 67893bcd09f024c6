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
