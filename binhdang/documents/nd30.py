"""Administrative documents in the format of Nghị định 30/2020/NĐ-CP (domain §5), on python-docx.

Everything is built on named styles (Normal, Heading 1/2, "ND30 ...") so that officers can edit the
result in Word: A4, margins 20/20/30/15 mm, Times New Roman, black, body 14 pt; the header block
(issuing body, "Số: .../BC-...", national motto, place and date); "BÁO CÁO" and its subject; the
"Nơi nhận" and signature block; page numbers centred at the top from page 2; annexes in landscape.

Public API: :class:`Issuer`, :func:`new_document`, :func:`header_block`, :func:`title`,
:func:`heading`, :func:`body`, :func:`bullet`, :func:`table`, :func:`closing_block`,
:func:`annex_section`, :func:`place_and_date` (the date line: ``core.formatting.long_date``).
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from io import BytesIO

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from binhdang.core import formatting

FONT = "Times New Roman"
BLACK = RGBColor(0, 0, 0)
MOTTO_COUNTRY = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

HEADER_BODY = "ND30 Header"
SIGNATURE = "ND30 Signature"
RECIPIENTS = "ND30 Recipients"
RECIPIENTS_HEADING = "ND30 Recipients Heading"
TABLE_TEXT = "ND30 Table"
TITLE = "ND30 Title"
SUBJECT = "ND30 Subject"


@dataclass
class Issuer:
    """Who issues a document: ``parent`` body ("UBND TỈNH ĐẮK LẮK", may be empty), issuing ``body``
    ("SỞ NỘI VỤ"), the ``symbol`` after "BC-" ("SNV"), the ``place`` of the date line ("Đắk Lắk"),
    the signer's ``authority`` ("KT. GIÁM ĐỐC"), ``position`` ("PHÓ GIÁM ĐỐC") and ``name``, and the
    ``recipients`` listed under "Nơi nhận"."""

    parent: str
    body: str
    symbol: str
    place: str
    authority: str = ""
    position: str = ""
    name: str = ""
    recipients: list[str] = field(default_factory=list)

    @property
    def number_line(self) -> str:
        return f"Số:        /BC-{self.symbol}"


def place_and_date(place: str, day: dt.date) -> str:
    """``"Đắk Lắk, ngày 05 tháng 12 năm 2026"``."""
    return f"{place}, {formatting.long_date(day)}"


# ------------------------------------------------------------------------------------------- styles


def _font(style, size: float, *, bold=False, italic=False) -> None:
    font = style.font
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    font.color.rgb = BLACK
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)  # a theme font would win over Times New Roman


def _paragraph_style(document: DocumentObject, name: str, size: float, **options):
    styles = document.styles
    style = (
        styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    )
    if name not in ("Normal",) and style.base_style is None and not name.startswith("Heading"):
        style.base_style = styles["Normal"]
    _font(style, size, bold=options.get("bold", False), italic=options.get("italic", False))
    fmt = style.paragraph_format
    fmt.alignment = options.get("align", WD_ALIGN_PARAGRAPH.JUSTIFY)
    fmt.space_before = Pt(options.get("before", 0))
    fmt.space_after = Pt(options.get("after", 6))
    fmt.first_line_indent = options.get("indent", Mm(0))
    fmt.line_spacing = options.get("line", 1.15)
    fmt.keep_with_next = options.get("keep", False)
    return style


def _styles(document: DocumentObject) -> None:
    center = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph_style(document, "Normal", 14, indent=Mm(10))
    _paragraph_style(document, "Heading 1", 14, bold=True, before=6, indent=Mm(10), keep=True)
    _paragraph_style(document, "Heading 2", 14, bold=True, italic=False, indent=Mm(10), keep=True)
    _paragraph_style(document, "Heading 3", 14, italic=True, indent=Mm(10), keep=True)
    _paragraph_style(document, HEADER_BODY, 13, align=center, after=0, line=1.0)
    _paragraph_style(document, TITLE, 14, bold=True, align=center, before=12, after=0, keep=True)
    _paragraph_style(document, SUBJECT, 14, bold=True, align=center, after=12, keep=True)
    _paragraph_style(document, SIGNATURE, 14, bold=True, align=center, after=0, line=1.0)
    _paragraph_style(
        document, RECIPIENTS_HEADING, 12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=0
    )
    _paragraph_style(document, RECIPIENTS, 11, align=WD_ALIGN_PARAGRAPH.LEFT, after=0, line=1.0)
    _paragraph_style(document, TABLE_TEXT, 12, align=WD_ALIGN_PARAGRAPH.LEFT, after=0, line=1.0)


def _portrait(section) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)


def _landscape(section) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)


def _page_number(section) -> None:
    """The page number centred at the top, from page 2 (the first page's header stays empty)."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Mm(0)
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
        else:
            result = OxmlElement("w:t")
            result.text = text
            run._r.append(result)


@cache
def _blank() -> bytes:
    """The empty A4 document with the Nghị định 30 styles, margins and page numbering, as a file: made
    once per process (python-docx looks each style up among the template's 160, a fifth of building an
    annual report) and opened anew for each document."""
    document = Document()
    _styles(document)
    section = document.sections[0]
    _portrait(section)
    _page_number(section)
    return save(document)


def warm_up() -> None:
    """Make the blank document now, not at the first download (``DocumentsConfig.warm_up``)."""
    _blank()


def new_document() -> DocumentObject:
    """An empty A4 document with the Nghị định 30 styles, margins and page numbering (its own copy: a
    document changes nothing of the next one's)."""
    document = Document(BytesIO(_blank()))
    document.core_properties.language = "vi-VN"  # the document's properties, made now (its date)
    return document


def save(document: DocumentObject) -> bytes:
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# ------------------------------------------------------------------------------------------ blocks


def _rule(paragraph: Paragraph, indent_mm: float) -> None:
    """A short rule: the bottom border of a tiny empty ``paragraph``, between indents."""
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = Mm(indent_mm)
    fmt.line_spacing = Pt(2)
    fmt.space_before = Pt(2)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _no_borders(table: Table) -> None:
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)


def style_id(name: str) -> str:
    """The id of a style of :func:`new_document` ("ND30 Table" -> "ND30Table", "Heading 1" ->
    "Heading1"): set directly, since python-docx looks a style up by name through the whole styles
    part on every assignment (seconds for a table of a few thousand cells)."""
    return name.replace(" ", "")


def styled(paragraph: Paragraph, style: str) -> Paragraph:
    paragraph._p.get_or_add_pPr().style = style_id(style)
    return paragraph


def add_paragraph(document: DocumentObject, text: str = "", style: str = "Normal") -> Paragraph:
    """``document.add_paragraph(text, style)``, without python-docx's slow look-up of the style."""
    return styled(document.add_paragraph(text), style)


def _cell_paragraph(cell, text: str, style: str, *, bold=None, italic=None, size=None, first=False):
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    styled(paragraph, style)
    run = paragraph.add_run(text)
    if bold is not None:
        run.bold = bold
    if italic is not None:
        run.italic = italic
    if size is not None:
        run.font.size = Pt(size)
    return paragraph


def header_block(document: DocumentObject, issuer: Issuer, day: dt.date) -> Table:
    """The two-column header: issuing body and number on the left, motto, place and date on the right."""
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, (68, 97))
    left, right = table.rows[0].cells
    first = True
    if issuer.parent:
        _cell_paragraph(left, issuer.parent.upper(), HEADER_BODY, bold=False, first=True)
        first = False
    _cell_paragraph(left, issuer.body.upper(), HEADER_BODY, bold=True, first=first)
    _rule(_cell_paragraph(left, "", HEADER_BODY, size=2), 20)
    _cell_paragraph(left, issuer.number_line, HEADER_BODY).paragraph_format.space_before = Pt(6)
    _cell_paragraph(right, MOTTO_COUNTRY, HEADER_BODY, bold=True, size=12, first=True)
    _cell_paragraph(right, MOTTO, HEADER_BODY, bold=True, size=13)
    _rule(_cell_paragraph(right, "", HEADER_BODY, size=2), 22)
    date_line = _cell_paragraph(right, place_and_date(issuer.place, day), HEADER_BODY, italic=True, size=14)
    date_line.paragraph_format.space_before = Pt(6)
    return table


def title(document: DocumentObject, subject: str, kind: str = "BÁO CÁO") -> None:
    add_paragraph(document, kind, TITLE)
    add_paragraph(document, subject, SUBJECT)


def heading(document: DocumentObject, text: str, level: int = 1) -> Paragraph:
    return add_paragraph(document, text, f"Heading {level}")


def body(document: DocumentObject, text: str) -> Paragraph:
    return add_paragraph(document, text, "Normal")


def bullet(document: DocumentObject, text: str, lead: str = "") -> Paragraph:
    """A "- " item of the body, with an optional bold lead ("Sở Y tế: ...")."""
    paragraph = add_paragraph(document, "", "Normal")
    paragraph.add_run("- ")
    if lead:
        paragraph.add_run(f"{lead}: ").bold = True
    paragraph.add_run(text)
    return paragraph


def _widths(grid: Table, widths_mm: Sequence[float]) -> None:
    """Fixed column widths (Word and LibreOffice read the grid, the cells and the layout)."""
    grid.autofit = False
    for column, width in zip(grid.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in grid.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def _cell_margins(grid: Table, side_mm: float = 0.9) -> None:
    """Narrow left/right cell margins (Word's default 1.9 mm each side wastes a narrow column)."""
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(round(side_mm / 25.4 * 1440)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    grid._tbl.tblPr.append(margins)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)


def table(
    document: DocumentObject,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths_mm: Sequence[float] | None = None,
    numeric: Sequence[int] = (),
    size: float | None = None,
) -> Table:
    """A grid table (header row repeated on every page, bold, centred; ``numeric`` columns right;
    ``size``: the font size of every cell, in points).

    The first data row is made with python-docx; the others are copies of it with their own texts
    (python-docx takes milliseconds per cell to style a paragraph and set widths: most of an annual
    report's second of building went into its tables)."""
    grid = document.add_table(rows=1, cols=len(headers))
    grid.style = document.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    _cell_margins(grid)
    _repeat_header(grid.rows[0])
    for cell, text in zip(grid.rows[0].cells, headers, strict=True):
        paragraph = _cell_paragraph(cell, text, TABLE_TEXT, bold=True, first=True, size=size)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    prototype = None
    if rows:
        prototype = grid.add_row()
        for position, cell in enumerate(prototype.cells):
            paragraph = _cell_paragraph(cell, "-", TABLE_TEXT, first=True, size=size)
            if position in numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if widths_mm:
        _widths(grid, widths_mm)
    if prototype is not None:
        model = prototype._tr
        grid._tbl.remove(model)
        places = [_text_place(cell) for cell in model.iterchildren(_TC)]
        for values in rows:
            if len(values) != len(places):
                raise ValueError(f"a row of {len(values)} cells in a table of {len(places)} columns")
            row = copy.deepcopy(model)
            for place, text in zip(places, values, strict=True):
                _set_cell_text(row, place, text)
            grid._tbl.append(row)
    return grid


_TC, _P, _R, _T, _SPACE = qn("w:tc"), qn("w:p"), qn("w:r"), qn("w:t"), qn("xml:space")


def _text_place(cell) -> tuple[int, int, int, int]:
    """Where the one run's text of a prototype cell is, as child positions (cell in row, paragraph in
    cell, run in paragraph, text in run): each copy of the row has it at the same place."""
    row = cell.getparent()
    paragraph = cell.find(_P)
    run = paragraph.find(_R)
    return (row.index(cell), cell.index(paragraph), paragraph.index(run), run.index(run.find(_T)))


def _set_cell_text(row, place: tuple[int, int, int, int], text: str) -> None:
    """The text of the one run of a cell of a copied row (python-docx's own setter for tabs and line
    breaks)."""
    in_row, in_cell, in_paragraph, in_run = place
    run = row[in_row][in_cell][in_paragraph]
    if any(mark in text for mark in "\t\n\r"):
        run.text = text
        return
    element = run[in_run]
    if not text:  # as python-docx writes an empty run
        run.remove(element)
        return
    element.text = text
    if text != text.strip():
        element.set(_SPACE, "preserve")


def closing_block(document: DocumentObject, issuer: Issuer) -> Table:
    """ "Nơi nhận:" with its list (ending "- Lưu: VT, ...") on the left, the signature on the right.

    The paragraph before it (the closing sentence) is kept with it: the signature never stands alone
    on a page."""
    if document.paragraphs:
        document.paragraphs[-1].paragraph_format.keep_with_next = True
    spacer = add_paragraph(document, "", "Normal")
    spacer.paragraph_format.keep_with_next = True
    block = document.add_table(rows=1, cols=2)
    _no_borders(block)
    _widths(block, (80, 85))
    block.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # one page, never split
    left, right = block.rows[0].cells
    _cell_paragraph(left, "Nơi nhận:", RECIPIENTS_HEADING, first=True)
    for position, recipient in enumerate(issuer.recipients):
        end = "." if position == len(issuer.recipients) - 1 else ";"
        _cell_paragraph(left, f"- {recipient}{end}", RECIPIENTS)
    first = True
    for line in (issuer.authority, issuer.position):
        if line:
            _cell_paragraph(right, line.upper(), SIGNATURE, first=first)
            first = False
    for _blank in range(4):
        _cell_paragraph(right, "", SIGNATURE, first=first)
        first = False
    _cell_paragraph(right, issuer.name, SIGNATURE)
    return block


def annex_section(document: DocumentObject, label: str, caption: str, reference: str) -> None:
    """A new landscape section for an annex: "Phụ lục I", its caption, "(Kèm theo ...)"."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    _landscape(section)
    # The new section reuses the first section's headers: without this, its first page would take the
    # empty first-page header and go unnumbered.
    section.different_first_page_header_footer = False
    add_paragraph(document, label, TITLE).paragraph_format.space_before = Pt(0)
    add_paragraph(document, caption, TITLE)
    note = add_paragraph(document, f"({reference})", SUBJECT)
    note.runs[0].bold = False
    note.runs[0].italic = True
