"""Stored figures for people and spreadsheets: any stored value renders, none raises."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation

from binhdang.core.numbers import as_decimal, plain_text, spreadsheet_number, too_large_note, vn_number


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def test_ordinary_figures_are_grouped_the_vietnamese_way():
    assert vn_number(Decimal("87.50")) == "87,5"
    assert vn_number(1250) == "1.250"
    assert vn_number("15000000") == "15.000.000"
    assert vn_number(Decimal("4.256")) == "4,26"
    assert vn_number(None) == "" and vn_number("") == ""
    assert vn_number(999_999_999_999_999) == "999.999.999.999.999"


def test_figures_of_hundreds_of_digits_are_shown_in_scientific_form_not_an_error():
    assert vn_number("9" * 400) == "1 × 10⁴⁰⁰"
    assert vn_number(int("9" * 300)) == "1 × 10³⁰⁰"
    assert vn_number("12" + "0" * 20) == "1,2 × 10²¹"
    assert vn_number(Decimal("1E+15")) == "1 × 10¹⁵"
    assert vn_number("9" * 5000) == "1 × 10⁵⁰⁰⁰"


@pytest.mark.parametrize("stored", ["abc", "NaN", "Infinity", "1e99999999999", "-", "1.2.3"])
def test_stored_text_that_is_not_a_number_is_shown_as_it_is(stored):
    assert as_decimal(stored) is None or as_decimal(stored).is_finite()
    assert vn_number(stored)


def test_spreadsheet_numbers_are_exact_or_none():
    assert spreadsheet_number("120") == 120 and isinstance(spreadsheet_number("120"), int)
    assert spreadsheet_number(Decimal("1500000.5")) == 1500000.5
    assert spreadsheet_number(999_999_999_999_999) == 999_999_999_999_999
    for value in ("9" * 400, int("9" * 300), 10**15, "abc", "NaN", None, ""):
        assert spreadsheet_number(value) is None, value
    assert plain_text("9" * 400) == "9" * 400 and plain_text(Decimal("1E+3")) == "1000"
    assert "15" in too_large_note() and "văn bản" in too_large_note()


def test_posted_whole_numbers_are_read_without_ever_raising():
    from binhdang.core.numbers import posted_int

    assert posted_int("12") == 12 and posted_int(" 7 ") == 7
    for text in ("9" * 5000, "9" * 19, "-1", "1.5", "١٢", "", None, "abc"):
        assert posted_int(text) is None, text
