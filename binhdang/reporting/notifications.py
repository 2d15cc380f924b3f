"""In-app notifications: who the reporters of a unit are, and one notification per user.

Used by the workflows (``services``: a report returned, accepted, reopened; a reminder requested) and
by the reminder e-mails (``reminders``); it imports neither, so both can use it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet
from django.urls import reverse

from binhdang.accounts.models import Role, User
from binhdang.orgunits.models import OrgUnit
from binhdang.reporting.models import Notification, ReminderRequest, Submission


def reporters_of(units: Iterable[OrgUnit]) -> QuerySet[User]:
    """Active users holding the reporter role on any of ``units``."""
    return User.objects.filter(
        is_active=True, role_assignments__role=Role.REPORTER, role_assignments__org_unit__in=list(units)
    ).distinct()


def notify(users: Iterable[User], text: str, link: str = "", reminder: ReminderRequest | None = None) -> int:
    """Create one in-app notification per user; returns how many."""
    notes = [Notification(user=u, text=text[:500], link=link, reminder=reminder) for u in users]
    Notification.objects.bulk_create(notes)
    return len(notes)


def notify_unit(submission: Submission, text: str) -> None:
    """Notify the reporters of the submission's unit, with a link to the report."""
    link = reverse("reporting:submission", args=[submission.pk])
    notify(reporters_of([submission.unit]), f"{submission.unit.name}: {text}", link)
