"""A plan issued as the annex of a decision ("Quyết định ... ban hành Kế hoạch").

Such a document is the decision first (header with the number "Số: .../QĐ-UBND" and the place and
date, "QUYẾT ĐỊNH", "Căn cứ ...", "QUYẾT ĐỊNH:", Điều 1-3, recipients and signature), then the plan:
its own header (issuing body, motto), "KẾ HOẠCH", the subject line, "(Ban hành kèm theo Quyết định
số .../QĐ-UBND ngày ... của ...)" and the sections, with no signature of its own. The plan's number
and date are the decision's (from its header, else from the "Ban hành kèm theo" line) and its signer
is the decision's signer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from binhdang.plans.extraction.document import Block
from binhdang.plans.extraction.numbers import parse_full_date
from binhdang.plans.extraction.text import fold, is_upper_text, starts_with_keyword

_ANNEX_RE = re.compile(r"^\(?\s*(?:ban hanh\s+)?kem theo\s+quyet dinh\b")
_ANNEX_NUMBER_RE = re.compile(r"\bsố\s*:?\s*(?P<n>[\w.\-]*\s*/\s*[^\s,;)]+)", re.IGNORECASE)
_ANNEX_DATE_RE = re.compile(
    r"\bngày\s+(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4})", re.IGNORECASE
)


@dataclass
class Decision:
    """The decision part of a document and the plan that follows it."""

    header: list[Block]  # the decision's header: number, place and date
    closing: list[Block]  # the decision's recipients and signature
    plan_header: list[Block]  # the plan's own header (issuing body, motto), before "KẾ HOẠCH"
    plan: list[Block]  # the plan from "KẾ HOẠCH" on, indexes renumbered from 0
    annex_line: Block | None  # "(Ban hành kèm theo Quyết định số ... ngày ...)"

    def annex_number(self) -> str | None:
        if self.annex_line is None:
            return None
        m = _ANNEX_NUMBER_RE.search(self.annex_line.text)
        if not m:
            return None
        number = re.sub(r"\s+", "", m["n"]).rstrip(".,;")
        return None if number.startswith("/") else number

    def annex_date(self) -> str | None:
        if self.annex_line is None:
            return None
        m = _ANNEX_DATE_RE.search(self.annex_line.text)
        if m:
            date = parse_full_date(f"ngày {m['d']} tháng {m['m']} năm {m['y']}")
            return date.isoformat() if date else None
        date = parse_full_date(self.annex_line.text)
        return date.isoformat() if date else None


def split(blocks: list[Block]) -> Decision | None:
    """The decision and its annexed plan, or None when the document is not a decision."""
    opening = next((b for b in blocks[:40] if _is_decision_title(b)), None)
    if opening is None:
        return None
    closing_at = None
    for block in blocks[opening.index + 1 :]:
        if starts_with_keyword(block.body, "nơi nhận") and closing_at is None:
            closing_at = block.index
        if closing_at is not None and _is_plan_title(block):
            return _decision(blocks, opening.index, closing_at, block.index)
    return None


def _decision(blocks: list[Block], opening: int, closing_at: int, title_at: int) -> Decision:
    plan_start = title_at
    while plan_start - 1 > closing_at and _is_header_line(blocks[plan_start - 1]):
        plan_start -= 1
    rest = blocks[title_at:]
    annex = next((b for b in rest[:8] if _ANNEX_RE.match(fold(b.body.strip()))), None)
    plan = [replace(b, index=i) for i, b in enumerate(b for b in rest if b is not annex)]
    return Decision(
        header=blocks[:opening],
        closing=blocks[closing_at:plan_start],
        plan_header=blocks[plan_start:title_at],
        plan=plan,
        annex_line=annex,
    )


def _is_decision_title(block: Block) -> bool:
    body = block.body.strip().rstrip(":")
    return fold(body) == "quyet dinh" and is_upper_text(body) and block.label is None


def _is_plan_title(block: Block) -> bool:
    body = block.body.strip()
    return fold(body) == "ke hoach" or (starts_with_keyword(body, "kế hoạch") and is_upper_text(body[:8]))


def _is_header_line(block: Block) -> bool:
    """A line of the plan's own header: issuing body, motto, separators, number, place and date."""
    body = block.body.strip()
    if not body or set(body) <= set("-_=*. "):
        return True
    return (
        is_upper_text(body)
        or starts_with_keyword(body, "độc lập")
        or starts_with_keyword(body, "số")
        or bool(re.match(r"^[^,\d]{2,60},\s*ngày\b", body, re.IGNORECASE))
    )
