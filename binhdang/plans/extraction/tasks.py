"""Tasks: the numbered items of the tasks section ("NHIỆM VỤ VÀ GIẢI PHÁP", "NỘI DUNG THỰC HIỆN").

Numbered items give codes "1", "2", ...; their lettered children "1.a", "1.đ" (letters as written)
and dotted children keep their own number ("1.2"). The title is the item's first paragraph without
its label. Dash bullets are not tasks, unless the section has nothing else (then they are numbered
"1", "2", ... in order).
"""

from __future__ import annotations

from binhdang.plans.extraction.records import Task
from binhdang.plans.extraction.sections import Layout, Node, nest
from binhdang.plans.extraction.text import clean_item


def extract(layout: Layout) -> list[Task]:
    """The tasks of every tasks section, in document order."""
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
    return {"code": code, "title": clean_item(node.block.body), "source": node.block.text}
