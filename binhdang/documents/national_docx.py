"""The ministry's national report of a year as a Word document in the Nghị định 30 layout (domain §5),
issued by Bộ Nội vụ (:func:`binhdang.documents.issuers.ministry_issuer`), from
:mod:`binhdang.documents.national`.

Outline: header block, "BÁO CÁO" and the subject; I. the provinces' reports (per programme: provinces
with a plan in force, sent on time, late, not sent, the completeness of their units); II. the national
result of every catalog indicator (the national value from the units' data, the distribution of the
provinces, the provinces off track and at risk, with a summary table); III. the provinces' difficulties
and IV. their proposals, grouped; the closing sentence, "Nơi nhận" and the signature; Phụ lục I (each
province's report and units' completeness), Phụ lục II (each province's value of every indicator).
"""

from __future__ import annotations

import datetime as dt

from django.utils import translation

from binhdang.core import formatting
from binhdang.core.formatting import number as vn_number
from binhdang.core.formatting import percent
from binhdang.documents import nd30
from binhdang.documents.annual import Grouped
from binhdang.documents.annual_docx import add_table
from binhdang.documents.issuers import ministry_issuer
from binhdang.documents.national import (
    PROGRAM_NAMES,
    NationalContent,
    distribution_rows,
    province_tables,
    sending_table,
    summary_table,
    value_text,
)
from binhdang.results.national import NationalIndicator

#: Provinces named in a sentence before "và N tỉnh khác".
NAMED = 10
GROUPS_SHOWN = 10


def subject(year: int) -> str:
    return f"Tổng hợp kết quả thực hiện công tác bình đẳng giới của các tỉnh, thành phố năm {year}"


def _names(names: list[str], limit: int = NAMED) -> str:
    text = ", ".join(names[:limit])
    if len(names) > limit:
        text += f" và {vn_number(len(names) - limit)} tỉnh khác"
    return text


def _sending_lines(content: NationalContent, program: str) -> list[str]:
    rollup = content.results.rollups[program]
    with_plan = [(p, r) for p, r in rollup.rows if r is not None]
    total = len(rollup.rows)
    if not with_plan:
        return ["Chưa tỉnh nào có kế hoạch đang có hiệu lực."]
    sent = [(p, content.sending(program, p.pk)) for p, _r in with_plan]
    on_time = [p.name for p, s in sent if s.sent and not s.late]
    late = [p.name for p, s in sent if s.sent and s.late]
    missing = [p.name for p, s in sent if not s.sent]
    overdue = [p.name for p, s in sent if not s.sent and s.late]
    lines = [
        f"{vn_number(len(with_plan))}/{vn_number(total)} tỉnh, thành phố có kế hoạch đang có hiệu lực; "
        f"{vn_number(len(on_time) + len(late))} tỉnh đã gửi báo cáo về Bộ Nội vụ, trong đó "
        f"{vn_number(len(on_time))} tỉnh gửi đúng hạn, {vn_number(len(late))} tỉnh gửi trễ hạn"
        + (f" ({_names(late)})" if late else "")
        + "."
    ]
    if missing:
        sentence = f"Có {vn_number(len(missing))} tỉnh chưa gửi báo cáo: {_names(missing)}"
        if overdue:
            sentence += f"; trong đó {vn_number(len(overdue))} tỉnh đã quá hạn"
        lines.append(sentence + ".")
    lines.append(
        f"Các tỉnh có {vn_number(rollup.expected)} đơn vị phải báo cáo; {vn_number(rollup.submitted)} đơn "
        f"vị đã báo cáo, đạt {percent(rollup.completeness) or '0%'}; {vn_number(rollup.on_time)} đơn vị "
        f"báo cáo đúng hạn, đạt {percent(rollup.timeliness) or '0%'}."
    )
    return lines


def _value_sentence(item: NationalIndicator) -> str:
    if item.value is None:
        return "Toàn quốc: chưa có số liệu."
    text = f"Toàn quốc đạt {value_text(item.value, item.unit)}"
    if item.unit and item.unit != "%":
        text += f" {item.unit}"
    if item.pooled:
        text += (
            f" (tính từ số liệu của các đơn vị: {vn_number(item.numerator, 2)}/"
            f"{vn_number(item.denominator, 2)}, không phải bình quân tỷ lệ của các tỉnh)"
        )
    else:
        text += f" (bình quân của {vn_number(len(item.ranked))} tỉnh có số liệu)"
    return text + "."


def _indicator_lines(item: NationalIndicator) -> list[str]:
    lines = [_value_sentence(item)]
    spread = distribution_rows(item)
    if spread:
        best, worst = item.ranked[0], item.ranked[-1]
        counted = f"Có {vn_number(len(item.ranked))}/{vn_number(item.provinces)} tỉnh có số liệu"
        if len(item.ranked) == 1:
            lines.append(f"{counted} ({best.province.name}: {value_text(best.value, item.unit)}).")
        elif best.value == worst.value:
            lines.append(f"{counted}, cùng đạt {value_text(best.value, item.unit)}.")
        else:
            lines.append(
                f"{counted}; "
                + "; ".join(f"{label.lower()} {text}" for label, text in spread)
                + f" (đứng đầu: {best.province.name}; đứng cuối: {worst.province.name})."
            )
    if item.off_track:
        lines.append(
            f"{vn_number(len(item.off_track))} tỉnh chậm tiến độ so với chỉ tiêu của năm: "
            + _names([f"{p.province.name} ({value_text(p.value, item.unit)})" for p in item.off_track], 34)
            + "."
        )
    if item.at_risk:
        lines.append(
            f"{vn_number(len(item.at_risk))} tỉnh có nguy cơ chậm tiến độ: "
            + _names([p.province.name for p in item.at_risk], 34)
            + "."
        )
    if item.without_value:
        lines.append(
            f"{vn_number(len(item.without_value))} tỉnh chưa có số liệu: "
            + _names([p.province.name for p in item.without_value])
            + "."
        )
    return lines


def _grouped(document, items: list[Grouped], empty: str) -> None:
    if not items:
        nd30.body(document, empty)
        return
    for item in items[:GROUPS_SHOWN]:
        nd30.bullet(document, f"{item.text} ({_names(item.units, 5)}).")
    rest = items[GROUPS_SHOWN:]
    if rest:
        provinces = {name for item in rest for name in item.units}
        nd30.bullet(
            document,
            f"Ngoài ra, {vn_number(len(rest))} ý kiến khác của {vn_number(len(provinces))} tỉnh.",
        )


@translation.override("vi")  # an official document: Vietnamese words, dates and numbers
def build(content: NationalContent, day: dt.date) -> bytes:
    """The DOCX of the national report ``content`` dated ``day``."""
    year = content.year
    issuer = ministry_issuer()
    document = nd30.new_document()
    nd30.header_block(document, issuer, day)
    nd30.title(document, subject(year))
    nd30.body(
        document,
        "Thực hiện Chương trình truyền thông về bình đẳng giới đến năm 2030 (Quyết định số 1790/QĐ-TTg "
        "ngày 23/10/2021 của Thủ tướng Chính phủ) và Chiến lược quốc gia về bình đẳng giới giai đoạn "
        "2021 - 2030 (Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ), trên cơ sở báo cáo của các "
        f"tỉnh, thành phố, Bộ Nội vụ tổng hợp kết quả năm {year} như sau:",
    )
    programs = content.programs()
    nd30.heading(document, "I. TÌNH HÌNH BÁO CÁO CỦA CÁC TỈNH, THÀNH PHỐ")
    if not programs:
        nd30.body(document, f"Năm {year} chưa tỉnh nào có kế hoạch đang có hiệu lực.")
    for number, program in enumerate(programs, start=1):
        nd30.heading(document, f"{number}. {PROGRAM_NAMES[program]}", level=2)
        for line in _sending_lines(content, program):
            nd30.body(document, line)
    nd30.body(document, "(Chi tiết từng tỉnh tại Phụ lục I kèm theo.)")
    nd30.heading(document, "II. KẾT QUẢ CÁC CHỈ TIÊU TOÀN QUỐC")
    if not content.results.indicators:
        nd30.body(document, f"Năm {year} chưa có chỉ tiêu nào có số liệu.")
    for number, program in enumerate(programs, start=1):
        nd30.heading(document, f"{number}. {PROGRAM_NAMES[program]}", level=2)
        for letter, item in zip(
            "abcdefghiklmnopqrstuvxy", content.results.for_program(program), strict=False
        ):
            nd30.heading(document, f"{letter}) {item.code}. {item.name}", level=3)
            for line in _indicator_lines(item):
                nd30.body(document, line)
    if content.results.indicators:
        add_table(document, summary_table(content), usable_mm=165, size=10)
        nd30.body(
            document,
            "Giá trị toàn quốc của chỉ tiêu tính theo tỷ lệ là tổng tử số trên tổng mẫu số của các đơn vị "
            'báo cáo ở tất cả các tỉnh; tỉnh chậm tiến độ là tỉnh có kết quả ở mức "Chậm tiến độ" '
            "so với chỉ tiêu của năm theo lộ trình trong kế hoạch của tỉnh. (Chi tiết tại Phụ lục II.)",
        )
    nd30.heading(document, "III. KHÓ KHĂN, VƯỚNG MẮC")
    _grouped(document, content.difficulties, "Các tỉnh không nêu khó khăn, vướng mắc.")
    nd30.heading(document, "IV. KIẾN NGHỊ, ĐỀ XUẤT")
    _grouped(document, content.proposals, "Các tỉnh không có kiến nghị, đề xuất.")
    nd30.body(
        document,
        f"Trên đây là báo cáo tổng hợp kết quả thực hiện công tác bình đẳng giới của các tỉnh, thành phố "
        f"năm {year} của Bộ Nội vụ./.",
    )
    nd30.closing_block(document, issuer)
    reference = f"Kèm theo Báo cáo số      /BC-{issuer.symbol} {formatting.long_date(day)} của Bộ Nội vụ"
    nd30.annex_section(
        document, "Phụ lục I", f"TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC TỈNH, THÀNH PHỐ NĂM {year}", reference
    )
    add_table(document, sending_table(content), size=10)
    nd30.annex_section(
        document, "Phụ lục II", f"KẾT QUẢ CÁC CHỈ TIÊU THEO TỈNH, THÀNH PHỐ NĂM {year}", reference
    )
    for program in programs:
        for table in province_tables(content, program):
            nd30.heading(document, table.title, level=2)
            add_table(document, table, size=10)
    nd30.body(document, "(*): chậm tiến độ so với chỉ tiêu của năm trong kế hoạch của tỉnh.")
    return nd30.save(document)
