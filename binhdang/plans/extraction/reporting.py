"""Reporting obligations: who reports to whom, by which day, how often.

An obligation is a sentence that reports or sends something ("báo cáo", "gửi") before a deadline
("trước ngày 30/11 hằng năm", "trước ngày 15 tháng 12", "chậm nhất ngày 20/6/2026"). The receivers
are read after "báo cáo"/"gửi về"/"về" ("UBND tỉnh (qua Sở Nội vụ)" gives both); the reporter is
the subject of the sentence (or of the sentence before it in the paragraph), else the agency whose
duty it is. When the reporter names groups of units ("Các sở, ban, ngành, đoàn thể tỉnh và UBND các
xã, phường"), ``reporter_kinds`` lists the kinds of units it covers (``extraction.reporters``): who
must report each year.
"""

from __future__ import annotations

import re

from binhdang.plans.extraction.agencies import is_agency_phrase, strip_request
from binhdang.plans.extraction.document import Block
from binhdang.plans.extraction.numbers import DayMonth, find_dates
from binhdang.plans.extraction.records import Reporting
from binhdang.plans.extraction.reporters import reporter_kinds
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


def extract(layout: Layout, owner: dict[int, str]) -> list[Reporting]:
    """Every reporting obligation with a deadline, in document order (one per deadline)."""
    out: list[Reporting] = []
    blocks = [b for s in layout.sections for b in [s.heading, *s.blocks]]
    for block in blocks:
        pieces = sentences(block.body)
        for n, sentence in enumerate(pieces):
            deadlines = _deadlines(sentence)
            if not deadlines or not any(has_keyword(sentence, v) for v in REPORT_VERBS):
                continue
            receivers, via = receivers_of(sentence)
            reporter = _reporter(pieces[: n + 1], block, owner)
            kinds = reporter_kinds(reporter)
            for date, context in deadlines:
                item: Reporting = {
                    "from": reporter,
                    "to": receivers + [v for v in via if v not in receivers],
                    "deadline": date.mmdd,
                    "recurrence": "annual" if has_keyword(context, *RECURRING) else "once",
                    "year": date.year,
                    "source": sentence,
                }
                if kinds:
                    item["reporter_kinds"] = kinds
                out.append(item)
    return out


def _deadlines(sentence: str) -> list[tuple[DayMonth, str]]:
    """Each deadline of the sentence with the words that say how often it recurs.

    With one deadline the whole sentence counts; with several ("định kỳ 6 tháng (trước ngày 15/6)
    và hằng năm (trước ngày 15/12)"), each takes the words between the previous deadline and the next.
    """
    found: list[tuple[DayMonth, int, int]] = []
    for m in DEADLINE_RE.finditer(sentence):
        dates = [d for d in find_dates(sentence[m.end() :]) if d.start == 0]
        if dates:
            found.append((dates[0].date, m.start(), m.end() + dates[0].end))
    if len(found) == 1:
        return [(found[0][0], sentence)]
    out = []
    for n, (date, start, end) in enumerate(found):
        begin = found[n - 1][2] if n else 0
        stop = found[n + 1][1] if n + 1 < len(found) else len(sentence)
        before = sentence[begin:start]
        after = sentence[end:stop]
        out.append((date, f"{before} {after}"))
    return out


def receivers_of(sentence: str) -> tuple[list[str], list[str]]:
    """(receivers, intermediaries) of "báo cáo UBND tỉnh, Bộ Nội vụ (qua Sở Nội vụ)"."""
    via = [_clean(m["via"]) for m in VIA_RE.finditer(sentence) if is_agency_phrase(m["via"])]
    key = fold_chars(sentence)
    for marker in RECEIVER_MARKERS:
        for m in re.finditer(rf"\b{fold(marker)}\s+", key):
            rest = sentence[m.end() :]
            end = RECEIVER_END.search(rest)
            phrase = rest[: end.start()] if end else rest
            names = [n for n in split_agencies(phrase) if is_agency_phrase(n)]
            if names:
                return names, via
    return [], via


def split_agencies(phrase: str) -> list[str]:
    """ "UBND tỉnh, Bộ Nội vụ" -> two names, but "Sở Văn hóa, Thể thao và Du lịch" stays one: a piece
    after a comma or "và" that does not start like an agency belongs to the name before it."""
    pieces = re.split(r"(,|\bvà\b)", phrase)
    names: list[str] = []
    for n in range(0, len(pieces), 2):
        piece = pieces[n]
        if names and piece.strip() and not is_agency_phrase(piece):
            names[-1] = f"{names[-1]}{pieces[n - 1]}{piece}"
        elif piece.strip():
            names.append(piece)
    return [_clean(name) for name in names if _clean(name)]


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
    subject = text[: min(ends)].split(":")[0].strip(" ,:")
    if ";" in subject:
        return None
    if not subject or not is_agency_phrase(subject) or len(subject.split()) > 30:
        return None
    return subject
