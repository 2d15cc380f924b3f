"""Fixtures of the results tests: Đắk Lắk's programme-1790 plan as seed 000 words it (five indicators
bound to ``1790.1``..``1790.5``, its 30/11 reporting deadline), its 2026 period, and a helper that
files a complete report through the reporting services (save, then submit at a given time)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from binhdang.plans.catalog import sync_catalog
from binhdang.plans.models import CatalogIndicator, Indicator, Milestone, Plan, Target
from binhdang.reporting import services
from binhdang.reporting.models.periods import LOCAL_TZ
from tests.factories import units_report_yearly

BASE_VALUES = {
    ("TT_SESSIONS", ""): "2",
    ("TT_PARTICIPANTS", "MALE"): "40",
    ("TT_PARTICIPANTS", "FEMALE"): "60",
    ("TT_AM_PLAN", ""): "true",
    ("TT_AM_ACTIVITIES", ""): "2",
    ("TT_NEWS", ""): "5",
    ("TT_TRAININGS", ""): "1",
    ("TT_TRAINEES", "MALE"): "10",
    ("TT_TRAINEES", "FEMALE"): "15",
    ("TT_BUDGET_STATE", ""): "10000000",
    ("TT_BUDGET_OTHER", ""): "0",
}
COMMUNE_EXTRA = {("TT_DIGITAL_MODELS", ""): "1", ("TT_CONVENTIONS", ""): "2", ("TT_CONVENTIONS_OK", ""): "2"}
MEDIA_EXTRA = {("TT_GSIM_STATUS", ""): "PILOT"}


def local(year, month, day, hour=10) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=LOCAL_TZ)


def d(text) -> Decimal:
    return Decimal(str(text))


def ensure_catalog() -> None:
    """The shipped catalog (a data migration loads it; transactional tests such as the browser ones
    empty the tables between tests)."""
    if not CatalogIndicator.objects.exists():
        sync_catalog(CatalogIndicator)


def add_indicator(
    plan,
    code,
    catalog,
    order,
    *targets,
    unit="%",
    baseline_year=None,
    baseline_value=None,
    direction="increase",
    milestones=(),
):
    """An indicator of ``plan`` bound to catalog entry ``catalog`` (or direct entry when None)."""
    ensure_catalog()
    indicator = Indicator.objects.create(
        plan=plan,
        code=code,
        text=f"Chỉ tiêu {code}",
        order=order,
        unit=unit,
        direction=direction,
        catalog=CatalogIndicator.objects.get(code=catalog) if catalog else None,
        baseline_year=baseline_year,
        baseline_value=baseline_value,
    )
    for position, target in enumerate(targets, start=1):
        Target.objects.create(indicator=indicator, order=position, **target)
    for year, value in milestones:
        if isinstance(value, tuple):
            Milestone.objects.create(indicator=indicator, year=year, min=d(value[0]), max=d(value[1]))
        else:
            Milestone.objects.create(indicator=indicator, year=year, value=d(value))
    return indicator


def add_sex_ratio_indicator(plan, order: int = 1) -> Indicator:
    """NQ28.4.1, the sex ratio at birth, with its 2030 range target of 104-107 boys per 100 girls."""
    return add_indicator(
        plan,
        "4.1",
        "NQ28.4.1",
        order,
        {"kind": "range", "min": d(104), "max": d(107), "year": 2030},
        direction="range",
        unit="bé trai/100 bé gái",
    )


def make_plan(province, *, slug="kh-1790-daklak", program="communication", focal=None) -> Plan:
    return Plan.objects.create(
        province=province,
        org_unit=province,
        issuer=f"UBND {province.name}",
        program=program,
        title="Kế hoạch thực hiện Chương trình Truyền thông về bình đẳng giới giai đoạn 2026 - 2030",
        period_start=2026,
        period_end=2030,
        status="active",
        slug=slug,
        focal_agency=focal,
    )


def seed_000_indicators(plan):
    """The five targets of seed 000: >= 2 sessions a year, 100 % Action Month every year, awareness
    +10-15 points by 2030 over 2026, 90 % of media apply the indicators by 2030, 100 % conventions."""
    return {
        "1": add_indicator(
            plan,
            "1",
            "1790.1",
            1,
            {"kind": "min", "value": d(2), "unit": "cuộc", "annual": True},
            unit="cuộc",
        ),
        "2": add_indicator(
            plan, "2", "1790.2", 2, {"kind": "min", "value": d(100), "unit": "%", "annual": True}
        ),
        "3": add_indicator(
            plan,
            "3",
            "1790.3",
            3,
            {
                "kind": "increase",
                "min": d(10),
                "max": d(15),
                "unit": "%",
                "year": 2030,
                "baseline_year": 2026,
            },
            baseline_year=2026,
        ),
        "4": add_indicator(
            plan, "4", "1790.4", 4, {"kind": "min", "value": d(90), "unit": "%", "year": 2030}
        ),
        "5": add_indicator(
            plan, "5", "1790.5", 5, {"kind": "min", "value": d(100), "unit": "%", "year": 2030}
        ),
    }


@pytest.fixture
def plan(daklak):
    return seed_000_plan(daklak)


def seed_000_plan(daklak):
    """Đắk Lắk's programme-1790 plan with seed 000's five targets, due 30/11 from every agency and commune."""
    plan = make_plan(daklak.root, focal=daklak.noi_vu)
    units_report_yearly(plan)
    seed_000_indicators(plan)
    return plan


@pytest.fixture
def period(plan):
    return services.open_period(plan, 2026, None)


def file_report(period, unit, values=None, *, at=None, submit=True):
    """A complete report of ``unit`` (base values for its type, then ``values``), saved and (unless
    ``submit`` is False) submitted through the reporting services at ``at``."""
    merged = dict(BASE_VALUES)
    if unit.type == "commune":
        merged.update(COMMUNE_EXTRA)
    if unit.type == "media":
        merged.update(MEDIA_EXTRA)
    if period.focal_unit_id == unit.pk:
        merged[("TT_AWARENESS", "")] = "60"
    merged.update({(k, "") if isinstance(k, str) else k: str(v) for k, v in (values or {}).items()})
    submission = services.get_or_create_submission(period, unit)
    services.save_draft(submission, merged, {"results": "Đã triển khai."}, None, expected_version=None)
    if submit:
        services.submit(submission, None, at=at or local(period.year, 11, 20))
    submission.refresh_from_db()
    return submission


def schooling_plan(daklak, lower_secondary: str):
    """A strategy plan whose indicator 5.2 has two measures (primary about 99 %, lower secondary 90 %
    by 2030), entered by Sở Y tế as 99,5 and ``lower_secondary``."""
    plan = make_plan(daklak.root, slug="chien-luoc", program="strategy", focal=daklak.noi_vu)
    indicator = add_indicator(
        plan,
        "5.2",
        None,
        1,
        {"kind": "min", "value": d(99), "unit": "%", "year": 2030},
        {"kind": "min", "value": d(90), "unit": "%", "year": 2030},
    )
    indicator.responsible.set([daklak.health])
    period = services.open_period(plan, 2026, None)
    submission = services.get_or_create_submission(period, daklak.health)
    code = f"IND{indicator.pk}"
    values = {(code, "VALUE"): "99,5", (f"{code}-T2", "VALUE"): lower_secondary}
    services.save_draft(submission, values, {"results": "Số liệu."}, None, expected_version=None)
    services.submit(submission, None, at=local(2026, 11, 20))
    return plan
