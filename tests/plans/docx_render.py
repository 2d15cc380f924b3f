"""Render a Markdown-like plan (like the seeds) into a real Word .docx, laid out as Word plans are.

Used by the tests so every text plan is also checked as a .docx. Independent of the extractor's
own reader. Layout:

- the lines before "KẾ HOẠCH" become a 2-column header table: issuing body and "Số: ..." on the
  left, the national motto and "<place>, ngày ..." on the right;
- "#" headings become Heading 1-6 paragraphs; "**bold**" and "*italic*" become bold/italic runs;
- "- " items become "List Bullet" paragraphs ("+ " items "List Bullet 2"); "a)", "1." items stay
  normal paragraphs with their label typed in;
- lines of one paragraph are kept together with line breaks (as the seeds' "  " hard breaks);
- footnotes (a "---" rule followed by "<sup>1</sup> ..." paragraphs) and footnote references are
  dropped (Word keeps them out of the body text);
- Markdown tables ("| STT | Chỉ tiêu | 2026 |") become Word tables (a roadmap annex);
- the closing (from "Nơi nhận:") becomes a 2-column table: recipients left, signature right.

With ``auto_numbering=True`` the roman ("II.") and arabic ("3.") labels are not typed in but made
by Word's automatic numbering (a two-level list: upper roman, then decimal), as many plans are.
"""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT

_SUP = re.compile(r"<sup>.*?</sup>", re.DOTALL)
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|&<>~])")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^([-+•])\s+(.*)$")


_LABEL = re.compile(r"^(?P<marks>\*{0,2})(?P<label>[IVX]{1,5}|\d{1,2})\.\s+")
_NUM_ID = "90"


def render_docx(text: str, auto_numbering: bool = False) -> bytes:
    """The .docx bytes of a Markdown-like plan."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n")
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    paragraphs = _drop_footnotes(paragraphs)
    title_at = next((i for i, p in enumerate(paragraphs) if _plain(p).upper().startswith("KẾ HOẠCH")), 0)
    closing_at = next((i for i, p in enumerate(paragraphs) if _plain(p).lower().startswith("nơi nhận")), None)
    document = docx.Document()
    if auto_numbering:
        _add_numbering(document)
    _header_table(document, paragraphs[:title_at])
    body = paragraphs[title_at:closing_at] if closing_at is not None else paragraphs[title_at:]
    for paragraph in body:
        _add_group(document, paragraph, auto_numbering)
    if closing_at is not None:
        _closing_table(document, paragraphs[closing_at:])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write_docx(text_path: Path, out_path: Path) -> Path:
    out_path.write_bytes(render_docx(text_path.read_text(encoding="utf-8")))
    return out_path


def _plain(text: str) -> str:
    text = _SUP.sub("", text)
    text = _TAG.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    text = re.sub(r"^#+\s*", "", text.strip())
    return text.replace("*", "").strip()


def _drop_footnotes(paragraphs: list[str]) -> list[str]:
    out = []
    for paragraph in paragraphs:
        stripped = paragraph.strip()
        if re.fullmatch(r"-{3,}|_{3,}|\*{3,}", stripped) or stripped.startswith("<sup>"):
            continue
        out.append(paragraph)
    return out


def _runs(paragraph, text: str, bold: bool = False, italic: bool = False) -> None:
    """Add ``text`` to ``paragraph`` as runs, turning **bold** and *italic* spans into formatting."""
    text = _ESCAPE.sub(r"\1", _TAG.sub("", _SUP.sub("", text)))
    for part in re.split(r"(\*\*|\*)", text):
        if part == "**":
            bold = not bold
        elif part == "*":
            italic = not italic
        elif part:
            run = paragraph.add_run(part)
            run.bold = bold or None
            run.italic = italic or None


def _add_group(container, group: str, auto_numbering: bool = False) -> None:
    """One blank-line separated paragraph: list items each on their own, other lines joined by breaks."""
    lines = [line.rstrip() for line in group.split("\n") if line.strip()]
    if lines and lines[0].lstrip().startswith("|"):
        _markdown_table(container, lines)
        return
    current = None
    bold_open = False
    for line in lines:
        heading = _HEADING.match(line.strip())
        bullet = _BULLET.match(line.strip())
        label = (
            _LABEL.match(heading.group(2).strip() if heading else line.strip()) if auto_numbering else None
        )
        if label:
            body = heading.group(2).strip() if heading else line.strip()
            text = label["marks"] + body[label.end() :]
            style = f"Heading {min(len(heading.group(1)), 6)}" if heading else None
            current = container.add_paragraph(style=style)
            _number(current, 1 if label["label"].isdigit() else 0)
            _runs(current, text)
            current = None
            continue
        if heading:
            level = min(len(heading.group(1)), 6)
            current = container.add_paragraph(style=f"Heading {level}")
            _runs(current, heading.group(2).strip())
            current = None
            continue
        if bullet:
            style = "List Bullet 2" if bullet.group(1) == "+" else "List Bullet"
            current = container.add_paragraph(style=style)
            _runs(current, bullet.group(2).strip(), bold=bold_open)
            continue
        if current is None:
            current = container.add_paragraph()
        else:
            current.add_run().add_break()
        _runs(current, line.strip(), bold=bold_open)
        bold_open = bold_open ^ (line.count("**") % 2 == 1)


def _header_table(document, paragraphs: list[str]) -> None:
    lines = [_plain(line) for p in paragraphs for line in p.split("\n") if _plain(line)]
    if not lines:
        return
    left = [line for line in lines if not _is_right(line)]
    right = [line for line in lines if _is_right(line)]
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, cell_lines in zip(table.rows[0].cells, (left, right), strict=True):
        cell.paragraphs[0].text = ""
        for n, line in enumerate(cell_lines):
            paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
            run = paragraph.add_run(line)
            run.bold = line.isupper() or None
            run.italic = (", ngày" in line) or None


def _is_right(line: str) -> bool:
    upper = line.upper()
    return upper.startswith(("CỘNG HÒA", "CỘNG HOÀ", "ĐỘC LẬP")) or ", ngày" in line


def _closing_table(document, paragraphs: list[str]) -> None:
    """Recipients list in the left cell, the signature block in the right cell."""
    recipients = [paragraphs[0]]
    signature: list[str] = []
    for paragraph in paragraphs[1:]:
        if all(_BULLET.match(line.strip()) for line in paragraph.split("\n") if line.strip()):
            recipients.append(paragraph)
        else:
            signature.append(paragraph)
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    for cell, groups in ((left, recipients), (right, signature)):
        first = True
        for group in groups:
            if first:
                cell._tc.remove(cell.paragraphs[0]._p)
                first = False
            _add_group(cell, group)


def _markdown_table(container, lines: list[str]) -> None:
    rows = [
        [_plain(cell) for cell in line.strip().strip("|").split("|")]
        for line in lines
        if not re.fullmatch(r"\|?\s*:?-{3,}.*", line.strip())
    ]
    width = max(len(r) for r in rows)
    table = container.add_table(rows=len(rows), cols=width)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value


def _add_numbering(document) -> None:
    """A two-level automatic list: level 0 "I.", "II." (upper roman), level 1 "1.", "2." (decimal)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{_NUM_ID}">'
        '<w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
        "</w:abstractNum>"
    )
    num = parse_xml(f'<w:num {nsdecls("w")} w:numId="{_NUM_ID}"><w:abstractNumId w:val="{_NUM_ID}"/></w:num>')
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)


def _number(paragraph, level: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = p_pr.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = int(_NUM_ID)
