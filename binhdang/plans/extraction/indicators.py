"""Goals and indicators of the objectives section ("MỤC TIÊU").

Shapes handled:

- a flat list "1. ... 2. ..." or "- ..." (no goals; codes "1", "2", ... in order);
- goals "a) Mục tiêu 1: Trong lĩnh vực chính trị" with "- Chỉ tiêu 1: ...", a single "Chỉ tiêu: ..."
  (code "1.1"), or numbered items under them;
- explicit codes "Chỉ tiêu 1.1:", "2.3." kept as written.

"Mục tiêu chung" (the general objective) is skipped; "Mục tiêu cụ thể đến năm 2030" gives its year to
targets that name none. Responsibilities are filled in later from the organisation section (see
``agencies.responsibilities``).
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from binhdang.plans.extraction import roadmap, target_tables
from binhdang.plans.extraction.records import Goal, Indicator
from binhdang.plans.extraction.sections import Layout, Node, nest
from binhdang.plans.extraction.targets import NUM, parse_targets
from binhdang.plans.extraction.text import clean_item, fold_chars, starts_with_keyword

GOAL_RE = re.compile(r"^muc tieu\s+(?P<code>\d+(?:\.\d+)*)\s*(?:[:.\-–)]\s*(?P<title>.*))?$")
INDICATOR_RE = re.compile(r"^chi tieu\s*(?P<code>\d+(?:\.\d+)*)?\s*[:.\-–)]\s*(?P<text>.+)$")
GENERAL = ("mục tiêu chung", "mục tiêu tổng quát", "mục tiêu tổng thể")
CONTAINERS = (
    "mục tiêu cụ thể",
    "chỉ tiêu cụ thể",
    "các chỉ tiêu cụ thể",
    "mục tiêu, chỉ tiêu",
    "các chỉ tiêu",
    "chỉ tiêu",
)
_YEAR_RE = re.compile(r"\bnăm\s+((?:19|20)\d{2})\b(?!\s*(?:[-–]|đến|trở))", re.IGNORECASE)


class _Collector:
    def __init__(self) -> None:
        self.goals: list[Goal] = []
        self.indicators: list[Indicator] = []
        self.warnings: list[str] = []
        self.counts: dict[str | None, int] = {}

    def add_indicator(self, node: Node, goal: str | None, explicit: str | None, text: str, year: int | None):
        self.counts[goal] = self.counts.get(goal, 0) + 1
        block = node.block
        if explicit:
            code = explicit if "." in explicit or goal is None else f"{goal}.{explicit}"
        elif block.kind == "number" and block.label:
            code = block.label if "." in block.label or goal is None else f"{goal}.{block.label}"
        else:
            code = f"{goal}.{self.counts[goal]}" if goal else str(self.counts[goal])
        extra = " ".join(c.block.body for c in node.children if c.block.kind is not None)
        full = f"{text} {extra}".strip()
        targets = parse_targets(full, year)
        if all(t["kind"] == "boolean" for t in targets):
            self.warnings.append(
                _(
                    "No number could be read in indicator %(code)s; it is recorded as a yes/no commitment "
                    "(check it): “%(text)s”"
                )
                % {"code": code, "text": _shorten(clean_item(text))}
            )
        if "." in code and self.goals:
            goal = code.split(".")[0]
        self.indicators.append(
            {
                "code": code,
                "goal": goal,
                "text": clean_item(full),
                "targets": targets,
                "responsible": [],
                "source": block.text,
            }
        )


def extract(
    layout: Layout, tables: list[list[list[str]]] | None = None
) -> tuple[list[Goal], list[Indicator], list[str]]:
    """(goals, indicators, warnings) from the objectives section(s) of the plan."""
    collector = _Collector()
    sections = layout.sections_of("goals")
    for section in sections:
        _walk(nest(section.blocks), _year(section.heading.body), None, collector, top=True)
    if not collector.indicators:
        for section in layout.sections:
            for root in nest(section.blocks):
                for node in root.walk():
                    body = node.body.strip()
                    if node.block.kind and (_is_container(body) or _is_goals_heading(body)):
                        _walk(node.children, _year(node.body), None, collector, top=False)
    for section in sections or layout.sections:
        table_goals, table_indicators = target_tables.extract(tables or [], section.tables)
        known = {g["code"] for g in collector.goals}
        collector.goals += [g for g in table_goals if g["code"] not in known]
        # A roadmap of indicators already listed in the text gives milestones (``roadmap``), not new ones.
        text_indicators = list(collector.indicators)
        collector.indicators += [
            i
            for i in table_indicators
            if roadmap.match_indicator(i["code"], i["text"], text_indicators) is None
        ]
    collector.warnings += _numbering_gaps(collector.indicators)
    if not collector.indicators:
        collector.warnings.append(
            _(
                "No indicators could be read from the objectives (section “MỤC TIÊU”); check the document "
                "and add them."
            )
        )
    return collector.goals, collector.indicators, collector.warnings


def _year(text: str) -> int | None:
    m = _YEAR_RE.search(text)
    return int(m[1]) if m else None


def _is_container(body: str) -> bool:
    return any(starts_with_keyword(body, c) for c in CONTAINERS) and not INDICATOR_RE.match(fold_chars(body))


def _is_goals_heading(body: str) -> bool:
    """ "3. Mục tiêu" inside another section (e.g. "I. MỤC ĐÍCH, YÊU CẦU VÀ MỤC TIÊU")."""
    return (
        starts_with_keyword(body, "mục tiêu")
        and not _is_general(body)
        and not GOAL_RE.match(fold_chars(body))
        and len(body.split()) <= 8
    )


def _is_roadmap_heading(body: str) -> bool:
    """ "3. Lộ trình thực hiện các chỉ tiêu" / "(Kèm theo Phụ lục ...)": it announces a table, not an indicator."""
    return starts_with_keyword(
        body.lstrip("(*"), "lộ trình", "phụ lục", "kèm theo"
    ) and not _has_target_number(body)


def _is_general(body: str) -> bool:
    return any(starts_with_keyword(body, g) for g in GENERAL)


def _walk(nodes: list[Node], year: int | None, goal: str | None, out: _Collector, top: bool) -> None:
    """Collect goals and indicators from ``nodes``; a goal line with no items under it ("Mục tiêu 1.
    Về truyền thông" as a plain paragraph) holds the indicators that follow it."""
    nodes = _hoist(nodes)
    labelled = any(n.block.kind for n in nodes)
    goal_year = year
    for node in nodes:
        body = node.body.strip()
        key = fold_chars(body)
        if _is_general(body) or _is_roadmap_heading(body):
            continue
        if node.block.kind and _is_container(body) and not _has_target_number(body):
            _walk(node.children, _year(body) or year, goal, out, top=False)
            continue
        goal_match = GOAL_RE.match(key)
        if goal_match:
            code = goal_match["code"]
            title = body[goal_match.start("title") :] if goal_match["title"] else None
            out.goals.append(
                {"code": code, "title": clean_item(title) if title else None, "source": node.block.text}
            )
            if node.children:
                _walk(node.children, _year(title or "") or year, code, out, top=False)
            else:
                goal, goal_year = code, _year(title or "") or year
            continue
        ind_match = INDICATOR_RE.match(key)
        if ind_match:
            text = body[ind_match.start("text") :]
            out.add_indicator(node, goal, ind_match["code"], text, goal_year)
            continue
        if node.block.kind is None and (labelled or body.startswith("(") or not _has_target_number(body)):
            continue
        if node.children and any(INDICATOR_RE.match(fold_chars(c.body)) for c in node.children):
            code = (node.block.label if node.block.kind == "number" else None) or str(len(out.goals) + 1)
            out.goals.append({"code": code, "title": clean_item(body), "source": node.block.text})
            _walk(node.children, _year(body) or year, code, out, top=False)
            continue
        out.add_indicator(node, goal, None, body, goal_year)


def _hoist(nodes: list[Node]) -> list[Node]:
    """Goal and indicator lines written as plain paragraphs hang, in the item tree, under the list
    item before them ("b. ..." then "Mục tiêu 2: ..."); bring them back to the level they head."""
    out: list[Node] = []
    for node in nodes:
        body = node.body.strip()
        if _is_container(body) or _is_general(body) or GOAL_RE.match(fold_chars(body)):
            out.append(node)
            continue
        kept: list[Node] = []
        lifted: list[Node] = []
        for child in node.children:
            key = fold_chars(child.body.strip())
            if child.block.kind is None and (lifted or GOAL_RE.match(key) or INDICATOR_RE.match(key)):
                lifted.append(child)
            else:
                kept.append(child)
        node.children = kept
        out.append(node)
        out.extend(_hoist(lifted))
    return out


def _shorten(text: str, limit: int = 120) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def _has_target_number(text: str) -> bool:
    return bool(re.search(rf"{NUM}\s*%|(?:ít nhất|tối thiểu|đạt|dưới|trên)\s+{NUM}", text, re.IGNORECASE))


def _numbering_gaps(indicators: list[Indicator]) -> list[str]:
    """Warnings for indicators numbered with a gap or a repeat ("3.2, 3.3" with no "3.1"): the reader
    most likely missed or merged one, so the officer is asked to check rather than told the
    document is wrong."""
    by_goal: dict[str | None, list[str]] = {}
    for indicator in indicators:
        code = indicator["code"]
        prefix, _sep, number = code.rpartition(".")
        by_goal.setdefault(prefix or None, []).append(number)
    out = []
    for goal, numbers in by_goal.items():
        if not all(n.isdigit() for n in numbers):
            continue
        if [int(n) for n in numbers] == list(range(1, len(numbers) + 1)):
            continue
        codes = ", ".join(f"{goal}.{n}" if goal else n for n in numbers)
        if goal:
            out.append(
                _(
                    "The indicators of goal %(goal)s are numbered %(codes)s: one may have been missed or "
                    "read twice; check them against the document."
                )
                % {"goal": goal, "codes": codes}
            )
        else:
            out.append(
                _(
                    "The indicators are numbered %(codes)s: one may have been missed or read twice; check "
                    "them against the document."
                )
                % {"codes": codes}
            )
    return out
