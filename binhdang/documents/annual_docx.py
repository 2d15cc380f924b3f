"""The annual report of a plan as a Word document (domain §5), from :mod:`binhdang.documents.annual`.

Outline: header block, "BÁO CÁO" and the subject; the body as the synthesis of
:mod:`binhdang.documents.synthesis` (I. implementation: reporting completeness, the province's work
per theme; II. results per target; III. difficulties; IV. proposals), with the officer's edits of
the prose when given; the closing sentence kept with "Nơi nhận" and the signature; Phụ lục I
(indicators), Phụ lục II (unit figures) and, with narratives, Phụ lục III (what each unit wrote), in
landscape, every page numbered from page 2.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from django.utils import translation

from binhdang.core import formatting
from binhdang.core.formatting import number as vn_number
from binhdang.documents import nd30, synthesis
from binhdang.documents.annual import AnnualContent
from binhdang.documents.issuers import plan_issuer, report_subject
from binhdang.documents.tables import (
    ABBREVIATIONS,
    INTEGER,
    Cell,
    ReportTable,
    indicator_table,
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


#: Bold glyphs are wider; a cell's padding and borders (mm), for sizing columns from their content.
BOLD = 1.1
PAD_MM = 2.6
PT_MM = 0.3528


def _ems(text: str) -> float:
    """The width of ``text`` in ems of Times New Roman, estimated per glyph (with a safety margin)."""
    width = sum(0.72 if c.isupper() else 0.5 if c.isalnum() else 0.3 for c in text)
    return width * 1.08


def _longest_word(text: str) -> float:
    return max((_ems(word) for word in text.split()), default=0)


def column_widths(
    headers: list[str], rows: list[list[str]], numeric: set[int], usable_mm: float, size: float
) -> list[float]:
    """Column widths (mm) from the content: a number never breaks (its column holds the longest one),
    a header breaks only between words; the room left goes to the columns whose text wraps, as much
    as each needs."""
    glyph = size * PT_MM
    minimum, wanted = [], []
    for position, header in enumerate(headers):
        cells = [row[position] for row in rows]
        if position in numeric:
            least = max((_ems(cell) for cell in cells), default=0) * glyph
        else:
            least = max((_longest_word(cell) for cell in cells), default=0) * glyph
        least = max(least, _longest_word(header) * glyph * BOLD) + PAD_MM
        longest = max((_ems(cell) for cell in cells), default=0) * glyph + PAD_MM
        header_lines = _ems(header) * BOLD * glyph / 2 + PAD_MM  # a header on two lines at most
        minimum.append(least)
        wanted.append(max(least, longest, header_lines))
    room = usable_mm - sum(minimum)
    if room <= 0:
        return [usable_mm * m / sum(minimum) for m in minimum]
    extra = [w - m for w, m in zip(wanted, minimum, strict=True)]
    if sum(extra) <= room:  # everything fits on one line: share the rest in proportion
        total = sum(wanted)
        return [usable_mm * w / total for w in wanted]
    return [m + room * e / sum(extra) for m, e in zip(minimum, extra, strict=True)]


def add_table(document, table: ReportTable, *, usable_mm: float = 252, size: float | None = None) -> None:
    rows = [[cell_text(v, c.kind) for v, c in zip(row, table.columns, strict=True)] for row in table.rows]
    if table.total is not None:
        rows.append([cell_text(v, c.kind) for v, c in zip(table.total, table.columns, strict=True)])
    headers = [c.short or c.header for c in table.columns]
    numeric = {i for i, c in enumerate(table.columns) if c.kind != "text"}
    widths = column_widths(headers, rows, numeric, usable_mm, size or 12)
    grid = nd30.table(document, headers, rows, widths, sorted(numeric), size=size)
    if table.total is not None:
        for cell in grid.rows[-1].cells:
            for run in cell.paragraphs[0].runs:
                run.bold = True
    note = nd30.add_paragraph(document, "", nd30.TABLE_TEXT)  # room between the table and what follows
    if any(c.short for c in table.columns):
        note.add_run(ABBREVIATIONS).italic = True


def prose(document, text: str) -> None:
    """Editable prose: one paragraph per line, "- " lines as items."""
    for line in (text or "").splitlines():
        line = line.strip()
        if line:
            nd30.body(document, line)


def add_section(document, section: synthesis.Section, text: str) -> None:
    if section.heading:
        nd30.heading(document, section.heading, level=section.level)
    for line in section.figures:
        nd30.body(document, line)
    if section.table is not None:
        add_table(document, section.table, usable_mm=165)
    for line in section.after:
        nd30.body(document, line)
    prose(document, text)


def _narratives_annex(document, content: AnnualContent) -> None:
    """Phụ lục III: what each unit wrote, by theme and agency group."""
    for letter, (theme, groups) in zip(synthesis.LETTERS, content.overview.items(), strict=False):
        nd30.heading(document, f"{letter}) {theme}", level=3)
        for group, units in groups.items():
            nd30.body(document, f"{group}:").runs[0].italic = True
            for unit, sentences in units:
                nd30.bullet(document, "; ".join(sentences) + ".", lead=unit)
    for title, items in (
        ("Khó khăn, vướng mắc", content.difficulties),
        ("Kiến nghị, đề xuất", content.proposals),
    ):
        if items:
            nd30.heading(document, title, level=3)
            for item in items:
                nd30.bullet(document, f"{item.text} ({', '.join(item.units)}).")


@translation.override("vi")  # an official document: Vietnamese words, dates and numbers
def build(content: AnnualContent, day: dt.date, edits: Mapping[str, str] | None = None) -> bytes:
    """The DOCX of ``content`` dated ``day``; ``edits``: the officer's prose by section key."""
    plan, year = content.plan, content.year
    edits = edits or {}
    issuer = plan_issuer(plan)
    document = nd30.new_document()
    nd30.header_block(document, issuer, day)
    nd30.title(document, report_subject(plan, year))
    chapter = ""
    parts = synthesis.sections(content)
    for section in parts[:-1]:
        if section.chapter and section.chapter != chapter:
            chapter = section.chapter
            nd30.heading(document, synthesis.CHAPTERS[chapter])
        add_section(document, section, edits.get(section.key, section.prose))
    closing = parts[-1]
    lines = [line for line in edits.get(closing.key, closing.prose).splitlines() if line.strip()]
    for line in lines:
        nd30.body(document, line.strip()).paragraph_format.keep_with_next = True
    nd30.closing_block(document, issuer)
    reference = f"Kèm theo Báo cáo số      /BC-{issuer.symbol} {formatting.long_date(day)} của {issuer.body}"
    nd30.annex_section(document, "Phụ lục I", f"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM {year}", reference)
    add_table(document, indicator_table(content))
    nd30.annex_section(document, "Phụ lục II", f"SỐ LIỆU BÁO CÁO CỦA CÁC ĐƠN VỊ NĂM {year}", reference)
    add_table(document, unit_table(content), size=9)
    if content.with_narratives and (content.overview or content.difficulties or content.proposals):
        nd30.annex_section(document, "Phụ lục III", f"NỘI DUNG BÁO CÁO CỦA CÁC ĐƠN VỊ NĂM {year}", reference)
        _narratives_annex(document, content)
    return nd30.save(document)
