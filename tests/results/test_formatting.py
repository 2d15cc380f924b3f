"""Vietnamese number formats of the results pages."""

from __future__ import annotations

from decimal import Decimal

from django.utils import translation

from binhdang.results.formatting import vn_number, vn_percent, with_unit


def test_decimal_comma_and_dot_for_thousands():
    with translation.override("vi"):
        assert vn_percent(Decimal("87.50")) == "87,5%"
        assert vn_number(1250) == "1.250"
        assert vn_number(Decimal("1250000.25")) == "1.250.000,25"
        assert vn_number(Decimal("4.00")) == "4"
        assert vn_percent(100) == "100%"


def test_no_value_is_an_empty_text():
    assert vn_number(None) == "" and vn_percent(None) == "" and with_unit(None, "%") == ""


def test_units_follow_the_value():
    with translation.override("vi"):
        assert with_unit(Decimal("87.5"), "%") == "87,5%"
        assert with_unit(Decimal("2.4"), "điểm %") == "2,4 điểm %"
