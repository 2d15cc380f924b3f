"""The plan's work over a span, for the review (``documents.review``): the tasks' status at the end of
the span (or today, if earlier) and how many were done by the end of each year, from the tasks' updates
as ``work.task_followup`` reads them; the activity log's totals by year and by type (one grouped query)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Sum
from django.utils import timezone

from binhdang.plans.models import Plan
from binhdang.work.models import Activity, ActivityType, TaskStatus, TaskUpdate, effective_status

#: Task statuses in the order the review counts them.
TASK_ORDER = (TaskStatus.DONE, TaskStatus.IN_PROGRESS, TaskStatus.NOT_STARTED, TaskStatus.LATE)


# ------------------------------------------------------------------------------------------ tasks


@dataclass
class TaskState:
    code: str
    title: str
    lead: str
    timeframe: str
    status: str

    @property
    def status_label(self) -> str:
        return str(TaskStatus(self.status).label)


@dataclass
class TaskSummary:
    """The plan's tasks at ``asof`` (the end of the span, or today if earlier)."""

    asof: dt.date
    rows: list[TaskState]
    #: year -> tasks done by the end of that year (years not yet begun are left out).
    done_by_year: dict[int, int]

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def total(self) -> int:
        return len(self.rows)

    def counts(self) -> list[tuple[str, str, int]]:
        """(status, its label, tasks) in the order of :data:`TASK_ORDER`."""
        return [(str(s), str(TaskStatus(s).label), self.count(s)) for s in TASK_ORDER]

    def late(self) -> list[TaskState]:
        return [r for r in self.rows if r.status == TaskStatus.LATE]


def _status_at(updates: list[tuple[int, str, dt.date]], day: dt.date) -> dict[int, str]:
    """{task id: the status of its last update on or before ``day``} (updates oldest first)."""
    found: dict[int, str] = {}
    for task_id, status, when in updates:
        if when <= day:
            found[task_id] = status
    return found


def task_summary(plan: Plan, start: int, end: int, today: dt.date | None = None) -> TaskSummary:
    today = today or timezone.localdate()
    asof = min(today, dt.date(end, 12, 31))
    updates = [
        (task_id, status, timezone.localdate(moment))
        for task_id, status, moment in TaskUpdate.objects.filter(task__plan=plan)
        .order_by("created_at", "pk")
        .values_list("task_id", "status", "created_at")
    ]
    tasks = list(plan.tasks.select_related("lead").order_by("order", "pk"))
    current = _status_at(updates, asof)
    rows = [
        TaskState(
            task.code,
            task.title,
            task.lead.name if task.lead is not None else task.lead_text,
            task.timeframe,
            effective_status(current.get(task.pk, TaskStatus.NOT_STARTED), task.timeframe, asof),
        )
        for task in tasks
    ]
    done_by_year = {}
    for year in range(start, end + 1):
        if year > today.year:
            break
        day = min(today, dt.date(year, 12, 31))
        done_by_year[year] = sum(1 for s in _status_at(updates, day).values() if s == TaskStatus.DONE)
    return TaskSummary(asof, rows, done_by_year)


# ------------------------------------------------------------------------------------- activities


@dataclass
class Totals:
    count: int = 0
    male: int = 0
    female: int = 0
    budget_state: int = 0
    budget_other: int = 0

    @property
    def participants(self) -> int:
        return self.male + self.female

    @property
    def budget(self) -> int:
        return self.budget_state + self.budget_other

    def add(self, other: Totals) -> None:
        self.count += other.count
        self.male += other.male
        self.female += other.female
        self.budget_state += other.budget_state
        self.budget_other += other.budget_other


@dataclass
class ActivityTotals:
    """The activity log of the span: totals by year, by type, and overall."""

    years: list[int]
    by_year: dict[int, Totals]
    by_type: dict[str, Totals]
    total: Totals

    def type_rows(self) -> list[tuple[str, Totals]]:
        """(type label, totals) for the types recorded, in the order of ``ActivityType``."""
        return [
            (str(label), self.by_type[kind]) for kind, label in ActivityType.choices if kind in self.by_type
        ]


def activity_totals(plan: Plan, start: int, end: int) -> ActivityTotals:
    """One grouped query over the span's activities of ``plan``."""
    years = list(range(start, end + 1))
    by_year = {year: Totals() for year in years}
    by_type: dict[str, Totals] = {}
    total = Totals()
    rows = (
        Activity.objects.filter(plan=plan, date__year__gte=start, date__year__lte=end)
        .values("date__year", "type")
        .annotate(n=Count("pk"), m=Sum("male"), f=Sum("female"), s=Sum("budget_state"), o=Sum("budget_other"))
        .order_by()
    )
    for row in rows:
        found = Totals(row["n"], row["m"] or 0, row["f"] or 0, row["s"] or 0, row["o"] or 0)
        by_year[row["date__year"]].add(found)
        by_type.setdefault(row["type"], Totals()).add(found)
        total.add(found)
    return ActivityTotals(years, by_year, by_type, total)
