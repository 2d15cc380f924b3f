"""A plan's funds per unit, year and source (``work/budget.py``): planned funds entered and audited,
spent funds from the activity log and from the reports, totals and shares by source."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from binhdang.reporting import services
from binhdang.work import budget
from binhdang.work.errors import AccessDenied, WorkError
from binhdang.work.models import Activity, ActivityType, FundSource, PlannedFunds
from tests.reporting.conftest import COMMUNE_VALUES, DEPARTMENT_VALUES, fill, make_plan


@pytest.fixture
def plan(daklak):
    return make_plan(daklak.root)


def spend(plan, unit, user, state, other, day=dt.date(2026, 5, 4)):
    return Activity.objects.create(
        plan=plan,
        unit=unit,
        type=ActivityType.COMMUNICATION,
        date=day,
        place="Hội trường",
        budget_state=state,
        budget_other=other,
        created_by=user,
    )


def test_planned_funds_are_set_by_source_and_each_change_is_audited(plan, daklak, commune_a_reporter):
    budget.set_planned(
        plan, daklak.commune_a, 2026, commune_a_reporter, {"central": 10_000_000, "commune": 5_000_000}
    )
    budget.set_planned(
        plan, daklak.commune_a, 2026, commune_a_reporter, {"central": 12_000_000, "commune": None}
    )
    assert dict(PlannedFunds.objects.values_list("source", "amount")) == {"central": 12_000_000}
    central = PlannedFunds.objects.get()
    old, new = central.history.order_by("history_date")[:2]
    assert (old.amount, new.amount, new.history_user) == (10_000_000, 12_000_000, commune_a_reporter)
    assert (
        PlannedFunds.history.filter(source="commune", history_type="-").get().history_user
        == commune_a_reporter
    )


def test_planned_funds_of_another_unit_a_year_outside_the_plan_or_a_bad_amount_change_nothing(
    plan, daklak, commune_a_reporter, leader
):
    with pytest.raises(AccessDenied):
        budget.set_planned(plan, daklak.commune_b, 2026, commune_a_reporter, {"central": 1})
    with pytest.raises(AccessDenied):
        budget.set_planned(plan, daklak.commune_a, 2026, leader, {"central": 1})
    with pytest.raises(WorkError, match="ngoài giai đoạn của kế hoạch"):
        budget.set_planned(plan, daklak.commune_a, 2031, commune_a_reporter, {"central": 1})
    with pytest.raises(WorkError, match="Ngân sách xã phải là số đồng nguyên") as refused:
        budget.set_planned(plan, daklak.commune_a, 2026, commune_a_reporter, {"central": 1, "commune": -5})
    assert refused.value.field == "commune" and not PlannedFunds.objects.exists()


def test_spent_funds_come_from_the_log_and_the_reports_at_the_units_own_level(
    plan, daklak, focal_officer, commune_a_reporter, department_reporter
):
    budget.set_planned(
        plan, daklak.commune_a, 2026, focal_officer, {"central": 20_000_000, "mobilised": 5_000_000}
    )
    budget.set_planned(plan, daklak.health, 2026, focal_officer, {"province": 30_000_000})
    spend(plan, daklak.commune_a, commune_a_reporter, 3_000_000, 1_000_000)
    spend(plan, daklak.commune_a, commune_a_reporter, 2_000_000, 0)
    spend(plan, daklak.health, department_reporter, 10_000_000, 0)
    spend(plan, daklak.health, department_reporter, 99, 99, day=dt.date(2025, 12, 30))  # another year
    period = services.open_period(plan, 2026, focal_officer)
    report = services.get_or_create_submission(period, daklak.commune_a)
    fill(report, commune_a_reporter, COMMUNE_VALUES)  # 15.000.000 state, 2.000.000 other
    services.submit(report, commune_a_reporter, confirm_outliers=True)
    draft = services.get_or_create_submission(period, daklak.health)
    fill(draft, department_reporter, DEPARTMENT_VALUES)  # a draft does not count
    summary = budget.summary(plan, 2026)
    rows = {row.unit.code: row for row in summary.rows}
    commune, health = rows[daklak.commune_a.code], rows[daklak.health.code]
    assert commune.log == {"central": 0, "province": 0, "commune": 5_000_000, "mobilised": 1_000_000}
    assert commune.reported == {"central": 0, "province": 0, "commune": 15_000_000, "mobilised": 2_000_000}
    assert health.log["province"] == 10_000_000 and not health.has_report and health.reported_total == 0
    sources = {t.source: t for t in summary.sources}
    assert sources[FundSource.CENTRAL].planned == 20_000_000
    assert sources[FundSource.CENTRAL].planned_share == Decimal("36.4")  # 20 of 55 million
    assert sources[FundSource.PROVINCE].log_share == Decimal("62.5")  # 10 of 16 million
    assert sources[FundSource.CENTRAL].log_share == Decimal("0.0")
    assert (summary.planned_total, summary.log_total, summary.reported_total) == (
        55_000_000,
        16_000_000,
        17_000_000,
    )
    assert summary.chart()["series"][0]["values"] == [20_000_000, 30_000_000, 0, 5_000_000]


def test_the_summary_of_some_units_and_of_an_empty_year(plan, daklak, commune_a_reporter, focal_officer):
    spend(plan, daklak.commune_a, commune_a_reporter, 1_000, 0)
    spend(plan, daklak.commune_b, focal_officer, 2_000, 0)
    only_a = budget.summary(plan, 2026, [daklak.commune_a])
    assert [r.unit for r in only_a.rows] == [daklak.commune_a] and only_a.log_total == 1_000
    empty = budget.summary(plan, 2027)
    assert empty.is_empty and all(t.planned_share is None for t in empty.sources)


def test_the_summary_asks_four_queries_whatever_the_number_of_units(
    plan, daklak, focal_officer, django_assert_num_queries
):
    for unit in (daklak.commune_a, daklak.commune_b, daklak.health, daklak.womens_union):
        budget.set_planned(plan, unit, 2026, focal_officer, {"province": 1_000, "mobilised": 2_000})
        spend(plan, unit, focal_officer, 100, 50)
    with django_assert_num_queries(4):
        summary = budget.summary(plan, 2026)
        assert len(summary.rows) == 4 and summary.sources[1].planned == 4_000


def test_an_ad_hoc_request_asking_the_funds_again_does_not_count_them_twice(
    plan, daklak, focal_officer, commune_a_reporter
):
    from binhdang.reporting import requests

    period = services.open_period(plan, 2026, focal_officer)
    report = services.get_or_create_submission(period, daklak.commune_a)
    fill(report, commune_a_reporter, COMMUNE_VALUES)  # 15.000.000 state, 2.000.000 other
    services.submit(report, commune_a_reporter, confirm_outliers=True)
    asked = requests.open_request(
        plan,
        focal_officer,
        title="Kinh phí Tháng hành động",
        deadline=dt.date(2026, 12, 20),
        units=[daklak.commune_a],
        element_codes=["TT_BUDGET_STATE"],
    )
    again = services.get_or_create_submission(asked, daklak.commune_a)
    fill(again, commune_a_reporter, {("TT_BUDGET_STATE", ""): "15000000"})
    services.submit(again, commune_a_reporter, confirm_outliers=True)
    assert budget.summary(plan, 2026).reported_total == 17_000_000
