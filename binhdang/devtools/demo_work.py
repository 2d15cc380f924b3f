"""The demo's year of work: progress on the demo province's plan tasks (a few updates each, some late,
some done) and a few hundred activities of its communes and agencies across the plan's campaigns
(Action Month 15/11-15/12, 8/3, 28/6, ...) and through the year, and the year's planned funds of the
units that logged activities (by source).

:func:`build_demo_work(province, year, today, seed)` is idempotent (a plan that already has updates
or activities is left alone) and quick: rows are written with ``bulk_create_with_history``, so the
audit trail holds them too. Dates never pass ``today``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from binhdang.accounts.models import Role, User
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.campaigns import add_usual
from binhdang.plans.models import Plan
from binhdang.reporting.models.periods import LOCAL_TZ
from binhdang.work.models import Activity, ActivityType, FundSource, PlannedFunds, TaskStatus, TaskUpdate

#: How far a task has got, and its weight in the mix.
PROGRESS = (("done", 30), ("in_progress", 45), ("late", 10), ("not_started", 15))
NOTES = {
    TaskStatus.IN_PROGRESS: [
        "Đã ban hành kế hoạch triển khai; đang tổ chức thực hiện tại các đơn vị.",
        "Đã tổ chức {n} hội nghị phổ biến; tiếp tục lồng ghép trong các buổi sinh hoạt.",
        "Đã đăng {n} tin, bài trên trang thông tin điện tử của đơn vị.",
    ],
    TaskStatus.DONE: [
        "Đã hoàn thành; báo cáo kết quả gửi Sở Nội vụ.",
        "Hoàn thành {n} lớp tập huấn với đầy đủ thành phần theo kế hoạch.",
    ],
    TaskStatus.LATE: ["Chưa bố trí được kinh phí; đề nghị lùi thời hạn sang quý sau."],
}
PLACES = {
    "commune": ["Nhà văn hoá thôn {n}", "Hội trường UBND xã", "Buôn {n}", "Trường tiểu học số {n}"],
    "agency": ["Hội trường cơ quan", "Trung tâm Hội nghị tỉnh", "Phòng họp số {n}"],
}
OTHER_TYPES = (
    (ActivityType.COMMUNICATION, 50),
    (ActivityType.TRAINING, 15),
    (ActivityType.COMMUNITY_MODEL, 10),
    (ActivityType.CONVENTION, 10),
    (ActivityType.OTHER, 5),
)


def _pick(rng: random.Random, weighted) -> str:
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights=weights)[0]


def _moment(day: dt.date, rng: random.Random) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(rng.randint(7, 17), rng.randint(0, 59)), tzinfo=LOCAL_TZ)


def _reporters(province: OrgUnit) -> dict[int, User]:
    """One reporter per unit of the province that has one."""
    rows = User.objects.filter(
        is_active=True, role_assignments__role=Role.REPORTER, role_assignments__org_unit__province=province
    ).values_list("role_assignments__org_unit", "pk")
    users = User.objects.in_bulk({pk for _unit, pk in rows})
    return {unit: users[pk] for unit, pk in rows}


def _task_updates(plan: Plan, focal: User, reporters, today: dt.date, rng: random.Random) -> list[TaskUpdate]:
    rows = []
    start = dt.date(today.year, 1, 15)
    for task in plan.tasks.all():
        outcome = _pick(rng, PROGRESS)
        if outcome == "not_started":
            continue
        author = reporters.get(task.lead_id, focal)
        steps = [TaskStatus.IN_PROGRESS] * rng.randint(1, 2)
        steps.append(TaskStatus(outcome) if outcome != "late" else TaskStatus.LATE)
        if outcome == "in_progress":
            steps = steps[:-1] or [TaskStatus.IN_PROGRESS]
        span = max((today - start).days, 1)
        days = sorted(rng.sample(range(span), min(len(steps), span)))
        if outcome == "late":  # no news for a long while
            days = [d * 2 // 5 for d in days]
        for status, offset in zip(steps, days, strict=False):
            note = rng.choice(NOTES[status]).format(n=rng.randint(2, 12))
            rows.append(
                TaskUpdate(
                    task=task,
                    author=author,
                    status=status,
                    note=note,
                    created_at=_moment(start + dt.timedelta(days=offset), rng),
                )
            )
    return rows


def _activities(plan: Plan, province: OrgUnit, focal: User, reporters, today: dt.date, count: int, rng):
    units = list(OrgUnit.objects.filter(province=province, is_active=True).exclude(pk=province.pk))
    communes = [u for u in units if u.type == "commune"]
    agencies = [u for u in units if u.type != "commune"]
    campaigns = [(c, *c.dates_in(today.year)) for c in plan.campaigns.all()]
    campaigns = [(c, first, min(last, today)) for c, first, last in campaigns if first <= today]
    rows = []
    for _ in range(count):
        unit = (
            rng.choice(communes)
            if communes and (rng.random() < 0.8 or not agencies)
            else rng.choice(agencies)
        )
        campaign = None
        if campaigns and rng.random() < 0.55:
            # the Action Month and other periods hold most campaign activities; a day's events fall on
            # it or the days around it
            campaign, first, last = rng.choices(
                campaigns, weights=[6 if c.is_period else 1 for c, *_ in campaigns]
            )[0]
            if campaign.is_period:
                day = first + dt.timedelta(days=rng.randint(0, (last - first).days))
            else:
                day = min(today, first + dt.timedelta(days=rng.choice((0, 0, 0, -1, -2, 1, -3))))
            month = "Tháng hành động" in campaign.name or (last - first).days > 7
            kind = ActivityType.ACTION_MONTH if month else ActivityType.COMMEMORATION
        else:
            day = dt.date(today.year, 1, 2) + dt.timedelta(
                days=rng.randint(0, (today - dt.date(today.year, 1, 2)).days)
            )
            kind = ActivityType(_pick(rng, OTHER_TYPES))
        people = rng.randint(15, 120) if unit.type == "commune" else rng.randint(20, 250)
        female = round(people * rng.uniform(0.45, 0.75))
        place = rng.choice(PLACES["commune" if unit.type == "commune" else "agency"]).format(
            n=rng.randint(1, 12)
        )
        rows.append(
            Activity(
                plan=plan,
                unit=unit,
                type=kind,
                date=day,
                place=place,
                campaign=campaign,
                male=people - female,
                female=female,
                budget_state=rng.choice((0, 500_000, 1_000_000, 2_000_000, 3_500_000, 5_000_000)),
                budget_other=rng.choice((0, 0, 0, 200_000, 500_000, 1_000_000)),
                description=f"{kind.label} tại {place.lower()}.",
                created_by=reporters.get(unit.pk, focal),
                created_at=_moment(day, rng) + dt.timedelta(hours=2),
            )
        )
    return rows


def _planned_funds(plan: Plan, focal: User, year: int, rng: random.Random) -> list[PlannedFunds]:
    """Every unit that logged activities plans its year's funds: a commune from its own budget, some
    from central programme funds and mobilised funds; an agency from the provincial budget."""
    rows = []
    units = OrgUnit.objects.filter(pk__in=Activity.objects.filter(plan=plan).values("unit")).order_by("code")
    for unit in units:
        if unit.type == "commune":
            amounts = {
                FundSource.COMMUNE: rng.choice((10, 15, 20, 25, 30)) * 1_000_000,
                FundSource.CENTRAL: rng.choice((0, 0, 10, 20)) * 1_000_000,
                FundSource.MOBILISED: rng.choice((0, 2, 3, 5)) * 1_000_000,
            }
        else:
            amounts = {
                FundSource.PROVINCE: rng.choice((20, 30, 50, 80)) * 1_000_000,
                FundSource.MOBILISED: rng.choice((0, 0, 5, 10)) * 1_000_000,
            }
        rows += [
            PlannedFunds(plan=plan, unit=unit, year=year, source=source, amount=amount, updated_by=focal)
            for source, amount in amounts.items()
            if amount
        ]
    return rows


def build_demo_work(
    province: OrgUnit, focal: User, today: dt.date, *, activities: int = 320, seed: int = 2026
):
    """Progress of every active plan's tasks, and ``activities`` activities under the communication
    plan (the province's first active plan with campaigns). Returns counts by kind of row."""
    rng = random.Random(seed)
    counts: Counter[str] = Counter()
    reporters = _reporters(province)
    plans = list(Plan.objects.filter(province=province, status="active").order_by("pk"))
    with transaction.atomic():
        for plan in plans:
            if TaskUpdate.objects.filter(task__plan=plan).exists():
                continue
            updates = _task_updates(plan, focal, reporters, today, rng)
            bulk_create_with_history(updates, TaskUpdate, default_user=focal, default_date=None)
            counts["task updates"] += len(updates)
        for plan in plans:  # a demo database made before the usual days were added at import
            if added := add_usual(plan, focal):
                counts["usual campaign days"] += len(added)
        with_campaigns = [p for p in plans if p.campaigns.exists()] or plans
        if with_campaigns and not Activity.objects.filter(plan__province=province).exists():
            logged = _activities(with_campaigns[0], province, focal, reporters, today, activities, rng)
            bulk_create_with_history(logged, Activity, batch_size=500, default_user=focal)
            counts["activities"] += len(logged)
        if with_campaigns and not PlannedFunds.objects.filter(plan=with_campaigns[0]).exists():
            planned = _planned_funds(with_campaigns[0], focal, today.year, rng)
            bulk_create_with_history(planned, PlannedFunds, batch_size=500, default_user=focal)
            counts["planned funds"] += len(planned)
    return counts
