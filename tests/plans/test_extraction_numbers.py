"""Vietnamese numbers, ranges and dates (binhdang.plans.extraction.numbers), with property tests."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from binhdang.core.formatting import number as format_number
from binhdang.plans.extraction.numbers import (
    DayMonth,
    find_dates,
    format_day_month,
    parse_date,
    parse_full_date,
    parse_number,
    parse_range,
    valid_day,
)

calendar_days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,4", 1.4),
        ("100.000", 100000),
        ("02", 2),
        ("1.000", 1000),
        ("1.234,5", 1234.5),
        ("42", 42),
        ("0,5", 0.5),
    ],
)
def test_vietnamese_numbers_use_a_decimal_comma_and_a_thousands_dot(text, value):
    assert parse_number(text) == value


def test_whole_numbers_come_back_as_int():
    assert isinstance(parse_number("02"), int)
    assert isinstance(parse_number("100.000"), int)


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "12%"])
def test_what_is_not_a_number_is_refused(text):
    with pytest.raises(ValueError):
        parse_number(text)


@given(st.integers(min_value=0, max_value=10**12))
def test_whole_numbers_round_trip_through_the_vietnamese_form(n):
    text = format_number(n)
    assert "," not in text
    assert parse_number(text) == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=99))
def test_decimals_round_trip_through_the_vietnamese_form(whole, hundredths):
    value = round(whole + hundredths / 100, 2)
    text = format_number(value, decimals=2)
    assert "," in text
    assert parse_number(text) == pytest.approx(value)


@given(
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=0, max_value=10**6),
    st.sampled_from(["{a} - {b}", "{a} – {b}", "{a}-{b}", "từ {a} đến {b}", "{a}% - {b}%", "Từ {a} tới {b}"]),
)
def test_ranges_read_in_every_written_form(a, b, form):
    assert parse_range(form.format(a=format_number(a), b=format_number(b))) == (a, b)


def test_a_single_number_is_not_a_range():
    assert parse_range("15") is None


@given(calendar_days)
def test_day_and_month_with_a_slash_round_trip(day):
    assert parse_date(f"trước ngày {format_day_month(day.day, day.month)} hằng năm") == DayMonth(
        day.day, day.month
    )


@given(calendar_days)
def test_day_and_month_in_words_round_trip(day):
    text = f"trước ngày {format_day_month(day.day, day.month, style='words')} hằng năm"
    assert parse_date(text) == DayMonth(day.day, day.month)


@given(
    calendar_days,
    st.sampled_from(["ngày {d}/{m}/{y}", "ngày {d:02d} tháng {m} năm {y}", "ngày {d:02d}/{m:02d}/{y}"]),
)
def test_full_dates_round_trip(day, form):
    text = "Thực hiện Quyết định số 1/QĐ-TTg " + form.format(d=day.day, m=day.month, y=day.year)
    assert parse_full_date(text) == day
    assert parse_date(text).iso == day.isoformat()


@pytest.mark.parametrize("text", ["31/4", "30/2", "0/5", "12/13", "32 tháng 1"])
def test_days_that_do_not_exist_are_not_dates(text):
    assert parse_date(text) is None


def test_a_blank_date_line_has_no_date():
    assert parse_full_date("Đắk Lắk, ngày tháng năm 2026") is None


def test_the_29th_of_february_is_a_day_of_the_year_only_in_leap_years():
    assert valid_day(29, 2)
    assert valid_day(29, 2, 2028)
    assert not valid_day(29, 2, 2026)


def test_dates_are_found_in_order_and_ratios_are_not_dates():
    found = find_dates("giảm dưới 42/100.000 trẻ; trước ngày 20/6/2026 và trước ngày 15 tháng 12")
    assert [d.date for d in found] == [DayMonth(20, 6, 2026), DayMonth(15, 12)]
    assert DayMonth(5, 12).mmdd == "12-05"
