"""Score an extraction against its expected (golden) extraction: 0..1 per document.

The score is the mean of four parts, each the F1 of the facts the two extractions state:

- header: number, date, issuer, locality, level, title and the signer (authority, position, name);
- goals: code and title of each goal;
- indicators (counted twice): each indicator's text, each of its targets (kind, numbers, unit,
  years, flags, in order) and each responsible agency, all keyed by the indicator's code;
- tasks: each task's title, and where the expected extraction states them its lead agency,
  cooperating agencies and time frame.

A part that neither extraction has anything in is left out of the mean. Texts are compared after
NFC and white-space folding, so only real differences count. ``explain`` lists the facts missing
and the facts extra, to show what a low score comes from.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

TARGET_KEYS = (
    "kind",
    "value",
    "min",
    "max",
    "unit",
    "year",
    "from_year",
    "annual",
    "baseline_year",
    "approx",
    "strict",
)
PARTS = {"header": 1, "goals": 1, "indicators": 2, "tasks": 1}


def _text(value) -> str:
    if value is None:
        return ""
    return " ".join(unicodedata.normalize("NFC", str(value)).split())


def _number(value):
    if value is None:
        return None
    return float(value)


def _target(target: dict) -> tuple:
    out = []
    for key in TARGET_KEYS:
        value = target.get(key)
        if key in ("value", "min", "max"):
            value = _number(value)
        elif key in ("annual", "approx", "strict"):
            value = bool(value)
        elif key == "unit":
            value = _text(value) or None
        out.append(value)
    return tuple(out)


def facts(extraction: dict, task_agencies: bool = True) -> dict[str, Counter]:
    """The facts of each part of an extraction."""
    header: Counter = Counter()
    for key in ("number", "date", "issuer", "locality", "level", "title"):
        header[(key, _text(extraction.get(key)))] += 1
    signer = extraction.get("signer") or {}
    for key in ("authority", "position", "name"):
        header[(f"signer.{key}", _text(signer.get(key)))] += 1
    goals: Counter = Counter()
    for goal in extraction.get("goals") or []:
        goals[(_text(goal.get("code")), _text(goal.get("title")))] += 1
    indicators: Counter = Counter()
    for indicator in extraction.get("indicators") or []:
        code = _text(indicator.get("code"))
        indicators[(code, "goal", _text(indicator.get("goal")))] += 1
        indicators[(code, "text", _text(indicator.get("text")))] += 1
        for n, target in enumerate(indicator.get("targets") or []):
            indicators[(code, "target", n, _target(target))] += 1
        for name in indicator.get("responsible") or []:
            indicators[(code, "responsible", _text(name))] += 1
    tasks: Counter = Counter()
    for task in extraction.get("tasks") or []:
        code = _text(task.get("code"))
        tasks[(code, "title", _text(task.get("title")))] += 1
        if task_agencies:
            if task.get("lead"):
                tasks[(code, "lead", _text(task.get("lead")))] += 1
            for name in task.get("cooperating") or []:
                tasks[(code, "cooperating", _text(name))] += 1
            if task.get("timeframe"):
                tasks[(code, "timeframe", _text(task.get("timeframe")))] += 1
    return {"header": header, "goals": goals, "indicators": indicators, "tasks": tasks}


def _f1(expected: Counter, found: Counter) -> float | None:
    if not expected and not found:
        return None
    common = sum((expected & found).values())
    if not common:
        return 0.0
    precision = common / sum(found.values())
    recall = common / sum(expected.values())
    return 2 * precision * recall / (precision + recall)


def _task_agencies_stated(expected: dict) -> bool:
    return any(
        t.get("lead") or t.get("cooperating") or t.get("timeframe") for t in expected.get("tasks") or []
    )


def part_scores(extraction: dict, expected: dict) -> dict[str, float | None]:
    with_agencies = _task_agencies_stated(expected)
    mine = facts(extraction, with_agencies)
    theirs = facts(expected, with_agencies)
    return {part: _f1(theirs[part], mine[part]) for part in PARTS}


def score(extraction: dict, expected: dict) -> float:
    """The document's score, 0..1 (1: every expected fact found and nothing else)."""
    parts = part_scores(extraction, expected)
    weighted = [(PARTS[p], s) for p, s in parts.items() if s is not None]
    if not weighted:
        return 1.0
    return sum(w * s for w, s in weighted) / sum(w for w, _ in weighted)


def explain(extraction: dict, expected: dict, limit: int = 30) -> str:
    """The facts missing from and added by the extraction, part by part."""
    with_agencies = _task_agencies_stated(expected)
    mine = facts(extraction, with_agencies)
    theirs = facts(expected, with_agencies)
    lines = []
    for part in PARTS:
        missing = list((theirs[part] - mine[part]).elements())
        extra = list((mine[part] - theirs[part]).elements())
        lines += [f"{part} missing: {fact}" for fact in missing[:limit]]
        lines += [f"{part} extra:   {fact}" for fact in extra[:limit]]
    return "\n".join(lines)
