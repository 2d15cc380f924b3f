"""What the home pages show about reporting.

- :func:`due_items(user)`: the reports a reporter has to do (for ``portal.home``'s reporter home);
- :func:`period_summaries(user)`: the periods a focal officer, leader or ministry viewer follows,
  with completeness, timeliness and the units overdue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery
from django.urls import reverse

from binhdang.accounts import access as base
from binhdang.orgunits.models import OrgUnit
from binhdang.reporting import access
from binhdang.reporting.models import ExpectedReporter, Period, Submission
from binhdang.reporting.models.submissions import COMPLETE_STATES
from binhdang.reporting.status import BOARD_STATES, NOT_STARTED, Board, build_board


@dataclass
class DueItem:
    """One report a reporter has to do (or has done) in a period."""

    period: Period
    unit: OrgUnit
    #: The state of the unit's report in the period; None when nobody has started it.
    submission_state: str | None
    url: str

    @property
    def deadline(self) -> dt.date:
        return self.period.deadline

    @property
    def state(self) -> str:
        return self.submission_state or NOT_STARTED

    @property
    def state_label(self):
        return BOARD_STATES[self.state][0]

    @property
    def badge(self) -> str:
        return BOARD_STATES[self.state][1]

    @property
    def is_done(self) -> bool:
        return self.submission_state in COMPLETE_STATES

    @property
    def overdue(self) -> bool:
        """Not submitted (a draft, returned, or not started) and the deadline day is over."""
        return not self.is_done and self.period.is_past_deadline()

    @property
    def title(self) -> str:
        return f"{self.period.plan} · {self.period.label}"


#: What a due item shows of its period, plan, unit and province (the due table, the reporter's units):
#: the form's definition and the plan's texts are not read (fewer columns to read and convert).
_SHOWN = (
    "period_id",
    "unit_id",
    "period__plan_id",
    "period__province_id",
    "period__year",
    "period__kind",
    "period__sequence",
    "period__title",
    "period__deadline",
    "period__status",
    "period__plan__title",
    "unit__name",
    "unit__type",
    "unit__is_active",
    "unit__province_id",
    "unit__province__name",
)


def due_items(user, *, include_closed: bool = False) -> list[DueItem]:
    """The reports of the units ``user`` reports for, in open periods (all periods with
    ``include_closed``): what is still to do first, by deadline. ``url`` opens the report. One query:
    each with the state of its report (a subquery), its period, plan and unit."""
    if not access.reports_for_any_unit(user):  # no unit: nothing to ask the database (an officer)
        return []
    expected = (
        ExpectedReporter.objects.filter(unit_id__in=sorted(base.reporting_unit_ids(user)))
        .select_related("period__plan", "unit__province")
        .only(*_SHOWN)
        .annotate(
            submission_state=Subquery(
                Submission.objects.filter(period_id=OuterRef("period_id"), unit_id=OuterRef("unit_id"))
                .order_by()
                .values("state")[:1]
            )
        )
    )
    if not include_closed:
        expected = expected.filter(period__status="open")
    items = [
        DueItem(
            e.period,
            e.unit,
            e.submission_state,
            reverse("reporting:report", args=[e.period_id, e.unit_id]),
        )
        for e in expected
    ]
    return sorted(items, key=lambda i: (i.is_done, i.period.deadline, i.unit.name))


def due_and_units(user) -> tuple[list[DueItem], list[OrgUnit]]:
    """The reports due in open periods (:func:`due_items`) and the units the user reports for, by name,
    with their province: a reporter of one unit with a report due (a commune's) has its unit from the
    reports, without another query; several units are listed in the database's order of names."""
    items = due_items(user)
    units = base.reporting_unit_ids(user)
    if len(units) == 1 and items:
        return items, [items[0].unit]
    return items, list(base.reporting_units(user).select_related("province").order_by("name"))


def period_summaries(user) -> list[Board]:
    """The boards (unfiltered) of the periods the user follows, newest year first."""
    if not base.reads_any_province(user):  # a reporter only: nothing to ask the database
        return []
    periods = (
        access.board_periods(user).select_related("plan", "province").order_by("-year", "province__name")
    )
    return [build_board(period) for period in periods]
