"""What reporting needs from the plans app, in one place (so the rest of the app does not depend on
the shape of the plan models). It knows nothing of the forms: ``forms_catalog`` builds on it.

- :func:`unit_deadline(plan, year)`: the deadline of the units' annual report from the plan's
  reporting obligations (the earliest annual one: units report before the focal agency consolidates).
- :func:`focal_unit(plan)`: the org unit of the plan's focal agency, if known.
- :func:`direct_indicators(plan)`: the strategy indicators entered directly by responsible agencies.
- :func:`catalog_codes(plan)`: the catalog codes the plan binds.
- :func:`active_plan(province, program)`: the province's plan in force for a programme.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from binhdang.core.formatting import target_text
from binhdang.plans.models import Plan


def unit_deadline(plan, year: int) -> dt.date | None:
    """The deadline of the units' annual report in ``year`` from the plan's reporting obligations.

    Obligations of kinds of units ("các cơ quan, đơn vị, địa phương") come first; among them (or, if
    there are none, among all annual obligations) the earliest deadline of the year wins: units report
    before the focal agency consolidates. None if the plan has no deadline that year.
    """
    manager = getattr(plan, "obligations", None)
    if manager is None:
        return None
    obligations = [o for o in manager.all() if o.recurrence == "annual"]
    for_units = [o for o in obligations if o.reporter_kinds] or obligations
    deadlines = [day for o in for_units if (day := o.deadline_in(year)) is not None]
    return min(deadlines) if deadlines else None


def focal_unit(plan):
    return getattr(plan, "focal_agency", None)


@dataclass(frozen=True)
class DirectIndicator:
    code: str
    label: str
    group: str
    group_title: str
    responsible_unit_ids: frozenset[int]


def direct_indicators(plan) -> list[DirectIndicator]:
    """Indicators entered directly (not computed from unit reports), in plan order.

    The data element code is the bound catalog code (``NQ28.4.1``), else ``IND<indicator id>``. A
    target measuring something of its own (``Indicator.separate_measures``: "lower secondary 90%"
    beside "primary 99%") gets its own element, ``<code>-T<n>`` (n: the target's place), assessed on
    its own by the results engine (``results.targets``).
    """
    items: list[DirectIndicator] = []
    used: set[str] = set()
    indicators = plan.indicators.select_related("catalog", "goal").prefetch_related("responsible", "targets")
    for indicator in indicators.order_by("order", "pk"):
        catalog = indicator.catalog
        if catalog is not None and catalog.is_computed:
            continue
        code = catalog.code if catalog is not None and catalog.code not in used else f"IND{indicator.pk}"
        used.add(code)
        goal = indicator.goal
        group = goal.code if goal else ""
        group_title = f"{goal.code}. {goal.title}" if goal and goal.title else (goal.code if goal else "")
        responsible = frozenset(u.pk for u in indicator.responsible.all())
        label = f"{indicator.code}. {indicator.text}" + (f" ({indicator.unit})" if indicator.unit else "")
        separate = indicator.separate_measures()
        targets = list(indicator.targets.all())
        if separate:  # each measure on its own line, its target named
            label += " — " + _("target %(n)s: %(target)s") % {"n": 1, "target": target_text(targets[0])}
        items.append(DirectIndicator(code, label, group, group_title, responsible))
        for position in separate:
            items.append(
                DirectIndicator(
                    code=f"{code}-T{position + 1}",
                    label=f"{indicator.code}. "
                    + _("target %(n)s: %(target)s")
                    % {"n": position + 1, "target": target_text(targets[position])},
                    group=group,
                    group_title=group_title,
                    responsible_unit_ids=responsible,
                )
            )
    return items


def catalog_codes(plan) -> set[str]:
    """The catalog codes the plan's indicators are bound to."""
    return set(plan.indicators.exclude(catalog=None).values_list("catalog__code", flat=True))


def active_plan(province, program: str = "communication"):
    """The newest plan in force of ``province`` for ``program`` (None if none)."""
    return (
        Plan.objects.filter(province=province, program=program, status="active")
        .order_by("-period_end", "-version", "-pk")
        .first()
    )
