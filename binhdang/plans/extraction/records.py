"""The records the extractor builds, typed: one ``TypedDict`` per kind of item of the plan-extract contract
(``binhdang/plans/contracts/plan-extract.schema.json``), plus what the extractor adds to it (``source`` of
every item, ``number``, ``date``, ``roadmap``, ``warnings``, ``sources``).

They are plain dicts at run time (the JSON printed by ``binhdang plan extract --json``, the extraction
stored for the review screen), so the pipeline's functions say which record they pass instead of
``dict``. Keys that the contract does not require are ``NotRequired``.
"""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypedDict, cast

TargetKind = Literal["min", "max", "range", "increase", "boolean"]
Level = Literal["province", "district", "commune"]
Program = Literal["communication", "strategy", "other"]


class Period(TypedDict):
    start: int | None
    end: int | None


class LegalBasis(TypedDict):
    number: str
    date: str | None  # ISO date
    issuer: str | None
    source: NotRequired[str]


class Goal(TypedDict):
    code: str
    title: str | None
    source: NotRequired[str]


class Target(TypedDict):
    kind: TargetKind
    value: NotRequired[float | int | None]
    min: NotRequired[float | int | None]
    max: NotRequired[float | int | None]
    unit: NotRequired[str | None]
    year: NotRequired[int | None]
    from_year: NotRequired[int | None]
    annual: NotRequired[bool]
    baseline_year: NotRequired[int | None]
    approx: NotRequired[bool]
    strict: NotRequired[bool]
    source: NotRequired[str]


class Indicator(TypedDict):
    code: str
    goal: NotRequired[str | None]
    text: str
    targets: list[Target]
    responsible: list[str]
    source: NotRequired[str]


class Task(TypedDict):
    code: str
    title: str
    lead: NotRequired[str | None]
    cooperating: NotRequired[list[str]]
    timeframe: NotRequired[str | None]
    source: NotRequired[str]


class Agency(TypedDict):
    name: str
    duties: list[str]
    source: NotRequired[str]


# "from" is a Python keyword: the functional form of TypedDict.
Reporting = TypedDict(
    "Reporting",
    {
        "from": str | None,
        "to": list[str],
        "deadline": str,  # "MM-DD"
        "recurrence": Literal["annual", "once"],
        "year": NotRequired[int | None],
        "source": NotRequired[str],
        "reporter_kinds": NotRequired[list[str]],
    },
)


class Campaign(TypedDict):
    name: str
    start: str  # "MM-DD"
    end: NotRequired[str | None]
    source: NotRequired[str]


class Signer(TypedDict):
    authority: NotRequired[str | None]
    position: NotRequired[str | None]
    name: str
    source: NotRequired[str | None]


class Milestone(TypedDict):
    """One year's cell of a roadmap annex row."""

    year: int
    text: str
    kind: str | None
    value: float | int | None
    min: float | int | None
    max: float | int | None
    unit: str | None


class RoadmapRow(TypedDict):
    indicator: str | None  # the code of the plan's indicator the row names, if found
    label: str
    milestones: list[Milestone]
    source: str


class Sources(TypedDict):
    issuer: str | None
    title: str | None
    number: str | None
    date: str | None
    focal_agency: str | None


class Decision(TypedDict):
    """The decision a plan is annexed to ("Ban hành kèm theo Quyết định số ..."), when it is."""

    number: str | None
    date: str | None
    source: str | None


class PlanExtraction(TypedDict):
    """What ``extract_file``/``extract_text``/``extract_docx`` return (the contract, and the extras)."""

    issuer: str
    locality: str
    level: Level
    program: Program
    title: str
    period: Period
    legal_bases: list[LegalBasis]
    focal_agency: str | None
    goals: list[Goal]
    indicators: list[Indicator]
    tasks: list[Task]
    agencies: list[Agency]
    reporting: list[Reporting]
    campaigns: list[Campaign]
    signer: Signer
    number: NotRequired[str | None]
    date: NotRequired[str | None]
    roadmap: NotRequired[list[RoadmapRow]]
    decision: NotRequired[Decision | None]
    warnings: NotRequired[list[str]]
    sources: NotRequired[Sources]


def as_json(extraction: PlanExtraction) -> dict[str, Any]:
    """The extraction as the importer and the review screen take it: JSON, which a user may have edited
    since (``importing.check_extraction`` checks it again), so no longer a typed record."""
    return cast(dict[str, Any], extraction)
