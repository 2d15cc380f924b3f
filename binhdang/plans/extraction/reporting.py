"""Reporting obligations: who reports to whom, by which day, how often.

An obligation is a sentence that reports or sends something ("báo cáo", "gửi") before a deadline
("trước ngày 30/11 hằng năm", "trước ngày 15 tháng 12", "chậm nhất ngày 20/6/2026"). The receivers
are read after "báo cáo"/"gửi về"/"về" ("UBND tỉnh (qua Sở Nội vụ)" gives both); the reporter is
the subject of the sentence (or of the sentence before it in the paragraph), else the agency whose
duty it is.
"""

from __future__ import annotations

import re

from binhdang.plans.extraction.agencies import is_agency_phrase, strip_request
from binhdang.plans.extraction.document import Block
from binhdang.plans.extraction.numbers import find_dates
from binhdang.plans.extraction.sections import Layout
from binhdang.plans.extraction.text import fold, fold_chars, has_keyword, sentences, starts_with_keyword

DEADLINE_RE = re.compile(
    r"\b(?:trước|chậm nhất(?:\s+là)?(?:\s+vào)?|không muộn hơn|hạn cuối(?:\s+là)?|trước hoặc vào)\s+(?:ngày\s+)?(?=\d)",
    re.IGNORECASE,
)
RECURRING = ("hằng năm", "hàng năm", "định kỳ", "mỗi năm", "hằng quý", "hàng quý")
REPORT_VERBS = ("báo cáo", "gửi")
# Words that end the subject of a reporting sentence ("các cơ quan, đơn vị định kỳ báo cáo ...").
SUBJECT_END = (
    "định kỳ",
    "báo cáo",
    "gửi",
    "chịu trách nhiệm",
    "có trách nhiệm",
    "xây dựng",
    "tổng hợp",
    "thực hiện",
    "triển khai",
    "chủ động",
    "hoàn thành",
    "lập",
    "kịp thời",
    "tiếp tục",
)
RECEIVER_MARKERS = ("gửi về", "báo cáo về", "gửi", "báo cáo", "về")
RECEIVER_END = re.compile(
    r"\s*(?:\(|\bqua\b|\btrước\b|\bđể\b|\bkết quả\b|\btheo\b|\btrong\b|\bchậm nhất\b|[;.]|$)"
)
VIA_RE = re.compile(r"\(?\s*\bqua\s+(?P<via>[^();]+?)\s*(?:\)|\bđể\b|\btrước\b|[;.]|$)", re.IGNORECASE)


def extract(layout: Layout, owner: dict[int, str]) -> list[dict]:
    """Every reporting obligation with a deadline, in document order."""
    out: list[dict] = []
    blocks = [b for s in layout.sections for b in [s.heading, *s.blocks]]
    for block in blocks:
        pieces = sentences(block.body)
        for n, sentence in enumerate(pieces):
            deadline = _deadline(sentence)
            if deadline is None or not any(has_keyword(sentence, v) for v in REPORT_VERBS):
                continue
            date = deadline
            annual = has_keyword(sentence, *RECURRING)
            receivers, via = receivers_of(sentence)
            out.append(
                {
                    "from": _reporter(pieces[: n + 1], block, owner),
                    "to": receivers + [v for v in via if v not in receivers],
                    "deadline": date.mmdd,
                    "recurrence": "annual" if annual else "once",
                    "year": date.year,
                    "source": sentence,
                }
            )
    return out


def _deadline(sentence: str):
    for m in DEADLINE_RE.finditer(sentence):
        dates = [d for d in find_dates(sentence[m.end() :]) if d.start == 0]
        if dates:
            return dates[0].date
    return None


def receivers_of(sentence: str) -> tuple[list[str], list[str]]:
    """(receivers, intermediaries) of "báo cáo UBND tỉnh, Bộ Nội vụ (qua Sở Nội vụ)"."""
    via = [_clean(m["via"]) for m in VIA_RE.finditer(sentence) if is_agency_phrase(m["via"])]
    key = fold_chars(sentence)
    for marker in RECEIVER_MARKERS:
        for m in re.finditer(rf"\b{fold(marker)}\s+", key):
            rest = sentence[m.end() :]
            end = RECEIVER_END.search(rest)
            phrase = rest[: end.start()] if end else rest
            names = [_clean(p) for p in re.split(r",|\bvà\b", phrase) if p.strip()]
            names = [n for n in names if n and is_agency_phrase(n)]
            if names:
                return names, via
    return [], via


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,;.*()")


def _reporter(pieces: list[str], block: Block, owner: dict[int, str]) -> str | None:
    for sentence in reversed(pieces):
        subject = _subject(sentence)
        if subject:
            return subject
    return owner.get(block.index)


def _subject(sentence: str) -> str | None:
    text = sentence.strip()
    if starts_with_keyword(text, "căn cứ") and "," in text:
        text = text.split(",", 1)[1].strip()
    text = strip_request(text)
    key = fold_chars(text)
    ends = [m.start() for word in SUBJECT_END for m in re.finditer(rf"\b{fold(word)}\b", key)]
    if not ends:
        return None
    subject = text[: min(ends)].strip(" ,:")
    if not subject or not is_agency_phrase(subject) or len(subject.split()) > 30:
        return None
    return subject
