"""The annual report's sections on the plan's work through the year (issue 17), beside
:mod:`~binhdang.documents.synthesis`:

- **3. Tiến độ thực hiện các nhiệm vụ**: how many tasks are done, in progress, late and not started at
  the end of the year (or today, within the year), and a table of every task with its lead agency, its
  status and its latest progress note; the late ones named;
- **4. Công tác kiểm tra, giám sát**: the inspections carried out in the year by kind, each with its
  units and main findings, the follow-up items (done, in progress, overdue) and those still open.

:func:`collect` reads them from the database (a few queries) into :class:`WorkSummary`, which
``annual.collect`` keeps on the report's content; :func:`sections` turns it into locked figures and
tables plus the officer's editable prose.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone, translation

from binhdang.core import formatting
from binhdang.core.formatting import number as vn_number
from binhdang.plans.models import Plan
from binhdang.work.inspection_models import FollowUpStatus, Inspection, InspectionKind
from binhdang.work.models import TaskStatus, TaskUpdate, effective_status

#: Characters of an inspection's findings quoted in the body (the rest is on its page).
FINDINGS_QUOTED = 400
#: Open follow-up items listed by name.
OPEN_LISTED = 15


@dataclass(frozen=True)
class TaskLine:
    code: str
    title: str
    lead: str
    status: str
    note: str
    noted_on: dt.date | None


@dataclass(frozen=True)
class FollowUpLine:
    text: str
    unit: str
    deadline: dt.date
    status: str


@dataclass(frozen=True)
class InspectionLine:
    day: dt.date
    kind: str
    title: str
    units: list[str]
    findings: str
    lead: str


@dataclass
class WorkSummary:
    """The plan's tasks as they stood on ``cutoff`` and the year's inspections."""

    cutoff: dt.date
    tasks: list[TaskLine] = field(default_factory=list)
    done: list[InspectionLine] = field(default_factory=list)
    planned: int = 0
    follow_ups: list[FollowUpLine] = field(default_factory=list)


def _cutoff(year: int, today: dt.date | None) -> dt.date:
    today = today or timezone.localdate()
    return min(today, dt.date(year, 12, 31))


def collect(plan: Plan, year: int, today: dt.date | None = None) -> WorkSummary:
    cutoff = _cutoff(year, today)
    summary = WorkSummary(cutoff)
    latest: dict[int, TaskUpdate] = {}
    updates = (
        TaskUpdate.objects.filter(task__plan=plan, created_at__date__lte=cutoff)
        .only("task_id", "status", "note", "created_at")
        .order_by("task_id", "-created_at", "-pk")
    )
    for update in updates:
        latest.setdefault(update.task_id, update)
    for task in plan.tasks.select_related("lead").order_by("order", "pk"):
        last = latest.get(task.pk)
        status = effective_status(
            last.status if last else TaskStatus.NOT_STARTED, task.timeframe, cutoff, task.due_date
        )
        summary.tasks.append(
            TaskLine(
                task.code,
                task.title,
                task.lead.name if task.lead else task.lead_text,
                status,
                last.note if last else "",
                timezone.localdate(last.created_at) if last else None,
            )
        )
    inspections = (
        Inspection.objects.filter(plan=plan)
        .select_related("lead_agency")
        .prefetch_related("units", "follow_ups__unit")
        .order_by("done_date", "planned_date", "pk")
    )
    for inspection in inspections:
        if inspection.done_date is None or inspection.done_date > cutoff:
            if inspection.planned_date.year == year:
                summary.planned += 1
            continue
        if inspection.done_date.year != year:
            continue
        summary.done.append(
            InspectionLine(
                inspection.done_date,
                inspection.kind,
                inspection.title,
                [u.name for u in inspection.units.all()],
                inspection.findings,
                inspection.lead_agency.name if inspection.lead_agency else "",
            )
        )
        for item in inspection.follow_ups.all():
            summary.follow_ups.append(
                FollowUpLine(item.text, item.unit.name, item.deadline, item.shown_status(cutoff))
            )
    return summary


# ------------------------------------------------------------------------------------------ sections


def _label(choices, value: str) -> str:
    with translation.override("vi"):
        return str(choices(value).label)


def _short(text: str, limit: int) -> str:
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def _clause(text: str) -> str:
    """A note or a finding inside a sentence: without its closing full stop."""
    return text.rstrip().rstrip(".")


def task_section(summary: WorkSummary, number: int, year: int):
    from binhdang.documents.synthesis import Section
    from binhdang.documents.tables import Column, ReportTable

    section = Section("task-progress", "I", f"{number}. Tiến độ thực hiện các nhiệm vụ của Kế hoạch", 2)
    tasks = summary.tasks
    if not tasks:
        section.figures.append("Kế hoạch chưa có nhiệm vụ được theo dõi.")
        return section
    counts = Counter(t.status for t in tasks)
    section.figures.append(
        f"Kế hoạch có {vn_number(len(tasks))} nhiệm vụ; đến ngày {formatting.date(summary.cutoff)}: "
        f"{vn_number(counts[TaskStatus.DONE])} nhiệm vụ đã hoàn thành, "
        f"{vn_number(counts[TaskStatus.IN_PROGRESS])} đang thực hiện, "
        f"{vn_number(counts[TaskStatus.LATE])} chậm, "
        f"{vn_number(counts[TaskStatus.NOT_STARTED])} chưa thực hiện."
    )
    columns = [
        Column("Số hiệu", width=7),
        Column("Nhiệm vụ", width=40),
        Column("Cơ quan chủ trì", width=20),
        Column("Tình trạng", width=12),
        Column("Tiến độ mới nhất", width=40),
    ]
    rows = [
        [
            t.code,
            _short(t.title, 200),
            t.lead or "—",
            _label(TaskStatus, t.status).capitalize(),
            f"{formatting.date(t.noted_on)}: {_short(t.note, 240)}"
            if t.noted_on
            else "Chưa có báo cáo tiến độ",
        ]
        for t in tasks
    ]
    section.table = ReportTable("tasks", f"Tiến độ các nhiệm vụ năm {year}", columns, rows)  # type: ignore[arg-type]
    late = [t for t in tasks if t.status == TaskStatus.LATE]
    if late:
        named = "; ".join(
            f"{t.code} ({t.lead or 'chưa xác định cơ quan chủ trì'})"
            + (f": {_clause(_short(t.note, 160))}" if t.note else "")
            for t in late
        )
        section.after.append(f"Các nhiệm vụ chậm: {named}.")
        section.prose = "Đề nghị các cơ quan chủ trì các nhiệm vụ chậm khẩn trương triển khai, báo cáo tiến độ về Sở Nội vụ."
    return section


def inspection_section(summary: WorkSummary, number: int, year: int):
    from binhdang.documents.synthesis import Section

    section = Section("inspections", "I", f"{number}. Công tác kiểm tra, giám sát", 2)
    done = summary.done
    if not done:
        sentence = f"Năm {year} chưa ghi nhận cuộc kiểm tra, giám sát nào đã thực hiện"
        if summary.planned:
            sentence += f"; {vn_number(summary.planned)} cuộc theo kế hoạch chưa thực hiện"
        section.figures.append(sentence + ".")
        return section
    kinds = Counter(i.kind for i in done)
    parts = [
        f"{vn_number(kinds[kind])} cuộc {_label(InspectionKind, kind)}"
        for kind in InspectionKind.values
        if kinds[kind]
    ]
    units = {u for i in done for u in i.units}
    sentence = (
        f"Năm {year} đã tổ chức {vn_number(len(done))} cuộc kiểm tra, giám sát ({', '.join(parts)}) "
        f"tại {vn_number(len(units))} đơn vị"
    )
    if summary.planned:
        sentence += f"; {vn_number(summary.planned)} cuộc theo kế hoạch chưa thực hiện"
    section.figures.append(sentence + ".")
    for line in done:
        text = f"- Ngày {formatting.date(line.day)}, {line.title} ({', '.join(line.units)})"
        if line.findings:
            text += f": {_clause(_short(line.findings, FINDINGS_QUOTED))}"
        section.figures.append(text + ".")
    items = summary.follow_ups
    if items:
        counts = Counter(i.status for i in items)
        section.after.append(
            f"Sau kiểm tra, giám sát đã giao {vn_number(len(items))} việc khắc phục: "
            f"{vn_number(counts[FollowUpStatus.DONE])} việc đã hoàn thành, "
            f"{vn_number(counts[FollowUpStatus.IN_PROGRESS])} đang thực hiện, "
            f"{vn_number(counts[FollowUpStatus.NOT_STARTED])} chưa thực hiện, "
            f"{vn_number(counts[FollowUpStatus.OVERDUE])} quá hạn."
        )
        still_open = sorted((i for i in items if i.status != FollowUpStatus.DONE), key=lambda i: i.deadline)
        if still_open:
            listed = "; ".join(
                f"{_clause(_short(i.text, 120))} ({i.unit}, hạn {formatting.date(i.deadline)}"
                + (", quá hạn" if i.status == FollowUpStatus.OVERDUE else "")
                + ")"
                for i in still_open[:OPEN_LISTED]
            )
            more = len(still_open) - OPEN_LISTED
            section.after.append(
                f"Các việc khắc phục chưa hoàn thành: {listed}"
                + (f" và {vn_number(more)} việc khác." if more > 0 else ".")
            )
    return section


def sections(summary: WorkSummary | None, first_number: int, year: int) -> list:
    """The two sections, numbered from ``first_number`` within chapter I."""
    if summary is None:
        return []
    return [task_section(summary, first_number, year), inspection_section(summary, first_number + 1, year)]
