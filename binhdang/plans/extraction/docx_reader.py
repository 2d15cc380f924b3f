"""Read a Word .docx plan into ``document.Line`` records with python-docx.

What is read: body paragraphs and tables in document order (content controls included),
heading styles (Heading N, Title), bold runs (direct, character style or paragraph style), line
breaks inside a paragraph, bullets and Word's automatic numbering (numbering.xml: decimal,
letters, roman numerals, bullets), and table cells (a header table with the issuer on the left
and the motto on the right, a roadmap annex, a signature table).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from binhdang.plans.extraction.document import MAX_LINES, Document, Line, build_blocks, check_length
from binhdang.plans.extraction.text import nfc

_HEADING_STYLE = re.compile(r"^(?:heading|tiêu đề|titre|überschrift)\s*(\d)$", re.IGNORECASE)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def read_docx(docx: DocxDocument) -> Document:
    """The lines, blocks and tables of an opened python-docx document."""
    # Counted in lxml before any is read: a document far too long is refused at once (empty paragraphs
    # give no line, hence the margin; the lines themselves are checked as they are read).
    check_length(list(docx.element.body.iter(qn("w:p"))), 2 * MAX_LINES)
    numbering = _Numbering(docx)
    styles = _Styles(docx)
    lines: list[Line] = []
    tables: list[list[list[str]]] = []
    for item in _iter_body(docx, docx.element.body):
        check_length(lines)
        if isinstance(item, Paragraph):
            lines.extend(_paragraph_lines(item, numbering, styles))
        else:
            rows = _table_rows(item)
            table_index = len(tables)
            tables.append([[nfc(cell.text) for cell in cells] for cells in rows])
            for r, cells in enumerate(rows):
                for c, cell in enumerate(cells):
                    for paragraph in cell.paragraphs:
                        for line in _paragraph_lines(paragraph, numbering, styles):
                            line.cell = (table_index, r, c)
                            lines.append(line)
    check_length(lines)
    return Document(blocks=build_blocks(lines), tables=tables)


def _iter_body(docx: DocxDocument, parent: Any) -> Iterator[Paragraph | Table]:
    for child in parent.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, docx._body)
        elif child.tag == qn("w:tbl"):
            yield Table(child, docx._body)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _iter_body(docx, content)


def _table_rows(table: Table) -> list[list[Any]]:
    """Cells row by row, each merged cell once."""
    rows = []
    for row in table.rows:
        seen: set[int] = set()
        cells = []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(cell)
        rows.append(cells)
    return rows


def _paragraph_lines(paragraph: Paragraph, numbering: _Numbering, styles: _Styles) -> list[Line]:
    style = styles.paragraph_style(paragraph)
    style_name = style.name if style is not None else ""
    heading = None
    m = _HEADING_STYLE.match(style_name or "")
    if m:
        heading = int(m.group(1))
    elif style_name in ("Title", "Subtitle"):
        heading = 1
    label, kind = numbering.label(paragraph, styles.num_pr(style))
    if kind is None and "bullet" in (style_name or "").lower():
        label, kind = "-", "bullet"
    if kind == "bullet" and (style_name or "").rstrip().endswith(("2", "3", "4", "5")):
        label = "+"
    style_bold = styles.bold(style)
    segments: list[tuple[str, bool, bool]] = []
    if kind == "text":
        # Numbering with words ("Chỉ tiêu %1:", "Mục tiêu %1.", "Điều %1."): the label is part of the text.
        segments.append((f"{label} ", style_bold, False))
        label, kind = None, None
    for item in paragraph.iter_inner_content():
        runs = item.runs if hasattr(item, "runs") else [item]
        for run in runs:
            bold = run.bold if run.bold is not None else (styles.bold(styles.run_style(run)) or style_bold)
            segments.append((run.text, bool(bold), bool(run.italic)))
    lines: list[Line] = []
    current: list[tuple[str, bool, bool]] = []
    for text, bold, italic in segments:
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if i:
                lines.append(_line(current, heading, first=not lines, label=label, kind=kind))
                current = []
            current.append((part, bold, italic))
    lines.append(_line(current, heading, first=not lines, label=label, kind=kind))
    return [line for line in lines if line.text.strip()]


def _line(segments: list[tuple[str, bool, bool]], heading: int | None, *, first: bool, label, kind) -> Line:
    visible = [(t, b, i) for t, b, i in segments if t.strip()]
    text = "".join(t for t, _, _ in segments)
    bold = bool(visible) and all(b for _, b, _ in visible)
    prefix = ""
    if visible and visible[0][1] and not bold:
        for t, b, _ in segments:
            if not b and t.strip():
                break
            prefix += t
    italic = bool(visible) and all(i for _, _, i in visible)
    return Line(
        text=text,
        paragraph_start=first,
        heading=heading,
        bold=bold,
        bold_prefix=prefix,
        italic=italic,
        list_label=label if first else None,
        list_kind=kind if first else None,
    )


class _Styles:
    """Style look-ups by id, cached (python-docx's own look-up is slow on long documents)."""

    def __init__(self, docx: DocxDocument) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        self.by_id = {style.style_id: style for style in docx.styles}
        self.default = docx.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self._bold: dict[str, bool] = {}
        self._num_pr: dict[str, Any] = {}

    def paragraph_style(self, paragraph: Paragraph) -> Any:
        p_pr = paragraph._p.pPr
        style_id = p_pr.pStyle.val if p_pr is not None and p_pr.pStyle is not None else None
        return self.by_id.get(style_id) or self.default

    def run_style(self, run: Any) -> Any:
        r_pr = run._r.rPr
        style_id = r_pr.rStyle.val if r_pr is not None and r_pr.rStyle is not None else None
        return self.by_id.get(style_id)

    def bold(self, style: Any) -> bool:
        """Bold set by a style or one of the styles it is based on."""
        if style is None:
            return False
        if style.style_id not in self._bold:
            value, current = False, style
            while current is not None:
                font = getattr(current, "font", None)
                if font is not None and font.bold is not None:
                    value = bool(font.bold)
                    break
                current = getattr(current, "base_style", None)
            self._bold[style.style_id] = value
        return self._bold[style.style_id]

    def num_pr(self, style: Any) -> Any:
        """The numbering a paragraph style (or its base) gives its paragraphs."""
        if style is None:
            return None
        if style.style_id not in self._num_pr:
            found, current = None, style
            while found is None and current is not None:
                s_pr = current.element.pPr
                found = s_pr.numPr if s_pr is not None else None
                current = current.base_style
            self._num_pr[style.style_id] = found
        return self._num_pr[style.style_id]


class _Numbering:
    """Computes the visible label of automatically numbered paragraphs (numbering.xml)."""

    def __init__(self, docx: DocxDocument) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.num_to_abstract: dict[str, str] = {}
        self.start_overrides: dict[tuple[str, int], int] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = docx.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for abstract in root.findall(qn("w:abstractNum")):
            aid = abstract.get(qn("w:abstractNumId"))
            for lvl in abstract.findall(qn("w:lvl")):
                ilvl = int(lvl.get(qn("w:ilvl"), "0"))
                fmt = _val(lvl.find(qn("w:numFmt"))) or "decimal"
                text = _val(lvl.find(qn("w:lvlText"))) or ""
                start = int(_val(lvl.find(qn("w:start"))) or "1")
                self.levels[(aid, ilvl)] = (fmt, text, start)
        for num in root.findall(qn("w:num")):
            nid = num.get(qn("w:numId"))
            self.num_to_abstract[nid] = _val(num.find(qn("w:abstractNumId"))) or ""
            for override in num.findall(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    self.start_overrides[(nid, int(override.get(qn("w:ilvl"), "0")))] = int(_val(start) or 1)

    def label(self, paragraph: Paragraph, style_num_pr: Any) -> tuple[str | None, str | None]:
        num_id, ilvl = _num_pr(paragraph, style_num_pr)
        if num_id is None or num_id == "0" or num_id not in self.num_to_abstract:
            return None, None
        aid = self.num_to_abstract[num_id]
        fmt, text, _ = self.levels.get((aid, ilvl), ("bullet", "", 1))
        if fmt == "bullet":
            return ("-" if ilvl == 0 else "+"), "bullet"
        if fmt == "none":
            return None, None
        counters = self.counters.setdefault(num_id, [])
        while len(counters) <= ilvl:
            level = len(counters)
            start = self.start_overrides.get((num_id, level), self.levels.get((aid, level), ("", "", 1))[2])
            counters.append(start - 1)
        counters[ilvl] += 1
        for level in range(ilvl + 1, len(counters)):
            start = self.start_overrides.get((num_id, level), self.levels.get((aid, level), ("", "", 1))[2])
            counters[level] = start - 1
        label = text or f"%{ilvl + 1}."
        for level in range(ilvl + 1):
            level_fmt = self.levels.get((aid, level), ("decimal", "", 1))[0]
            label = label.replace(f"%{level + 1}", _format(max(counters[level], 1), level_fmt))
        if re.search(r"[^\W\d_]{2,}\s", label.strip()):
            return label.strip(), "text"
        label = label.strip().strip(".)(:").strip()
        kind = {"lowerLetter": "letter", "upperLetter": "letter", "lowerRoman": "letter"}.get(fmt, "number")
        if fmt == "upperRoman":
            kind = "roman"
        return label or None, kind


def _num_pr(paragraph: Paragraph, style_num_pr: Any) -> tuple[str | None, int]:
    p_pr = paragraph._p.pPr
    num_pr: Any = p_pr.numPr if p_pr is not None else None
    if num_pr is None:
        num_pr = style_num_pr
    if num_pr is None:
        return None, 0
    num_id = num_pr.numId.val if num_pr.numId is not None else None
    ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
    return (str(num_id) if num_id is not None else None), int(ilvl)


def _val(element: Any) -> str | None:
    return element.get(qn("w:val")) if element is not None else None


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = _LETTERS[(n - 1) % 26] * ((n - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out += numeral
            n -= value
    return out
