"""The campaign calendar's figures (``work.campaign_calendar``): a campaign's state and days left seen
from a day, what is coming, the expected units, and what each unit did for each campaign."""

from __future__ import annotations

import datetime as dt

import pytest

from binhdang.reporting import services as reporting_services
from binhdang.work import access, activities, campaign_calendar
from binhdang.work.models import Activity

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 4)  # the suite's clock: the Action Month is under way


def record(plan, unit, user, campaign, day, male=0, female=0, budget=0):
    return activities.record(
        plan,
        unit,
        user,
        {
            "type": "action_month",
            "date": day,
            "place": "Hội trường",
            "campaign": campaign,
            "male": male,
            "female": female,
            "budget_state": budget,
        },
    )


def test_the_action_month_is_under_way_with_its_days_left_and_the_family_day_is_over(plan):
    month, family = sorted(campaign_calendar.occurrences(plan, 2026, TODAY), key=lambda o: -o.start.month)

    assert (month.state, month.days_to_end, month.when) == ("current", 11, "15/11/2026 - 15/12/2026")
    assert (family.state, family.when) == ("past", "28/06/2026")
    assert month.started and family.started


def test_what_is_coming_goes_on_into_next_year_with_the_days_to_wait(plan):
    coming = campaign_calendar.coming(plan, TODAY)

    assert [(o.campaign.name, o.start) for o in coming] == [
        ("Tháng hành động vì bình đẳng giới", dt.date(2026, 11, 15)),
        ("Ngày Gia đình Việt Nam", dt.date(2027, 6, 28)),
        ("Tháng hành động vì bình đẳng giới", dt.date(2027, 11, 15)),
    ]
    assert coming[1].state == "coming" and coming[1].days_to_start == 206


def test_nothing_is_coming_after_the_plans_last_year(plan):
    assert campaign_calendar.coming(plan, dt.date(2030, 12, 20)) == []


def test_before_a_period_is_opened_every_reporting_unit_of_the_province_is_expected(plan, daklak):
    units = set(campaign_calendar.expected_units(plan, 2026))

    assert daklak.commune_a in units and daklak.health in units and daklak.newspaper in units
    assert daklak.root not in units


def test_once_a_period_is_opened_its_expected_units_are_those_of_the_calendar(plan, daklak, focal_officer):
    plan.obligations.create(
        reporter_text="UBND các xã", reporter_kinds=["commune"], receivers=["Sở Nội vụ"],
        deadline_month=11, deadline_day=30, recurrence="annual",
    )  # fmt: skip
    period = reporting_services.open_period(plan, 2026, focal_officer)

    expected = set(campaign_calendar.expected_units(plan, 2026))

    assert expected == {e.unit for e in period.expected_reporters.all()}
    assert daklak.commune_a in expected


def test_each_unit_gets_its_totals_for_each_campaign_and_the_others_are_listed_with_nothing(
    plan, daklak, focal_officer, commune_a_reporter
):
    month = plan.campaigns.get(start_month=11)
    record(plan, daklak.commune_a, commune_a_reporter, month, dt.date(2026, 11, 20), 10, 30, 1_000_000)
    record(plan, daklak.commune_a, commune_a_reporter, month, dt.date(2026, 11, 25), 5, 7, 500_000)
    record(plan, daklak.health, focal_officer, month, dt.date(2026, 12, 1), 2, 3)
    record(plan, daklak.health, focal_officer, month, dt.date(2025, 12, 1) + dt.timedelta(days=365), 1, 1)
    units = campaign_calendar.expected_units(plan, 2026)

    results = campaign_calendar.results(plan, 2026, TODAY, Activity.objects.all(), units)

    family, month_result = results
    assert family.occurrence.campaign.name == "Ngày Gia đình Việt Nam"
    rows = {row.unit: row.totals for row in month_result.rows}
    assert (rows[daklak.commune_a].count, rows[daklak.commune_a].male, rows[daklak.commune_a].female) == (
        2,
        15,
        37,
    )
    assert rows[daklak.commune_a].budget == 1_500_000
    assert rows[daklak.health].count == 2
    assert month_result.totals.count == 4 and month_result.acted == 2
    assert daklak.commune_b in month_result.silent and daklak.commune_a not in month_result.silent
    assert len(month_result.silent) == month_result.expected - 2
    assert family.rows == [] and len(family.silent) == family.expected  # over, nobody did anything


def test_a_campaign_still_to_come_lists_no_unit_as_having_done_nothing(plan):
    units = campaign_calendar.expected_units(plan, 2027)

    results = campaign_calendar.results(plan, 2027, TODAY, Activity.objects.all(), units)

    assert all(r.occurrence.state == "coming" and r.silent == [] for r in results)


def test_a_reporter_sees_only_their_own_unit(plan, daklak, commune_a_reporter, focal_officer):
    month = plan.campaigns.get(start_month=11)
    record(plan, daklak.commune_b, focal_officer, month, dt.date(2026, 11, 20), 1, 1)
    units = access.calendar_units(commune_a_reporter, plan, campaign_calendar.expected_units(plan, 2026))

    results = campaign_calendar.results(
        plan, 2026, TODAY, access.visible_activities(commune_a_reporter), units
    )

    month_result = results[1]
    assert month_result.rows == [] and month_result.silent == [daklak.commune_a]
    assert month_result.expected == 1
