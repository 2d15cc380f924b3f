"""The steps every reporting workflow shares (``reporting.services``, ``reporting.review_steps``): the
access refusal, the report locked for a change (and the conflict naming who changed it first), and a
state change recorded with its audit trail and comment."""

from __future__ import annotations

import datetime as dt

from django.db import connections, router
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from binhdang.accounts.models import User
from binhdang.core import audit
from binhdang.reporting.errors import AccessDenied, ConflictError
from binhdang.reporting.models import Comment, StateChange, Submission


def require(condition: bool, message: str) -> None:
    if not condition:
        raise AccessDenied(message)


def _local(moment: dt.datetime) -> str:
    return date_format(timezone.localtime(moment), "H:i d/m/Y")


def conflict(current: Submission) -> ConflictError:
    """The conflict error naming the last change: a save of the content, or a workflow step (a
    submit, return, accept or reopen, which change the version but not "last saved")."""
    step = current.state_changes.select_related("user").order_by("-at", "-pk").first()
    if step is not None and step.at > current.updated_at:
        who = str(step.user) if step.user else _("another user")
        message = _(
            "After you opened this report, %(user)s changed it at %(time)s (%(action)s). Your changes were "
            "not saved: reload the page to see the latest version, then enter your changes again."
        ) % {"action": step.get_action_display(), "user": who, "time": _local(step.at)}
        return ConflictError(message, saved_by=step.user, saved_at=step.at, current_version=current.version)
    who = str(current.updated_by) if current.updated_by else _("another user")
    message = _(
        "This report was saved by %(user)s at %(time)s after you opened it. Your changes were not saved: "
        "reload the page to see the latest version, then enter your changes again."
    ) % {"user": who, "time": _local(current.updated_at)}
    return ConflictError(
        message, saved_by=current.updated_by, saved_at=current.updated_at, current_version=current.version
    )


def lock(submission: Submission, expected_version: int | None) -> Submission:
    current = (
        Submission.objects.select_for_update(of=("self",))
        .select_related("period", "unit", "updated_by")
        .get(pk=submission.pk)
    )
    if expected_version is not None and current.version != int(expected_version):
        raise conflict(current)
    return current


def still_at(current: Submission) -> bool:
    """Lock ``current`` again, a report read (and locked) in an earlier transaction of this request;
    whether it is still at the version read then (every change of a report raises its version). One
    plain statement, where :func:`lock` reads the report with its period, unit and last saver again."""
    connection = connections[router.db_for_write(Submission)]
    table = connection.ops.quote_name(Submission._meta.db_table)
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT version FROM {table} WHERE id = %s{lock}", [current.pk])
        row = cursor.fetchone()
    return row is not None and row[0] == current.version


def transition(
    current: Submission,
    user: User | None,
    action: str,
    to_state: str,
    *,
    comment: str = "",
    at: dt.datetime | None = None,
    source: str = "web",
    reason: str | None = None,
) -> StateChange:
    change = StateChange.objects.create(
        submission=current,
        action=action,
        from_state=current.state,
        to_state=to_state,
        user=user,
        at=at or timezone.now(),
        comment=comment,
        source=source,
    )
    current.state = to_state
    current.version += 1  # a step changes the report (a page loaded before it is out of date) ...
    # ... but not its content: "last saved at/by" stays the last save of values or narrative (the state
    # changes record who moved the report and when).
    audit.by(current, user, reason)
    current.save()
    if comment:
        Comment.objects.create(
            submission=current, author=user, text=comment, state_change=change, created_at=change.at
        )
    return change


def refresh(target: Submission, current: Submission) -> Submission:
    target.__dict__.update({k: v for k, v in current.__dict__.items() if not k.startswith("_")})
    return target
