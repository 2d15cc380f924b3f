"""The plan's identity: issuing body, locality and level, number, date, title, period, programme.

The issuing body is read, in this order, from the header ("ỦY BAN NHÂN DÂN / TỈNH LAI CHÂU"),
from the subject line ("... trên địa bàn huyện Mường Tè"), from the sentence that issues the plan
("Ủy ban nhân dân xã Ea Kar ban hành Kế hoạch"), and last from the place line of the date
("Lai Châu, ngày ...") with the level taken from "Ủy ban nhân dân tỉnh ban hành". Place names are
written as the document writes them in mixed case; an upper-case-only name is looked up in the
administrative units of ``vietnamadminunits`` for its spelling.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from binhdang.plans.extraction.document import Block
from binhdang.plans.extraction.numbers import RANGE_RE, parse_full_date
from binhdang.plans.extraction.records import Period, Program
from binhdang.plans.extraction.text import fold, fold_chars, has_keyword, is_upper_text, nfc

# Level words of the issuing body; "thành phố" is a province only for province-level cities.
LEVEL_WORDS = {
    "tỉnh": "province",
    "thành phố": "city",
    "huyện": "district",
    "quận": "district",
    "thị xã": "district",
    "xã": "commune",
    "phường": "commune",
    "thị trấn": "commune",
    "đặc khu": "commune",
}
_LEVEL_ALT = "|".join(sorted((fold(w) for w in LEVEL_WORDS), key=len, reverse=True))
_COMMITTEE = r"(?:uy ban nhan dan|ubnd)"
PROGRAM_KEYWORDS: dict[Program, tuple[str, ...]] = {
    "communication": ("chương trình truyền thông về bình đẳng giới", "truyền thông về bình đẳng giới"),
    "strategy": ("chiến lược quốc gia về bình đẳng giới",),
}


@dataclass
class Issuer:
    issuer: str
    locality: str
    level: str
    source: str


def plan_number(header: list[Block]) -> tuple[str | None, str | None]:
    """("123/KH-UBND", source line) from "Số: 123/KH-UBND"; (None, line) when the number is blank."""
    for block in header:
        m = re.search(r"\bSố\s*[:.]?\s*(?P<n>[\w.\-]*\s*/\s*\S+)", block.text, re.IGNORECASE)
        if m:
            number = re.sub(r"\s+", "", m["n"]).rstrip(".,;")
            return (None if number.startswith("/") else number), block.text
    return None, None


def plan_date(header: list[Block]) -> tuple[str | None, str | None, str | None]:
    """(ISO date, place, source line) from "Lai Châu, ngày 05 tháng 3 năm 2026"."""
    for block in header:
        m = re.match(r"^(?P<place>[^,\d]{2,60}),\s*ngày\b", block.text, re.IGNORECASE)
        if m:
            date = parse_full_date(block.text)
            return (date.isoformat() if date else None), m["place"].strip(), block.text
    return None, None, None


def title_text(lines: list[str]) -> str:
    return nfc(" ".join(lines)).rstrip(".:; ")


def period(title: str) -> Period:
    """Start and end years from the subject line ("giai đoạn 2026 - 2030", "đến năm 2030")."""
    years = r"(?:19|20)\d{2}"
    for m in RANGE_RE.finditer(title):
        a, b = m["a"], m["b"]
        if re.fullmatch(years, a) and re.fullmatch(years, b):
            return {"start": int(a), "end": int(b)}
    both = re.search(rf"từ năm ({years}) đến năm ({years})", title, re.IGNORECASE)
    if both:
        return {"start": int(both[1]), "end": int(both[2])}
    until = re.search(rf"(?:đến|tới) năm ({years})", title, re.IGNORECASE)
    if until:
        return {"start": None, "end": int(until[1])}
    single = re.search(rf"\bnăm ({years})\b", title, re.IGNORECASE)
    if single:
        return {"start": int(single[1]), "end": int(single[1])}
    return {"start": None, "end": None}


def program(title: str, preamble: list[Block]) -> Program:
    """communication / strategy / other, from the subject line, else from the documents cited."""
    for text in [title, *(b.text for b in preamble)]:
        for kind, words in PROGRAM_KEYWORDS.items():
            if any(has_keyword(text, w) for w in words):
                return kind
    return "other"


def issuer(header: list[Block], title: str, preamble: list[Block], body: list[Block]) -> Issuer | None:
    """The issuing body, its locality and level (see the module docstring for the order)."""
    all_text = " ".join(b.text for b in [*header, *preamble, *body])
    short = [b for b in header if len(b.text) <= 120]
    # The issuing body may take one line ("UBND TỈNH LAI CHÂU") or two ("ỦY BAN NHÂN DÂN" / "TỈNH LAI CHÂU"),
    # in capitals or not; the line is the body's alone, so every word of it is the place name.
    header_lines = [b.text for b in short] + [f"{a.text} {b.text}" for a, b in itertools.pairwise(short)]
    candidates = [
        (line, rf"^{_COMMITTEE}\s+(?P<level>{_LEVEL_ALT})\s+(?P<name>.+)$", True) for line in header_lines
    ]
    candidates.append((title, rf"tren dia ban\s+(?P<level>{_LEVEL_ALT})\s+(?P<name>.+)$", False))
    candidates += [
        (b.text, rf"{_COMMITTEE}\s+(?P<level>{_LEVEL_ALT})\s+(?P<name>.+?)\s+ban hanh", False)
        for b in preamble
    ]
    for text, pattern, whole_line in candidates:
        found = _match_place(text, pattern, whole_line)
        if found:
            level_word, name = found
            return _issuer(level_word, _spelling(name, all_text), text)
    _, place, place_line = plan_date(header)
    for b in [*preamble, *body[:5]]:
        m = re.search(rf"{_COMMITTEE}\s+(?P<level>{_LEVEL_ALT})\s+ban hanh", fold_chars(b.text))
        if m and place:
            return _issuer(b.text[m.start("level") : m.end("level")], place, place_line or b.text)
    return None


def _match_place(text: str, pattern: str, whole_line: bool) -> tuple[str, str] | None:
    """(level word, place name) where ``pattern`` matches the folded ``text``."""
    m = re.search(pattern, fold_chars(text))
    if not m:
        return None
    level = text[m.start("level") : m.end("level")]
    rest = text[m.start("name") : m.end("name")]
    name = _name_words(rest, whole_line)
    return (level, name) if name else None


def _name_words(text: str, whole_line: bool) -> str:
    """The proper name at the start of ``text``: every word up to the motto or the number when the
    line is the issuing body's own (``whole_line``), else the capitalised words."""
    words: list[str] = []
    raw = re.split(r"\s+", text.strip())
    for n, word in enumerate(raw):
        clean = word.strip(",.;:()")
        if not clean:
            break
        if whole_line:
            rest = " ".join(re.sub(r"[^\w\s]", " ", fold(" ".join(raw[n : n + 5]))).split())
            number = fold(clean) == "so" and (
                word.endswith(":") or raw[n + 1 : n + 2] == [] or raw[n + 1][:1].isdigit()
            )
            if rest.startswith(("cong hoa xa hoi", "doc lap tu do")) or number:
                break
            words.append(clean)
        elif clean[0].isupper() or clean in ("-", "–"):
            words.append(clean)
        else:
            break
        if word != clean and word.rstrip(",.;:)") != word:
            break
    return " ".join(words).strip(" -–")


def _spelling(name: str, text: str) -> str:
    """``name`` as the document writes it in mixed case, else as the official unit list does."""
    if not is_upper_text(name):
        return name
    key = fold(name)
    words = len(name.split())
    for m in re.finditer(r"[^\s,.;:()]+", text):
        candidate = " ".join(text[m.start() :].split()[:words]).strip(",.;:()")
        capitalised = all(w[:1].isupper() for w in candidate.split() if w not in ("-", "–"))
        if fold(candidate) == key and not is_upper_text(candidate) and capitalised:
            return candidate
    official = _official_names().get(key)
    return official or " ".join(w.capitalize() for w in name.lower().split())


@functools.cache
def _official_names() -> dict[str, str]:
    """Folded short name -> official spelling, for provinces, old districts and communes."""
    from vietnamadminunits.database.main import query

    names: dict[str, str] = {}
    for row in query("SELECT DISTINCT provinceShort, districtShort, wardShort FROM admin_units_legacy"):
        for value in row.values():
            if value:
                names.setdefault(fold(value), value)
    for row in query("SELECT DISTINCT provinceShort, wardShort FROM admin_units"):
        for value in row.values():
            if value:
                names.setdefault(fold(value), value)
    return names


@functools.cache
def _province_cities() -> frozenset[str]:
    from vietnamadminunits.database.main import query

    rows = query(
        "SELECT DISTINCT provinceShort FROM admin_units UNION SELECT provinceShort FROM admin_units_legacy"
    )
    return frozenset(fold(r["provinceShort"]) for r in rows if r["provinceShort"])


def _issuer(level_word: str, name: str, source: str) -> Issuer:
    word = nfc(level_word).lower()
    level = LEVEL_WORDS.get(word) or LEVEL_WORDS.get(
        next((w for w in LEVEL_WORDS if fold(w) == fold(word)), ""), ""
    )
    if level == "city":
        level = "province" if fold(name) in _province_cities() else "district"
    return Issuer(issuer=f"UBND {word} {name}", locality=name, level=level or "province", source=source)
