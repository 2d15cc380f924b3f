"""A plan of Đắk Lắk with three tasks (the health department leads the first two, one dated) and its
campaigns, for the tests of the year's work; and the year's work of a unit (a task it leads, follow-up
items of a supervision addressed to it) as the home pages' tests give it."""

from __future__ import annotations

import datetime as dt

import pytest

from binhdang.plans.models import Campaign, Plan, Task
from binhdang.work import inspections
from binhdang.work.inspection_models import Inspection


@pytest.fixture
def plan(daklak):
    plan = Plan.objects.create(
        province=daklak.root,
        org_unit=daklak.root,
        issuer="UBND tỉnh Đắk Lắk",
        program="communication",
        title="Kế hoạch truyền thông về bình đẳng giới giai đoạn 2026 - 2030",
        period_start=2026,
        period_end=2030,
        status="active",
        slug="kh-daklak",
        focal_agency=daklak.noi_vu,
    )
    Task.objects.create(
        plan=plan,
        code="1.a",
        title="Tuyên truyền trên báo chí",
        lead=daklak.health,
        timeframe="Hằng năm",
        order=1,
    )
    Task.objects.create(
        plan=plan,
        code="1.b",
        title="Xây dựng kế hoạch triển khai",
        lead=daklak.health,
        timeframe="Trước ngày 20/6/2026",
        order=2,
    )
    Task.objects.create(
        plan=plan,
        code="2.a",
        title="Tập huấn cho cán bộ",
        lead=daklak.womens_union,
        timeframe="2026-2030",
        order=3,
    )
    Campaign.objects.create(
        plan=plan,
        name="Tháng hành động vì bình đẳng giới",
        start_month=11,
        start_day=15,
        end_month=12,
        end_day=15,
    )
    Campaign.objects.create(plan=plan, name="Ngày Gia đình Việt Nam", start_month=6, start_day=28)
    return plan


def task(plan, code: str) -> Task:
    return plan.tasks.get(code=code)


def supervise(plan, officer, unit, title: str, items: list[tuple[str, dt.date]]) -> Inspection:
    """A supervision of ``unit`` done on 03/09/2026 under ``plan``, with a follow-up item addressed to
    ``unit`` for each ``(text, deadline)`` of ``items``."""
    return inspections.record(
        plan,
        officer,
        {
            "kind": "supervision",
            "title": title,
            "units": [unit],
            "planned_date": dt.date(2026, 9, 1),
            "done_date": dt.date(2026, 9, 3),
            "findings": "Còn chậm.",
        },
        [{"text": text, "unit": unit, "deadline": deadline} for text, deadline in items],
    )


def give_commune_work(plan, daklak, officer) -> Inspection:
    """Commune A's work under ``plan``: it leads task 9.a "Nói chuyện chuyên đề ở xã" and has one open
    follow-up item, "Bổ sung hồ sơ" (deadline 01/11/2026), from the supervision "Giám sát xã"."""
    Task.objects.create(
        plan=plan, code="9.a", title="Nói chuyện chuyên đề ở xã", lead=daklak.commune_a, order=9
    )
    return supervise(
        plan, officer, daklak.commune_a, "Giám sát xã", [("Bổ sung hồ sơ", dt.date(2026, 11, 1))]
    )
