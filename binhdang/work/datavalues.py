"""The work log as data value sets (export only): a plan's activity log and planned funds of a year, per
unit, in the JSON shape of the yearly report's sets (``reporting.datavaluesets``, domain §9).

The set's ``dataSet`` is ``WORKLOG`` and its codes are its own, never TT1790's: a file of the log's
totals read back through the import would otherwise become the units' reported values. The import
refuses a WORKLOG set (``reporting.datavaluesets``, export only).

============================  ===================================  =======================================
data element                  category option combo                value
============================  ===================================  =======================================
``WL_ACTIVITIES``             the activity type, upper case        activities of the type dated in the year
                              (``COMMUNICATION``, ``ACTION_MONTH``,
                              ``COMMEMORATION``, ``TRAINING``,
                              ``COMMUNITY_MODEL``, ``CONVENTION``,
                              ``OTHER``)
``WL_PARTICIPANTS``           ``MALE``, ``FEMALE``                 participants of those activities
``WL_BUDGET_STATE``           (none)                               their state budget (đồng)
``WL_BUDGET_OTHER``           (none)                               their other sources (đồng)
``WL_PLANNED_FUNDS``          the source, upper case (``CENTRAL``, planned funds of the unit for the year
                              ``PROVINCE``, ``COMMUNE``,            (đồng)
                              ``MOBILISED``)
============================  ===================================  =======================================

A unit has a set when it has an activity of the plan dated in the year or planned funds for it; an
activity type without an activity and a source without planned funds give no value; participants and
budgets are given (0 included) whenever the unit has an activity. Period: the year (ISO ``YYYY``).

API: :func:`export_worklog(plan, year, units=None) -> dict` (``{"dataValueSets": [...]}``, ordered by
unit code; ``units`` restricts to these units, e.g. :func:`binhdang.work.access.budget_units`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Count, Sum

from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import Plan
from binhdang.reporting.forms_catalog import FEMALE, MALE, WORKLOG_DATASET
from binhdang.work.models import Activity, ActivityType, FundSource, PlannedFunds

ACTIVITIES = "WL_ACTIVITIES"
PARTICIPANTS = "WL_PARTICIPANTS"
BUDGET_STATE = "WL_BUDGET_STATE"
BUDGET_OTHER = "WL_BUDGET_OTHER"
PLANNED_FUNDS = "WL_PLANNED_FUNDS"
#: Every data element code of the set (none is a TT1790 code).
ELEMENTS = (ACTIVITIES, PARTICIPANTS, BUDGET_STATE, BUDGET_OTHER, PLANNED_FUNDS)


def type_option(activity_type: str) -> str:
    """The category option combo of an activity type: its code in upper case (``TRAINING``)."""
    return activity_type.upper()


def source_option(source: str) -> str:
    """The category option combo of a source of funds: its code in upper case (``MOBILISED``)."""
    return source.upper()


def _value(code: str, coc: str, number: int) -> dict[str, str]:
    return {"dataElement": code, **({"categoryOptionCombo": coc} if coc else {}), "value": str(number)}


def export_worklog(plan: Plan, year: int, units: Iterable[OrgUnit] | None = None) -> dict:
    """The plan's work log of ``year`` as ``{"dataValueSets": [...]}``, one set per unit with figures
    (see the module docstring), ordered by unit code. Three queries whatever the number of units."""
    activities = Activity.objects.filter(plan=plan, date__year=year)
    planned = PlannedFunds.objects.filter(plan=plan, year=year)
    if units is not None:
        unit_ids = [u.pk for u in units]
        activities = activities.filter(unit_id__in=unit_ids)
        planned = planned.filter(unit_id__in=unit_ids)
    by_type: dict[int, dict[str, int]] = defaultdict(dict)
    totals: dict[int, tuple[int, int, int, int]] = defaultdict(lambda: (0, 0, 0, 0))
    rows = (
        activities.order_by()
        .values("unit_id", "type")
        .annotate(
            n=Count("pk"),
            male=Sum("male"),
            female=Sum("female"),
            state=Sum("budget_state"),
            other=Sum("budget_other"),
        )
    )
    for row in rows:
        by_type[row["unit_id"]][row["type"]] = row["n"]
        before = totals[row["unit_id"]]
        totals[row["unit_id"]] = (
            before[0] + (row["male"] or 0),
            before[1] + (row["female"] or 0),
            before[2] + (row["state"] or 0),
            before[3] + (row["other"] or 0),
        )
    funds: dict[int, dict[str, int]] = defaultdict(dict)
    for unit_id, source, amount in planned.values_list("unit_id", "source", "amount"):
        funds[unit_id][source] = amount
    ids = set(by_type) | set(funds)
    sets = []
    for unit in OrgUnit.objects.filter(pk__in=ids).order_by("code"):
        values = []
        if unit.pk in by_type:
            counts = by_type[unit.pk]
            values += [
                _value(ACTIVITIES, type_option(t), counts[t]) for t in ActivityType.values if t in counts
            ]
            male, female, state, other = totals[unit.pk]
            values += [
                _value(PARTICIPANTS, MALE, male),
                _value(PARTICIPANTS, FEMALE, female),
                _value(BUDGET_STATE, "", state),
                _value(BUDGET_OTHER, "", other),
            ]
        amounts = funds.get(unit.pk, {})
        values += [
            _value(PLANNED_FUNDS, source_option(s), amounts[s]) for s in FundSource.values if s in amounts
        ]
        sets.append(
            {"dataSet": WORKLOG_DATASET, "period": str(year), "orgUnit": unit.code, "dataValues": values}
        )
    return {"dataValueSets": sets}
