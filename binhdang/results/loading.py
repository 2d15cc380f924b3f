"""Reading plans for the results engine: the fields it uses, and every indicator of a set of plans with
its catalog entry, targets and roadmap milestones loaded (four queries for any number of plans)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models.base import ModelState

from binhdang.plans.models import CatalogIndicator, Indicator, Milestone, Target

#: The period fields the engine uses.
PERIOD_FIELDS = ("id", "plan", "province", "year", "form_code", "deadline", "focal_unit", "status")
#: The indicator fields the engine and the results pages use.
INDICATOR_FIELDS = (
    "id",
    "plan",
    "goal",
    "code",
    "text",
    "catalog",
    "unit",
    "direction",
    "baseline_year",
    "baseline_value",
    "order",
)


class _TargetRow:
    """A target read as plain values, with the model's own ``bounds()``, ``is_due_every_year()`` and
    ``direction`` (what ``Indicator.target_for`` and ``final_target`` use)."""

    FIELDS = (
        "id", "indicator_id", "kind", "value", "min", "max", "unit", "year", "from_year", "annual",
        "baseline_year", "approx", "strict", "order",
    )  # fmt: skip
    __slots__ = FIELDS
    bounds = Target.bounds
    is_due_every_year = Target.is_due_every_year
    direction = Target.direction

    def __init__(self, *values):
        (
            self.id, self.indicator_id, self.kind, self.value, self.min, self.max, self.unit, self.year,
            self.from_year, self.annual, self.baseline_year, self.approx, self.strict, self.order,
        ) = values  # fmt: skip


class _MilestoneRow:
    """A roadmap milestone read as plain values (a plan's roadmap has a row per indicator and year; the
    national roll-up reads hundreds): what ``Indicator.target_for`` uses, ``year`` and the model's own
    ``bounds()``."""

    __slots__ = ("max", "min", "value", "year")
    bounds = Milestone.bounds

    def __init__(self, year: int | None, value, low, high):
        self.year, self.value, self.min, self.max = year, value, low, high


_INDICATOR_ATTNAMES = tuple(
    f"{name}_id" if name in ("plan", "goal", "catalog") else name for name in INDICATOR_FIELDS
)


def _indicator(values: tuple, db: str) -> Indicator:
    """An Indicator from the values of ``INDICATOR_FIELDS`` (the others deferred), as the ORM's
    ``from_db`` makes it but without its per-field descriptors: the national roll-up reads hundreds.
    No signal is connected to an indicator's creation in memory (``pre_init``/``post_init``)."""
    indicator = Indicator.__new__(Indicator)
    indicator.__dict__.update(zip(_INDICATOR_ATTNAMES, values, strict=True))
    state = indicator._state = ModelState()
    state.adding, state.db = False, db
    return indicator


def indicators_by_plan(plan_ids: Iterable[int]) -> dict[int, list[Indicator]]:
    """{plan id: its indicators in plan order}, each with its catalog entry, targets and milestones
    loaded: four queries for any number of plans.

    ``Indicator.target_for`` reads ``_targets()`` and ``_milestones()`` several times per call, and each
    builds a related manager; here each indicator gets its loaded lists pinned instead (a copy per
    call, as the model's own methods return), which keeps the national roll-up's Python time small.
    """
    found: dict[int, list[Indicator]] = {pk: [] for pk in plan_ids}
    plans = list(found)
    rows = (
        Indicator.objects.filter(plan_id__in=plans)
        .order_by("plan_id", "order", "pk")
        .values_list(*_INDICATOR_ATTNAMES)
    )
    indicators = [_indicator(values, rows.db) for values in rows]
    ids = [i.pk for i in indicators]
    catalog = {c.pk: c for c in CatalogIndicator.objects.all()}
    targets: dict[int, list[_TargetRow]] = {pk: [] for pk in ids}
    # Targets and milestones through their indicator's plan: a few plan ids in the statement, not every
    # indicator's (the national roll-up reads about 170 indicators).
    target_rows = Target.objects.filter(indicator__plan_id__in=plans).order_by("indicator_id", "order", "pk")
    for values in target_rows.values_list(*_TargetRow.FIELDS):
        targets[values[1]].append(_TargetRow(*values))
    milestones: dict[int, list[_MilestoneRow]] = {pk: [] for pk in ids}
    milestone_rows = Milestone.objects.filter(indicator__plan_id__in=plans).order_by("indicator_id", "year")
    for indicator_id, year, value, low, high in milestone_rows.values_list(
        "indicator_id", "year", "value", "min", "max"
    ):
        milestones[indicator_id].append(_MilestoneRow(year, value, low, high))
    for indicator in indicators:
        if indicator.catalog_id is not None:
            indicator.catalog = catalog[indicator.catalog_id]
        indicator._targets = targets[indicator.pk].copy  # type: ignore[method-assign,assignment]
        indicator._milestones = milestones[indicator.pk].copy  # type: ignore[method-assign,assignment]
        found[indicator.plan_id].append(indicator)
    return found
