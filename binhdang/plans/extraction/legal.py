"""Legal bases: the documents the preamble cites ("Quyết định số 1/QĐ-TTg ngày ... của ...").

A citation is a document number with its symbol ("12/QĐ-TTg", "9/2019/NĐ-CP", "90-KH/TU",
"45/BNV-CTTN&BDG"), optionally followed by its date ("ngày 23/10/2021", "ngày 23 tháng 10 năm
2021") and issuer ("của Bộ Nội vụ", up to the verb or preposition that starts the subject).
"""

from __future__ import annotations

import re

from binhdang.plans.extraction.agencies import is_agency_phrase
from binhdang.plans.extraction.document import Block
from binhdang.plans.extraction.numbers import parse_full_date
from binhdang.plans.extraction.records import LegalBasis
from binhdang.plans.extraction.text import fold

DOC_NUMBER_RE = re.compile(
    r"(?<![\w/])\d{1,5}(?:/(?:19|20)\d{2})?[/-][A-ZĐ][A-Za-zĐđ0-9&]*(?:[-/.][A-ZĐ0-9][A-Za-zĐđ0-9&]*)*"
)
# Words that end the issuer's name in "của <issuer> về/phê duyệt/ban hành ...".
ISSUER_STOP = (
    "về",
    "phê duyệt",
    "ban hành",
    "hướng dẫn",
    "quy định",
    "triển khai",
    "thực hiện",
    "sửa đổi",
    "bổ sung",
    "việc",
    "tiếp tục",
    "trên",
    "nhằm",
    "kế hoạch",
    "quyết định",
    "nghị quyết",
    "nghị định",
    "công văn",
    "chỉ thị",
    "thông tư",
    "luật",
)


def legal_bases(preamble: list[Block]) -> list[LegalBasis]:
    """Every document cited in the preamble, once, in order of citation."""
    out: list[LegalBasis] = []
    seen: set[str] = set()
    for block in preamble:
        for clause in _clauses(block.text):
            matches = list(DOC_NUMBER_RE.finditer(clause))
            for n, m in enumerate(matches):
                number = m.group(0).rstrip(".-/")
                if number in seen or not re.search(r"[A-ZĐ]", number):
                    continue
                seen.add(number)
                end = matches[n + 1].start() if n + 1 < len(matches) else len(clause)
                tail = clause[m.end() : end]
                out.append(
                    {
                        "number": number,
                        "date": _date(tail),
                        "issuer": _issuer(tail),
                        "source": clause,
                    }
                )
    return out


def _clauses(text: str) -> list[str]:
    """Pieces of a preamble paragraph between semicolons (each cites one or a few documents)."""
    return [piece.strip() for piece in text.split(";") if piece.strip()]


def _date(tail: str) -> str | None:
    m = re.match(r"^[\s,]*(?:ban hành\s+)?ngày\b", tail, re.IGNORECASE)
    if not m:
        return None
    date = parse_full_date(tail[m.start() :].lstrip(" ,").removeprefix("ban hành").strip())
    return date.isoformat() if date else None


def _issuer(tail: str) -> str | None:
    m = re.search(r"\bcủa\s+", tail)
    if not m:
        return None
    words = tail[m.end() :].split()
    taken: list[str] = []
    stops = [fold(s).split() for s in ISSUER_STOP]
    for i, word in enumerate(words):
        folded = [fold(w) for w in words[i : i + 3]]
        if any(folded[: len(s)] == s for s in stops) and taken:
            break
        taken.append(word)
        if word.endswith((".", ":")):
            break
        if word.endswith(",") and is_agency_phrase(" ".join(words[i + 1 : i + 4])):
            break  # "của Thủ tướng Chính phủ, UBND tỉnh ban hành ...": a new subject starts
    issuer = re.sub(r"(?:[\s,.:;]|\bvà\b)+$", "", " ".join(taken))
    return issuer or None
