"""The follow-up of a plan's tasks: their current status, the updates of their lead agency or the
focal officer, and the lists the board and the dashboards show. Each workflow is one transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.core import audit
from binhdang.plans.models import Plan, Task
from binhdang.reporting.attachments import check_file
from binhdang.reporting.errors import ReportingError
from binhdang.work import access
from binhdang.work.errors import AccessDenied, WorkError
from binhdang.work.models import TaskStatus, TaskUpdate, effective_status

#: A task without news for this many days is flagged on the focal officer's board.
STALE_DAYS = 90


def with_progress(tasks: QuerySet[Task]) -> QuerySet[Task]:
    """Tasks annotated with ``last_status`` and ``last_update_at`` (None without an update)."""
    latest = TaskUpdate.objects.filter(task=OuterRef("pk")).order_by("-created_at", "-pk")
    return tasks.annotate(
        last_status=Subquery(latest.values("status")[:1]),
        last_update_at=Subquery(latest.values("created_at")[:1]),
    )


@dataclass
class TaskRow:
    task: Task
    status: str
    last_update_at: dt.datetime | None

    @property
    def status_label(self) -> str:
        return str(TaskStatus(self.status).label)

    @property
    def is_late(self) -> bool:
        return self.status == TaskStatus.LATE

    def days_without_news(self, today: dt.date) -> int | None:
        if self.last_update_at is None:
            return None
        return (today - timezone.localdate(self.last_update_at)).days

    def stale(self, today: dt.date, days: int) -> bool:
        """No update for ``days`` days (or never), and not done."""
        if self.status == TaskStatus.DONE:
            return False
        quiet = self.days_without_news(today)
        return quiet is None or quiet >= days


def task_rows(tasks: QuerySet[Task], today: dt.date | None = None) -> list[TaskRow]:
    today = today or timezone.localdate()
    rows = []
    for task in with_progress(tasks).select_related("lead", "group"):
        last = getattr(task, "last_status", None) or TaskStatus.NOT_STARTED
        rows.append(
            TaskRow(
                task,
                effective_status(last, task.timeframe, today, task.due_date),
                getattr(task, "last_update_at", None),
            )
        )
    return rows


def filter_rows(
    rows: list[TaskRow],
    *,
    status: str = "",
    lead: int | None = None,
    late: bool = False,
    quiet_days: int | None = None,
    today: dt.date | None = None,
) -> list[TaskRow]:
    today = today or timezone.localdate()
    if status:
        rows = [r for r in rows if r.status == status]
    if lead is not None:
        rows = [r for r in rows if r.task.lead_id == lead]
    if late:
        rows = [r for r in rows if r.is_late]
    if quiet_days is not None:
        rows = [r for r in rows if r.stale(today, quiet_days)]
    return rows


@dataclass(frozen=True)
class Completion:
    done: int
    total: int
    late: int

    @property
    def share(self) -> float | None:
        return self.done / self.total * 100 if self.total else None


def completion(plan: Plan, today: dt.date | None = None) -> Completion:
    return completion_of(task_rows(plan.tasks.all(), today))


def completion_of(rows: list[TaskRow]) -> Completion:
    """The completion of the tasks of ``rows`` (see :func:`task_rows`)."""
    return Completion(
        done=sum(r.status == TaskStatus.DONE for r in rows),
        total=len(rows),
        late=sum(r.is_late for r in rows),
    )


def needing_attention(plan: Plan, today: dt.date | None = None, days: int = STALE_DAYS) -> list[TaskRow]:
    """The focal officer's board: tasks late or without news for ``days`` days."""
    today = today or timezone.localdate()
    return attention_of(task_rows(plan.tasks.all(), today), today, days)


def attention_of(rows: list[TaskRow], today: dt.date, days: int = STALE_DAYS) -> list[TaskRow]:
    """The rows of :func:`needing_attention` among ``rows`` (read once for the completion too)."""
    return [r for r in rows if r.is_late or r.stale(today, days)]


def add_update(task: Task, user, *, status: str, note: str, file=None) -> TaskUpdate:
    """Record a progress update of ``task`` (its lead's reporter or a focal officer of the province)."""
    if not access.can_update_task(user, task):
        raise AccessDenied(_("Only the lead agency's reporters and the focal officer may update this task."))
    if status not in TaskStatus.values:
        raise WorkError(_("Choose the task's status."), field="status")
    note = (note or "").strip()
    if not note:
        raise WorkError(_("Write what was done (the progress note)."), field="note")
    if len(note) > 4000:
        raise WorkError(_("The progress note is longer than 4000 characters."), field="note")
    if file:
        try:
            check_file(file)
        except ReportingError as error:
            raise WorkError(str(error), field="file") from error
    with transaction.atomic():
        update = TaskUpdate(task=task, author=user, status=status, note=note)
        if file:
            update.file_name = file.name[:255]
            update.file.save(file.name, file, save=False)
        audit.by(update, user).save()
    return update
