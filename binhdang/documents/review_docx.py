"""The review of a plan over a span (sơ kết / tổng kết) as a Word document in the Nghị định 30 layout
(:mod:`binhdang.documents.nd30`), from :class:`~binhdang.documents.review.ReviewContent`.

Outline: header block; "BÁO CÁO" and "Sơ kết (Tổng kết) thực hiện Kế hoạch ... giai đoạn 2026-2028"
("tổng kết" when the span reaches the plan's last year); the opening with each year's data (or "Năm
2027: chưa có số liệu báo cáo"); I. implementation: reporting per year, tasks, activities and budget,
each year's work by theme (the annual synthesis); II. each target from its baseline through the years
(a table with the years as columns, its trend in words and arrows); III./IV. difficulties and
proposals, the recurring ones first; the closing and signature; Phụ lục I (targets × years) and
Phụ lục II (tasks), in landscape.
"""

from __future__ import annotations

import datetime as dt

from django.utils import translation

from binhdang.core import formatting
from binhdang.core.formatting import number as vn_number
from binhdang.documents import nd30, synthesis
from binhdang.documents.annual import status_label
from binhdang.documents.annual_docx import add_table
from binhdang.documents.issuers import plan_issuer, plan_name
from binhdang.documents.review import Recurring, ReviewContent, no_data_note
from binhdang.documents.review_tables import (
    activity_type_table,
    activity_year_table,
    reporting_table,
    target_table,
    targets_by_year,
    task_table,
)
from binhdang.work.models import TaskStatus

#: Grouped difficulties or proposals raised in one year only, shown after the recurring ones.
ONE_YEAR_SHOWN = 6
BODY_MM = 165


def subject(content: ReviewContent) -> str:
    """ "Sơ kết giai đoạn 2026-2028 thực hiện Kế hoạch ..." (the plan's title often names its own period)."""
    return f"{content.kind.capitalize()} giai đoạn {content.span} thực hiện {plan_name(content.plan)}"


def _who(units: list[str]) -> str:
    return synthesis._who(units)


def _years(years: list[int]) -> str:
    return "năm " + ", ".join(str(y) for y in years)


def recurring_lines(items: list[Recurring], content: ReviewContent, noun: str) -> list[str]:
    """The recurring items first (raised in two years or more), then a few raised in one year."""
    if not content.with_narratives:
        return [synthesis.NO_NARRATIVES]
    if not items:
        return [f"Các đơn vị không nêu {noun} trong giai đoạn {content.span}."]
    lines = []
    again = [item for item in items if len(item.years) > 1]
    once = [item for item in items if len(item.years) == 1]
    if len(content.years_with_data()) < 2:
        lines.append(
            f"Giai đoạn mới có số liệu của {_years(content.years_with_data())} nên chưa xác định được "
            f"{noun} lặp lại qua các năm."
        )
    elif again:
        lines.append(f"Các {noun} lặp lại qua nhiều năm:")
        lines += [f"- {item.text} ({_years(item.years)}; {_who(item.units)})." for item in again]
    else:
        lines.append(f"Không có {noun} nào được nêu lại qua các năm.")
    if once:
        lines.append(f"Các {noun} nêu trong một năm:")
        lines += [
            f"- {item.text} ({_years(item.years)}; {_who(item.units)})." for item in once[:ONE_YEAR_SHOWN]
        ]
        if len(once) > ONE_YEAR_SHOWN:
            lines.append(f"- Ngoài ra, {vn_number(len(once) - ONE_YEAR_SHOWN)} ý kiến khác.")
    return lines


def _reporting(document, content: ReviewContent) -> None:
    nd30.heading(document, "1. Tình hình báo cáo của các đơn vị qua các năm", level=2)
    for line in content.year_notes():
        nd30.body(document, line + ".")
    add_table(document, reporting_table(content), usable_mm=BODY_MM)


def task_lines(content: ReviewContent) -> list[str]:
    tasks = content.tasks
    if not tasks.total:
        return ["Kế hoạch chưa có nhiệm vụ được theo dõi."]
    counts = "; ".join(
        f"{vn_number(tasks.count(status))} {TaskStatus(status).label!s}"
        for status in (TaskStatus.DONE, TaskStatus.IN_PROGRESS, TaskStatus.NOT_STARTED, TaskStatus.LATE)
    )
    lines = [
        f"Đến ngày {formatting.date(tasks.asof)}, trong {vn_number(tasks.total)} nhiệm vụ của Kế hoạch: {counts}."
    ]
    by_year = [f"năm {y}: {vn_number(n)}" for y, n in tasks.done_by_year.items()]
    if by_year:
        lines.append(f"Số nhiệm vụ đã hoàn thành lũy kế đến cuối mỗi năm: {'; '.join(by_year)}.")
    late = [row for row in tasks.rows if row.status == TaskStatus.LATE]
    if late:
        named = "; ".join(f"{row.code}. {row.title}" for row in late)
        lines.append(f"Các nhiệm vụ chậm tiến độ: {named}.")
    lines.append("(Chi tiết tại Phụ lục II.)")
    return lines


def activity_lines(content: ReviewContent) -> list[str]:
    total = content.activities.total
    if not total.count:
        return [f"Chưa có hoạt động nào được ghi nhận trong giai đoạn {content.span}."]
    women = formatting.percent(total.female / total.participants * 100) if total.participants else "0%"
    return [
        f"Giai đoạn {content.span}, các đơn vị đã ghi nhận {vn_number(total.count)} hoạt động với "
        f"{vn_number(total.participants)} lượt người tham gia, trong đó nữ {vn_number(total.female)} lượt "
        f"({women}); kinh phí {vn_number(total.budget)} đồng, gồm ngân sách nhà nước "
        f"{vn_number(total.budget_state)} đồng và huy động {vn_number(total.budget_other)} đồng."
    ]


def _yearly_work(document, content: ReviewContent) -> None:
    nd30.heading(document, "4. Kết quả triển khai theo từng năm", level=2)
    for letter, item in zip(synthesis.LETTERS, content.years, strict=False):
        nd30.heading(document, f"{letter}) Năm {item.year}", level=3)
        if item.annual is None:
            nd30.body(document, no_data_note(item.year) + ".")
            continue
        sections = [s for s in synthesis.sections(item.annual) if s.key.startswith("theme-")]
        if not sections:
            nd30.body(document, "Các đơn vị chưa báo cáo hoạt động theo các nội dung của Kế hoạch.")
        for section in sections:
            nd30.body(document, section.heading.split(") ", 1)[-1] + ":").runs[0].italic = True
            for line in section.figures:
                nd30.body(document, line)
            for line in section.prose.splitlines() if content.with_narratives else []:
                if line.strip() and not line.startswith("(Nội dung chi tiết"):
                    nd30.body(document, line.strip())


def target_summary(content: ReviewContent) -> str:
    years = content.years_with_data()
    if not years:
        return f"Giai đoạn {content.span} chưa có số liệu báo cáo để đánh giá các chỉ tiêu."
    last = years[-1]
    counts = content.status_counts(last)
    parts = "; ".join(f"{vn_number(n)} {status_label(s).lower()}" for s, n in counts.items())
    return f"Đánh giá theo số liệu năm {last}, trong {vn_number(len(content.targets))} chỉ tiêu: {parts}."


def _targets(document, content: ReviewContent) -> None:
    nd30.heading(document, "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU QUA CÁC NĂM")
    if not content.targets:
        nd30.body(document, "Kế hoạch chưa có chỉ tiêu.")
        return
    nd30.body(document, target_summary(content))
    for position, trend in enumerate(content.targets, start=1):
        nd30.heading(
            document, f"{position}. Chỉ tiêu {trend.indicator.code}. {trend.indicator.text}", level=3
        )
        add_table(document, target_table(trend), usable_mm=BODY_MM, size=11)
        nd30.body(document, f"Xu hướng: {trend.trend_text()}.")
    nd30.body(document, "(Chi tiết tại Phụ lục I kèm theo.)")


@translation.override("vi")  # an official document: Vietnamese words, dates and numbers
def build(content: ReviewContent, day: dt.date) -> bytes:
    plan = content.plan
    issuer = plan_issuer(plan)
    document = nd30.new_document()
    nd30.header_block(document, issuer, day)
    nd30.title(document, subject(content))
    basis = plan_name(plan)
    if plan.number:
        basis += f" số {plan.number}"
    nd30.body(
        document,
        f"Thực hiện {basis}, {issuer.body} báo cáo {content.kind} kết quả thực hiện Kế hoạch giai đoạn "
        f"{content.span} như sau:",
    )
    nd30.heading(document, "I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN")
    _reporting(document, content)
    nd30.heading(document, "2. Kết quả triển khai các nhiệm vụ", level=2)
    for line in task_lines(content):
        nd30.body(document, line)
    nd30.heading(document, "3. Hoạt động và kinh phí", level=2)
    for line in activity_lines(content):
        nd30.body(document, line)
    add_table(document, activity_year_table(content), usable_mm=BODY_MM, size=10)
    if content.activities.by_type:
        add_table(document, activity_type_table(content), usable_mm=BODY_MM, size=10)
    _yearly_work(document, content)
    _targets(document, content)
    for heading, items, noun in (
        ("III. KHÓ KHĂN, VƯỚNG MẮC", content.difficulties, "khó khăn, vướng mắc"),
        ("IV. KIẾN NGHỊ, ĐỀ XUẤT", content.proposals, "kiến nghị, đề xuất"),
    ):
        nd30.heading(document, heading)
        for line in recurring_lines(items, content, noun):
            nd30.body(document, line)
    nd30.body(
        document,
        f"Trên đây là báo cáo {content.kind} giai đoạn {content.span} thực hiện {plan_name(plan)} "
        f"của {issuer.body}./.",
    )
    nd30.closing_block(document, issuer)
    reference = f"Kèm theo Báo cáo số      /BC-{issuer.symbol} {formatting.long_date(day)} của {issuer.body}"
    nd30.annex_section(
        document, "Phụ lục I", f"KẾT QUẢ CÁC CHỈ TIÊU QUA CÁC NĂM, GIAI ĐOẠN {content.span}", reference
    )
    add_table(document, targets_by_year(content, numbers=False), size=10)
    nd30.annex_section(document, "Phụ lục II", "TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ", reference)
    add_table(document, task_table(content), size=10)
    return nd30.save(document)
