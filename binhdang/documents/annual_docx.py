"""The annual report of a plan as a Word document (domain §5), from :mod:`binhdang.documents.annual`.

Outline: header block, "BÁO CÁO" and the subject; I. implementation (reporting completeness, then
the units' narratives by theme and agency); II. results per target; III. difficulties; IV.
proposals; "Nơi nhận" and signature; Phụ lục I (indicators: target, result, status) and Phụ lục II
(unit figures), in landscape.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import translation

from binhdang.core import formatting
from binhdang.core.formatting import bar_text, percent, with_unit
from binhdang.core.formatting import number as vn_number
from binhdang.documents import nd30
from binhdang.documents.annual import AnnualContent, Grouped, status_label
from binhdang.documents.issuers import plan_issuer, plan_name, report_subject
from binhdang.documents.tables import (
    INTEGER,
    Cell,
    ReportTable,
    completeness_table,
    indicator_table,
    target_status,
    unit_table,
)

ROMAN = ("I", "II", "III", "IV", "V", "VI")
LETTERS = "abcdefghiklmnopqrstuvxy"
#: Units named after a grouped difficulty or proposal before "và N đơn vị khác".
NAMED_UNITS = 6


def cell_text(value: Cell, kind: str = "") -> str:
    """A table cell in Vietnamese: "1.250", "87,5", "" for None."""
    if value is None:
        return ""
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return vn_number(value, 0 if kind == INTEGER else 2)
    return str(value)


def add_table(document, table: ReportTable, *, usable_mm: float = 252, size: float | None = None) -> None:
    rows = [[cell_text(v, c.kind) for v, c in zip(row, table.columns, strict=True)] for row in table.rows]
    if table.total is not None:
        rows.append([cell_text(v, c.kind) for v, c in zip(table.total, table.columns, strict=True)])
    weight = sum(c.width for c in table.columns)
    widths = [usable_mm * c.width / weight for c in table.columns]
    numeric = [i for i, c in enumerate(table.columns) if c.kind != "text"]
    grid = nd30.table(document, [c.header for c in table.columns], rows, widths, numeric)
    if table.total is not None:
        for cell in grid.rows[-1].cells:
            for run in cell.paragraphs[0].runs:
                run.bold = True
    if size is not None:
        for row in grid.rows:
            for cell in row.cells:
                for run in cell.paragraphs[0].runs:
                    run.font.size = nd30.Pt(size)
    document.add_paragraph(style=nd30.TABLE_TEXT)  # room between the table and what follows


def _who(item: Grouped) -> str:
    names = item.units[:NAMED_UNITS]
    text = ", ".join(names)
    if len(item.units) > NAMED_UNITS:
        text += f" và {len(item.units) - NAMED_UNITS} đơn vị khác"
    return f"{len(item.units)} đơn vị: {text}" if len(item.units) > 1 else text


def _completeness(document, content: AnnualContent) -> None:
    results = content.results
    if results.period is None:
        nd30.body(document, f"Năm {content.year} chưa mở kỳ báo cáo của kế hoạch: chưa có số liệu.")
        return
    nd30.body(
        document,
        f"Năm {content.year} có {vn_number(results.expected)} đơn vị phải báo cáo; "
        f"{vn_number(results.submitted)} đơn vị đã gửi báo cáo, đạt tỷ lệ "
        f"{percent(results.completeness) or '0%'}; trong đó {vn_number(results.on_time)} đơn vị gửi "
        f"đúng hạn (hạn {formatting.date(results.period.deadline)}), đạt {percent(results.timeliness) or '0%'}.",
    )
    add_table(document, completeness_table(content), usable_mm=165)
    missing = content.missing_by_group()
    if missing:
        nd30.body(
            document, "Các đơn vị chưa gửi báo cáo hoặc báo cáo chưa được tính (đang soạn, bị trả lại):"
        )
        for label, names in missing:
            nd30.bullet(document, ", ".join(names) + ".", lead=f"{label} ({len(names)})")


def _activity_totals(document, content: AnnualContent) -> None:
    if not content.is_1790 or not content.results.submitted:
        return
    sessions = content.total("TT_SESSIONS")
    people = content.total("TT_PARTICIPANTS", "MALE") + content.total("TT_PARTICIPANTS", "FEMALE")
    women = content.total("TT_PARTICIPANTS", "FEMALE")
    news = content.total("TT_NEWS")
    trainings = content.total("TT_TRAININGS")
    trainees = content.total("TT_TRAINEES", "MALE") + content.total("TT_TRAINEES", "FEMALE")
    nd30.body(
        document,
        f"Theo báo cáo của {vn_number(content.results.submitted)} đơn vị, trong năm đã tổ chức "
        f"{vn_number(sessions)} cuộc truyền thông, phổ biến pháp luật, chính sách về bình đẳng giới với "
        f"{vn_number(people)} lượt người tham dự (trong đó {vn_number(women)} lượt nữ); đăng "
        f"{vn_number(news)} tin, bài; tổ chức {vn_number(trainings)} lớp tập huấn, bồi dưỡng cho "
        f"{vn_number(trainees)} lượt người.",
    )


def _overview(document, content: AnnualContent) -> None:
    _activity_totals(document, content)
    if not content.with_narratives:
        nd30.body(
            document,
            "(Nội dung tổng hợp từ phần thuyết minh của các đơn vị không được cung cấp cho tài khoản này.)",
        )
        return
    if not content.overview:
        nd30.body(document, "Chưa có đơn vị nào thuyết minh kết quả thực hiện.")
        return
    for letter, (theme, groups) in zip(LETTERS, content.overview.items(), strict=False):
        nd30.heading(document, f"{letter}) {theme}", level=3)
        for group, units in groups.items():
            nd30.body(document, f"{group}:").runs[0].italic = True
            for unit, sentences in units:
                nd30.bullet(document, "; ".join(sentences) + ".", lead=unit)


def _targets(document, content: AnnualContent) -> None:
    if not content.results.indicators:
        nd30.body(document, "Kế hoạch chưa có chỉ tiêu.")
        return
    for result in content.results.indicators:
        value = with_unit(result.value, result.unit) if result.value is not None else "chưa có số liệu"
        parts = [f"mục tiêu năm {content.year}: {bar_text(result.bar, result.unit) or 'chưa xác định'}"]
        ratio = ""
        if result.numerator is not None and result.denominator is not None:
            ratio = f" ({vn_number(result.numerator)}/{vn_number(result.denominator)})"
        parts.append(f"kết quả: {value}{ratio}")
        parts.append(f"đánh giá: {status_label(result.status).lower()}")
        for target in result.targets if len(result.targets) > 1 else []:
            unit = target.target.unit or result.unit
            reached = with_unit(target.value, unit) if target.value is not None else "chưa có số liệu"
            parts.append(
                f"mức cần đạt {target.number} ({bar_text(target.final, unit)}): {reached}, "
                f"{target_status(target).lower()}"
            )
        nd30.bullet(
            document,
            "; ".join(parts) + ".",
            lead=f"Chỉ tiêu {result.indicator.code}. {result.indicator.text}",
        )
    nd30.body(document, "(Chi tiết tại Phụ lục I kèm theo.)")


def _grouped(document, items: list[Grouped], content: AnnualContent, empty: str) -> None:
    if not content.with_narratives:
        nd30.body(document, "(Không được cung cấp cho tài khoản này.)")
        return
    if not items:
        nd30.body(document, empty)
        return
    for item in items:
        nd30.bullet(document, f"{item.text} ({_who(item)}).")


@translation.override("vi")  # an official document: Vietnamese words, dates and numbers
def build(content: AnnualContent, day: dt.date) -> bytes:
    """The DOCX of ``content`` dated ``day``."""
    plan, year = content.plan, content.year
    issuer = plan_issuer(plan)
    document = nd30.new_document()
    nd30.header_block(document, issuer, day)
    nd30.title(document, report_subject(plan, year))
    basis = plan_name(plan)
    if plan.number:
        basis += f" số {plan.number}"
        if plan.date:
            basis += f" ngày {formatting.date(plan.date)}"
    if plan.issuer:
        basis += f" của {plan.issuer}"
    nd30.body(document, f"Thực hiện {basis}, {issuer.body} báo cáo kết quả thực hiện năm {year} như sau:")
    nd30.heading(document, f"{ROMAN[0]}. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN")
    nd30.heading(document, "1. Tình hình báo cáo của các đơn vị", level=2)
    _completeness(document, content)
    nd30.heading(document, "2. Kết quả triển khai các nhiệm vụ", level=2)
    _overview(document, content)
    nd30.heading(document, f"{ROMAN[1]}. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")
    _targets(document, content)
    nd30.heading(document, f"{ROMAN[2]}. KHÓ KHĂN, VƯỚNG MẮC")
    _grouped(document, content.difficulties, content, "Các đơn vị không nêu khó khăn, vướng mắc.")
    nd30.heading(document, f"{ROMAN[3]}. KIẾN NGHỊ, ĐỀ XUẤT")
    _grouped(document, content.proposals, content, "Các đơn vị không có kiến nghị, đề xuất.")
    nd30.body(
        document, f"Trên đây là báo cáo kết quả thực hiện {plan_name(plan)} năm {year} của {issuer.body}./."
    )
    nd30.closing_block(document, issuer)
    reference = f"Kèm theo Báo cáo số      /BC-{issuer.symbol} {formatting.long_date(day)} của {issuer.body}"
    nd30.annex_section(document, "Phụ lục I", f"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM {year}", reference)
    add_table(document, indicator_table(content))
    nd30.annex_section(document, "Phụ lục II", f"SỐ LIỆU BÁO CÁO CỦA CÁC ĐƠN VỊ NĂM {year}", reference)
    add_table(document, unit_table(content), size=9)
    return nd30.save(document)
