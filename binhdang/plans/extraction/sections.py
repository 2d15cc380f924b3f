"""The layout of a plan: header, title, preamble, the numbered sections, the closing.

Sections are found by their roman-numeral headings ("II. MỤC TIÊU", with or without "##", bold
or not, upper case or not) and classified by keywords, compared without tones so "hoá"/"hóa" and
typos in tone marks do not matter. Inside a section, ``nest`` builds the item tree from the labels
(I > 1 > 1.1 > a) > - > +), unlabelled paragraphs hanging under the item before them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from binhdang.plans.extraction.document import Block
from binhdang.plans.extraction.text import fold, is_upper_text, starts_with_keyword

# Section kinds and the words that name them (compared without tones or case).
SECTION_KEYWORDS: dict[str, tuple[str, ...]] = {
    "purpose": ("mục đích", "yêu cầu", "quan điểm"),
    "goals": ("mục tiêu", "chỉ tiêu"),
    "tasks": ("nhiệm vụ", "giải pháp", "nội dung", "hoạt động"),
    "budget": ("kinh phí", "nguồn lực"),
    "organisation": ("tổ chức thực hiện", "trách nhiệm thực hiện", "phân công"),
    "reporting": ("chế độ báo cáo", "báo cáo"),
}

CLOSING_WORDS = ("nơi nhận",)
TITLE_WORDS = ("ke hoach",)


@dataclass
class Section:
    kind: str
    heading: Block
    blocks: list[Block]
    #: The annex-like tables (several columns) inside the section, by their index in ``Document.tables``.
    tables: list[int] = field(default_factory=list)


@dataclass
class Node:
    block: Block
    children: list[Node] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def body(self) -> str:
        return self.block.body


@dataclass
class Layout:
    header: list[Block]
    title: list[str]
    preamble: list[Block]
    sections: list[Section]
    closing: list[Block]

    def section(self, kind: str) -> Section | None:
        return next((s for s in self.sections if s.kind == kind), None)

    def sections_of(self, kind: str) -> list[Section]:
        return [s for s in self.sections if s.kind == kind]


def classify(title: str) -> str:
    """The kind of a section from its heading text; "other" when no keyword matches."""
    key = f" {fold(title)} "
    best, best_pos = "other", len(key) + 1
    for kind, words in SECTION_KEYWORDS.items():
        for word in words:
            pos = key.find(f" {fold(word)}")
            if 0 <= pos < best_pos:
                best, best_pos = kind, pos
    return best


def find_title_block(blocks: list[Block]) -> int | None:
    """Index of the "KẾ HOẠCH" line that opens the subject line, or None."""
    for block in blocks[:40]:
        body = block.body.strip()
        if fold(body) in TITLE_WORDS or (starts_with_keyword(body, "kế hoạch") and is_upper_text(body[:8])):
            return block.index
    return None


def find_closing(blocks: list[Block]) -> int:
    """Index where the closing (recipients list, signature) starts; len(blocks) when absent."""
    for block in reversed(blocks):
        if starts_with_keyword(block.body, *CLOSING_WORDS):
            return block.index
    return len(blocks)


def _is_section_heading(block: Block) -> bool:
    if block.kind != "roman":
        return False
    body = block.body
    if len(body) >= 160:
        return False
    return (
        is_upper_text(body)
        or block.heading is not None
        or block.bold
        or not body.rstrip().endswith((".", ";"))
    )


def _is_fallback_heading(block: Block) -> bool:
    """Arabic-numbered upper-case headings, for plans that do not number sections in roman."""
    return (
        block.kind == "number"
        and "." not in (block.label or "")
        and is_upper_text(block.body)
        and classify(block.body) != "other"
    )


def layout(blocks: list[Block]) -> Layout:
    """Cut the document into header, title, preamble, sections and closing."""
    closing_at = find_closing(blocks)
    title_at = find_title_block(blocks)
    title_blocks: list[str]
    body = blocks[:closing_at]
    headings = [b for b in body if _is_section_heading(b)]
    if not headings:
        headings = [b for b in body if _is_fallback_heading(b)]
    first_section = headings[0].index if headings else closing_at
    if title_at is None or title_at >= first_section:
        header, title_blocks, rest_start = [], [], 0
    else:
        header = blocks[:title_at]
        title_blocks, rest_start = _title_lines(blocks, title_at, first_section)
    preamble = blocks[rest_start:first_section]
    grids = _grid_tables(blocks)
    sections = []
    for n, heading in enumerate(headings):
        end = headings[n + 1].index if n + 1 < len(headings) else closing_at
        span = blocks[heading.index + 1 : end]
        inside = [b for b in span if not (b.cell and b.cell[0] in grids)]
        tables = list(dict.fromkeys(b.cell[0] for b in span if b.cell and b.cell[0] in grids))
        sections.append(Section(classify(heading.body), heading, inside, tables))
    return Layout(header, title_blocks, preamble, sections, blocks[closing_at:])


def _grid_tables(blocks: list[Block]) -> set[int]:
    """Tables of several columns (annex tables): their cells are data, not items of a section."""
    return {b.cell[0] for b in blocks if b.cell and b.cell[2] > 0}


def _title_lines(blocks: list[Block], title_at: int, limit: int) -> tuple[list[str], int]:
    """The subject-line blocks after "KẾ HOẠCH" (up to the preamble), and where the preamble starts.

    The subject line is short, has no document number ("số 12/...") and does not end with a
    full stop; "KẾ HOẠCH" may share its block with the subject ("KẾ HOẠCH Thực hiện ...").
    """
    out: list[str] = []
    i = title_at
    first = blocks[title_at].body
    if fold(first) not in TITLE_WORDS:
        out.append(first.split(None, 2)[2] if len(first.split()) > 2 else first)
    i += 1
    while i < limit and len(out) < 4:
        block = blocks[i]
        text = block.body
        if set(text) <= set("-_=*. "):
            i += 1
            continue
        if block.kind is not None or len(text) > 300 or text.rstrip().endswith((".", ":", ";")):
            break
        if starts_with_keyword(text, "căn cứ") or (" số " in f" {text} " and "/" in text):
            break
        out.append(text)
        i += 1
    return out, i


def nest(blocks: list[Block]) -> list[Node]:
    """The item tree of a run of blocks: each labelled item holds the items of lower rank after it."""
    roots: list[Node] = []
    stack: list[Node] = []
    for block in blocks:
        node = Node(block)
        if block.kind is None:
            (stack[-1].children if stack else roots).append(node)
            continue
        while stack and stack[-1].block.rank >= block.rank:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots
