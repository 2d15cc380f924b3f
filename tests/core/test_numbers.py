"""Stored figures for people and spreadsheets: any stored value renders, none raises."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation

from binhdang.core.numbers import as_decimal, plain_text, spreadsheet_number, too_large_note


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.mark.parametrize("stored", ["abc", "NaN", "Infinity", "1e99999999999", "-", "1.2.3"])
def test_stored_text_that_is_not_a_number_is_no_number(stored):
    assert as_decimal(stored) is None or as_decimal(stored).is_finite()


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
