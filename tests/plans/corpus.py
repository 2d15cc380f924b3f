"""The project's corpus of Word renderings of the seed plans, and what each must extract to.

Each seed is rendered in every layout of ``LAYOUTS`` (tests/plans/layout_render.py); the expected
extraction is the seed's hand-written golden file with only what the layout itself changes: a
filled number and date, and for a decision annex the decision's number and date. ``expected``
never looks at the extractor's output.
"""

from __future__ import annotations

import copy
import json

from tests.plans.layout_render import WordLayout, add_roadmap, render_layout
from tests.plans.samples import GOLDEN, SAMPLES, seed_path
from tests.plans.seed_markup import capital_headings, parse_seed, plain

SEEDS = ["000", "002", "003"]
#: Plans written for the corpus, each with its expected extraction written by hand beside it
#: (``<name>.expected.json``): a ward of Đắk Lắk after 2025 with targets in a table, indicators with
#: several targets, and tasks with their agencies in the text and in a task table.
SAMPLES_WITH_EXPECTED = ["ward_buon_ma_thuot_2026"]
PLANS = SEEDS + SAMPLES_WITH_EXPECTED
ROADMAP_YEARS = [2026, 2027, 2028, 2029, 2030]

# Office-typed: one paragraph per line, typed "- " bullets, headings only bold, no empty paragraphs.
TYPED = WordLayout(
    name="typed-lines-dash-bold",
    paragraphs="none",
    bullets="dash",
    labels="typed",
    headings="bold",
    header="paragraphs",
    signature="paragraphs",
)
LAYOUTS = [
    WordLayout(name="styles-blank-table"),
    TYPED,
    TYPED.but(name="typed-lines-dash-bold-issuer-table", header="table", issuer_line=True),
    TYPED.but(name="typed-lines-dot-plain", bullets="dot", headings="plain"),
    TYPED.but(name="typed-breaks-dash-bold", paragraphs="breaks"),
    TYPED.but(
        name="typed-breaks-dot-plain-tables",
        paragraphs="breaks",
        bullets="dot",
        headings="plain",
        header="table",
        signature="table",
        issuer_line=True,
    ),
    WordLayout(name="auto-numbering-styles", labels="auto", bullets="auto", paragraphs="none"),
    WordLayout(
        name="auto-numbering-bold",
        labels="auto",
        bullets="auto",
        headings="bold",
        paragraphs="none",
        header="paragraphs",
    ),
    WordLayout(
        name="auto-letters-list-styles-plain",
        labels="auto",
        bullets="style",
        headings="plain",
        paragraphs="blank",
        issuer_line=True,
    ),
    WordLayout(
        name="numbered-dated-tables",
        number="125",
        date=(15, 4, 2026),
        issuer_line=True,
        paragraphs="none",
        headings="bold",
        bullets="dash",
    ),
    WordLayout(name="roadmap-annex", roadmap=True, paragraphs="none", bullets="dash", headings="bold"),
    WordLayout(
        name="decision-annex-tables", decision=True, number="2345", date=(20, 5, 2026), issuer_line=True
    ),
    TYPED.but(name="decision-annex-typed-paragraphs", decision=True, number="87", date=(3, 3, 2026)),
    TYPED.but(name="typed-lines-caps-headings", headings="caps", header="table", issuer_line=True),
    WordLayout(
        name="word-numbered-indicators", word_numbering=True, labels="auto", bullets="auto", paragraphs="none"
    ),
    WordLayout(
        name="decision-auto-numbering-roadmap",
        decision=True,
        labels="auto",
        bullets="auto",
        headings="bold",
        paragraphs="none",
        roadmap=True,
        number="56",
        date=(1, 7, 2026),
    ),
    TYPED.but(
        name="typed-breaks-plain-dated-issuer",
        paragraphs="breaks",
        headings="plain",
        bullets="dot",
        issuer_line=True,
        number="9",
        date=(28, 2, 2026),
    ),
]


def golden(seed: str) -> dict:
    """The hand-written extraction of a seed (tests/plans/golden) or of a corpus sample."""
    if seed in SAMPLES_WITH_EXPECTED:
        return json.loads((SAMPLES / f"{seed}.expected.json").read_text(encoding="utf-8"))
    return json.loads((GOLDEN / f"{seed}.json").read_text(encoding="utf-8"))


def source_text(seed: str) -> str:
    path = SAMPLES / f"{seed}.txt" if seed in SAMPLES_WITH_EXPECTED else seed_path(seed)
    return path.read_text(encoding="utf-8")


def expected(seed: str, layout: WordLayout) -> dict:
    """The golden extraction of ``seed`` as ``layout`` changes it (number and date)."""
    out = copy.deepcopy(golden(seed))
    out.setdefault("number", None)
    out.setdefault("date", None)
    symbol = "QĐ-UBND" if layout.decision else "KH-UBND"
    if layout.number:
        out["number"] = f"{layout.number}/{symbol}"
    if layout.date:
        day, month, year = layout.date
        out["date"] = f"{year:04d}-{month:02d}-{day:02d}"
    if layout.headings == "caps":
        _capitalise_headings(out, source_text(seed))
    return out


def _key(text: str) -> str:
    return " ".join(text.split()).rstrip(".:;")


def _capitalise_headings(plan: dict, text: str) -> None:
    """Titles of goals and tasks that the "caps" layout types in capitals, in capitals."""
    headings = [_key(plain(line.rest)) for line in capital_headings(parse_seed(text))]
    for task in plan["tasks"]:
        if _key(task["title"]) in headings:
            task["title"] = task["title"].upper()
    for goal in plan["goals"]:
        if goal.get("title") and any(h.endswith(_key(goal["title"])) for h in headings):
            goal["title"] = goal["title"].upper()


def render(seed: str, layout: WordLayout) -> bytes:
    """The .docx bytes of ``seed`` in ``layout``."""
    text = source_text(seed)
    plan = golden(seed)
    data = render_layout(text, layout, issuer=plan["issuer"], decision_title=plan["title"])
    if layout.roadmap:
        data = add_roadmap(data, roadmap_rows(plan), ROADMAP_YEARS)
    return data


def roadmap_rows(plan: dict) -> list[tuple[str, str, dict[int, str]]]:
    """A row per indicator with a numbered target: its value in the year it is due (every year
    for a recurring one)."""
    rows = []
    for indicator in plan["indicators"]:
        cells: dict[int, str] = {}
        for target in indicator["targets"]:
            value = target.get("value")
            if value is None or target["kind"] not in ("min", "max"):
                continue
            shown = f"{value:g}".replace(".", ",") + ("%" if target.get("unit") == "%" else "")
            years = ROADMAP_YEARS if target.get("annual") else [target.get("year")]
            for year in years:
                if year in ROADMAP_YEARS and year not in cells:
                    cells[year] = shown
        if cells:
            rows.append((indicator["code"], " ".join(indicator["text"].split()[:12]), cells))
    return rows
