"""The review's tables as typed rows (``tables.ReportTable``), shared by the review's DOCX and its XLSX
annex so that both show the same figures:

- :func:`target_table`: one indicator from its baseline through each year (result, bar, status);
- :func:`targets_by_year`: every indicator × every year (the annex), values as numbers, statuses as words;
- :func:`reporting_table`: the units' reporting per year;
- :func:`task_table`, :func:`task_year_table`: the tasks' status and those done by each year's end;
- :func:`activity_year_table`, :func:`activity_type_table`: the activity log's totals (with the budget
  the units reported, per year);
- :func:`national_indicator_table`, :func:`national_province_table`: the ministry's review.

Documents are in Vietnamese: callers build them under ``translation.override("vi")``.
"""

from __future__ import annotations

from binhdang.core import formatting
from binhdang.documents.annual import status_label
from binhdang.documents.review import ReviewContent, TargetTrend, no_data_note
from binhdang.documents.tables import INTEGER, NUMBER, TEXT, Cell, Column, ReportTable, bar_text

NO_DATA = "Chưa có số liệu"


def _value(trend: TargetTrend, year: int, value) -> str:
    if year not in trend.years_with_data:
        return NO_DATA
    return formatting.with_unit(value, trend.unit) if value is not None else NO_DATA


def target_table(trend: TargetTrend) -> ReportTable:
    """The body's table of one indicator: its baseline, each year, the final target."""
    baseline_year = trend.baseline_year
    columns = [Column("", TEXT, 14)]
    if trend.baseline is not None:
        columns.append(Column(f"Cơ sở ({baseline_year})" if baseline_year else "Cơ sở", TEXT, 10))
    columns += [Column(f"Năm {r.year}", TEXT, 10) for r in trend.history]
    columns.append(Column("Mục tiêu cuối kỳ", TEXT, 10))
    base: list[Cell] = (
        [formatting.with_unit(trend.baseline, trend.unit)] if trend.baseline is not None else []
    )
    rows: list[list[Cell]] = [
        ["Kết quả", *base, *[_value(trend, r.year, r.value) for r in trend.history], ""],
        [
            "Mục tiêu năm",
            *([""] if base else []),
            *[bar_text(r.bar, trend.unit) for r in trend.history],
            bar_text(trend.final, trend.unit),
        ],
        [
            "Đánh giá",
            *([""] if base else []),
            *[status_label(r.status) if r.year in trend.years_with_data else "" for r in trend.history],
            "",
        ],
    ]
    return ReportTable(f"target-{trend.indicator.pk}", trend.indicator.text, columns, rows)


def targets_by_year(content: ReviewContent, *, numbers: bool) -> ReportTable:
    """Every indicator × every year. ``numbers``: the result and the status in separate columns (the
    XLSX), else one cell "65% (Đúng lộ trình)" per year (the DOCX annex)."""
    columns = [
        Column("STT", INTEGER, 6),
        Column("Mã", TEXT, 7),
        Column("Chỉ tiêu", TEXT, 44),
        Column("Đơn vị tính", TEXT, 9),
        Column("Giá trị cơ sở", TEXT, 10),
    ]
    for item in content.years:
        if numbers:
            columns += [
                Column(f"Kết quả {item.year}", NUMBER, 11),
                Column(f"Đánh giá {item.year}", TEXT, 14),
            ]
        else:
            columns.append(Column(f"Năm {item.year}", TEXT, 14))
    columns += [Column("Mục tiêu cuối kỳ", TEXT, 12), Column("Xu hướng", TEXT, 24)]
    rows: list[list[Cell]] = []
    for position, trend in enumerate(content.targets, start=1):
        baseline = ""
        if trend.baseline is not None:
            baseline = formatting.with_unit(trend.baseline, trend.unit)
            if trend.baseline_year:
                baseline += f" ({trend.baseline_year})"
        row: list[Cell] = [position, trend.indicator.code, trend.indicator.text, trend.unit, baseline]
        for result in trend.history:
            has_data = result.year in trend.years_with_data
            status = status_label(result.status) if has_data else NO_DATA
            if numbers:
                row += [result.value if has_data else None, status]
            else:
                value = _value(trend, result.year, result.value)
                row.append(f"{value} ({status})" if has_data and result.value is not None else value)
        row += [bar_text(trend.final, trend.unit), trend.trend_text()]
        rows.append(row)
    return ReportTable("targets", "Kết quả các chỉ tiêu qua các năm", columns, rows)


def reporting_table(content: ReviewContent) -> ReportTable:
    columns = [
        Column("Năm", TEXT, 28),
        Column("Số đơn vị phải báo cáo", INTEGER, 12),
        Column("Số đơn vị đã báo cáo", INTEGER, 12),
        Column("Số đơn vị báo cáo đúng hạn", INTEGER, 12),
        Column("Tỷ lệ đầy đủ (%)", NUMBER, 11),
        Column("Tỷ lệ đúng hạn (%)", NUMBER, 11),
    ]
    rows: list[list[Cell]] = []
    for item in content.years:
        results = item.results
        if not item.has_data:
            rows.append([no_data_note(item.year), None, None, None, None, None])
            continue
        rows.append(
            [
                str(item.year),
                results.expected,
                results.submitted,
                results.on_time,
                results.completeness,
                results.timeliness,
            ]
        )
    return ReportTable("reporting", "Tình hình báo cáo của các đơn vị qua các năm", columns, rows)


def task_table(content: ReviewContent) -> ReportTable:
    columns = [
        Column("STT", INTEGER, 6),
        Column("Mã", TEXT, 7),
        Column("Nhiệm vụ", TEXT, 50),
        Column("Cơ quan chủ trì", TEXT, 22),
        Column("Thời gian thực hiện", TEXT, 14),
        Column(f"Tình trạng đến {formatting.date(content.tasks.asof)}", TEXT, 16),
    ]
    rows: list[list[Cell]] = [
        [position, row.code, row.title, row.lead, row.timeframe, row.status_label]
        for position, row in enumerate(content.tasks.rows, start=1)
    ]
    return ReportTable("tasks", "Tình hình thực hiện các nhiệm vụ", columns, rows)


def task_year_table(content: ReviewContent) -> ReportTable:
    columns = [
        Column("Năm", TEXT, 28),
        Column("Nhiệm vụ đã hoàn thành (lũy kế đến cuối năm)", INTEGER, 18),
        Column("Tổng số nhiệm vụ", INTEGER, 12),
    ]
    rows: list[list[Cell]] = []
    for item in content.years:
        done = content.tasks.done_by_year.get(item.year)
        if done is None:
            rows.append([f"{item.year} (chưa đến)", None, content.tasks.total])
        else:
            rows.append([str(item.year), done, content.tasks.total])
    return ReportTable("task-years", "Nhiệm vụ hoàn thành qua các năm", columns, rows)


def activity_year_table(content: ReviewContent) -> ReportTable:
    columns = [
        Column("Năm", TEXT, 16),
        Column("Số hoạt động", INTEGER, 10),
        Column("Lượt người tham gia", INTEGER, 12),
        Column("Trong đó nữ", INTEGER, 10),
        Column("Kinh phí ngân sách (đồng)", INTEGER, 16),
        Column("Kinh phí huy động (đồng)", INTEGER, 16),
        Column("Tổng kinh phí (đồng)", INTEGER, 16),
        Column("Kinh phí ngân sách theo báo cáo đơn vị (đồng)", NUMBER, 18),
        Column("Kinh phí huy động theo báo cáo đơn vị (đồng)", NUMBER, 18),
    ]
    rows: list[list[Cell]] = []
    reported_state = reported_other = None
    for year in content.activities.years:
        totals = content.activities.by_year[year]
        reported = content.reported_budget(year)
        if not totals.count and reported is None:  # nothing recorded nor reported: the year says so
            rows.append([no_data_note(year), None, None, None, None, None, None, None, None])
            continue
        if reported is not None:
            reported_state = (reported_state or 0) + reported[0]
            reported_other = (reported_other or 0) + reported[1]
        rows.append(
            [
                str(year),
                totals.count,
                totals.participants,
                totals.female,
                totals.budget_state,
                totals.budget_other,
                totals.budget,
                reported[0] if reported else None,
                reported[1] if reported else None,
            ]
        )
    total = content.activities.total
    sums: list[Cell] = [
        "Cả giai đoạn",
        total.count,
        total.participants,
        total.female,
        total.budget_state,
        total.budget_other,
        total.budget,
        reported_state,
        reported_other,
    ]
    return ReportTable("activity-years", "Hoạt động và kinh phí theo năm", columns, rows, sums)


def activity_type_table(content: ReviewContent) -> ReportTable:
    columns = [
        Column("Loại hoạt động", TEXT, 30),
        Column("Số hoạt động", INTEGER, 10),
        Column("Lượt người tham gia", INTEGER, 12),
        Column("Trong đó nữ", INTEGER, 10),
        Column("Kinh phí ngân sách (đồng)", INTEGER, 16),
        Column("Kinh phí huy động (đồng)", INTEGER, 16),
    ]
    rows: list[list[Cell]] = [
        [label, t.count, t.participants, t.female, t.budget_state, t.budget_other]
        for label, t in content.activities.type_rows()
    ]
    total = content.activities.total
    sums: list[Cell] = [
        "Tổng cộng",
        total.count,
        total.participants,
        total.female,
        total.budget_state,
        total.budget_other,
    ]
    return ReportTable(
        "activity-types", f"Hoạt động và kinh phí theo loại, {content.span}", columns, rows, sums
    )


def review_tables(content: ReviewContent) -> list[ReportTable]:
    """The XLSX annex's sheets, in order."""
    return [
        targets_by_year(content, numbers=True),
        reporting_table(content),
        task_table(content),
        task_year_table(content),
        activity_year_table(content),
        activity_type_table(content),
    ]
