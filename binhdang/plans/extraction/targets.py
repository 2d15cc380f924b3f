"""Quantified commitments ("targets") in the text of an indicator.

Each number that is a commitment becomes one target, in reading order:

- "ít nhất 02 cuộc", "đạt 90%", "100%", "đạt từ 50% trở lên", "trên 30%"  -> ``min``
- "dưới 25%", "giảm xuống dưới 42/100.000 trẻ sinh sống", "còn 1,4 lần",
  "không quá 5%", "tối đa 3 lần"                                        -> ``max``
- "ở mức 104 - 107 bé trai/100 bé gái", "từ 60% đến 70%"               -> ``range``
- "tăng từ 10 - 15% so với năm 2026" (a decrease "giảm 10% so với ..."
  gives negative bounds)                                                -> ``increase``
- no number at all ("được đưa vào chương trình giảng dạy")              -> ``boolean``

Years: "đến năm 2025 đạt 70% ... và đến năm 2030 đạt 90%" gives each target the "đến năm" that
precedes it; "đạt 45% vào năm 2030" takes the year written after it; otherwise the year of the
enclosing heading ("Mục tiêu cụ thể đến năm 2030"). Flags are read per sentence: "hằng năm",
"hàng năm", "duy trì", "mỗi năm", "mỗi quý", "hằng tháng" (annual); "từ năm 2026 trở đi"
(from_year); "so với năm 2026" (baseline_year); "khoảng" (approx); "dưới"/"trên" (strict).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, cast

from binhdang.plans.extraction.numbers import DASH, NUMBER, WORD_NUMBERS, json_number, parse_number
from binhdang.plans.extraction.records import Target
from binhdang.plans.extraction.text import fold, has_keyword, sentences, tone_key
from binhdang.plans.extraction.units import unit_after

YEAR = r"(?:19|20)\d{2}"
RECURRING = (
    "hằng năm",
    "hàng năm",
    "mỗi năm",
    "duy trì",
    "mỗi quý",
    "hằng quý",
    "hàng quý",
    "mỗi tháng",
    "hằng tháng",
    "hàng tháng",
)
QUANTIFIERS = (
    "ít nhất",
    "tối thiểu",
    "tối đa",
    "không quá",
    "đạt",
    "có",
    "còn",
    "dưới",
    "trên",
    "khoảng",
    "xuống",
    "mức",
    "lên",
    "hơn",
)
NUM = rf"(?:{NUMBER})"
_NUMBER_RE = re.compile(NUM)
_RANGE_RE = re.compile(
    rf"(?:từ\s+)?(?<![\d/.,])(?P<a>{NUM})\s*(?P<pa>%)?\s*(?:{DASH}|đến|tới)\s*(?P<b>{NUM})(?![\d/])(?!\s*/)"
)
_WORD_NUMBER_RE = re.compile(
    r"(?:ít nhất|tối thiểu|có)\s+(?P<w>" + "|".join(WORD_NUMBERS) + r")\s+(?!trong\b|số\b|phần\b|cách\b)",
    re.IGNORECASE,
)


@dataclass
class _Found:
    start: int
    end: int
    target: dict


def parse_targets(text: str, heading_year: int | None = None) -> list[Target]:
    """The targets written in ``text`` (an indicator without its label), each with its ``source``."""
    out: list[Target] = []
    for sentence in sentences(text):
        out.extend(_sentence_targets(sentence, heading_year))
    if not out:
        sentence = sentences(text)[0] if text.strip() else text
        flags = _flags(text)
        year = _any_due_year(text) or heading_year
        out.append(cast(Target, _target("boolean", year=year, source=sentence, **flags)))
    return out


def _flags(sentence: str) -> dict:
    from_year = None
    m = re.search(rf"\btừ\s+năm\s+({YEAR})(?!\s*(?:{DASH}|đến|tới))", sentence, re.IGNORECASE)
    if m:
        from_year = int(m[1])
    return {"annual": has_keyword(sentence, *RECURRING), "from_year": from_year}


def _sentence_targets(sentence: str, heading_year: int | None) -> list[Target]:
    flags = _flags(sentence)
    found: list[_Found] = []
    offset = 0
    for clause in sentence.split(";"):
        found.extend(_clause_targets(clause, offset))
        offset += len(clause) + 1
    markers = _year_markers(sentence, found)
    targets: list[Target] = []
    for n, item in enumerate(found):
        nxt = found[n + 1].start if n + 1 < len(found) else len(sentence)
        clause_end = sentence.find(";", item.end)
        clause_end = len(sentence) if clause_end < 0 else clause_end
        year = _year_for(item, nxt, clause_end, markers) or heading_year
        target = {**item.target, "year": year, "annual": flags["annual"], "from_year": flags["from_year"]}
        target["source"] = sentence
        targets.append(cast(Target, target))  # built with computed keys (_target): those of a Target
    return targets


def _clause_targets(clause: str, offset: int) -> list[_Found]:
    found: list[_Found] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for m in re.finditer(
        rf"\b(?P<verb>tăng|giảm)\b(?P<mid>[^;]*?)\bso với\s+(?:năm\s+)?(?P<base>{YEAR})",
        clause,
        re.IGNORECASE,
    ):
        sub = m["mid"]
        r = _RANGE_RE.search(sub)
        number = r or _NUMBER_RE.search(sub)
        if number is None:
            continue
        if re.search(r"\b(còn|xuống|dưới|trên|ở mức|đạt)\s*$", tone_key(sub[: number.start()])):
            continue
        low: float = parse_number(r["a"]) if r else parse_number(number.group(0))
        high: float | None = parse_number(r["b"]) if r else None
        start = m.start("mid") + number.start()
        end = m.start("mid") + number.end()
        if m["verb"].lower() == "giảm":
            low, high = (-(high if high is not None else low), -low if high is not None else None)
        target = _target(
            "increase",
            min=low,
            max=high,
            unit=unit_after(clause, end)[0],
            baseline_year=int(m["base"]) if m["base"] else None,
        )
        found.append(_Found(offset + start, offset + end, target))
        taken.append((start, max(end, m.end())))
    for m in _RANGE_RE.finditer(clause):
        a_text, b_text = m["a"], m["b"]
        if not free(m.start(), m.end()) or (re.fullmatch(YEAR, a_text) and re.fullmatch(YEAR, b_text)):
            continue
        if _is_reference(clause, m.start()) or not (
            m["pa"] or _has_unit_or_quantifier(clause, m.start(), m.end())
        ):
            continue
        unit, unit_end = unit_after(clause, m.end())
        target = _target(
            "range",
            min=parse_number(a_text),
            max=parse_number(b_text),
            unit=unit or ("%" if m["pa"] else None),
        )
        target.update(_approx_strict(clause, m.start(), kind_only=True))
        found.append(_Found(offset + m.start(), offset + unit_end, target))
        taken.append((m.start(), unit_end))
    for m in _NUMBER_RE.finditer(clause):
        start, end = m.start(), m.end()
        if not free(start, end) or _skip_number(clause, start, end):
            continue
        quantified = _quantified(clause, start)
        unit, unit_end = unit_after(clause, end, fallback=quantified)
        if not unit and not quantified:
            continue
        target = _single(clause, start, parse_number(m.group(0)), unit)
        found.append(_Found(offset + start, offset + unit_end, target))
        taken.append((start, unit_end))
    for m in _WORD_NUMBER_RE.finditer(clause):
        start = m.start("w")
        if not free(start, m.end("w")):
            continue
        unit, unit_end = unit_after(clause, m.end("w"), fallback=True)
        if not unit:
            continue
        target = _single(clause, start, WORD_NUMBERS[m["w"].lower()], unit)
        found.append(_Found(offset + start, offset + unit_end, target))
        taken.append((start, unit_end))
    found.sort(key=lambda f: f.start)
    return found


def _target(kind: str, **values: Any) -> dict[str, Any]:
    target: dict[str, Any] = {
        "kind": kind,
        "value": None,
        "min": None,
        "max": None,
        "unit": None,
        "year": None,
        "from_year": None,
        "annual": False,
        "baseline_year": None,
        "approx": False,
        "strict": False,
    }
    target.update(values)
    for key in ("value", "min", "max"):
        if target[key] is not None:
            target[key] = json_number(target[key])
    return target


def _words_before(clause: str, start: int, count: int = 3) -> str:
    return " ".join(clause[:start].split()[-count:])


def _single(clause: str, start: int, value: float, unit: str | None) -> dict:
    before = tone_key(_words_before(clause, start, 3))
    kind = "min"
    if re.search(r"\b(dưới|thấp hơn|ít hơn|không quá|tối đa|không vượt quá|còn)$", before) or re.search(
        r"\bgiảm\b", tone_key(clause[:start])
    ):
        kind = "max"
    target = _target(kind, value=value, unit=unit)
    target.update(_approx_strict(clause, start))
    return target


def _approx_strict(clause: str, start: int, kind_only: bool = False) -> dict:
    before = tone_key(_words_before(clause, start, 3))
    out = {"approx": bool(re.search(r"\b(khoảng|xấp xỉ|gần|trên dưới)$", before))}
    if not kind_only:
        out["strict"] = bool(re.search(r"\b(dưới|trên|thấp hơn|cao hơn|ít hơn|nhiều hơn)$", before))
    return out


def _skip_number(clause: str, start: int, end: int) -> bool:
    """Years, dates, document numbers and references ("chỉ tiêu 2") are not targets."""
    token = clause[start:end]
    after = clause[end:]
    if re.fullmatch(YEAR, token) and not after.lstrip().startswith("%"):
        return True
    if start and clause[start - 1] == "/":
        return True
    if _is_date(clause, start) or re.match(r"[/-][A-ZĐ]", after):
        return True
    return _is_reference(clause, start)


def _is_date(clause: str, start: int) -> bool:
    return bool(re.match(r"\d{1,2}/\d{1,2}(?:/\d{4})?(?!\d)(?!\.\d)", clause[start:]))


def _is_reference(clause: str, start: int) -> bool:
    before = fold(_words_before(clause, start, 2))
    return bool(
        re.search(r"\b(nam|giai doan|chi tieu|muc tieu|tieu chi|dieu|khoan|so|diem|quy|thang)$", before)
    )


def _quantified(clause: str, start: int) -> bool:
    before = fold(_words_before(clause, start, 2))
    return any(re.search(rf"\b{fold(q)}$", before) for q in QUANTIFIERS)


def _has_unit_or_quantifier(clause: str, start: int, end: int) -> bool:
    return _quantified(clause, start) or bool(unit_after(clause, end)[0])


@dataclass
class _Marker:
    start: int
    year: int
    preposed: bool


def _year_markers(sentence: str, found: list[_Found]) -> list[_Marker]:
    """ "đến năm 2030" before a target is preposed; "vào năm 2030" (or a final "đến năm") follows one."""
    markers = []
    for m in re.finditer(
        rf"\b(?P<word>đến|tới|vào|trong|đến hết|hết)\s+năm\s+(?P<y>{YEAR})", sentence, re.IGNORECASE
    ):
        clause_end = sentence.find(";", m.end())
        clause_end = len(sentence) if clause_end < 0 else clause_end
        target_after = any(m.end() <= f.start < clause_end for f in found)
        preposed = m["word"].lower() in ("đến", "tới", "đến hết", "hết") and target_after
        markers.append(_Marker(m.start(), int(m["y"]), preposed))
    return markers


def _year_for(item: _Found, next_start: int, clause_end: int, markers: list[_Marker]) -> int | None:
    after = [k for k in markers if not k.preposed and item.end <= k.start < min(next_start, clause_end)]
    if after:
        return after[0].year
    before = [k for k in markers if k.preposed and k.start < item.start]
    if before:
        return before[-1].year
    later = [k for k in markers if not k.preposed and item.end <= k.start < clause_end]
    return later[0].year if later else None


def _any_due_year(text: str) -> int | None:
    m = re.search(rf"\b(?:đến|tới|vào)\s+năm\s+({YEAR})", text, re.IGNORECASE)
    return int(m[1]) if m else None
