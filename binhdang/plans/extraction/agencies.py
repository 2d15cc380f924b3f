"""The organisation section ("TỔ CHỨC THỰC HIỆN"): agencies, their duties, what they report.

An agency heading is a numbered item naming a body: on its own line ("1. Sở Nội vụ"), or in front
of its duty ("**2. Sở Tài chính:** Trên cơ sở ..."). "Đề nghị" in front of a mass organisation's
name is not part of the name. Duties are the lettered items and dash bullets under the heading, or
the paragraph(s) under it when it has no items; a paragraph after the items (a closing sentence)
is not a duty. A heading whose items are themselves agencies ("16. Trường ... và các trường ..."
with "16.1. Trường Chính trị tỉnh", or "a) Hội Liên hiệp Phụ nữ tỉnh") gives one entry per
sub-agency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from binhdang.plans.extraction import records
from binhdang.plans.extraction.document import Block
from binhdang.plans.extraction.sections import Layout, Node, nest
from binhdang.plans.extraction.text import clean_item, has_keyword, sentences, starts_with_keyword

# Words an agency's name starts with (generic types of bodies, compared without tones).
AGENCY_WORDS = (
    "sở",
    "ban",
    "phòng",
    "văn phòng",
    "ủy ban",
    "ubnd",
    "hđnd",
    "mặt trận",
    "hội",
    "liên đoàn",
    "liên minh",
    "tỉnh đoàn",
    "thành đoàn",
    "huyện đoàn",
    "đoàn",
    "trung tâm",
    "công an",
    "bộ chỉ huy",
    "ban chỉ huy",
    "bộ đội",
    "quân sự",
    "thanh tra",
    "thống kê",
    "chi cục",
    "cục",
    "bộ",
    "báo",
    "đài",
    "trường",
    "bệnh viện",
    "viện",
    "kho bạc",
    "bảo hiểm",
    "ngân hàng",
    "tòa án",
    "tòa",
    "các",
    "cơ quan",
    "đơn vị",
    "thủ trưởng",
    "chủ tịch",
    "tổ chức",
    "doanh nghiệp",
    "hợp tác xã",
    "công chức",
    "cán bộ",
    "đảng ủy",
    "đảng uỷ",
    "huyện ủy",
    "tỉnh ủy",
    "thành ủy",
    "chi bộ",
    "chi hội",
    "hội đồng",
    "trưởng thôn",
    "trưởng bản",
    "trạm",
    "tổ",
    "thôn",
    "bản",
    "tổ dân phố",
)
REQUEST_WORDS = ("đề nghị", "giao", "yêu cầu")
FOCAL_WORDS = ("cơ quan đầu mối", "cơ quan thường trực", "đầu mối")
REPORT_WORDS = ("báo cáo", "theo dõi", "thu thập")
LIST = r"\d+(?:\.\d+)*(?:\s*(?:,|và|-|–)\s*\d+(?:\.\d+)*)*"
LETTERS = "abcdđeghiklmnopqrstuvxy"
LETTER_LIST = rf"(?<!\w)[{LETTERS}](?:\s*(?:,|và)\s*[{LETTERS}])*(?!\w)"
REF_RE = re.compile(
    rf"(?P<all>các\s+)?chỉ tiêu\s*(?P<inds>{LIST}|{LETTER_LIST})?\s*(?:của|thuộc|tại)\s+mục tiêu\s*(?P<goal>\d+)"
    rf"|mục tiêu\s*(?P<goals>{LIST})|chỉ tiêu\s*(?P<codes>{LIST})",
    re.IGNORECASE,
)


@dataclass
class Agency:
    name: str
    source: str
    duties: list[str] = field(default_factory=list)
    duty_blocks: list[Block] = field(default_factory=list)

    def as_dict(self) -> records.Agency:
        return {"name": self.name, "duties": self.duties, "source": self.source}


def is_agency_phrase(text: str) -> bool:
    """True when ``text`` starts like the name of a body ("Sở ...", "UBND ...", "các cơ quan ...")."""
    text = text.strip(" (*")
    for word in REQUEST_WORDS:
        if starts_with_keyword(text, word):
            text = text[len(word) :].strip()
    return starts_with_keyword(text, *AGENCY_WORDS)


def strip_request(name: str) -> str:
    """ "Đề nghị Ủy ban MTTQ ..." -> "Ủy ban MTTQ ..."."""
    for word in REQUEST_WORDS:
        if starts_with_keyword(name, word):
            return name[len(word) :].strip()
    return name


def extract(layout: Layout) -> list[Agency]:
    """The agencies of the organisation section(s), in document order."""
    out: list[Agency] = []
    for section in layout.sections_of("organisation"):
        _collect(nest(section.blocks), out)
    return out


def _heading(block: Block) -> tuple[str | None, str | None]:
    """(name, inline duty) of an agency heading, or (None, None) when ``block`` names no agency."""
    body = block.body.strip()
    prefix = block.bold_prefix.strip()
    if prefix and body.startswith(prefix) and len(prefix) < len(body):
        name = prefix.rstrip(" :.-–")
        if is_agency_phrase(name):
            return agency_name(name), body[len(prefix) :].strip(" :-–") or None
    head, sep, rest = body.partition(":")
    if sep and len(head) < 250 and is_agency_phrase(head) and not head.rstrip().endswith("."):
        return agency_name(head), rest.strip() or None
    if is_agency_phrase(body) and not body.endswith((".", ";")) and len(body.split()) <= 60:
        return agency_name(body), None
    return None, None


def agency_name(heading: str) -> str:
    """The name in an agency heading: no "Đề nghị", no final note in brackets or punctuation."""
    name = strip_request(clean_item(heading))
    return re.sub(r"\s*\([^()]*\)\s*$", "", name).strip() or name


def heading_note(heading: str) -> str:
    """The bracketed note after an agency's name, e.g. "(cơ quan thường trực)"."""
    m = re.search(r"\(([^()]*)\)\s*:?\s*$", heading)
    return m.group(1) if m else ""


def _is_sub_heading(node: Node) -> bool:
    """A lettered/numbered item that names an agency: alone on its line with its duties under it
    ("a) Hội Liên hiệp Phụ nữ tỉnh"), or in front of its duty ("a) Sở Y tế: chủ trì ...")."""
    if node.block.kind not in ("letter", "number"):
        return False
    body = node.body.strip()
    if (
        is_agency_phrase(body)
        and len(body.split()) <= 15
        and not body.endswith((".", ";", ":"))
        and ":" not in body
        and bool(node.children)
    ):
        return True
    head, sep, rest = body.partition(":")
    return bool(sep and rest.strip()) and len(head.split()) <= 12 and _names_one_body(head)


def _names_one_body(text: str) -> bool:
    """A short name of one body ("Sở Y tế", "Hội Nông dân tỉnh"), not a group ("Các sở, ngành")."""
    return (
        is_agency_phrase(text)
        and not starts_with_keyword(text, "các", "cơ quan", "đơn vị")
        and "," not in text
    )


def _collect(nodes: list[Node], out: list[Agency]) -> None:
    for node in nodes:
        if node.block.kind is None:
            continue
        name, inline = _heading(node.block)
        if name is None:
            _collect(node.children, out)
            continue
        agency = Agency(name=name, source=node.block.text)
        if inline:
            agency.duties.append(clean_item(inline))
            agency.duty_blocks.append(node.block)
        subs: list[Node] = []
        seen_items = False
        for child in node.children:
            if child.block.kind is None:
                if seen_items or subs:
                    break
                agency.duties.append(clean_item(child.body))
                agency.duty_blocks.append(child.block)
                continue
            seen_items = True
            if _is_sub_heading(child):
                subs.append(child)
                continue
            for item in child.walk():
                if item.block.kind is not None:
                    agency.duties.append(clean_item(item.body))
                    agency.duty_blocks.append(item.block)
        if agency.duties or not subs:
            out.append(agency)
        _collect(subs, out)


def focal_agency(agencies: list[Agency], receivers_via: list[str]) -> tuple[str | None, str | None]:
    """(name, source): the agency called the focal point, else the one reports go through ("qua")."""
    for agency in agencies:
        note = heading_note(agency.source.split(":")[0])
        if any(has_keyword(note, w) for w in FOCAL_WORDS):
            return agency.name, agency.source
        for duty, block in zip(agency.duties, agency.duty_blocks, strict=False):
            if any(has_keyword(duty, w) for w in FOCAL_WORDS):
                return agency.name, block.text
    if receivers_via:
        return receivers_via[0], None
    for agency in agencies:
        if any(
            has_keyword(d, "chủ trì", "tham mưu") and has_keyword(d, "tổng hợp", "theo dõi", "báo cáo")
            for d in agency.duties
        ):
            return agency.name, agency.source
    return None, None


def responsibilities(
    agencies: list[Agency], indicators: list[records.Indicator], goals: list[records.Goal]
) -> list[str]:
    """Fill each indicator's ``responsible`` from clauses such as "theo dõi và báo cáo ... chỉ tiêu 1, 2
    của mục tiêu 6"; return warnings for references to indicators the plan does not have."""
    codes = [i["code"] for i in indicators]
    by_goal: dict[str, list[str]] = {}
    for indicator in indicators:
        by_goal.setdefault(indicator["goal"] or "", []).append(indicator["code"])
    has_goals = bool(goals)
    warnings: list[str] = []
    assigned: dict[str, list[str]] = {c: [] for c in codes}
    for agency in agencies:
        for duty in agency.duties:
            for sentence in sentences(duty):
                if not any(has_keyword(sentence, w) for w in REPORT_WORDS):
                    continue
                for code in _references(sentence, has_goals, by_goal):
                    if code in assigned:
                        if agency.name not in assigned[code]:
                            assigned[code].append(agency.name)
                    else:
                        warnings.append(code)
    for indicator in indicators:
        written = [n for n in indicator.get("responsible") or [] if n not in assigned[indicator["code"]]]
        indicator["responsible"] = written + assigned[indicator["code"]]  # a target table's column first
    return warnings


def _expand(text: str) -> list[str]:
    """ "1, 2 và 4" -> ["1", "2", "4"]; "1 - 3" -> ["1", "2", "3"]."""
    out: list[str] = []
    for part in re.split(r"\s*(?:,|và)\s*", text.strip()):
        bounds = re.split(r"\s*[-–]\s*", part)
        if (
            len(bounds) == 2
            and bounds[0].isdigit()
            and bounds[1].isdigit()
            and int(bounds[0]) < int(bounds[1])
        ):
            out.extend(str(n) for n in range(int(bounds[0]), int(bounds[1]) + 1))
        elif part:
            out.append(part)
    return out


def _references(sentence: str, has_goals: bool, by_goal: dict[str, list[str]]) -> list[str]:
    out: list[str] = []
    for m in REF_RE.finditer(sentence):
        if m["goal"]:
            goal = m["goal"]
            if m["inds"]:
                numbers = [str(LETTERS.index(n) + 1) if n in LETTERS else n for n in _expand(m["inds"])]
                out.extend(f"{goal}.{n}" if "." not in n else n for n in numbers)
            else:
                out.extend(by_goal.get(goal, [f"{goal}.?"]))
        elif m["goals"]:
            for goal in _expand(m["goals"]):
                out.extend(by_goal.get(goal, [f"{goal}.?"]) if has_goals else [goal])
        elif m["codes"]:
            out.extend(n for n in _expand(m["codes"]) if "." in n or not has_goals)
    return out


def duty_owner(agencies: list[Agency]) -> dict[int, str]:
    """Block index -> name of the agency whose duties the block holds."""
    owner: dict[int, str] = {}
    for agency in agencies:
        for block in agency.duty_blocks:
            owner.setdefault(block.index, agency.name)
    return owner
