"""Reading plans for the results engine: the fields it uses, and every indicator of a set of plans with
its catalog entry, targets and roadmap milestones loaded (four queries for any number of plans)."""

from __future__ import annotations

from collections.abc import Iterable

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
        for name, value in zip(self.FIELDS, values, strict=True):
            setattr(self, name, value)


class _MilestoneRow:
    """A roadmap milestone read as plain values (a plan's roadmap has a row per indicator and year; the
    national roll-up reads hundreds): what ``Indicator.target_for`` uses, ``year`` and the model's own
    ``bounds()``."""

    __slots__ = ("max", "min", "value", "year")
    bounds = Milestone.bounds

    def __init__(self, year: int | None, value, low, high):
        self.year, self.value, self.min, self.max = year, value, low, high


def indicators_by_plan(plan_ids: Iterable[int]) -> dict[int, list[Indicator]]:
    """{plan id: its indicators in plan order}, each with its catalog entry, targets and milestones
    loaded: four queries for any number of plans.

    ``Indicator.target_for`` reads ``_targets()`` and ``_milestones()`` several times per call, and each
    builds a related manager; here each indicator gets its loaded lists pinned instead (a copy per
    call, as the model's own methods return), which keeps the national roll-up's Python time small.
    """
    found: dict[int, list[Indicator]] = {pk: [] for pk in plan_ids}
    indicators = list(
        Indicator.objects.filter(plan_id__in=list(found))
        .only(*INDICATOR_FIELDS)
        .order_by("plan_id", "order", "pk")
    )
    ids = [i.pk for i in indicators]
    catalog = {c.pk: c for c in CatalogIndicator.objects.all()}
    targets: dict[int, list[_TargetRow]] = {pk: [] for pk in ids}
    target_rows = Target.objects.filter(indicator_id__in=ids).order_by("indicator_id", "order", "pk")
    for values in target_rows.values_list(*_TargetRow.FIELDS):
        targets[values[1]].append(_TargetRow(*values))
    milestones: dict[int, list[_MilestoneRow]] = {pk: [] for pk in ids}
    milestone_rows = Milestone.objects.filter(indicator_id__in=ids).order_by("indicator_id", "year")
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
