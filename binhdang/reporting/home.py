"""What the home pages show about reporting.

- :func:`due_items(user)`: the reports a reporter has to do (for ``portal.home``'s reporter home);
- :func:`period_summaries(user)`: the periods a focal officer, leader or ministry viewer follows,
  with completeness, timeliness and the units overdue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse

from binhdang.accounts import access as base
from binhdang.accounts.models import Role
from binhdang.orgunits.models import OrgUnit
from binhdang.reporting import access
from binhdang.reporting.models import ExpectedReporter, Period, Submission
from binhdang.reporting.status import BOARD_STATES, NOT_STARTED, Board, build_board


@dataclass
class DueItem:
    """One report a reporter has to do (or has done) in a period."""

    period: Period
    unit: OrgUnit
    submission: Submission | None
    url: str

    @property
    def deadline(self) -> dt.date:
        return self.period.deadline

    @property
    def state(self) -> str:
        return self.submission.state if self.submission else NOT_STARTED

    @property
    def state_label(self):
        return BOARD_STATES[self.state][0]

    @property
    def badge(self) -> str:
        return BOARD_STATES[self.state][1]

    @property
    def is_done(self) -> bool:
        return bool(self.submission and self.submission.is_complete)

    @property
    def overdue(self) -> bool:
        """Not submitted (a draft, returned, or not started) and the deadline day is over."""
        return not self.is_done and self.period.is_past_deadline()

    @property
    def title(self) -> str:
        return f"{self.period.plan} · {self.period.label}"


def due_items(user, *, include_closed: bool = False) -> list[DueItem]:
    """The reports of the units ``user`` reports for, in open periods (all periods with
    ``include_closed``): what is still to do first, by deadline. ``url`` opens the report."""
    if not access.reports_for_any_unit(user):  # no unit: nothing to ask the database (an officer)
        return []
    units = sorted(base.reporting_unit_ids(user))
    expected = ExpectedReporter.objects.filter(unit_id__in=units).select_related(
        "period", "period__plan", "unit"
    )
    if not include_closed:
        expected = expected.filter(period__status="open")
    entries = list(expected)
    if not entries:  # nothing due: no report to look for
        return []
    found = Submission.objects.filter(unit_id__in=units, period_id__in={e.period_id for e in entries})
    submissions = {(s.period_id, s.unit_id): s for s in found}
    items = [
        DueItem(
            e.period,
            e.unit,
            submissions.get((e.period_id, e.unit_id)),
            reverse("reporting:report", args=[e.period_id, e.unit_id]),
        )
        for e in entries
    ]
    return sorted(items, key=lambda i: (i.is_done, i.period.deadline, i.unit.name))


def period_summaries(user) -> list[Board]:
    """The boards (unfiltered) of the periods the user follows, newest year first."""
    if not _follows_boards(user):  # a reporter only: nothing to ask the database
        return []
    periods = (
        access.board_periods(user).select_related("plan", "province").order_by("-year", "province__name")
    )
    return [build_board(period) for period in periods]


def _follows_boards(user) -> bool:
    """Whether ``access.board_periods`` may find anything: the user reads every province or holds a
    focal officer's or leader's role (from the roles read once per request, without a query)."""
    return base.sees_all_provinces(user) or any(
        role in (Role.FOCAL_OFFICER, Role.LEADER) for role, _unit, _kind in base.grants(user)
    )
