"""The aggregate SQL of the catalog rules (``results.catalog_rules``), one period at a time; the counts of\n``TT1790`` periods are in ``test_figures.py``."""

from __future__ import annotations

from decimal import Decimal

from binhdang.results import catalog_rules as rules
from tests.results.conftest import file_report


def test_percent_of_a_zero_whole_is_none():
    assert rules.percent(3, 0) is None and rules.percent(None, 5) is None
    assert rules.percent(2, 3) == Decimal("66.67")


def test_awareness_comes_from_counted_reports(period, daklak):
    file_report(period, daklak.noi_vu, {"TT_AWARENESS": "61.5"})
    assert rules.awareness([daklak.root.pk], [2026]) == {(daklak.root.pk, 2026): Decimal("61.50")}


def test_unit_rows_give_each_expected_unit_its_state_and_counted_values(period, daklak):
    file_report(period, daklak.commune_a, {"TT_SESSIONS": 3})
    file_report(period, daklak.commune_b, {"TT_SESSIONS": 7}, submit=False)
    rows = {row.code: row for row in rules.unit_rows(period)}
    assert len(rows) == 6
    assert rows[daklak.commune_a.code].counts and rows[daklak.commune_a.code].number("TT_SESSIONS") == 3
    assert rows[daklak.commune_b.code].state == "draft"
    assert rows[daklak.commune_b.code].number("TT_SESSIONS") is None  # a draft's values do not count
    assert rows[daklak.health.code].state is None


def test_an_awareness_that_is_no_plain_figure_is_left_out_and_breaks_no_query(period, daklak):
    from binhdang.reporting.models import DataValue

    file_report(period, daklak.noi_vu, {"TT_AWARENESS": "61.5"})
    DataValue.objects.filter(data_element="TT_AWARENESS").update(value="9" * 300)
    assert rules.awareness([daklak.root.pk], [2026]) == {}
