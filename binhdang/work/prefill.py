"""The activity log's figures for the yearly report (form ``TT1790``, domain §6).

For a unit and a reporting period, the activities the unit recorded under the period's plan with a
date inside the period's data cutoff (``cutoff_start`` to ``cutoff_end``, 15/12 of the year before to
14/12 by default) give these data elements:

=====================  ======  ==========================================================================
data element           combo   computed from the activities of the unit in the cutoff
=====================  ======  ==========================================================================
``TT_SESSIONS``                number of activities of type "communication session"
``TT_PARTICIPANTS``    MALE    sum of the male participants of those communication sessions
``TT_PARTICIPANTS``    FEMALE  sum of the female participants of those communication sessions
``TT_AM_ACTIVITIES``           number of activities of type "Action Month event"
``TT_TRAININGS``               number of activities of type "training"
``TT_TRAINEES``        MALE    sum of the male participants of those trainings
``TT_TRAINEES``        FEMALE  sum of the female participants of those trainings
``TT_BUDGET_STATE``            sum of the state budget (đồng) of every activity
``TT_BUDGET_OTHER``            sum of the other sources (đồng) of every activity
=====================  ======  ==========================================================================

The other elements are not in the log: whether the Action Month plan was issued (``TT_AM_PLAN``), news
items, digital community models kept running, conventions adopted, the media's indicator level and the
awareness survey. A unit that recorded no activity in the cutoff gets no figures (an empty log proposes
nothing, rather than zeros). The figures are registered with :mod:`binhdang.reporting.log_figures` at
start (``WorkConfig.ready``): the report form shows them as proposals for its empty fields, the officer's
review and status board show where the report differs from them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum

from binhdang.orgunits.models import OrgUnit
from binhdang.reporting import log_figures
from binhdang.reporting.models import Period
from binhdang.work.models import Activity, ActivityType

#: The form whose elements the log fills.
FORM_CODE = "TT1790"
COUNT = "count"


@dataclass(frozen=True)
class Rule:
    """How one value of the form is computed: ``measure`` (``count`` of activities, or the sum of an
    activity field) over the activities of ``types`` (every type when empty)."""

    code: str
    coc: str
    types: tuple[str, ...]
    measure: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.code, self.coc)

    @property
    def alias(self) -> str:
        return f"{self.code}__{self.coc or 'x'}"

    def aggregate(self):
        condition = Q(type__in=self.types) if self.types else Q()
        if self.measure == COUNT:
            return Count("pk", filter=condition)
        return Sum(self.measure, filter=condition)


_SESSION = (ActivityType.COMMUNICATION.value,)
_TRAINING = (ActivityType.TRAINING.value,)

RULES: tuple[Rule, ...] = (
    Rule("TT_SESSIONS", "", _SESSION, COUNT),
    Rule("TT_PARTICIPANTS", "MALE", _SESSION, "male"),
    Rule("TT_PARTICIPANTS", "FEMALE", _SESSION, "female"),
    Rule("TT_AM_ACTIVITIES", "", (ActivityType.ACTION_MONTH.value,), COUNT),
    Rule("TT_TRAININGS", "", _TRAINING, COUNT),
    Rule("TT_TRAINEES", "MALE", _TRAINING, "male"),
    Rule("TT_TRAINEES", "FEMALE", _TRAINING, "female"),
    Rule("TT_BUDGET_STATE", "", (), "budget_state"),
    Rule("TT_BUDGET_OTHER", "", (), "budget_other"),
)


def period_activities(period: Period) -> QuerySet[Activity]:
    """The activities of the period's plan inside its data cutoff (every unit)."""
    return Activity.objects.filter(
        plan_id=period.plan_id, date__gte=period.cutoff_start, date__lte=period.cutoff_end
    )


def _aggregates() -> dict:
    return {"n_activities": Count("pk")} | {rule.alias: rule.aggregate() for rule in RULES}


def _figures(row: Mapping[str, Any]) -> log_figures.Figures:
    if not row.get("n_activities"):
        return {}
    return {rule.key: int(row.get(rule.alias) or 0) for rule in RULES}


class ActivityLogFigures:
    """The activity log as a :class:`~binhdang.reporting.log_figures.FigureSource`."""

    def figures(self, period: Period, unit: OrgUnit) -> log_figures.Figures:
        if period.form_code != FORM_CODE:
            return {}
        # one unit logs a few dozen activities a year: summed here from their rows, the same figures
        # as the aggregate below without compiling its ten filtered aggregates on every report page
        measures = sorted({rule.measure for rule in RULES if rule.measure != COUNT})
        rows = period_activities(period).filter(unit=unit).order_by().values_list("type", *measures)
        row: dict[str, Any] = {"n_activities": 0}
        for activity_type, *amounts in rows:
            row["n_activities"] += 1
            by_measure = dict(zip(measures, amounts, strict=True))
            for rule in RULES:
                if not rule.types or activity_type in rule.types:
                    add = 1 if rule.measure == COUNT else by_measure[rule.measure] or 0
                    row[rule.alias] = row.get(rule.alias, 0) + add
        return _figures(row)

    def figures_by_unit(self, period: Period, unit_ids: Iterable[int]) -> dict[int, log_figures.Figures]:
        if period.form_code != FORM_CODE:
            return {}
        rows = (
            period_activities(period)
            .filter(unit_id__in=list(unit_ids))
            .order_by()
            .values("unit_id")
            .annotate(**_aggregates())
        )
        return {row["unit_id"]: _figures(row) for row in rows}


def register() -> None:
    log_figures.register(ActivityLogFigures())
