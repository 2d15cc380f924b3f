"""Render a Markdown-like plan (a seed) into a Word .docx the way offices really type plans.

Independent of the extractor's reader: ``seed_markup.parse_seed`` reads the seed's own markup
(blank-line paragraphs, ``#`` headings, ``**bold**``, ``- ``/``+ `` bullets, typed labels "II.", "1.",
"a)", tables) into lines, which this module lays out as ``WordLayout`` says. Every option changes only the layout, never the words:

- ``paragraphs``: "blank" (an empty paragraph after each paragraph of the seed), "none" (one
  paragraph per line, no empty paragraphs), "breaks" (runs of body lines in one paragraph with
  line breaks);
- ``bullets``: "dash" ("- ", "+ " typed), "dot" ("• " typed), "style" (List Bullet styles),
  "auto" (Word numbering with a bullet format);
- ``labels``: "typed" ("II.", "1.", "a)" typed in) or "auto" (Word's automatic numbering: upper
  roman, decimal, and "a)" lower letters where the run has no "đ");
- ``headings``: "styles" (Heading N), "bold" (bold runs only), "plain" (no formatting at all; the
  section headings stay in the capitals they are written in), "caps" (plain, and the numbered headings
  of the objectives and tasks sections typed in capitals too);
- ``header`` / ``signature``: "table" (borderless tables: issuing body left, motto right, number and
  place-date below; recipients beside the signer) or "paragraphs";
- ``issuer_line``: the issuing body ("ỦY BAN NHÂN DÂN" / "TỈNH ĐẮK LẮK") written in the header (the
  seeds leave it out); ``number``/``date``: fill the blank "Số: /KH-UBND" and "ngày tháng năm";
- ``roadmap``: an annex table after the signature (a row per indicator, a column per year);
- ``word_numbering``: "Chỉ tiêu 1:" labels made by Word's numbering with words ("Chỉ tiêu %1:");
- ``decision``: the plan issued as the annex of a decision ("QUYẾT ĐỊNH ... ban hành Kế hoạch"):
  the decision carries the number, date, recipients and signature; the plan has none of its own.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field, replace

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from tests.plans.seed_markup import Seed, SeedLine, capital_headings, parse_seed, unmark

_ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class WordLayout:
    name: str = "default"
    paragraphs: str = "blank"
    bullets: str = "style"
    labels: str = "typed"
    headings: str = "styles"
    header: str = "table"
    signature: str = "table"
    issuer_line: bool = False
    number: str | None = None
    date: tuple[int, int, int] | None = None
    roadmap: bool = False
    decision: bool = False
    word_numbering: bool = False  # "Chỉ tiêu 1:" made by Word's numbering ("Chỉ tiêu %1:")

    def but(self, **changes) -> WordLayout:
        return replace(self, **changes)


@dataclass
class _Numbering:
    """The automatic lists of one document: one w:num per restarted list."""

    document: object
    next_id: int = 100
    abstracts: dict[str, int] = field(default_factory=dict)

    def new_list(self, fmt: str, text: str) -> int:
        numbering = self.document.part.numbering_part.element  # type: ignore[attr-defined]
        key = f"{fmt}|{text}"
        if key not in self.abstracts:
            aid = self.next_id
            self.next_id += 1
            abstract = parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}">'
                '<w:multiLevelType w:val="singleLevel"/>'
                f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>'
            )
            first_num = numbering.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                numbering.append(abstract)
            self.abstracts[key] = aid
        nid = self.next_id
        self.next_id += 1
        numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{self.abstracts[key]}"/>'
                '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
            )
        )
        return nid


def render_layout(text: str, layout: WordLayout, *, issuer: str = "", decision_title: str = "") -> bytes:
    """The .docx bytes of the seed ``text`` laid out as ``layout`` says."""
    seed = parse_seed(text)
    document = docx.Document()
    numbering = _Numbering(document)
    header = _header_lines(seed.header, layout, issuer, "QĐ-UBND" if layout.decision else None)
    if layout.decision:
        _decision(document, layout, header, seed, issuer, decision_title)
        plan_header = _header_lines([], layout.but(number=None, date=None), issuer, None)
        _header(document, layout, plan_header[0], plan_header[1], [], [])
    else:
        _header(document, layout, *header)
    _body(document, layout, numbering, seed, issuer)
    if not layout.decision:
        _closing(document, layout, seed.recipients, seed.signature)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _header_lines(lines: list[str], layout: WordLayout, issuer: str, symbol: str | None):
    """(issuing body, motto, number lines, place-date lines) of the header."""
    body = [
        ln
        for ln in lines
        if not ln.startswith("Số")
        and ", ngày" not in ln
        and not ln.upper().startswith(("CỘNG HÒA", "ĐỘC LẬP"))
    ]
    if layout.issuer_line and not body and issuer:
        level, _, place = issuer.removeprefix("UBND ").partition(" ")
        if level == "thành" or level == "thị":
            first, _, place = place.partition(" ")
            level = f"{level} {first}"
        body = ["ỦY BAN NHÂN DÂN", f"{level} {place}".upper()]
    motto = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    number = [ln for ln in lines if ln.startswith("Số")] or ["Số: /KH-UBND"]
    dates = [ln for ln in lines if ", ngày" in ln]
    if symbol:
        number = [f"Số: /{symbol}"]
    if layout.number:
        number = [re.sub(r"Số:\s*\S*?/", f"Số: {layout.number}/", n) for n in number]
    if layout.date and dates:
        d, m, y = layout.date
        dates = [re.sub(r"ngày .*$", f"ngày {d:02d} tháng {m} năm {y}", x) for x in dates]
    return body, motto, number, dates


def _header(document, layout: WordLayout, body, motto, number, dates) -> None:
    if layout.header == "table":
        rows = [(body, motto), (number, dates)]
        table = document.add_table(rows=2, cols=2)
        for r, (left, right) in enumerate(rows):
            for cell, cell_lines in zip(table.rows[r].cells, (left, right), strict=True):
                for n, line in enumerate(cell_lines):
                    paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    run = paragraph.add_run(line)
                    run.bold = line.isupper() or None
                    run.italic = (", ngày" in line) or None
        return
    for line in [*body, *motto, *number, *dates]:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(line)
        run.bold = line.isupper() or None


def _closing(document, layout: WordLayout, recipients: list[str], signature: list[str]) -> None:
    if not recipients and not signature:
        return
    if layout.signature == "table":
        table = document.add_table(rows=1, cols=2)
        left, right = table.rows[0].cells
        _closing_lines(left, recipients, first_in_cell=True)
        _closing_lines(right, signature, first_in_cell=True, center=True)
        return
    _closing_lines(document, recipients)
    _closing_lines(document, signature, center=True)


def _closing_lines(container, lines: list[str], first_in_cell: bool = False, center: bool = False) -> None:
    for n, line in enumerate(lines):
        paragraph = container.paragraphs[0] if first_in_cell and n == 0 else container.add_paragraph()
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        is_recipient = not center and n > 0
        run = paragraph.add_run(f"- {line}" if is_recipient else line)
        run.bold = (center and (line.isupper() or n == len(lines) - 1)) or (n == 0 and not center) or None
        run.italic = (n == 0 and not center) or None


def _runs(paragraph, text: str, bold: bool = False, italic: bool = False, strip_bold: bool = False) -> None:
    """Add ``text`` as runs, **bold** and *italic* spans becoming formatting (or dropped)."""
    text = unmark(text)
    bold_on, italic_on = False, False
    for part in re.split(r"(\*\*|\*)", text):
        if part == "**":
            bold_on = not bold_on
        elif part == "*":
            italic_on = not italic_on
        elif part:
            run = paragraph.add_run(part)
            run.bold = (bold or (bold_on and not strip_bold)) or None
            run.italic = (italic or italic_on) or None


class _Labels:
    """Decides, for "auto" labels, which typed labels Word's numbering can make, and restarts lists."""

    FORMATS = {"roman": ("upperRoman", "%1."), "number": ("decimal", "%1."), "letter": ("lowerLetter", "%1)")}

    def __init__(self, numbering: _Numbering, lines: list[SeedLine]) -> None:
        self.numbering = numbering
        self.auto: dict[int, tuple[int, int]] = {}  # id(line) -> (numId, ilvl)
        current: dict[str, tuple[int, int]] = {}  # kind -> (numId, count)
        for line in lines:
            kind = line.label_kind
            if kind == "roman":
                current.pop("number", None)
                current.pop("letter", None)
            elif kind == "number":
                current.pop("letter", None)
            if kind not in self.FORMATS:
                continue
            position = self._position(kind, line.label or "")
            if position is None:
                continue
            num, count = current.get(kind, (0, 0))
            if position == 1:
                num, count = numbering.new_list(*self.FORMATS[kind]), 0
            if num == 0 or position != count + 1:
                current.pop(kind, None)
                continue
            current[kind] = (num, position)
            self.auto[id(line)] = (num, 0)

    @staticmethod
    def _position(kind: str, label: str) -> int | None:
        if kind == "roman":
            return _ROMANS.index(label) + 1 if label in _ROMANS else None
        if kind == "number":
            return int(label)
        if kind == "letter" and label in _LETTERS:
            return _LETTERS.index(label) + 1
        return None


def _body(document, layout: WordLayout, numbering: _Numbering, seed: Seed, issuer: str) -> None:
    labels = _Labels(numbering, seed.body) if layout.labels == "auto" else None
    capitals = {id(line) for line in capital_headings(seed)}
    bullet_lists: dict[int, int] = {}
    for line in seed.title:
        paragraph = document.add_paragraph(style="Heading 1" if layout.headings == "styles" else None)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _runs(paragraph, line.text, bold=layout.headings != "plain", strip_bold=layout.headings == "plain")
    if layout.decision:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        d, m, y = layout.date or (1, 1, 2026)
        run = paragraph.add_run(
            f"(Ban hành kèm theo Quyết định số {layout.number or ''}/QĐ-UBND ngày {d:02d}/{m:02d}/{y} "
            f"của Ủy ban nhân dân {issuer.removeprefix('UBND ')})"
        )
        run.italic = True
    open_paragraph = None
    previous_group = None
    word_list: int | None = None
    for line in seed.body:
        if layout.paragraphs == "blank" and previous_group is not None and line.group != previous_group:
            document.add_paragraph()
        previous_group = line.group
        if line.kind == "table":
            open_paragraph = None
            table = document.add_table(rows=len(line.rows), cols=max(len(r) for r in line.rows))
            table.style = "Table Grid"
            for r, row in enumerate(line.rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
            continue
        word = re.match(r"^Chỉ tiêu (\d+):\s+(.*)$", line.text) if layout.word_numbering else None
        if word:
            open_paragraph = None
            if word[1] == "1" or word_list is None:
                word_list = numbering.new_list("decimal", "Chỉ tiêu %1:")
            paragraph = document.add_paragraph()
            _number(paragraph, word_list, 0)
            _runs(paragraph, word[2])
            continue
        auto = labels.auto.get(id(line)) if labels else None
        text = line.text
        if auto:
            text = line.marks + line.rest
        if line.kind == "heading":
            open_paragraph = None
            style = f"Heading {min(line.level, 6)}" if layout.headings == "styles" else None
            paragraph = document.add_paragraph(style=style)
            if layout.headings == "caps" and id(line) in capitals:
                text = text.replace(line.rest, line.rest.upper())
            plain_heading = layout.headings in ("plain", "caps")
            _runs(paragraph, text, bold=layout.headings == "bold", strip_bold=plain_heading)
            if auto:
                _number(paragraph, *auto)
            continue
        if line.kind == "bullet" and layout.bullets in ("style", "auto"):
            open_paragraph = None
            style = (
                ("List Bullet 2" if line.level == 2 else "List Bullet") if layout.bullets == "style" else None
            )
            paragraph = document.add_paragraph(style=style)
            if layout.bullets == "auto":
                if line.level not in bullet_lists:
                    bullet_lists[line.level] = numbering.new_list("bullet", "–" if line.level == 1 else "+")
                _number(paragraph, bullet_lists[line.level], 0)
            _runs(paragraph, text)
            continue
        if line.kind == "bullet":
            sign = "+" if line.level == 2 else ("•" if layout.bullets == "dot" else "-")
            text = f"{sign} {text}"
        if auto:
            open_paragraph = None
            paragraph = document.add_paragraph()
            _number(paragraph, *auto)
            _runs(paragraph, text)
            continue
        if layout.paragraphs == "breaks" and open_paragraph is not None:
            open_paragraph.add_run().add_break()
            _runs(open_paragraph, text)
            continue
        paragraph = document.add_paragraph()
        _runs(paragraph, text)
        open_paragraph = paragraph if layout.paragraphs == "breaks" else None


def _number(paragraph, num_id: int, level: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = p_pr.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


def _decision(document, layout: WordLayout, header, seed: Seed, issuer: str, plan_title: str) -> None:
    """The decision that issues the plan, with the seed's recipients and signature."""
    _header(document, layout, *header)
    authority = issuer.removeprefix("UBND ")
    lines = [
        ("QUYẾT ĐỊNH", True),
        (f"Về việc ban hành Kế hoạch {plan_title[:1].lower()}{plan_title[1:]}", True),
        (f"ỦY BAN NHÂN DÂN {authority.upper()}", True),
        ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", False),
        ("Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;", False),
        ("Theo đề nghị của Giám đốc Sở Nội vụ.", False),
        ("QUYẾT ĐỊNH:", True),
        (
            f"Điều 1. Ban hành kèm theo Quyết định này Kế hoạch {plan_title[:1].lower()}{plan_title[1:]}.",
            False,
        ),
        ("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", False),
        (
            "Điều 3. Chánh Văn phòng, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị có liên quan "
            "chịu trách nhiệm thi hành Quyết định này./.",
            False,
        ),
    ]
    for text, bold in lines:
        paragraph = document.add_paragraph()
        if bold:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold = bold or None
        if layout.paragraphs == "blank":
            document.add_paragraph()
    _closing(document, layout, seed.recipients, seed.signature)
    document.add_page_break()


def add_roadmap(data: bytes, rows: list[tuple[str, str, dict[int, str]]], years: list[int]) -> bytes:
    """``data`` with a roadmap annex table appended: (code, label, {year: cell}) per row."""
    document = docx.Document(io.BytesIO(data))
    document.add_page_break()
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.add_run("PHỤ LỤC LỘ TRÌNH THỰC HIỆN CÁC MỤC TIÊU").bold = True
    table = document.add_table(rows=len(rows) + 1, cols=2 + len(years))
    for c, value in enumerate(["STT", "Chỉ tiêu", *(str(y) for y in years)]):
        table.cell(0, c).text = value
    for r, (code, label, cells) in enumerate(rows, start=1):
        table.cell(r, 0).text = code
        table.cell(r, 1).text = label
        for c, year in enumerate(years, start=2):
            table.cell(r, c).text = cells.get(year, "")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
