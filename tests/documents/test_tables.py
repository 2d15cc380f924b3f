"""The report's tables as typed rows (shared by the DOCX and the XLSX)."""

from __future__ import annotations

from decimal import Decimal

from binhdang.documents.annual import collect
from binhdang.documents.tables import all_tables, completeness_table, indicator_table, unit_table
from tests.results.conftest import schooling_plan


def test_the_three_tables_in_order(plan, reports):
    keys = [t.key for t in all_tables(collect(plan, 2026, with_narratives=False))]
    assert keys == ["indicators", "completeness", "units"]


def test_numbers_stay_numbers(plan, reports):
    content = collect(plan, 2026, with_narratives=False)
    rows = {row[1]: row for row in unit_table(content).rows}
    assert rows["Xã Ea Kar"][4] == 5 and isinstance(rows["Xã Ea Kar"][4], int)
    assert isinstance(rows["Xã Ea Kar"][-2], Decimal)
    assert rows["Xã Ea Kar"][7] == "Có"
    first = indicator_table(content).rows[0]
    assert first[6] is None or isinstance(first[6], Decimal)


def test_completeness_rows_by_agency_group(plan, reports):
    table = completeness_table(collect(plan, 2026, with_narratives=False))
    by_group = {row[0]: row[1:4] for row in table.rows}
    assert by_group["UBND các xã, phường"] == [2, 1, 1]
    assert by_group["Các sở, ban, ngành"][1:] == [1, 0]


def test_each_target_of_an_indicator_has_its_row(daklak):
    plan = schooling_plan(daklak, "80")

    rows = indicator_table(collect(plan, 2026, with_narratives=False)).rows

    # Target 1: 99,5 >= 99 achieved; target 2: 80 / 90 = 0,89 -> at risk; the indicator: the worst.
    assert [row[1] for row in rows] == ["5.2", "5.2 (1)", "5.2 (2)"]
    assert rows[0][-1] == "Có nguy cơ chậm"
    assert rows[1][2:] == [
        "Mức cần đạt 1: ≥ 99%",
        "%",
        "≥ 99%",
        "≥ 99%",
        Decimal("99.5"),
        None,
        None,
        "Đã đạt",
    ]
    assert rows[2][6:] == [Decimal(80), None, None, "Có nguy cơ chậm"]
