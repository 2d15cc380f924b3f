"""The structure of a Markdown-like seed plan, as the corpus renderer (``layout_render``) lays it out.

``parse_seed`` reads the seed's own markup (blank-line paragraphs, ``#`` headings, ``**bold**``,
"- "/"+ " bullets, typed labels "II.", "1.", "a)", Markdown tables) into the header lines, the title,
the body lines and the closing (recipients, signature). Independent of the extractor's reader.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_SUP = re.compile(r"<sup>.*?</sup>|<sub>.*?</sub>", re.DOTALL)
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|&<>~])")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^([-+•])\s+(.*)$")
_LABELS = (
    ("roman", re.compile(r"^(?P<label>[IVX]{1,5})\.\s+(?P<rest>.*)$")),
    ("dotted", re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2})+)\.?\s+(?P<rest>.*)$")),
    ("number", re.compile(r"^(?P<label>\d{1,2})\.\s+(?P<rest>.*)$")),
    ("letter", re.compile(r"^(?P<label>[a-zđ])\)\s+(?P<rest>.*)$")),
)


@dataclass
class SeedLine:
    """One line of the seed: its kind, label and the text (with its ``**``/``*`` markup)."""

    text: str
    group: int
    kind: str = "para"  # para, heading, bullet
    level: int = 0  # heading level, or bullet level (1 "-", 2 "+")
    label: str | None = None
    label_kind: str | None = None
    rest: str = ""  # the text after the label
    marks: str = ""  # emphasis markers around the label ("**", "*")
    rows: list[list[str]] = field(default_factory=list)  # a table's cells


@dataclass
class Seed:
    header: list[str]
    title: list[SeedLine]
    body: list[SeedLine]
    recipients: list[str]
    signature: list[str]


def unmark(text: str) -> str:
    """``text`` without footnote references, HTML tags and backslash escapes (``**``/``*`` kept)."""
    return _ESCAPE.sub(r"\1", _TAG.sub("", _SUP.sub("", text)))


def plain(text: str) -> str:
    text = _ESCAPE.sub(r"\1", _TAG.sub("", _SUP.sub("", text)))
    return re.sub(r"^#+\s*", "", text.strip()).replace("*", "").strip()


def parse_seed(text: str) -> Seed:
    """The seed's header lines, title, body lines, recipients and signature."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n")
    groups = [g for g in re.split(r"\n\s*\n", text) if g.strip()]
    groups = [
        g
        for g in groups
        if not re.fullmatch(r"-{3,}|_{3,}|\*{3,}", g.strip()) and not g.strip().startswith("<sup>")
    ]
    title_at = next(i for i, g in enumerate(groups) if plain(g).upper().startswith("KẾ HOẠCH"))
    closing_at = next(
        (i for i, g in enumerate(groups) if plain(g).lower().startswith("nơi nhận")), len(groups)
    )
    header = [plain(line) for g in groups[:title_at] for line in g.split("\n") if plain(line)]
    lines: list[SeedLine] = []
    for n, group in enumerate(groups[title_at:closing_at]):
        if group.lstrip().startswith("|"):
            rows = [
                [plain(cell) for cell in line.strip().strip("|").split("|")]
                for line in group.split("\n")
                if line.strip().startswith("|") and not re.fullmatch(r"\|?[\s:|-]+\|?", line.strip())
            ]
            lines.append(SeedLine(text="", group=n, kind="table", rows=rows))
            continue
        lines.extend(_seed_lines(group, n))
    # The title: "KẾ HOẠCH" and the subject line(s) up to the first paragraph of the preamble.
    title: list[SeedLine] = [lines[0]]
    rest = lines[1:]
    while rest and len(title) < 4:
        candidate = plain(rest[0].text)
        if (
            rest[0].label
            or candidate.endswith((".", ":", ";"))
            or candidate.startswith(("Căn cứ", "Thực hiện", "Để "))
            or len(candidate) > 300
        ):
            break
        title.append(rest.pop(0))
    recipients: list[str] = []
    signature: list[str] = []
    for group in groups[closing_at:]:
        for line in group.split("\n"):
            if not plain(line):
                continue
            if _BULLET.match(line.strip()) or plain(line).lower().startswith("nơi nhận"):
                recipients.append(
                    plain(_BULLET.sub(r"\2", line.strip())) if _BULLET.match(line.strip()) else plain(line)
                )
            else:
                signature.append(plain(line))
    return Seed(header, title, rest, recipients, signature)


def _seed_lines(group: str, n: int) -> list[SeedLine]:
    out = []
    for raw in group.split("\n"):
        raw = raw.rstrip()
        if not raw.strip():
            continue
        line = SeedLine(text=raw.strip(), group=n)
        m = _HEADING.match(line.text)
        if m:
            line.kind, line.level, line.text = "heading", len(m.group(1)), m.group(2).strip()
        b = _BULLET.match(line.text)
        if b and line.kind == "para":
            line.kind, line.level, line.text = "bullet", 2 if b.group(1) == "+" else 1, b.group(2).strip()
        marks_m = re.match(r"^(\*{0,3})", line.text)
        marks = marks_m.group(1) if marks_m else ""
        inner = line.text[len(marks) :]
        for kind, pattern in _LABELS:
            lm = pattern.match(inner)
            if lm:
                line.label, line.label_kind, line.rest, line.marks = lm["label"], kind, lm["rest"], marks
                break
        if line.kind == "para" and _is_heading(line):
            line.kind = "heading"
            line.level = {"roman": 1, "number": 2, "dotted": 3, "letter": 4}.get(line.label_kind or "", 2)
        out.append(line)
    return out


def _is_heading(line: SeedLine) -> bool:
    text = plain(line.text)
    whole_bold = (
        line.text.startswith("**") and line.text.rstrip().endswith("**") and line.text.count("**") == 2
    )
    if line.label_kind == "roman":
        return True
    if whole_bold and len(text.split()) <= 25:
        return True
    return bool(line.label_kind and len(text.split()) <= 14 and not text.endswith((".", ";", ":")))


def capital_headings(seed: Seed) -> list[SeedLine]:
    """The numbered and lettered headings of the objectives and tasks sections, which the "caps"
    layout types in capitals (the agencies' headings keep their case)."""
    out = []
    in_scope = False
    for line in seed.body:
        if line.label_kind == "roman":
            key = plain(line.rest).upper()
            in_scope = any(w in key for w in ("MỤC TIÊU", "NHIỆM VỤ", "GIẢI PHÁP", "NỘI DUNG")) and (
                "TỔ CHỨC THỰC HIỆN" not in key
            )
            continue
        if in_scope and line.kind == "heading" and line.label_kind in ("number", "letter", "dotted"):
            out.append(line)
    return out
