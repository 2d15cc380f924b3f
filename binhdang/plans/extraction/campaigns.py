"""Campaign periods and commemorative days named in the plan, read from its text.

- a named period with its dates: "Tháng hành động vì ... từ ngày 15/11 đến ngày 15/12",
  "... (từ ngày 15/11 - 15/12)", "... từ ngày 15/11-15/12";
- a named month: "Tháng hành động quốc gia về ... (tháng 6 hằng năm)" -> 06-01..06-30;
- a named day: "ngày Quốc tế Phụ nữ 8-3", "Ngày Gia đình Việt Nam (28/6)".

A campaign written in slightly different words in different places ("phòng ngừa, ứng phó" /
"phòng, chống") but with the same dates is one campaign; its name is the wording that appears first
in the document, and campaigns are listed in the order their names first appear.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from binhdang.plans.extraction.document import Block
from binhdang.plans.extraction.numbers import DASH, DayMonth, valid_day
from binhdang.plans.extraction.records import Campaign
from binhdang.plans.extraction.text import sentences

_DM = r"(?<![\d/])(?P<{p}d>\d{{1,2}})\s*/\s*(?P<{p}m>\d{{1,2}})(?:\s*/\s*(?:19|20)\d{{2}})?(?!\s*/\s*\d|\d)"
PERIOD_RE = re.compile(
    r"\(?\s*(?:từ\s+)?(?:ngày\s+)?"
    + _DM.format(p="a")
    + rf"\s*(?:{DASH}|đến(?:\s+ngày)?|tới(?:\s+ngày)?)\s*"
    + _DM.format(p="b"),
    re.IGNORECASE,
)
MONTH_RE = re.compile(
    r"\(\s*(?:vào\s+)?tháng\s+(?P<m>\d{1,2})(?:\s+(?:hằng|hàng|mỗi)\s+năm)?\s*\)|\s(?:vào\s+)tháng\s+(?P<m2>\d{1,2})\b(?!\s*/)",
    re.IGNORECASE,
)
DAY_RE = re.compile(
    r"\b(?P<name>[Nn]gày\s+\w[^\d();:]{2,100}?)\s*\(?\s*(?P<d>\d{1,2})\s*[-/]\s*(?P<m>\d{1,2})(?![\d/])\s*\)?"
)
NAME_START = re.compile(r"(?:Tháng|Tuần|Chiến dịch|Ngày|Đợt)\s+\S")


@dataclass
class _Mention:
    name: str
    start: str
    end: str | None
    source: str


def extract(blocks: list[Block]) -> list[Campaign]:
    """Campaigns named anywhere in ``blocks``, each once, in order of first mention."""
    mentions: list[_Mention] = []
    for block in blocks:
        for sentence in sentences(block.text):
            mentions.extend(_mentions(sentence))
    text = " ".join(b.text for b in blocks)
    groups: dict[tuple[str, str | None], list[_Mention]] = {}
    for mention in mentions:
        groups.setdefault((mention.start, mention.end), []).append(mention)
    out: list[tuple[int, Campaign]] = []
    for (start, end), group in groups.items():
        positions = [(text.find(m.name) if m.name in text else len(text), n) for n, m in enumerate(group)]
        position, best = min(positions)
        out.append(
            (position, {"name": group[best].name, "start": start, "end": end, "source": group[0].source})
        )
    out.sort(key=lambda item: item[0])
    return [campaign for _, campaign in out]


def _mentions(sentence: str) -> list[_Mention]:
    found: list[_Mention] = []
    used: list[tuple[int, int]] = []
    for m in PERIOD_RE.finditer(sentence):
        a = _day(m["ad"], m["am"])
        b = _day(m["bd"], m["bm"])
        name = _name_before(sentence, m.start())
        if a and b and name:
            found.append(_Mention(name, a.mmdd, b.mmdd, sentence))
            used.append((m.start(), m.end()))
    for m in MONTH_RE.finditer(sentence):
        month = int(m["m"] or m["m2"])
        name = _name_before(sentence, m.start())
        if 1 <= month <= 12 and name:
            last = calendar.monthrange(2023, month)[1]
            found.append(_Mention(name, f"{month:02d}-01", f"{month:02d}-{last:02d}", sentence))
    for m in DAY_RE.finditer(sentence):
        if any(a <= m.start("d") < b for a, b in used):
            continue
        day = _day(m["d"], m["m"])
        name = m["name"].strip(" ,")
        words = name.split()
        if day and words[1][0].isupper() and len(words) <= 14 and "ngày" not in name.lower()[4:]:
            found.append(_Mention(name, day.mmdd, None, sentence))
    return found


def _day(day: str, month: str) -> DayMonth | None:
    d, m = int(day), int(month)
    return DayMonth(d, m) if valid_day(d, m) else None


def _name_before(sentence: str, end: int) -> str | None:
    """The campaign name that ends just before ``end``: from its last "Tháng"/"Tuần"/... word."""
    head = sentence[:end]
    starts = [m.start() for m in NAME_START.finditer(head)]
    if not starts:
        return None
    name = head[starts[-1] :].strip(" ,(")
    name = re.sub(r"\s+(?:từ|vào|trong|nhân)$", "", name).strip(" ,(")
    name = re.sub(r"\s+(?:năm|giai đoạn)\s+(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?$", "", name).strip(
        " ,("
    )
    if re.search(r"\d|[;:]", name) or len(name.split()) < 2 or len(name.split()) > 30:
        return None
    return name
