"""Background jobs of the reporting app (``django.tasks``, run by the django-tasks-db worker).

- :data:`send_reminders_task` ``(day=None)``: the automatic reminders due that day (ISO date; default
  today in Vietnam), then any manual request whose e-mails have not gone out.
- :data:`send_manual_reminders_task` ``(reminder_request_id)``: the e-mails of one focal officer's
  request; enqueued by :func:`enqueue_manual_reminders` once the request is committed.
- :data:`prune_task_results_task` ``(min_age_days=30)``: delete finished task results older than that.

:data:`PERIODIC_JOBS` is what ``binhdang runperiodic`` (the single cron entry point) enqueues, or
runs inline with ``--now``. Add a job there to have it run daily.

Worker: ``binhdang db_worker`` (long-running; ``--batch`` processes what is queued and exits).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.db import transaction
from django.tasks import Task, task
from django.utils import timezone

from binhdang.reporting import reminders

logger = logging.getLogger(__name__)


@task
def send_reminders_task(day: str | None = None) -> dict:
    """Send the reminders due on ``day`` (``YYYY-MM-DD``; default today). Returns the counts."""
    today = dt.date.fromisoformat(day) if day else None
    return reminders.send_due_reminders(today).as_dict()


@task
def send_manual_reminders_task(reminder_request_id: int) -> dict:
    """Send the e-mails of a focal officer's reminder request. Returns the counts."""
    return reminders.send_manual_reminders(int(reminder_request_id)).as_dict()


@task
def prune_task_results_task(min_age_days: int = 30) -> dict:
    """Delete the results of tasks finished more than ``min_age_days`` ago (the queue table grows daily;
    the same rule as django-tasks-db's ``prune_db_task_results`` command, for every queue)."""
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - dt.timedelta(days=int(min_age_days))
    deleted, _by_model = DBTaskResult.objects.finished().filter(finished_at__lte=cutoff).delete()
    return {"deleted": deleted}


def enqueue_manual_reminders(reminder_request_id: int) -> None:
    """Enqueue the e-mails of a reminder request once the current transaction commits.

    ``robust``: if the queue cannot be reached, the request stays un-emailed and the daily
    ``runperiodic`` picks it up (see :func:`reminders.send_pending_manual_reminders`).
    """
    transaction.on_commit(lambda: send_manual_reminders_task.enqueue(reminder_request_id), robust=True)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    task: Task
    description: str
    #: Whether the job takes the day it runs for (``--date``).
    takes_day: bool = False

    def kwargs(self, day: dt.date | None) -> dict:
        return {"day": day.isoformat()} if self.takes_day and day else {}


PERIODIC_JOBS: list[PeriodicJob] = [
    PeriodicJob(
        "reminders",
        send_reminders_task,
        "Reminders before the deadline and when overdue; pending manual reminders.",
        takes_day=True,
    ),
    PeriodicJob("prune_task_results", prune_task_results_task, "Delete task results older than 30 days."),
]


def periodic_job(name: str) -> PeriodicJob | None:
    return next((job for job in PERIODIC_JOBS if job.name == name), None)
