"""Who carries out a task, with whom, and when: the lead agency, the cooperating agencies, the time frame.

Read from the task's own text and the lines under it:

- labelled lines: "Cơ quan chủ trì: Sở Nội vụ", "Đơn vị phối hợp: Sở Tài chính, Sở Y tế",
  "Thời gian thực hiện: Hằng năm" (also "Chủ trì:", "Phối hợp:", "Thời gian:", "Tiến độ:");
- a sentence naming the lead before "chủ trì": "Sở Nội vụ chủ trì, phối hợp với Sở Tài chính và các
  cơ quan liên quan tổ chức ..." (the words after "phối hợp với" up to the verb are the cooperating
  agencies);

or from a task table (a header row with "Nội dung/Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
"Thời gian"), see ``tasks.table_tasks``. Names are kept as written; a list is split where a new name
starts ("Sở Tài chính, Sở Y tế" -> two) but a group keeps its commas ("các sở, ban, ngành liên quan").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from binhdang.plans.extraction.agencies import is_agency_phrase, strip_request
from binhdang.plans.extraction.text import clean_item, fold_chars

_LABELLED = {
    "lead": re.compile(r"(?:^|[;.(]\s*|\s)(?:(?:co quan|don vi)\s+)?chu tri\s*:\s*"),
    "cooperating": re.compile(r"(?:^|[;.(]\s*|\s)(?:(?:co quan|don vi)\s+)?phoi hop\s*:\s*"),
    "timeframe": re.compile(r"(?:^|[;.(]\s*|\s)(?:thoi gian(?:\s+(?:thuc hien|hoan thanh))?|tien do)\s*:\s*"),
}
_LEAD_SENTENCE = re.compile(r"\bchu tri\b")
_WITH = re.compile(r"^\s*,?\s*(?:va\s+)?phoi hop\s*(?:voi|cung)?\s+")
# Words that end a list of cooperating agencies: the verb of the sentence.
_VERBS = (
    "tổ chức",
    "triển khai",
    "thực hiện",
    "xây dựng",
    "tham mưu",
    "hướng dẫn",
    "kiểm tra",
    "tuyên truyền",
    "theo dõi",
    "rà soát",
    "đẩy mạnh",
    "tăng cường",
    "chỉ đạo",
    "lồng ghép",
    "nâng cao",
    "đánh giá",
    "tổng hợp",
    "để",
    "nhằm",
    "trong",
    "trên",
    "theo",
)
_VERB_RE = re.compile(r"\s(?:" + "|".join(re.escape(fold_chars(v)) for v in _VERBS) + r")\b")
_STOP = re.compile(r"[;]|\.(?:\s|$)")


@dataclass
class TaskAgencies:
    lead: str | None = None
    cooperating: list[str] = field(default_factory=list)
    timeframe: str | None = None

    def merge(self, other: TaskAgencies) -> None:
        self.lead = self.lead or other.lead
        if not self.cooperating:
            self.cooperating = other.cooperating
        self.timeframe = self.timeframe or other.timeframe

    def as_dict(self) -> dict:
        return {"lead": self.lead, "cooperating": self.cooperating, "timeframe": self.timeframe}


def split_names(text: str) -> list[str]:
    """The agencies of a list, each as written; parts that do not start a name stay with the one before."""
    out: list[str] = []
    pieces = re.split(r"(\s*[,;\n]\s*|\s+và\s+|\s+cùng\s+)", text)
    current = ""
    for n in range(0, len(pieces), 2):
        part = pieces[n].strip(" -–+•.:")
        separator = pieces[n - 1] if n else ""
        if not part:
            continue
        starts_name = (
            is_agency_phrase(part)
            and len(part.split()) >= 2
            and (part[0].isupper() or fold_chars(part).startswith(("cac ", "co quan", "don vi", "ubnd")))
        )
        # "Văn phòng HĐND và UBND phường" is one office, not two bodies.
        joint_office = separator.strip() == "và" and fold_chars(current).startswith("van phong")
        if current and (not starts_name or joint_office):
            current = f"{current}{separator}{part}"
        else:
            if current:
                out.append(current)
            current = part
    if current:
        out.append(current)
    return [clean_item(strip_request(name)) for name in out if name]


def from_text(texts: list[str]) -> TaskAgencies:
    """Lead, cooperating agencies and time frame written in a task's paragraphs."""
    found = TaskAgencies()
    for text in texts:
        found.merge(_labelled(text))
    if found.lead is None:
        for text in texts:
            found.merge(_sentence(text))
    return found


def _labelled(text: str) -> TaskAgencies:
    key = fold_chars(text)
    out = TaskAgencies()
    for what, pattern in _LABELLED.items():
        m = pattern.search(key)
        if not m:
            continue
        stop = _STOP.search(text, m.end())
        value = text[m.end() : stop.start() if stop else len(text)].strip()
        if not value:
            continue
        if what == "lead":
            names = split_names(value)
            out.lead = names[0] if names else None
        elif what == "cooperating":
            out.cooperating = split_names(value)
        else:
            out.timeframe = clean_item(value)
    return out


def _sentence(text: str) -> TaskAgencies:
    """ "Sở Nội vụ chủ trì, phối hợp với Sở Tài chính ... tổ chức ..." """
    key = fold_chars(text)
    out = TaskAgencies()
    m = _LEAD_SENTENCE.search(key)
    if not m:
        return out
    start = max(text.rfind(sep, 0, m.start()) for sep in (".", ";", ":", "(")) + 1
    subject = text[start : m.start()].strip(" ,")
    for word in ("Giao", "giao", "Đề nghị", "đề nghị", "Do", "do"):
        subject = subject.removeprefix(word + " ")
    if not subject or not is_agency_phrase(subject) or len(subject.split()) > 15:
        return out
    names = split_names(subject)
    out.lead = names[0] if names else None
    rest = text[m.end() :]
    w = _WITH.match(fold_chars(rest))
    if w:
        tail = rest[w.end() :]
        stop = _STOP.search(tail)
        tail = tail[: stop.start()] if stop else tail
        verb = _VERB_RE.search(fold_chars(tail))
        tail = tail[: verb.start()] if verb else tail
        out.cooperating = [n for n in split_names(tail) if is_agency_phrase(n)]
    return out
