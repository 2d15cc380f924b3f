"""Tasks: the numbered items of the tasks section ("NHIỆM VỤ VÀ GIẢI PHÁP", "NỘI DUNG THỰC HIỆN").

Numbered items give codes "1", "2", ...; their lettered children "1.a", "1.đ" (letters as written)
and dotted children keep their own number ("1.2"). The title is the item's first paragraph without
its label. Dash bullets are not tasks, unless the section has nothing else (then they are numbered
"1", "2", ... in order).

Each task also carries ``lead`` (the agency in charge, as written, or null), ``cooperating`` (the
agencies it works with) and ``timeframe`` (the time frame as written, or null), read from its text
and the lines under it (``task_agencies``). A task table ("STT | Nội dung nhiệm vụ | Cơ quan chủ trì
| Cơ quan phối hợp | Thời gian thực hiện"), in the section or in an annex, gives one task per row;
a row whose number is a task already read from the text gives that task its agencies.
"""

from __future__ import annotations

import re

from binhdang.plans.extraction.records import Task
from binhdang.plans.extraction.sections import Layout, Node, nest
from binhdang.plans.extraction.task_agencies import TaskAgencies, from_text, split_names
from binhdang.plans.extraction.text import clean_item, fold, nfc

_COLUMNS = {
    "code": ("stt", "tt", "so tt", "so thu tu", "ma"),
    "title": ("nhiem vu", "noi dung", "hoat dong", "giai phap", "ten nhiem vu"),
    "lead": ("chu tri",),
    "cooperating": ("phoi hop",),
    "timeframe": ("thoi gian", "tien do", "thoi han"),
}
_ROMAN = re.compile(r"^[IVX]{1,5}$")


def extract(layout: Layout, tables: list[list[list[str]]] | None = None) -> list[Task]:
    """The tasks of every tasks section, in document order, then those of task tables."""
    out: list[Task] = []
    for section in layout.sections_of("tasks"):
        roots = [n for n in nest(section.blocks) if n.block.kind is not None]
        structured = [n for n in roots if n.block.kind in ("number", "letter")]
        if structured:
            for node in structured:
                _add(node, None, out)
        else:
            for n, node in enumerate((r for r in roots if r.block.kind == "bullet"), start=1):
                out.append(_task(str(n), node))
    by_code = {task["code"]: task for task in out}
    for row in table_tasks(tables or []):
        known = by_code.get(row["code"])
        if known is None:
            out.append(row)
            by_code[row["code"]] = row
            continue
        for key in ("lead", "timeframe"):
            known[key] = known[key] or row[key]
        known["cooperating"] = known["cooperating"] or row["cooperating"]
    return out


def _add(node: Node, parent: str | None, out: list[Task]) -> None:
    block = node.block
    if block.kind == "number":
        code = block.label or ""
    elif block.kind == "letter":
        code = f"{parent}.{block.label}" if parent else block.label or ""
    else:
        return
    out.append(_task(code, node))
    for child in node.children:
        if child.block.kind in ("number", "letter"):
            _add(child, code, out)


def _task(code: str, node: Node) -> Task:
    texts = [node.block.body] + [
        c.block.body for c in node.children if c.block.kind not in ("number", "letter")
    ]
    agencies = from_text(texts)
    return {
        "code": code,
        "title": clean_item(node.block.body),
        **agencies.as_dict(),
        "source": node.block.text,
    }


def table_tasks(tables: list[list[list[str]]]) -> list[Task]:
    """One task per row of every task table (a header with the task and its lead agency)."""
    out: list[Task] = []
    for table in tables:
        header_at, columns = _header(table)
        if header_at is None:
            continue
        parent: str | None = None
        position = 0
        for row in table[header_at + 1 :]:
            cells = [nfc(c).strip() for c in row]
            title = _cell(cells, columns.get("title"))
            if not title or all(fold(c) in ("", "(1)", "(2)", "(3)", "(4)", "(5)") for c in cells):
                continue
            code = _cell(cells, columns.get("code")).rstrip(".)")
            if _ROMAN.match(code):
                parent = None
                continue
            if re.fullmatch(r"[a-zđ]", code) and parent:
                code = f"{parent}.{code}"
            elif code and code[0].isdigit():
                parent = code.split(".")[0] if "." not in code else parent
            else:
                position += 1
                code = str(position)
            agencies = TaskAgencies(
                lead=next(iter(split_names(_cell(cells, columns.get("lead")))), None),
                cooperating=split_names(_cell(cells, columns.get("cooperating"))),
                timeframe=clean_item(_cell(cells, columns.get("timeframe"))) or None,
            )
            out.append(
                {
                    "code": code,
                    "title": clean_item(" ".join(title.split())),
                    **agencies.as_dict(),
                    "source": " ".join(" ".join(c.split()) for c in cells if c),
                }
            )
    return out


def _header(table: list[list[str]]) -> tuple[int | None, dict[str, int]]:
    for r, row in enumerate(table[:3]):
        columns: dict[str, int] = {}
        for c, cell in enumerate(row):
            key = " ".join(fold(cell).split())
            for what, words in _COLUMNS.items():
                if what in columns:
                    continue
                if what == "code" and key.strip(". ") in words:
                    columns[what] = c
                elif what != "code" and any(w in key for w in words):
                    columns[what] = c
                    break
        if "title" in columns and "lead" in columns and columns["title"] != columns["lead"]:
            return r, columns
    return None, {}


def _cell(cells: list[str], column: int | None) -> str:
    if column is None or column >= len(cells):
        return ""
    return cells[column]
