"""The hard limits of reported figures (reporting.limits): one limit per kind, named in Vietnamese."""

from __future__ import annotations

import pytest
from django.utils import translation

from binhdang.reporting import limits
from binhdang.reporting.forms_catalog import TT1790


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def test_every_number_of_the_tt1790_form_has_a_limit_of_its_kind():
    kinds = {e.code: e.limit for e in TT1790.elements if e.value_type in ("integer", "number", "percent")}
    assert kinds == {
        "TT_SESSIONS": limits.ITEMS,
        "TT_PARTICIPANTS": limits.PEOPLE,
        "TT_NEWS": limits.ITEMS,
        "TT_DIGITAL_MODELS": limits.ITEMS,
        "TT_AM_ACTIVITIES": limits.ITEMS,
        "TT_TRAININGS": limits.ITEMS,
        "TT_TRAINEES": limits.PEOPLE,
        "TT_CONVENTIONS": limits.ITEMS,
        "TT_CONVENTIONS_OK": limits.ITEMS,
        "TT_BUDGET_STATE": limits.MONEY,
        "TT_BUDGET_OTHER": limits.MONEY,
        "TT_AWARENESS": limits.PERCENT,
    }


def test_the_limit_is_the_maximum_every_channel_carries():
    for element in TT1790.elements:
        if element.limit:
            assert element.maximum == limits.hard_limit(element.limit), element.code


def test_money_is_whole_dong_within_the_exact_range_of_floating_point_readers():
    assert TT1790.element("TT_BUDGET_STATE").value_type == "integer"
    assert limits.hard_limit(limits.MONEY) == 10**12 < 2**53
    assert float(limits.hard_limit(limits.MONEY)) == limits.hard_limit(limits.MONEY)


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        (limits.PEOPLE, "10.000.000 người"),
        (limits.ITEMS, "100.000"),
        (limits.PERCENT, "100%"),
        (limits.MONEY, "1.000 tỷ đồng"),
        (limits.FIGURE, "1.000.000.000.000.000"),
    ],
)
def test_the_limit_is_written_as_vietnamese_readers_write_it(kind, text):
    assert limits.limit_text(kind) == text
    assert limits.limit_message(kind).startswith(f"vượt giới hạn {text} mà không đơn vị nào")


def test_a_kind_without_a_limit_never_exceeds():
    assert limits.hard_limit(None) is None and not limits.exceeds(None, 10**40)
    assert limits.exceeds(limits.PEOPLE, 10_000_001) and not limits.exceeds(limits.PEOPLE, 10_000_000)
