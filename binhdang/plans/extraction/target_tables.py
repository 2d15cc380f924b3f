"""Indicators given as a table in the objectives section: a row per indicator, a column per year.

"| STT | Chỉ tiêu | 2026 | 2027 | ... | 2030 | Cơ quan chủ trì |": each row numbered "1", "1.1" is an
indicator (its text the longest label cell); a row "Mục tiêu 2: Trong lĩnh vực kinh tế" with no
values opens a goal, and the plain numbers under it are coded "2.1", "2.2". The indicator's target is
the value of its last year column ("100%" -> min 100 % that year; "dưới 25%" -> max); the other
years are its roadmap (read by ``roadmap``). A column "chủ trì" / "theo dõi" / "đơn vị thực hiện"
gives the responsible agencies.
"""

from __future__ import annotations

import re

from binhdang.plans.extraction.records import Goal, Indicator
from binhdang.plans.extraction.roadmap import OTHER_COLUMNS, _as_commitment, header_row
from binhdang.plans.extraction.targets import parse_targets
from binhdang.plans.extraction.task_agencies import split_names
from binhdang.plans.extraction.text import clean_item, fold, fold_chars, nfc

_CODE = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?$")
_GOAL = re.compile(r"^muc tieu\s+(?P<code>\d+)\s*[:.\-–)]?\s*(?P<title>.*)$")
_RESPONSIBLE = OTHER_COLUMNS[:-1]


def extract(tables: list[list[list[str]]], table_ids: list[int]) -> tuple[list[Goal], list[Indicator]]:
    """(goals, indicators) of the target tables ``table_ids``."""
    goals: list[Goal] = []
    indicators: list[Indicator] = []
    for t in table_ids:
        table = tables[t]
        header_at, years = header_row(table)
        if header_at is None:
            continue
        responsible_col = next(
            (c for c, cell in enumerate(table[header_at]) if any(w in fold(cell) for w in _RESPONSIBLE)),
            None,
        )
        goal: str | None = None
        for row in table[header_at + 1 :]:
            cells = [" ".join(nfc(c).split()) for c in row]
            values = {
                years[c]: cells[c] for c in years if c < len(cells) and cells[c] not in ("", "-", "–", "x")
            }
            labels = [
                c
                for i, c in enumerate(cells)
                if i not in years and i != responsible_col and c and not _CODE.match(c)
            ]
            label = max(labels, key=len) if labels else ""
            code_cell = next((m[1] for c in cells if (m := _CODE.match(c))), None)
            goal_match = _GOAL.match(fold_chars(label)) if label else None
            if goal_match and not values:
                goal = goal_match["code"]
                title = label[goal_match.start("title") :]
                source = " ".join(c for c in cells if c)
                goals.append({"code": goal, "title": clean_item(title) or None, "source": source})
                continue
            if not values or not label:
                continue
            code = code_cell or str(len(indicators) + 1)
            if goal and "." not in code:
                code = f"{goal}.{code}"
            last = max(values)
            targets = [
                t for t in parse_targets(_as_commitment(values[last]), last) if t["kind"] != "boolean"
            ] or parse_targets(label, last)
            every_year = len(values) == len(years) and len(set(values.values())) == 1
            for target in targets:
                # The same value every year ("02 cuộc") is a recurring target, not one due in the last year.
                target["year"], target["annual"] = (
                    (None, True) if every_year else (target["year"] or last, False)
                )
                target["source"] = " ".join(c for c in cells if c)
            responsible = split_names(cells[responsible_col]) if responsible_col is not None else []
            indicators.append(
                {
                    "code": code,
                    "goal": code.split(".")[0] if "." in code else None,
                    "text": clean_item(label),
                    "targets": targets,
                    "responsible": responsible,
                    "source": " ".join(c for c in cells if c),
                }
            )
    return goals, indicators
