"""A plan as a flat list of blocks, whether it came from a .docx or from a Markdown-like text.

Readers (``read_text`` here, ``docx_reader.read_docx``) produce ``Line`` records; ``build_blocks``
turns them into ``Block`` objects: markup removed, white space folded, the numbering label
("II", "1", "2.3", "a", "đ", "-", "+") split from the text, and lines broken in the middle of a
sentence ("chủ" / "động") joined back.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from binhdang.plans.extraction.errors import ExtractionError
from binhdang.plans.extraction.text import nfc, strip_markup

ROMAN_RE = re.compile(r"^(?P<label>(?:X{0,3})(?:IX|IV|V?I{0,3}))\s*[.\-/):]\s*(?P<rest>\S.*)$")
MULTI_NUMBER_RE = re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2})+)\.?\)?\s+(?P<rest>\S.*)$")
NUMBER_RE = re.compile(r"^(?P<label>\d{1,2})\s*[.)/]\s*(?P<rest>[^\d\s%].*)$")
LETTER_RE = re.compile(r"^(?P<label>[a-zđ])\s*\)\s*(?P<rest>\S.*)$")
LETTER_DOT_RE = re.compile(r"^(?P<label>[a-zđ])\.\s+(?P<rest>\S.*)$")
BULLET_RE = re.compile(r"^\s*(?P<marker>[-–—+•●○▪■◦*])\s+(?P<rest>.*)$")
TYPED_BULLET_RE = re.compile(
    r"^\s*(?:(?P<marker>[-–—+])(?:\s+|(?=[^\W\d_]))|(?P<sign>[•●○▪■◦])\s*)(?P<rest>\S.*)$"
)
HEADING_RE = re.compile(r"^\s*(?P<hashes>#{1,6})\s+(?P<rest>.*)$")
RULE_RE = re.compile(r"^\s*(?:-{3,}|_{3,}|\*{3,}|={3,})\s*$")
FOOTNOTE_RE = re.compile(r"^\s*(?:<sup>\s*\d+\s*</sup>|\[\^\d+\]:)")

LABEL_RANK = {"roman": 0, "number": 1, "letter": 10, "bullet": 20}
#: Most lines (paragraphs, list items, table cell paragraphs) read as a plan. A real plan has a few
#: hundred; reading and extraction take longer than linear time (5,000 lines take about 3 s, 20,000
#: over 20 s), so a longer file is refused as soon as it is seen to be longer.
MAX_LINES = 5000


def check_length(lines: list, limit: int = MAX_LINES) -> None:
    """ExtractionError once ``lines`` holds more than ``limit`` items (:data:`MAX_LINES`)."""
    if len(lines) > limit:
        raise ExtractionError(
            _("The file is too long to be a plan: more than %(limit)d paragraphs.") % {"limit": MAX_LINES}
        )


@dataclass
class Line:
    """One physical line as a reader saw it, before markup is removed."""

    text: str
    paragraph_start: bool = True
    heading: int | None = None
    bold: bool = False
    bold_prefix: str = ""
    italic: bool = False
    list_label: str | None = None
    list_kind: str | None = None
    cell: tuple[int, int, int] | None = None


@dataclass
class Block:
    """A paragraph (or a line of one) with its numbering label split off."""

    index: int
    text: str
    body: str
    label: str | None = None
    kind: str | None = None
    heading: int | None = None
    bold: bool = False
    bold_prefix: str = ""
    italic: bool = False
    cell: tuple[int, int, int] | None = None

    @property
    def rank(self) -> int:
        """Place in the usual hierarchy I > 1 > 1.1 > a) > - > +; unlabelled text ranks last."""
        if self.kind is None:
            return 100
        if self.kind == "number":
            return LABEL_RANK["number"] + self.label.count(".") if self.label else 1
        if self.kind == "bullet":
            return LABEL_RANK["bullet"] + (1 if self.label == "+" else 0)
        return LABEL_RANK[self.kind]

    @property
    def source(self) -> str:
        """The block as written (label included, bullet sign and markup removed)."""
        return self.text


@dataclass
class Document:
    blocks: list[Block]
    tables: list[list[list[str]]] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)


def split_label(text: str) -> tuple[str | None, str | None, str]:
    """Split "2.3. Tỷ lệ..." into ("2.3", "number", "Tỷ lệ..."); (None, None, text) when unlabelled."""
    m = ROMAN_RE.match(text)
    if m and m["label"] and (len(m["rest"]) < 3 or _mostly_upper(m["rest"]) or text[len(m["label"])] == "."):
        return m["label"], "roman", m["rest"]
    m = MULTI_NUMBER_RE.match(text)
    if m:
        return m["label"], "number", m["rest"]
    m = NUMBER_RE.match(text)
    if m:
        return m["label"], "number", m["rest"]
    m = LETTER_RE.match(text)
    if m:
        return m["label"], "letter", m["rest"]
    m = LETTER_DOT_RE.match(text)
    if m and (m["rest"][:1].isupper() or m["rest"][:1].isdigit()):
        return m["label"], "letter", m["rest"]
    return None, None, text


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) >= 0.6


def read_text(text: str) -> Document:
    """Read a plan written as plain or Markdown-like text (paragraphs separated by blank lines)."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufeff", "").replace("\u00a0", " ")
    lines: list[Line] = []
    footnotes: list[str] = []
    tables: list[list[list[str]]] = []
    for paragraph in re.split(r"\n\s*\n", text):
        if not paragraph.strip() or RULE_RE.match(paragraph):
            continue
        if FOOTNOTE_RE.match(paragraph):
            footnotes.append(nfc(strip_markup(FOOTNOTE_RE.sub("", paragraph))))
            continue
        if paragraph.lstrip().startswith("|"):
            lines.extend(_table_lines(paragraph, tables))
            continue
        lines.extend(_paragraph_lines(paragraph))
    check_length(lines)
    return Document(blocks=build_blocks(lines), tables=tables, footnotes=footnotes)


def _table_lines(paragraph: str, tables: list[list[list[str]]]) -> list[Line]:
    """A Markdown table ("| STT | Chỉ tiêu | 2026 |"): its rows, and one line per non-empty cell."""
    rows = []
    for raw in paragraph.split("\n"):
        raw = raw.strip()
        if not raw.startswith("|") or re.fullmatch(r"\|?[\s:|-]+\|?", raw):
            continue
        rows.append([nfc(strip_markup(cell)) for cell in raw.strip("|").split("|")])
    index = len(tables)
    tables.append(rows)
    return [
        Line(text=cell, cell=(index, r, c))
        for r, row in enumerate(rows)
        for c, cell in enumerate(row)
        if cell
    ]


def _paragraph_lines(paragraph: str) -> list[Line]:
    """The lines of one blank-line separated paragraph, with heading level and bold spans."""
    out: list[Line] = []
    bold_open = False
    for n, raw in enumerate(paragraph.split("\n")):
        if not raw.strip() or RULE_RE.match(raw):
            continue
        heading: int | None = None
        m = HEADING_RE.match(raw)
        if m:
            heading = len(m["hashes"])
            raw = m["rest"]
        list_kind = list_label = None
        b = BULLET_RE.match(raw)
        if b and not (b["marker"] == "*" and b["rest"].rstrip().endswith("*")):
            list_kind, list_label = "bullet", "+" if b["marker"] in "+○◦" else "-"
            raw = b["rest"]
        segments, bold_open = _bold_segments(raw, bold_open)
        visible = [(t, bold) for t, bold in segments if t.strip()]
        bold = bool(visible) and all(bold for _, bold in visible)
        prefix = ""
        if visible and visible[0][1] and not bold:
            prefix = visible[0][0]
        stripped = raw.strip()
        italic = (
            stripped.startswith("*") and not stripped.startswith("**") and stripped.rstrip("*") != stripped
        )
        out.append(
            Line(
                text=raw,
                paragraph_start=(n == 0 or list_kind is not None),
                heading=heading,
                bold=bold,
                bold_prefix=prefix,
                italic=italic,
                list_label=list_label,
                list_kind=list_kind,
            )
        )
    return out


def _bold_segments(raw: str, bold_open: bool) -> tuple[list[tuple[str, bool]], bool]:
    """Split a line at ``**`` markers into (text, is_bold) pieces; bold may span lines."""
    parts = raw.split("**")
    segments = []
    for i, part in enumerate(parts):
        if i:
            bold_open = not bold_open
        segments.append((part, bold_open))
    return segments, bold_open


def build_blocks(lines: list[Line]) -> list[Block]:
    """Turn reader lines into labelled blocks and join lines broken mid-sentence."""
    blocks: list[Block] = []
    for line in lines:
        text = nfc(strip_markup(line.text))
        if not text:
            continue
        label: str | None
        kind: str | None
        typed = None if line.list_kind else TYPED_BULLET_RE.match(text)
        if line.list_kind:
            label, kind, body = line.list_label, line.list_kind, text
        elif typed:
            # A bullet typed in ("- ", "+ ", "•") rather than made by a list style.
            text = typed["rest"].strip()
            label, kind, body = ("+" if (typed["marker"] or typed["sign"]) in "+○◦" else "-"), "bullet", text
        else:
            label, kind, body = split_label(text)
        prefix = nfc(strip_markup(line.bold_prefix))
        if prefix and label and kind != "bullet":
            prefix = split_label(prefix)[2] if split_label(prefix)[0] == label else prefix
        previous = blocks[-1] if blocks else None
        if previous is not None and kind is None and _continues(previous, line, text):
            previous.text = f"{previous.text} {text}"
            previous.body = f"{previous.body} {text}"
            previous.bold = previous.bold and line.bold
            continue
        blocks.append(
            Block(
                index=len(blocks),
                text=text,
                body=body,
                label=label,
                kind=kind,
                heading=line.heading,
                bold=line.bold,
                bold_prefix=prefix,
                italic=line.italic,
                cell=line.cell,
            )
        )
    return blocks


def _continues(previous: Block, line: Line, text: str) -> bool:
    """True when ``text`` is the rest of ``previous``'s sentence (it starts in lower case)."""
    first = next((c for c in text if c.isalpha()), "")
    if not first or not first.islower():
        return False
    if previous.cell != line.cell:
        return False
    return not previous.text.rstrip().endswith((".", "!", "?")) or previous.text.rstrip().endswith("...")
