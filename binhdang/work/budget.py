"""A plan's funds per unit, year and source: planned (entered by the unit or the focal officer), spent
according to the activity log, and spent according to the units' reports.

Sources (:class:`~binhdang.work.models.FundSource`): the state budget by level (central, provincial,
commune) and mobilised funds (xã hội hóa, sponsors). The rules:

- **planned**: :class:`~binhdang.work.models.PlannedFunds`, one amount per unit, year and source;
- **spent, activity log**: the activities of the plan dated in the (fiscal, i.e. calendar) year; an
  activity's "other sources" are mobilised funds, its state budget is counted at the level of the unit
  that spent it (the commune budget for a commune, the provincial budget for the province's departments,
  mass organisations and media): a unit spends from its own level's budget, central programme funds
  included once they are transferred to it. The central budget therefore shows only in planned funds;
- **spent, report**: the yearly report's ``TT_BUDGET_STATE`` (at the unit's level, as above) and
  ``TT_BUDGET_OTHER`` (mobilised), of the reports submitted or accepted for the plan's period of the
  year;
- **shares**: each source's part of a column's total, in percent (none when the total is 0).

Money is in whole đồng. :func:`set_planned` is the one way to change planned funds (one transaction, the
audit trail); :func:`summary` builds the province-year table the budget page, the dashboards, the API and
the report annex read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.translation import gettext as _

from binhdang.core import audit, formatting
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import Plan
from binhdang.reporting.models import DataValue, State
from binhdang.work import access
from binhdang.work.errors import AccessDenied, WorkError
from binhdang.work.models import MAX_DONG, Activity, FundSource, PlannedFunds

SOURCES: tuple[str, ...] = tuple(FundSource.values)
REPORT_FORM = "TT1790"
#: The report's budget elements and the source each one is counted under (``None``: the unit's level).
REPORT_ELEMENTS: dict[str, str | None] = {"TT_BUDGET_STATE": None, "TT_BUDGET_OTHER": FundSource.MOBILISED}
#: What a column of the summary holds.
PLANNED, SPENT_LOG, REPORTED = "planned", "log", "reported"
COLUMNS = (PLANNED, SPENT_LOG, REPORTED)


def own_level(unit: OrgUnit) -> str:
    """The level of the state budget a unit spends: the commune's for a commune, else the province's."""
    return FundSource.COMMUNE if unit.type == "commune" else FundSource.PROVINCE


def _empty() -> dict[str, int]:
    return dict.fromkeys(SOURCES, 0)


@dataclass
class UnitBudget:
    unit: OrgUnit
    planned: dict[str, int] = field(default_factory=_empty)
    log: dict[str, int] = field(default_factory=_empty)
    reported: dict[str, int] = field(default_factory=_empty)
    #: Whether a submitted or accepted report gives the ``reported`` figures.
    has_report: bool = False

    def column(self, name: str) -> dict[str, int]:
        return {PLANNED: self.planned, SPENT_LOG: self.log, REPORTED: self.reported}[name]

    @property
    def planned_total(self) -> int:
        return sum(self.planned.values())

    @property
    def log_total(self) -> int:
        return sum(self.log.values())

    @property
    def reported_total(self) -> int:
        return sum(self.reported.values())


@dataclass(frozen=True)
class SourceTotal:
    source: str
    planned: int
    log: int
    reported: int
    planned_share: Decimal | None
    log_share: Decimal | None
    reported_share: Decimal | None

    @property
    def label(self) -> str:
        return str(FundSource(self.source).label)


def share(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(100 * part) / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class BudgetSummary:
    plan: Plan
    year: int
    rows: list[UnitBudget]

    def total(self, column: str) -> int:
        return sum(sum(row.column(column).values()) for row in self.rows)

    @property
    def planned_total(self) -> int:
        return self.total(PLANNED)

    @property
    def log_total(self) -> int:
        return self.total(SPENT_LOG)

    @property
    def reported_total(self) -> int:
        return self.total(REPORTED)

    @property
    def is_empty(self) -> bool:
        return not (self.planned_total or self.log_total or self.reported_total)

    @property
    def sources(self) -> list[SourceTotal]:
        by = {c: {s: sum(r.column(c)[s] for r in self.rows) for s in SOURCES} for c in COLUMNS}
        totals = {c: sum(by[c].values()) for c in COLUMNS}
        return [
            SourceTotal(
                s,
                by[PLANNED][s],
                by[SPENT_LOG][s],
                by[REPORTED][s],
                share(by[PLANNED][s], totals[PLANNED]),
                share(by[SPENT_LOG][s], totals[SPENT_LOG]),
                share(by[REPORTED][s], totals[REPORTED]),
            )
            for s in SOURCES
        ]

    @property
    def chart_id(self) -> str:
        return f"budget-data-{self.plan.pk}"

    def chart(self) -> dict:
        """The budget chart's data (ECharts, ``work/budget.js``): planned and spent by source."""
        return {
            "sources": [str(FundSource(s).label) for s in SOURCES],
            "series": [
                {"name": _("Planned"), "values": [t.planned for t in self.sources]},
                {"name": _("Spent (activity log)"), "values": [t.log for t in self.sources]},
                {"name": _("Spent (reports)"), "values": [t.reported for t in self.sources]},
            ],
            "unit": _("đồng"),
            "decimal": get_format("DECIMAL_SEPARATOR"),
        }


def summary(plan: Plan, year: int, units: Iterable[OrgUnit] | None = None) -> BudgetSummary:
    """Every unit's planned and spent funds of ``plan`` in ``year`` (only ``units`` when given; units
    with no figure at all are left out). Four queries whatever the number of units."""
    unit_ids = None if units is None else [u.pk for u in units]
    rows: dict[int, UnitBudget] = {}
    known: dict[int, OrgUnit] = {}

    def row(unit_id: int) -> UnitBudget:
        if unit_id not in rows:
            rows[unit_id] = UnitBudget(known[unit_id])
        return rows[unit_id]

    planned = PlannedFunds.objects.filter(plan=plan, year=year)
    activities = Activity.objects.filter(plan=plan, date__year=year)
    reported = DataValue.objects.filter(
        submission__period__plan=plan,
        submission__period__year=year,
        submission__period__kind="annual",  # a request or a quarter asking the same figures is not more money
        submission__period__form_code=REPORT_FORM,
        submission__state__in=[State.SUBMITTED, State.ACCEPTED],
        data_element__in=list(REPORT_ELEMENTS),
    )
    if unit_ids is not None:
        planned = planned.filter(unit_id__in=unit_ids)
        activities = activities.filter(unit_id__in=unit_ids)
        reported = reported.filter(submission__unit_id__in=unit_ids)
    planned_rows = list(planned.values_list("unit_id", "source", "amount"))
    log_rows = list(
        activities.order_by()
        .values("unit_id")
        .annotate(state=Sum("budget_state"), other=Sum("budget_other"))
        .values_list("unit_id", "state", "other")
    )
    report_rows = list(reported.values_list("submission__unit_id", "data_element", "value"))
    ids = {r[0] for r in planned_rows} | {r[0] for r in log_rows} | {r[0] for r in report_rows}
    known.update({u.pk: u for u in OrgUnit.objects.filter(pk__in=ids)})
    for unit_id, source, amount in planned_rows:
        row(unit_id).planned[source] += amount
    for unit_id, state, other in log_rows:
        item = row(unit_id)
        item.log[own_level(item.unit)] += state or 0
        item.log[FundSource.MOBILISED] += other or 0
    for unit_id, code, value in report_rows:
        item = row(unit_id)
        item.has_report = True
        try:
            amount = int(Decimal(value))
        except ArithmeticError:
            continue
        item.reported[REPORT_ELEMENTS[code] or own_level(item.unit)] += amount
    ordered = sorted(rows.values(), key=lambda r: (r.unit.type, r.unit.name))
    return BudgetSummary(plan, year, ordered)


def set_planned(
    plan: Plan, unit: OrgUnit, year: int, user, amounts: Mapping[str, int | None]
) -> list[PlannedFunds]:
    """Set the planned funds of ``unit`` for ``year`` by source (None removes a source's amount).
    All or nothing; each change in the audit trail."""
    if not access.can_plan_funds(user, plan, unit):
        raise AccessDenied(_("You cannot enter the planned funds of this unit."))
    if plan.period_start and plan.period_end and not plan.period_start <= year <= plan.period_end:
        raise WorkError(
            _("The year %(year)s is outside the plan's period (%(first)s-%(last)s).")
            % {"year": year, "first": plan.period_start, "last": plan.period_end},
            field="year",
        )
    for source, amount in amounts.items():
        if source not in SOURCES:
            raise WorkError(_("Unknown source of funds: %(source)s.") % {"source": source}, field="source")
        if amount is not None and (
            not isinstance(amount, int) or isinstance(amount, bool) or not 0 <= amount <= MAX_DONG
        ):
            raise WorkError(
                _("%(source)s must be a whole number of đồng from 0 to %(limit)s.")
                % {"source": FundSource(source).label, "limit": formatting.number(MAX_DONG)},
                field=source,
            )
    saved = []
    with transaction.atomic():
        existing = {
            p.source: p
            for p in PlannedFunds.objects.select_for_update().filter(plan=plan, unit=unit, year=year)
        }
        for source, amount in amounts.items():
            current = existing.get(source)
            if amount is None:
                if current is not None:
                    audit.by(current, user).delete()
                continue
            if current is not None and current.amount == amount:
                saved.append(current)
                continue
            item = current or PlannedFunds(plan=plan, unit=unit, year=year, source=source)
            item.amount, item.updated_by, item.updated_at = amount, user, timezone.now()
            audit.by(item, user).save()
            saved.append(item)
    return saved
