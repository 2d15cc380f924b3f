"""The demo's year of work (``devtools/demo_work.py``)."""

from __future__ import annotations

import datetime as dt

from binhdang.devtools.demo_work import build_demo_work
from binhdang.plans.models import Campaign, Task
from binhdang.work import task_followup
from binhdang.work.models import Activity, ActivityType, TaskUpdate
from tests.factories import Role, make_user

TODAY = dt.date(2026, 12, 4)


def _plan_with_work(plan, daklak):
    for n in range(12):
        Task.objects.create(plan=plan, code=f"{n}.a", title=f"Nhiệm vụ {n}", lead=daklak.health, order=n,
                            timeframe="Trước ngày 30/6/2026" if n % 4 == 0 else "Hằng năm")  # fmt: skip
    Campaign.objects.create(plan=plan, name="Tháng hành động vì bình đẳng giới", start_month=11, start_day=15,
                            end_month=12, end_day=15)  # fmt: skip
    Campaign.objects.create(plan=plan, name="Ngày Quốc tế Phụ nữ", start_month=3, start_day=8)


def test_the_demo_year_has_task_progress_and_a_few_hundred_activities_across_campaigns(plan, daklak):
    _plan_with_work(plan, daklak)
    focal = make_user("daumoi", Role.FOCAL_OFFICER, daklak.root)
    make_user("so.yte", Role.REPORTER, daklak.health)
    counts = build_demo_work(daklak.root, focal, TODAY, activities=300)
    assert counts["activities"] == 300
    logged = Activity.objects.all()
    assert logged.filter(type=ActivityType.ACTION_MONTH, date__gte=dt.date(2026, 11, 15)).exists()
    assert logged.filter(date=dt.date(2026, 3, 8), type=ActivityType.COMMEMORATION).exists()
    assert not logged.filter(date__gt=TODAY).exists()
    assert logged.filter(unit=daklak.commune_a).exists() and logged.exclude(unit__type="commune").exists()
    assert Activity.history.count() == 300  # the audit trail holds them
    assert TaskUpdate.objects.filter(author__username="so.yte").exists()  # the lead agency's reporter
    statuses = {r.status for r in task_followup.task_rows(plan.tasks.all(), TODAY)}
    assert {"done", "late"} <= statuses


def test_building_it_again_changes_nothing(plan, daklak):
    _plan_with_work(plan, daklak)
    focal = make_user("daumoi", Role.FOCAL_OFFICER, daklak.root)
    build_demo_work(daklak.root, focal, TODAY, activities=50)
    before = (Activity.objects.count(), TaskUpdate.objects.count())
    assert not build_demo_work(daklak.root, focal, TODAY, activities=50)
    assert (Activity.objects.count(), TaskUpdate.objects.count()) == before


def test_most_campaign_activities_fall_in_the_action_month_and_a_days_events_around_it(plan, daklak):
    _plan_with_work(plan, daklak)
    focal = make_user("daumoi", Role.FOCAL_OFFICER, daklak.root)
    build_demo_work(daklak.root, focal, TODAY, activities=300)
    logged = Activity.objects.filter(campaign__isnull=False)
    month = logged.filter(campaign__start_month=11)
    women = logged.filter(campaign__start_month=3)
    assert month.count() > 2 * women.count() > 0
    assert all(dt.date(2026, 3, 5) <= a.date <= dt.date(2026, 3, 9) for a in women)
    assert all(dt.date(2026, 11, 15) <= a.date <= TODAY for a in month)
    assert month.values("unit").distinct().count() >= 2


def test_a_demo_plan_naming_no_day_gets_the_usual_days_once(plan, daklak):
    Campaign.objects.create(plan=plan, name="Tháng hành động vì bình đẳng giới", start_month=11, start_day=15,
                            end_month=12, end_day=15)  # fmt: skip
    focal = make_user("daumoi", Role.FOCAL_OFFICER, daklak.root)
    counts = build_demo_work(daklak.root, focal, TODAY, activities=20)
    assert counts["usual campaign days"] == 6
    assert plan.campaigns.filter(start_month=6, start_day=28, origin="default").exists()
    before = plan.campaigns.count()
    assert build_demo_work(daklak.root, focal, TODAY, activities=20)["usual campaign days"] == 0
    assert plan.campaigns.count() == before == 7


def test_the_units_that_logged_activities_plan_their_years_funds(plan, daklak):
    from binhdang.work import budget
    from binhdang.work.models import PlannedFunds

    _plan_with_work(plan, daklak)
    focal = make_user("daumoi", Role.FOCAL_OFFICER, daklak.root)
    counts = build_demo_work(daklak.root, focal, TODAY, activities=80)
    assert counts["planned funds"] == PlannedFunds.objects.count() > 0
    assert PlannedFunds.history.count() == PlannedFunds.objects.count()  # in the audit trail
    summary = budget.summary(plan, 2026)
    assert summary.planned_total > 0 and summary.log_total > 0
    commune_sources = set(PlannedFunds.objects.filter(unit__type="commune").values_list("source", flat=True))
    assert "commune" in commune_sources and "province" not in commune_sources
