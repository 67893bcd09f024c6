from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kf5g_desktop.domain.periods import IsoWeek, is_iso_week_span, weeks_between, weeks_in_year


def test_week_5_of_2021_is_february_1_to_7_with_the_chinese_title():
    w = IsoWeek.parse("2021-W05")
    assert (w.start, w.end) == (date(2021, 2, 1), date(2021, 2, 7))
    assert w.title_zh == "2021年第5周（2月1日—2月7日）"
    assert str(w) == "2021-W05" and w.compact == "2021W05"


def test_2020_has_53_weeks_and_week_53_spans_the_year_end():
    assert weeks_in_year(2020) == 53 and weeks_in_year(2021) == 52
    w = IsoWeek.parse("2020-W53")
    assert (w.start, w.end) == (date(2020, 12, 28), date(2021, 1, 3))
    assert w.title_zh == "2020年第53周（2020年12月28日—2021年1月3日）"
    assert w.next() == IsoWeek(2021, 1)
    assert IsoWeek(2021, 1).prev() == w
    assert IsoWeek.containing(date(2021, 1, 2)) == w


@pytest.mark.parametrize("text", ["2021W05", "2021-w5", " 2021 - W 05 "])
def test_lenient_forms(text):
    assert IsoWeek.parse(text) == IsoWeek(2021, 5)


@pytest.mark.parametrize("text,msg", [("2021-05", "格式不对"), ("2021-W53", "没有第53周"), ("", "格式不对")])
def test_bad_weeks_say_what_is_wrong_in_chinese(text, msg):
    with pytest.raises(ValueError, match=msg):
        IsoWeek.parse(text)


def test_weeks_between_and_span_check():
    ws = weeks_between(IsoWeek(2020, 52), IsoWeek(2021, 2))
    assert [str(w) for w in ws] == ["2020-W52", "2020-W53", "2021-W01", "2021-W02"]
    assert is_iso_week_span(date(2021, 2, 1), date(2021, 2, 7))
    assert not is_iso_week_span(date(2021, 2, 2), date(2021, 2, 8))


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_every_day_lies_in_its_week_and_round_trips(day):
    w = IsoWeek.containing(day)
    assert w.start <= day <= w.end
    assert w.end - w.start == timedelta(days=6)
    assert w.start.isoweekday() == 1
    assert IsoWeek.parse(str(w)) == w
