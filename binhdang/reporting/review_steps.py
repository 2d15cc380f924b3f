"""The focal officer's steps on a submitted report: return it with a comment, accept it, reopen an
accepted one, and what waits next for review. Each step is one transaction, checks that the user may
review the report and that the version they loaded is the current one, and tells the unit's reporters.
``reporting.services`` is their entry point."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.accounts.models import User
from binhdang.reporting import access
from binhdang.reporting.errors import ReportingError, TransitionError
from binhdang.reporting.models import PeriodStatus, State, StateChange, Submission
from binhdang.reporting.notifications import notify_unit
from binhdang.reporting.transitions import conflict, lock, refresh, require, transition


def _review(submission: Submission, user: User | None, expected_version: int | None) -> Submission:
    """The locked report, once the user may review it (checked first: someone who may not review it
    is told so, not who changed it last) and the version they loaded is still the current one."""
    current = lock(submission, None)
    if user is not None:
        require(access.can_review_submission(user, current), _("You cannot review this report."))
    if expected_version is not None and current.version != int(expected_version):
        raise conflict(current)
    return current


def _expect(current: Submission, state: str, refusal: str) -> None:
    """Refuse the step (``refusal`` names the report's state as ``%(state)s``) unless ``current`` is in
    ``state``."""
    if current.state != state:
        raise TransitionError(refusal % {"state": current.get_state_display().lower()})


@transaction.atomic
def return_submission(
    submission: Submission,
    user: User | None,
    comment: str,
    *,
    expected_version: int | None = None,
    source: str = "web",
) -> Submission:
    """Send a submitted report back to its unit for correction, with the reason (required)."""
    current = _review(submission, user, expected_version)
    _expect(current, State.SUBMITTED, _("Only a submitted report can be returned; this one is %(state)s."))
    if not (comment or "").strip():
        raise ReportingError(_("Comment: say what the unit must correct."))
    transition(
        current, user, StateChange.Action.RETURN, State.RETURNED, comment=comment.strip(), source=source
    )
    notify_unit(
        current,
        _("Your %(year)s report was returned for correction: %(comment)s")
        % {"year": current.period.year, "comment": comment.strip()},
    )
    return refresh(submission, current)


@transaction.atomic
def accept(
    submission: Submission,
    user: User | None,
    *,
    comment: str = "",
    expected_version: int | None = None,
    source: str = "web",
) -> Submission:
    """Accept a submitted report; it is then locked until the focal officer reopens it."""
    current = _review(submission, user, expected_version)
    _expect(current, State.SUBMITTED, _("Only a submitted report can be accepted; this one is %(state)s."))
    current.accepted_at = timezone.now()
    transition(
        current,
        user,
        StateChange.Action.ACCEPT,
        State.ACCEPTED,
        comment=(comment or "").strip(),
        source=source,
    )
    notify_unit(current, _("Your %(year)s report was accepted.") % {"year": current.period.year})
    return refresh(submission, current)


@transaction.atomic
def reopen(
    submission: Submission,
    user: User | None,
    comment: str = "",
    *,
    expected_version: int | None = None,
    source: str = "web",
) -> Submission:
    """Unlock an accepted report: it goes back to the unit as returned (with an optional reason)."""
    current = _review(submission, user, expected_version)
    _expect(current, State.ACCEPTED, _("Only an accepted report can be reopened; this one is %(state)s."))
    if current.period.status != PeriodStatus.OPEN:
        raise TransitionError(_("The %(year)s reporting period is closed.") % {"year": current.period.year})
    current.accepted_at = None
    transition(
        current,
        user,
        StateChange.Action.REOPEN,
        State.RETURNED,
        comment=(comment or "").strip(),
        source=source,
    )
    notify_unit(
        current, _("Your %(year)s report was reopened for correction.") % {"year": current.period.year}
    )
    return refresh(submission, current)


@dataclass
class ReviewQueue:
    """What else waits for the reviewer in the same period: the next report and how many in all."""

    next: Submission | None
    waiting: int


def review_queue(submission: Submission, user: User) -> ReviewQueue:
    """The other submitted reports of ``submission``'s period that ``user`` may review, oldest
    submission first (first come, first reviewed): the next one to open and how many wait."""
    if not access.can_review_submission(user, submission):
        return ReviewQueue(None, 0)
    waiting = (
        access.visible_submissions(user)
        .filter(period=submission.period_id, state=State.SUBMITTED)
        .exclude(pk=submission.pk)
        .select_related("unit")
        .order_by("submitted_at", "unit__name", "pk")
    )
    first = waiting.first()
    return ReviewQueue(first, waiting.count() if first else 0)
