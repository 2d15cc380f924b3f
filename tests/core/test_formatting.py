"""How binhdang writes numbers, money, percentages, dates and targets (binhdang.core.formatting).

Read as a specification: Vietnamese by default (decimal comma, dot for thousands, dd/mm/yyyy), English
when the user chose it, and no stored value, however large or odd, makes a page or a file fail.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from binhdang.core import formatting
from binhdang.core.formatting import NumberFormatError

# -------------------------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1234567, "1.234.567"),
        (12.5, "12,5"),
        (Decimal("1.4000"), "1,4"),
        (Decimal("1234.5"), "1.234,5"),
        (Decimal("90.0000"), "90"),
        (100000, "100.000"),
        (-1234.5, "-1.234,5"),
        (0, "0"),
        (Decimal("0.125"), "0,125"),
        (None, ""),
    ],
)
def test_numbers_are_written_with_a_decimal_comma_and_a_dot_for_thousands(value, text):
    assert formatting.number(value) == text


def test_decimals_round_half_up_and_drop_trailing_zeros():
    assert formatting.number(Decimal("87.555"), 2) == "87,56"
    assert formatting.number(Decimal("4.00"), 2) == "4"
    assert formatting.number(Decimal("1250000.25"), 2) == "1.250.000,25"
    assert formatting.number(Decimal("-0.001"), 2) == "0"  # not "-0"


def test_english_users_read_english_separators():
    with translation.override("en"):
        assert formatting.number(Decimal("1234.5")) == "1,234.5"
        assert formatting.percent(Decimal("87.5")) == "87.5%"


def test_percentages_have_one_decimal_and_the_sign():
    assert formatting.percent(Decimal("87.50")) == "87,5%"
    assert formatting.percent(Decimal("33.333")) == "33,3%"
    assert formatting.percent(100) == "100%"
    assert formatting.percent(None) == ""


def test_money_is_in_dong_to_the_dong():
    assert formatting.money(15000000) == "15.000.000 đồng"
    assert formatting.money(Decimal("2500.6")) == "2.501 đồng"
    assert formatting.money(None) == ""


def test_units_follow_the_value():
    assert formatting.with_unit(Decimal("87.5"), "%") == "87,5%"
    assert formatting.with_unit(Decimal("2.4"), "điểm %") == "2,4 điểm %"
    assert formatting.with_unit(Decimal("38.5"), "/100.000 trẻ sinh sống") == "38,5 /100.000 trẻ sinh sống"
    assert formatting.with_unit(None, "%") == ""


@pytest.mark.parametrize(
    "value",
    [
        Decimal("9" * 400),
        Decimal("9" * 300 + ".99"),
        pytest.param(10**5000, id="int-5001-digits"),
        pytest.param(-(10**5000), id="negative-int-5001-digits"),
        Decimal("1E+999999999"),
        Decimal("1E-999999999"),
        Decimal("NaN"),
        Decimal("-Infinity"),
        float("inf"),
        float("nan"),
        "not a number",
    ],
)
def test_no_value_however_large_or_odd_makes_a_formatter_raise(value):
    for decimals in (None, 0, 2):
        assert formatting.number(value, decimals)
    assert formatting.percent(value) and formatting.money(value) and formatting.with_unit(value, "%")
    formatting.machine_number(value)


def test_huge_numbers_are_written_in_powers_of_ten_and_nan_as_a_dash():
    assert formatting.number(Decimal("9" * 400)) == "9,99 × 10^399"
    assert formatting.number(10**5000) == "1 × 10^5000"
    assert formatting.number(Decimal("NaN")) == "—" and formatting.percent(Decimal("NaN")) == "—"
    assert formatting.number(Decimal("1" * 30)) == "111.111.111.111.111.111.111.111.111.111"


@given(st.decimals(allow_nan=True, allow_infinity=True), st.sampled_from([None, 0, 1, 2]))
def test_any_decimal_is_written_without_raising(value, decimals):
    assert isinstance(formatting.number(value, decimals), str)


@pytest.mark.parametrize(
    ("text", "value"),
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
def test_numbers_are_read_the_vietnamese_way(text, value):
    assert formatting.parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "1..4", "12a", "1.23.4"])
def test_what_is_not_a_number_is_refused(text):
    with pytest.raises(NumberFormatError):
        formatting.parse_number(text)


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_whole_numbers_round_trip(n):
    assert formatting.parse_number(formatting.number(n)) == n


# ---------------------------------------------------------------------------------------------- dates


def test_dates_are_written_day_month_year():
    assert formatting.date(dt.date(2026, 11, 30)) == "30/11/2026"
    assert formatting.date(dt.date(2026, 3, 8)) == "08/03/2026"
    assert formatting.date(None) == ""
    assert formatting.day_month(11, 30) == "30/11" and formatting.day_month(None, 30) == ""


def test_the_date_line_of_an_official_document_names_the_month_in_vietnamese():
    assert formatting.long_date(dt.date(2026, 12, 5)) == "ngày 05 tháng 12 năm 2026"
    assert formatting.long_date(dt.date(2026, 2, 14)) == "ngày 14 tháng 02 năm 2026"


@pytest.mark.parametrize(
    ("text", "month_day"), [("30/11", (11, 30)), ("8/3", (3, 8)), ("11-30", (11, 30)), ("29/02", (2, 29))]
)
def test_days_of_the_year_are_read(text, month_day):
    assert formatting.parse_day_month(text) == month_day


@pytest.mark.parametrize("text", ["31/02", "30/13", "hôm nay", ""])
def test_impossible_days_are_refused(text):
    with pytest.raises(ValueError):
        formatting.parse_day_month(text)


# -------------------------------------------------------------------------------------------- targets


@dataclass
class Bar:
    kind: str
    low: Decimal | None = None
    high: Decimal | None = None
    strict: bool = False

    @property
    def reference(self):
        return self.high if self.kind == "max" else self.low


def test_bounds_are_described_with_their_unit():
    assert (
        formatting.bounds_text((Decimal(104), Decimal(107)), "bé trai/100 bé gái")
        == "104 - 107 bé trai/100 bé gái"
    )
    assert (
        formatting.bounds_text((Decimal(42), Decimal(42)), "/100.000 trẻ sinh sống")
        == "42/100.000 trẻ sinh sống"
    )
    assert formatting.bounds_text((Decimal("1.4"), Decimal("1.4")), "%") == "1,4%"
    assert formatting.bounds_text(None) == "—"


def test_bars_are_described_in_words():
    assert formatting.bar_text(Bar("min", Decimal(90), Decimal(90)), "%") == "≥ 90%"
    assert (
        formatting.bar_text(Bar("max", Decimal(42), Decimal(42), strict=True), "/100.000") == "< 42 /100.000"
    )
    assert formatting.bar_text(Bar("range", Decimal(104), Decimal(107))) == "104 – 107"
    assert formatting.bar_text(Bar("increase", Decimal(10), Decimal(15)), "điểm %") == "+10 – 15 điểm %"
    assert formatting.bar_text(Bar("boolean")) == "Có"
    assert formatting.bar_text(None) == ""


def test_bars_for_machines():
    assert formatting.bar_machine_text(Bar("range", Decimal(104), Decimal(107))) == "104-107"
    assert formatting.bar_machine_text(Bar("min", Decimal("87.5"), Decimal("87.5"))) == 87.5
    assert formatting.bar_machine_text(Bar("boolean")) == "true"
    assert formatting.bar_json(Bar("range", Decimal(104), Decimal(107))) == {"min": 104, "max": 107}
    assert formatting.bar_json(Bar("boolean")) is True and formatting.bar_json(None) is None


def test_machine_numbers_are_ints_when_whole_else_two_decimals():
    assert formatting.machine_number(Decimal("4.000")) == 4 and isinstance(formatting.machine_number(4), int)
    assert formatting.machine_number(Decimal("33.3333")) == 33.33
    assert formatting.machine_number(None) is None and formatting.machine_number(Decimal("NaN")) is None


# ------------------------------------------------------------------------------------------ templates


def test_templates_use_the_same_formats_through_the_vn_format_filters():
    template = Template(
        "{% load vn_format %}{{ n|vn_number }} {{ r|vn_number:2 }} {{ p|vn_percent }} {{ m|vn_money }} "
        "{{ day|vn_date }} {{ v|with_unit:'%' }} {{ bar|bar_text:'%' }}"
    )
    context = Context(
        {
            "n": 1234567,
            "r": Decimal("2.345"),
            "p": Decimal("87.5"),
            "m": 15000000,
            "day": dt.date(2026, 11, 30),
            "v": Decimal("12.5"),
            "bar": Bar("min", Decimal(90), Decimal(90)),
        }
    )
    assert template.render(context) == "1.234.567 2,35 87,5% 15.000.000 đồng 30/11/2026 12,5% ≥ 90%"
