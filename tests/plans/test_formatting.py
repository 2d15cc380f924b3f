"""Vietnamese numbers and dates as officers write and read them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from binhdang.plans.formatting import (
    NumberFormatError,
    describe_bounds,
    parse_day_month,
    parse_vn_number,
    vn_date,
    vn_number,
)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1,4", "1.4"),
        ("90", "90"),
        ("1.000", "1000"),
        ("1.234,5", "1234.5"),
        ("42 ", "42"),
        ("70%", "70"),
        ("1.4", "1.4"),
        ("0,25", "0.25"),
        ("100.000", "100000"),
        ("-3", "-3"),
    ],
)
def test_numbers_are_read_the_vietnamese_way(text, number):
    assert parse_vn_number(text) == Decimal(number)


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "1..4", "12a", "1.23.4"])
def test_what_is_not_a_number_is_refused(text):
    with pytest.raises(NumberFormatError):
        parse_vn_number(text)


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (Decimal("1.4000"), "1,4"),
        (Decimal("1234.5"), "1.234,5"),
        (Decimal("90.0000"), "90"),
        (100000, "100.000"),
        (None, ""),
    ],
)
def test_numbers_are_written_the_vietnamese_way(number, text):
    assert vn_number(number) == text


def test_dates_are_written_day_month_year():
    assert vn_date(date(2026, 11, 30)) == "30/11/2026"
    assert vn_date(date(2026, 3, 8)) == "08/03/2026"


@pytest.mark.parametrize(
    ("text", "month_day"), [("30/11", (11, 30)), ("8/3", (3, 8)), ("11-30", (11, 30)), ("29/02", (2, 29))]
)
def test_days_of_the_year_are_read(text, month_day):
    assert parse_day_month(text) == month_day


@pytest.mark.parametrize("text", ["31/02", "30/13", "hôm nay", ""])
def test_impossible_days_are_refused(text):
    with pytest.raises(ValueError):
        parse_day_month(text)


def test_bounds_are_described_with_their_unit():
    assert (
        describe_bounds((Decimal(104), Decimal(107)), "bé trai/100 bé gái") == "104 - 107 bé trai/100 bé gái"
    )
    assert describe_bounds((Decimal(42), Decimal(42)), "/100.000 trẻ sinh sống") == "42/100.000 trẻ sinh sống"
    assert describe_bounds((Decimal("1.4"), Decimal("1.4")), "%") == "1,4%"
    assert describe_bounds(None) == "—"
