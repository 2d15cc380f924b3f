"""Units written after a number in a target: "%", "cuộc", "tin, bài", "bé trai/100 bé gái",
"/100.000 trẻ sinh sống".

Known counting words are matched first (tones and case ignored; the unit is returned as written);
a ratio ("18 ca sinh/1.000 phụ nữ") keeps its numerator words and the denominator's noun phrase up to
a preposition; otherwise, when the number follows a quantifier ("ít nhất 02 đợt"), the next word.
"""

from __future__ import annotations

import re

from binhdang.plans.extraction.numbers import NUMBER
from binhdang.plans.extraction.text import fold, tone_key

NUM = rf"(?:{NUMBER})"

# Counting words a number may be followed by (compared without tones; longest first).
UNITS = (
    "điểm phần trăm",
    "lượt người",
    "tin, bài",
    "tin bài",
    "tin/bài",
    "cơ sở",
    "đơn vị",
    "hoạt động",
    "mô hình",
    "câu lạc bộ",
    "chuyên mục",
    "chương trình",
    "hội nghị",
    "sản phẩm",
    "lớp",
    "buổi",
    "cuộc",
    "lượt",
    "lần",
    "người",
    "tin",
    "bài",
    "giờ",
    "ngày",
    "vụ",
    "ca",
    "trường hợp",
    "hộ",
    "xã",
    "phường",
    "thôn",
    "trường",
    "doanh nghiệp",
    "cán bộ",
)
# Words that end a unit noun phrase after a ratio ("/100.000 trẻ sinh sống vào năm 2030").
UNIT_STOP = (
    "vào",
    "đến",
    "năm",
    "so",
    "trong",
    "tại",
    "ở",
    "của",
    "được",
    "và",
    "hoặc",
    "trở",
    "sinh ra",
    "trên",
)
NOT_UNITS = {
    "vào",
    "năm",
    "trở",
    "so",
    "trong",
    "của",
    "được",
    "và",
    "hoặc",
    "đến",
    "trên",
    "tại",
    "ở",
    "là",
    "có",
    "với",
    "thì",
    "mà",
    "cho",
    "theo",
    "từ",
    "tới",
}


def unit_after(clause: str, end: int, fallback: bool = False) -> tuple[str | None, int]:
    """The unit written after a number ending at ``end``, and where it ends.

    Known counting words are matched first; with ``fallback`` (the number follows "ít nhất",
    "đạt"...) the next word is the unit when it is not a preposition or verb of the sentence.
    """
    rest = clause[end:]
    m = re.match(r"\s*%", rest)
    if m:
        return "%", end + m.end()
    ratio = re.match(rf"(?P<num>\s*[^\s/;,.()%\d][^/;,.()%\d]{{0,30}}?)?\s*(?P<slash>/\s*{NUM})", rest)
    if ratio:
        numerator = (ratio["num"] or "").strip()
        tail = rest[ratio.end() :]
        noun = noun_phrase(tail)
        text = f"{numerator}{ratio['slash'].replace(' ', '')}{(' ' + noun) if noun else ''}"
        return text, end + ratio.end() + (tail.find(noun) + len(noun) if noun else 0)
    words = rest.lstrip()
    lead = len(rest) - len(words)
    folded = fold(words)
    for unit in sorted(UNITS, key=len, reverse=True):
        key = fold(unit)
        if folded.startswith(key) and (len(folded) == len(key) or not folded[len(key)].isalnum()):
            return words[: len(unit)], end + lead + len(unit)
    if fallback:
        m = re.match(r"([^\W\d_]+)", words)
        if m and tone_key(m.group(1)) not in NOT_UNITS:
            return m.group(1), end + lead + m.end()
    return None, end


def noun_phrase(text: str) -> str:
    """The words of ``text`` up to a stop word (the denominator of a ratio unit)."""
    words = []
    tokens = text.split()
    stops = [fold(s).split() for s in UNIT_STOP]
    for i, word in enumerate(tokens):
        clean = word.rstrip(",.;:)")
        folded = [fold(w) for w in tokens[i : i + 2]]
        if any(folded[: len(s)] == s for s in stops) or not clean or re.match(r"\d", clean):
            break
        words.append(clean)
        if clean != word or len(words) == 4:
            break
    return " ".join(words)
