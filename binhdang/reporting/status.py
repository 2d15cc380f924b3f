"""The focal officer's status board: every expected unit of a period, its report state and the
completeness and timeliness of the period (domain §6).

- completeness = units whose report is submitted or accepted / expected units;
- timeliness = units whose report is submitted or accepted and was first submitted by the end of the
  deadline day / expected units.

A returned report counts as not (yet) submitted. Units without a report are ``not_started``.

Once the deadline day is over, every expected unit whose report is not submitted or accepted (not
started, a draft, or returned and not resubmitted) is *overdue*: the board says "Quá hạn" in its
timeliness column, counts them (:attr:`Board.overdue`, apart from :attr:`Board.late`, the units that
submitted after the deadline) and filters on them (:data:`OVERDUE`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from binhdang.core import sqlrows
from binhdang.orgunits.models import OrgUnit
from binhdang.reporting.models import ExpectedReporter, Period, State, Submission

NOT_STARTED = "not_started"
#: Every board state, in display order, with its label and badge class.
BOARD_STATES: dict[str, tuple] = {
    NOT_STARTED: (_("Not started"), "badge-muted"),
    State.DRAFT: (State.DRAFT.label, "badge-info"),
    State.RETURNED: (State.RETURNED.label, "badge-warn"),
    State.SUBMITTED: (State.SUBMITTED.label, "badge-info"),
    State.ACCEPTED: (State.ACCEPTED.label, "badge-ok"),
}
#: Filter value meaning "everything not submitted or accepted".
MISSING = "missing"
#: Filter value meaning "not submitted or accepted, and the deadline is over".
OVERDUE = "overdue"


@dataclass
class BoardRow:
    unit: OrgUnit
    submission: Submission | None
    #: Whether the period's deadline is over (the same for every row of a board).
    past_deadline: bool = False
    #: How many of the report's values differ from the unit's activity log (``log_figures``).
    log_differences: int = 0

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
    def submitted_at(self) -> dt.datetime | None:
        return self.submission.submitted_at if self.submission else None

    @property
    def is_complete(self) -> bool:
        return bool(self.submission and self.submission.is_complete)

    @property
    def outlier_flags(self) -> list[dict]:
        """The values flagged as unusual at the last save or submission (``reporting.outliers``)."""
        stored = self.submission.warnings if self.submission else []
        return [w for w in stored or [] if isinstance(w, dict) and w.get("kind") == "outlier"]

    @property
    def outliers_explained(self) -> int:
        """How many of the flags the reporter confirmed or explained."""
        notes = (self.submission.outlier_notes if self.submission else None) or {}
        return sum(1 for w in self.outlier_flags if f"{w.get('code')}/{w.get('coc')}" in notes)

    @property
    def on_time(self) -> bool | None:
        """True/False once submitted; None while not submitted."""
        return self.submission.on_time if self.submission and self.submission.first_submitted_at else None

    @property
    def overdue(self) -> bool:
        """Not submitted (nor accepted) and the deadline is over."""
        return self.past_deadline and not self.is_complete

    @property
    def timeliness(self) -> str:
        """What the timeliness column says: ``on_time`` or ``late`` for a report that counts as
        submitted, ``overdue`` for one still missing after the deadline, ``""`` (not due yet) otherwise.
        A returned report does not count as submitted, even if its first submission was on time."""
        if self.is_complete:
            return "on_time" if self.on_time else "late"
        return OVERDUE if self.overdue else ""


def percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(100 * part) / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class Board:
    period: Period
    rows: list[BoardRow]
    expected: int
    submitted: int
    on_time: int
    by_state: Counter = field(default_factory=Counter)
    #: Expected units not submitted once the deadline is over (0 before the deadline).
    overdue: int = 0

    @property
    def completeness(self) -> Decimal | None:
        return percent(self.submitted, self.expected)

    @property
    def timeliness(self) -> Decimal | None:
        return percent(self.on_time, self.expected)

    @property
    def missing(self) -> int:
        return self.expected - self.submitted

    @property
    def late(self) -> int:
        """Units that submitted, but after the deadline."""
        return self.submitted - self.on_time

    @property
    def past_deadline(self) -> bool:
        return self.period.is_past_deadline()


#: What a board shows of a unit and of its report (states, dates, flags); the other columns (the
#: reports' texts and refused input, the units' addresses...) are read only if asked for.
_UNIT = ("id", "code", "name", "type", "province_id", "is_active")
_REPORT = (
    "id",
    "period_id",
    "unit_id",
    "state",
    "version",
    "warnings",
    "outlier_notes",
    "first_submitted_at",
    "submitted_at",
)


def _board_units(period: Period) -> list[OrgUnit]:
    """The units expected to report in ``period``, by type and name: one plain statement
    (``core.sqlrows``), as the ORM wrote it, without building the queryset on every board."""
    connection = sqlrows.connection_for(OrgUnit)
    q = connection.ops.quote_name
    units = sqlrows.Columns(OrgUnit, "u", _UNIT)
    expected = sqlrows.Columns(ExpectedReporter, "e", ())
    sql = (
        f"SELECT {units.sql(connection)} FROM {units.table(connection)}"
        f" WHERE u.{q('id')} IN (SELECT e.{q('unit_id')} FROM {expected.table(connection)}"
        f" WHERE e.{q('period_id')} = %s) ORDER BY u.{q('type')} ASC, u.{q('name')} ASC"
    )
    rows = sqlrows.select(connection, sql, [period.pk], [units])
    return [sqlrows.instance(OrgUnit, units.attnames, row, connection.alias) for row in rows]


def _board_submissions(period: Period) -> dict[int, Submission]:
    """The reports of ``period`` by unit, each with the period given (no second read of it per report)."""
    connection = sqlrows.connection_for(Submission)
    q = connection.ops.quote_name
    reports = sqlrows.Columns(Submission, "s", _REPORT)
    sql = f"SELECT {reports.sql(connection)} FROM {reports.table(connection)} WHERE s.{q('period_id')} = %s"
    found = {}
    for row in sqlrows.select(connection, sql, [period.pk], [reports]):
        submission = sqlrows.instance(Submission, reports.attnames, row, connection.alias)
        sqlrows.cache_related(submission, "period", period)
        found[submission.unit_id] = submission
    return found


def build_board(period: Period, *, unit_type: str | None = None, state: str | None = None) -> Board:
    """The board of ``period``. The totals always cover every expected unit; ``unit_type`` and
    ``state`` (a board state, :data:`MISSING` or :data:`OVERDUE`) only filter the rows."""
    units, submissions = _board_units(period), _board_submissions(period)
    past_deadline = period.is_past_deadline()
    rows = [BoardRow(unit, submissions.get(unit.pk), past_deadline) for unit in units]
    submitted = sum(1 for r in rows if r.is_complete)
    on_time = sum(1 for r in rows if r.is_complete and r.on_time)
    overdue = sum(1 for r in rows if r.overdue)
    by_state = Counter(r.state for r in rows)
    shown = rows
    if unit_type:
        shown = [r for r in shown if r.unit.type == unit_type]
    if state == MISSING:
        shown = [r for r in shown if not r.is_complete]
    elif state == OVERDUE:
        shown = [r for r in shown if r.overdue]
    elif state:
        shown = [r for r in shown if r.state == state]
    return Board(period, shown, len(rows), submitted, on_time, by_state, overdue)
