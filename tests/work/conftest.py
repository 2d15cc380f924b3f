"""A plan of Đắk Lắk with three tasks (the health department leads the first two, one dated) and its
campaigns, for the tests of the year's work."""

from __future__ import annotations

import pytest

from binhdang.plans.models import Campaign, Plan, Task


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
