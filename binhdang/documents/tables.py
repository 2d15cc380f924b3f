"""The report's tables as typed rows, shared by the DOCX annexes and the XLSX sheets (so both show the
same figures): numbers stay numbers (int or Decimal) here; the DOCX formats them the Vietnamese way
("1.250", "87,5"), the XLSX stores them as numbers.

- :func:`indicator_table`: every indicator with its target for the year, the final target, the
  result (the engine's value, numerator and denominator) and its status; under an indicator with
  several targets, a row per target with its own value and status;
- :func:`completeness_table`: expected, submitted and on-time units by agency group, with a total;
- :func:`unit_table`: every expected unit with its report state and (programme 1790) its figures,
  with a total row.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils import translation

from binhdang.core import formatting
from binhdang.documents.annual import AnnualContent, UnitFigures, status_label
from binhdang.reporting.forms_catalog import FEMALE, MALE
from binhdang.results import catalog_rules as rules

TEXT, INTEGER, NUMBER = "text", "integer", "number"
Cell = str | int | Decimal | None

STATE_LABELS = {
    "on_time": "Đúng hạn",
    "late": "Muộn hạn",
    "draft": "Chưa gửi (đang soạn)",
    "returned": "Bị trả lại, chưa gửi lại",
    "missing": "Chưa báo cáo",
}
GSIM_LABELS = {"OFFICIAL": "Chính thức", "PILOT": "Thí điểm", "NONE": "Chưa áp dụng"}
TYPE_LABELS = {
    "department": "Sở, ban, ngành",
    "mass_org": "Tổ chức chính trị - xã hội",
    "media": "Cơ quan báo chí",
    "commune": "Xã, phường",
}


@dataclass
class Column:
    header: str
    kind: str = TEXT
    width: float = 12  # characters in the XLSX; relative width in the DOCX
    #: The header in a narrow printed table (explained by :data:`ABBREVIATIONS` under it); "" for none.
    short: str = ""


@dataclass
class ReportTable:
    """A titled table: columns, rows and an optional total row (sums of the numeric columns)."""

    key: str
    title: str
    columns: list[Column]
    rows: list[list[Cell]]
    total: list[Cell] | None = None


def bar_text(bar, unit: str) -> str:
    """A target in words, as the results pages write it ("≥ 90%", "+10 – 15%"), in Vietnamese."""
    with translation.override("vi"):
        return formatting.bar_text(bar, unit)


def indicator_table(content: AnnualContent) -> ReportTable:
    year = content.year
    columns = [
        Column("STT", INTEGER, 6),
        Column("Mã", TEXT, 7),
        Column("Chỉ tiêu", TEXT, 50),
        Column("Đơn vị tính", TEXT, 10),
        Column(f"Mục tiêu năm {year}", TEXT, 14),
        Column("Mục tiêu cuối kỳ", TEXT, 14),
        Column(f"Kết quả năm {year}", NUMBER, 12),
        Column("Tử số", NUMBER, 9),
        Column("Mẫu số", NUMBER, 9),
        Column("Đánh giá", TEXT, 16),
    ]
    rows: list[list[Cell]] = []
    for position, result in enumerate(content.results.indicators, start=1):
        rows.append(
            [
                position,
                result.indicator.code,
                result.indicator.text,
                result.unit,
                bar_text(result.bar, result.unit),
                bar_text(result.final, result.unit),
                result.value,
                result.numerator,
                result.denominator,
                status_label(result.status),
            ]
        )
        rows.extend(target_rows(result))
    return ReportTable("indicators", "Kết quả thực hiện các chỉ tiêu", columns, rows)


def target_status(target) -> str:
    """A target's status in words; one not due this year says so (it does not count)."""
    text = status_label(target.status)
    return text if target.due else f"{text} (không tính năm này)"


def target_rows(result) -> list[list[Cell]]:
    """The rows under an indicator with several targets: each target, its value and status (the
    indicator's own row has the worst of the due ones: ``results.targets``)."""
    if len(result.targets) < 2:
        return []
    rows: list[list[Cell]] = []
    for target in result.targets:
        unit = target.target.unit or result.unit
        rows.append(
            [
                None,
                f"{result.indicator.code} ({target.number})",
                f"Mức cần đạt {target.number}: {bar_text(target.final, unit)}",
                unit,
                bar_text(target.bar, unit),
                bar_text(target.final, unit),
                target.value,
                None,
                None,
                target_status(target),
            ]
        )
    return rows


def completeness_table(content: AnnualContent) -> ReportTable:
    columns = [
        Column("Nhóm đơn vị", TEXT, 34),
        Column("Số đơn vị phải báo cáo", INTEGER, 14),
        Column("Số đơn vị đã báo cáo", INTEGER, 14),
        Column("Số đơn vị báo cáo đúng hạn", INTEGER, 14),
        Column("Tỷ lệ đầy đủ (%)", NUMBER, 12),
        Column("Tỷ lệ đúng hạn (%)", NUMBER, 12),
    ]
    rows: list[list[Cell]] = []
    for label, expected, submitted, on_time in content.counts_by_group():
        rows.append(
            [
                label,
                expected,
                submitted,
                on_time,
                rules.percent(submitted, expected),
                rules.percent(on_time, expected),
            ]
        )
    results = content.results
    total: list[Cell] = [
        "Tổng cộng",
        results.expected,
        results.submitted,
        results.on_time,
        results.completeness,
        results.timeliness,
    ]
    return ReportTable("completeness", "Tình hình báo cáo của các đơn vị", columns, rows, total)


#: The programme-1790 columns of the unit table: (header, element, category option combo, kind).
UNIT_FIGURES = (
    ("Số cuộc truyền thông", rules.SESSIONS, "", INTEGER),
    ("Lượt người tham dự - Nam", rules.PARTICIPANTS, MALE, INTEGER),
    ("Lượt người tham dự - Nữ", rules.PARTICIPANTS, FEMALE, INTEGER),
    ("Kế hoạch Tháng hành động", rules.AM_PLAN, "", TEXT),
    ("Hoạt động Tháng hành động", "TT_AM_ACTIVITIES", "", INTEGER),
    ("Tin, bài đã đăng", "TT_NEWS", "", INTEGER),
    ("Lớp tập huấn", "TT_TRAININGS", "", INTEGER),
    ("Lượt tập huấn - Nam", rules.TRAINEES, MALE, INTEGER),
    ("Lượt tập huấn - Nữ", rules.TRAINEES, FEMALE, INTEGER),
    ("Mô hình truyền thông số", "TT_DIGITAL_MODELS", "", INTEGER),
    ("Hương ước, quy ước thông qua", rules.CONVENTIONS, "", INTEGER),
    ("Trong đó không phân biệt về giới", rules.CONVENTIONS_OK, "", INTEGER),
    ("Bộ chỉ số về giới trong truyền thông", rules.GSIM, "", TEXT),
    ("Kinh phí ngân sách (đồng)", "TT_BUDGET_STATE", "", NUMBER),
    ("Kinh phí huy động (đồng)", "TT_BUDGET_OTHER", "", NUMBER),
)


#: Short headers of the unit table in print (the XLSX keeps the full ones).
SHORT_HEADERS = {
    "Tình trạng báo cáo": "Tình trạng",
    "Loại đơn vị": "Loại",
    "Số cuộc truyền thông": "Cuộc TT",
    "Lượt người tham dự - Nam": "Lượt dự (nam)",
    "Lượt người tham dự - Nữ": "Lượt dự (nữ)",
    "Kế hoạch Tháng hành động": "KH THĐ",
    "Hoạt động Tháng hành động": "HĐ THĐ",
    "Tin, bài đã đăng": "Tin, bài",
    "Lớp tập huấn": "Lớp TH",
    "Lượt tập huấn - Nam": "Lượt TH (nam)",
    "Lượt tập huấn - Nữ": "Lượt TH (nữ)",
    "Mô hình truyền thông số": "Mô hình số",
    "Hương ước, quy ước thông qua": "HƯ, QƯ",
    "Trong đó không phân biệt về giới": "HƯ, QƯ không PB giới",
    "Bộ chỉ số về giới trong truyền thông": "Bộ chỉ số giới",
    "Kinh phí ngân sách (đồng)": "KP ngân sách (đồng)",
    "Kinh phí huy động (đồng)": "KP huy động (đồng)",
}
ABBREVIATIONS = (
    "Ghi chú: TT: truyền thông; KH: kế hoạch; HĐ: hoạt động; THĐ: Tháng hành động; TH: tập huấn; "
    "HƯ, QƯ: hương ước, quy ước; PB: phân biệt; KP: kinh phí."
)


def _figure(unit: UnitFigures, code: str, coc: str, kind: str) -> Cell:
    if code == rules.AM_PLAN:
        return {"true": "Có", "false": "Không"}.get(unit.text(code), "")
    if code == rules.GSIM:
        return GSIM_LABELS.get(unit.text(code), "")
    number = unit.number(code, coc)
    if number is not None and kind == INTEGER:
        return int(number)
    return number


def unit_table(content: AnnualContent) -> ReportTable:
    columns = [
        Column("STT", INTEGER, 7),
        Column("Đơn vị", TEXT, 30),
        Column("Loại đơn vị", TEXT, 14),
        Column("Tình trạng báo cáo", TEXT, 13),
    ]
    figures = UNIT_FIGURES if content.is_1790 else ()
    columns += [Column(header, kind, 14 if kind == NUMBER else 8) for header, _code, _coc, kind in figures]
    for column in columns:
        column.short = SHORT_HEADERS.get(column.header, "")
    rows: list[list[Cell]] = []
    for position, unit in enumerate(content.units, start=1):
        row: list[Cell] = [
            position,
            unit.name,
            TYPE_LABELS.get(unit.type, unit.type),
            STATE_LABELS[unit.state],
        ]
        row += [_figure(unit, code, coc, kind) for _header, code, coc, kind in figures]
        rows.append(row)
    total: list[Cell] | None = None
    if figures:
        total = ["", "Tổng cộng", "", ""]
        for _header, code, coc, kind in figures:
            if kind == TEXT:
                total.append("")
            else:
                amount = content.total(code, coc)
                total.append(int(amount) if kind == INTEGER else amount)
    return ReportTable("units", "Số liệu báo cáo của các đơn vị", columns, rows, total)


def all_tables(content: AnnualContent) -> list[ReportTable]:
    return [indicator_table(content), completeness_table(content), unit_table(content)]
