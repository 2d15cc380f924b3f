"""A roadmap annex table ("Phụ lục lộ trình"): yearly milestones per indicator.

A table is a roadmap when its header row has at least two year columns ("2026", "Năm 2027").
Each other row gives the indicator (its number in an "STT"/code column, else the indicator whose
text shares most words with the row's label) and one milestone per year column, read with the
same rules as targets ("70%", "ít nhất 02 cuộc").
"""

from __future__ import annotations

import re

from binhdang.plans.extraction.records import Indicator, Milestone, RoadmapRow
from binhdang.plans.extraction.targets import parse_targets
from binhdang.plans.extraction.text import fold, nfc

_YEAR_CELL = re.compile(r"^(?:năm\s+)?((?:19|20)\d{2})$", re.IGNORECASE)
_GOAL_ROW = re.compile(r"^(?:[ivx]+\.?\s+)?muc tieu\s+(\d+)\b")
#: Columns of a target table that are neither the indicator nor a year (responsible agencies, notes).
OTHER_COLUMNS = ("chu tri", "theo doi", "don vi thuc hien", "co quan thuc hien", "trach nhiem", "ghi chu")
_CODE_CELL = re.compile(r"^\d+(?:\.\d+)*\.?$")


def extract(tables: list[list[list[str]]], indicators: list[Indicator]) -> list[RoadmapRow]:
    """Rows of every roadmap table as {"indicator", "label", "milestones", "source"}."""
    out: list[RoadmapRow] = []
    for table in tables:
        header_at, years = header_row(table)
        if header_at is None:
            continue
        skip = {c for c, cell in enumerate(table[header_at]) if any(w in fold(cell) for w in OTHER_COLUMNS)}
        goal: str | None = None
        for row in table[header_at + 1 :]:
            cells = ["" if c in skip else cell for c, cell in enumerate(row)]
            heading = _GOAL_ROW.match(fold(" ".join(c for i, c in enumerate(cells) if i not in years and c)))
            if heading and not any(cells[c].strip() for c in years if c < len(cells)):
                goal = heading[1]
                continue
            entry = _row(cells, years, indicators, goal)
            if entry:
                out.append(entry)
    return out


def header_row(table: list[list[str]]) -> tuple[int | None, dict[int, int]]:
    """The row (among the first three) with at least two year columns, and {column: year}."""
    for r, row in enumerate(table[:3]):
        years = {c: int(m[1]) for c, cell in enumerate(row) if (m := _YEAR_CELL.match(nfc(cell)))}
        if len(years) >= 2:
            return r, years
    return None, {}


def _row(
    row: list[str], years: dict[int, int], indicators: list[Indicator], goal: str | None = None
) -> RoadmapRow | None:
    cells = [nfc(c) for c in row]
    label_cells = [c for i, c in enumerate(cells) if i not in years and c and not _CODE_CELL.match(c)]
    code_cell = next(
        (c.rstrip(".") for i, c in enumerate(cells) if i not in years and _CODE_CELL.match(c)), None
    )
    label = max(label_cells, key=len) if label_cells else ""
    milestones: list[Milestone] = []
    for column, year in sorted(years.items(), key=lambda item: item[1]):
        if column >= len(cells) or not cells[column] or cells[column] in ("-", "–", "x"):
            continue
        text = cells[column]
        targets = [t for t in parse_targets(_as_commitment(text)) if t["kind"] != "boolean"]
        first = targets[0] if targets else None
        milestones.append(
            {
                "year": year,
                "text": text,
                "kind": first["kind"] if first else None,
                "value": first["value"] if first else None,
                "min": first["min"] if first else None,
                "max": first["max"] if first else None,
                "unit": first["unit"] if first else None,
            }
        )
    if not milestones or not (label or code_cell):
        return None
    return {
        "indicator": match_indicator(
            f"{goal}.{code_cell}" if goal and code_cell and "." not in code_cell else code_cell,
            label,
            indicators,
        ),
        "label": label,
        "milestones": milestones,
        "source": " ".join(c for c in cells if c),
    }


_SIGNS = (
    ("≥", "ít nhất"),
    (">=", "ít nhất"),
    ("≤", "không quá"),
    ("<=", "không quá"),
    (">", "trên"),
    ("<", "dưới"),
)


def _as_commitment(text: str) -> str:
    """A bare cell value ("70", "70%") reads as "đạt 70%", and a sign ("≥ 90%", "< 25%") as its words
    ("ít nhất 90%", "dưới 25%"), so the target rules apply."""
    text = text.strip()
    for sign, words in _SIGNS:
        if text.startswith(sign):
            return f"{words} {text[len(sign) :].strip()}"
    return f"đạt {text}" if re.match(r"^[\d.,]+\s*%?$", text) or text[:1].isdigit() else text


def match_indicator(code: str | None, label: str, indicators: list[Indicator]) -> str | None:
    """The code of the indicator a table row names: by its code, else by the words of its label."""
    codes = {i["code"] for i in indicators}
    if code and code in codes:
        return code
    words = set(fold(label).split())
    if not words:
        return None
    best, score = None, 0.0
    for indicator in indicators:
        other = set(fold(indicator["text"]).split())
        overlap = len(words & other) / len(words | other) if other else 0.0
        if overlap > score:
            best, score = indicator["code"], overlap
    return best if score >= 0.3 else None
