"""Fixtures of the reporting tests: a communication plan of Đắk Lắk with its 30/11 reporting
obligation, its 2026 period, and helpers to fill a complete TT1790 report."""

from __future__ import annotations

import datetime as dt

import pytest

from binhdang.plans.models import Plan, ReportingObligation
from binhdang.reporting import services
from tests.factories import units_report_yearly

COMMUNE_VALUES = {
    ("TT_SESSIONS", ""): "4",
    ("TT_PARTICIPANTS", "MALE"): "120",
    ("TT_PARTICIPANTS", "FEMALE"): "180",
    ("TT_AM_PLAN", ""): "true",
    ("TT_AM_ACTIVITIES", ""): "3",
    ("TT_NEWS", ""): "12",
    ("TT_TRAININGS", ""): "1",
    ("TT_TRAINEES", "MALE"): "20",
    ("TT_TRAINEES", "FEMALE"): "25",
    ("TT_DIGITAL_MODELS", ""): "1",
    ("TT_CONVENTIONS", ""): "5",
    ("TT_CONVENTIONS_OK", ""): "5",
    ("TT_BUDGET_STATE", ""): "15000000",
    ("TT_BUDGET_OTHER", ""): "2000000",
}
DEPARTMENT_VALUES = {
    k: v
    for k, v in COMMUNE_VALUES.items()
    if k[0] not in ("TT_DIGITAL_MODELS", "TT_CONVENTIONS", "TT_CONVENTIONS_OK")
}


def make_plan(
    province, *, program="communication", slug="kh-1790-daklak", deadline=(11, 30), span=(2026, 2030)
) -> Plan:
    plan = Plan.objects.create(
        province=province,
        org_unit=province,
        issuer="UBND tỉnh Đắk Lắk",
        program=program,
        title="Kế hoạch thực hiện Chương trình Truyền thông về bình đẳng giới giai đoạn 2026 - 2030",
        period_start=span[0],
        period_end=span[1],
        status="active",
        slug=slug,
    )
    units_report_yearly(plan, deadline)
    ReportingObligation.objects.create(
        plan=plan,
        reporter_text="Sở Nội vụ",
        receivers=["UBND tỉnh", "Bộ Nội vụ"],
        deadline_month=12,
        deadline_day=5,
        recurrence="annual",
    )
    return plan


@pytest.fixture
def plan(daklak):
    return make_plan(daklak.root)


@pytest.fixture
def period(plan, focal_officer):
    return services.open_period(plan, 2026, focal_officer)


@pytest.fixture
def laichau_period(laichau, outsider):
    return services.open_period(make_plan(laichau.root, slug="kh-1790-laichau"), 2026, outsider)


def local(year, month, day, hour=10, minute=0) -> dt.datetime:
    from binhdang.reporting.models.periods import LOCAL_TZ

    return dt.datetime(year, month, day, hour, minute, tzinfo=LOCAL_TZ)


def fill(submission, user, values=None, narrative=None):
    """Save a complete set of values as ``user`` and return the save result."""
    values = values or (COMMUNE_VALUES if submission.unit.type == "commune" else DEPARTMENT_VALUES)
    return services.save_draft(
        submission,
        values,
        narrative or {"results": "Đã tổ chức các hoạt động."},
        user,
        expected_version=submission.version,
    )
