"""The annex's table of funds ("Kinh phí"): for each unit and source of funds, the planned amount and
the amounts spent according to the activity log and to the unit's report (``work.budget``, which
documents the rules), in whole đồng, with the province's total."""

from __future__ import annotations

from django.utils import translation

from binhdang.documents.annual import AnnualContent
from binhdang.documents.tables import INTEGER, TEXT, Cell, Column, ReportTable
from binhdang.work import budget
from binhdang.work.models import FundSource

KEY = "budget"
TITLE = "Kinh phí thực hiện kế hoạch theo đơn vị và nguồn"


def budget_table(content: AnnualContent) -> ReportTable:
    summary = budget.summary(content.plan, content.year)
    columns = [
        Column("STT", INTEGER, 7),
        Column("Đơn vị", TEXT, 30),
        Column("Nguồn kinh phí", TEXT, 24),
        Column("Dự kiến (đồng)", INTEGER, 16),
        Column("Đã chi theo sổ hoạt động (đồng)", INTEGER, 18),
        Column("Đã chi theo báo cáo (đồng)", INTEGER, 18),
    ]
    rows: list[list[Cell]] = []
    with translation.override("vi"):
        labels = {source: str(label) for source, label in FundSource.choices}
    position = 0
    for row in summary.rows:
        for source in budget.SOURCES:
            planned, log, reported = row.planned[source], row.log[source], row.reported[source]
            if not (planned or log or reported):
                continue
            position += 1
            rows.append(
                [position, row.unit.name, labels[source], planned, log, reported if row.has_report else None]
            )
    total: list[Cell] = [
        "",
        "Tổng cộng",
        "",
        summary.planned_total,
        summary.log_total,
        summary.reported_total,
    ]
    return ReportTable(KEY, TITLE, columns, rows, total)
