"""The annex's funds table (``documents/budget_table.py``) and its "Kinh phí" sheet: one row per unit
and source with a figure, planned and spent (log, report) in whole đồng, totals as SUM formulas."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

from openpyxl import load_workbook

from binhdang.documents import annex_xlsx
from binhdang.documents.annual import collect
from binhdang.documents.budget_table import budget_table
from binhdang.work import budget
from binhdang.work.models import Activity
from tests.spreadsheets import formulas


def test_the_funds_table_has_a_row_per_unit_and_source_with_a_figure(plan, reports, daklak, focal_officer):
    budget.set_planned(plan, daklak.commune_a, 2026, focal_officer, {"central": 30_000_000, "province": None})
    Activity.objects.create(
        plan=plan,
        unit=daklak.health,
        type="training",
        date=dt.date(2026, 4, 2),
        place="Sở Y tế",
        budget_state=7_000_000,
        created_by=focal_officer,
    )
    table = budget_table(collect(plan, 2026, with_narratives=False))
    rows = {(row[1], row[2]): row[3:] for row in table.rows}
    assert rows[("Xã Ea Kar", "Ngân sách trung ương")] == [30_000_000, 0, 0]
    health_state = rows[("Sở Y tế", "Ngân sách tỉnh")]
    assert health_state[1] == 7_000_000 and health_state[2] > 0  # the log, and the submitted report
    assert ("Phường Buôn Ma Thuột", "Ngân sách xã") not in rows  # a draft counts for nothing
    assert [row[0] for row in table.rows] == list(range(1, len(table.rows) + 1))
    assert table.total is not None and table.total[3] == 30_000_000


def test_the_kinh_phi_sheet_holds_the_amounts_as_numbers_and_the_totals_as_formulas(
    plan, reports, daklak, focal_officer
):
    budget.set_planned(plan, daklak.commune_a, 2026, focal_officer, {"mobilised": 5_000_000})
    data = annex_xlsx.build(collect(plan, 2026, with_narratives=False))
    sheet = load_workbook(BytesIO(data), data_only=True)["Kinh phí"]
    first = annex_xlsx.HEADER_ROW + 2
    rows = [r for r in sheet.iter_rows(min_row=first, values_only=True) if r[1] != "Tổng cộng"]
    assert ("Xã Ea Kar", "Huy động, xã hội hóa, tài trợ", 5_000_000) in [r[1:4] for r in rows]
    assert any(text.startswith("SUM(D") for text in formulas(data))
