"""A unit's own annual report, generated from its submission and ready to sign (domain §5, §6).

The unit (a commune's People's Committee, a department, a mass organisation, a media agency) reports
to the plan's focal agency: header block, "BÁO CÁO" and the subject, I. results (its narrative, then
a table of every figure of its form), II. difficulties, III. proposals, "Nơi nhận" and signature.
A report that has not been submitted yet is marked "DỰ THẢO" (draft) under the subject.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import translation

from binhdang.core import formatting
from binhdang.documents import nd30
from binhdang.documents.annual import split_sentences
from binhdang.documents.issuers import plan_name, report_subject, unit_issuer
from binhdang.reporting.forms_catalog import ValueType
from binhdang.reporting.models import Submission
from binhdang.reporting.services import elements_for
from binhdang.reporting.validation import typed


def figure_text(element, coc: str, text: str | None) -> str:
    """A stored value in Vietnamese: "1.250", "87,5%", "Có", the option's label; "" when empty."""
    value = typed(element, coc, text or "")
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, int | Decimal):
        suffix = "%" if element.type_for(coc) == ValueType.PERCENT else ""
        return f"{formatting.number(value)}{suffix}"
    labels = dict(element.options)
    return str(labels.get(value, value))


def figure_rows(submission: Submission) -> list[list[str]]:
    """[STT, label, value] for every value the unit's form asks of it (in Vietnamese)."""
    stored = submission.value_map()
    rows: list[list[str]] = []
    with translation.override("vi"):
        for element in elements_for(submission):
            for coc in element.category_options:
                rows.append(
                    [
                        str(len(rows) + 1),
                        element.field_label(coc),
                        figure_text(element, coc, stored.get((element.code, coc))),
                    ]
                )
    return rows


def _narrative(document, text: str, empty: str) -> None:
    sentences = split_sentences(text)
    if not sentences:
        nd30.body(document, empty)
    for sentence in sentences:
        nd30.bullet(document, sentence + ".")


@translation.override("vi")  # an official document: Vietnamese words, dates and numbers
def build(submission: Submission, day: dt.date) -> bytes:
    """The DOCX of ``submission``'s unit report dated ``day``."""
    period = submission.period
    plan, unit = period.plan, submission.unit
    issuer = unit_issuer(unit, plan)
    document = nd30.new_document()
    nd30.header_block(document, issuer, day)
    nd30.title(document, report_subject(plan, period.year))
    if not submission.is_complete:
        nd30.body(document, "DỰ THẢO (báo cáo chưa được gửi)").runs[0].bold = True
    nd30.body(
        document,
        f"Thực hiện {plan_name(plan)}, {unit.name} báo cáo kết quả thực hiện năm {period.year} như sau:",
    )
    nd30.heading(document, "I. KẾT QUẢ THỰC HIỆN")
    nd30.heading(document, "1. Kết quả triển khai", level=2)
    _narrative(document, submission.results, "Đơn vị chưa thuyết minh kết quả thực hiện.")
    nd30.heading(document, "2. Số liệu", level=2)
    nd30.table(
        document, ["STT", "Nội dung", "Kết quả"], figure_rows(submission), (12, 118, 35), numeric=(0, 2)
    )
    nd30.heading(document, "II. KHÓ KHĂN, VƯỚNG MẮC")
    _narrative(document, submission.difficulties, "Không có.")
    nd30.heading(document, "III. KIẾN NGHỊ, ĐỀ XUẤT")
    _narrative(document, submission.proposals, "Không có.")
    nd30.body(document, f"Trên đây là báo cáo kết quả thực hiện năm {period.year} của {unit.name}./.")
    nd30.closing_block(document, issuer)
    return nd30.save(document)
