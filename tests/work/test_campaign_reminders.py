"""Reminders before a campaign (``work.campaign_reminders``): the day computation, one notification per
reporter of every expected unit, once per campaign, year and unit, logged; the command and the daily
job that run them."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command

from binhdang.plans.models import Plan
from binhdang.reporting.models import Notification
from binhdang.work import campaign_calendar, campaign_reminders
from binhdang.work.models import CampaignReminder

pytestmark = pytest.mark.django_db

FAMILY_DAY_2027 = dt.date(2027, 6, 28)


def family_day(plan, day):
    (occurrence,) = [
        o
        for o in campaign_calendar.occurrences(plan, 2027, day)
        if o.campaign.name == "Ngày Gia đình Việt Nam"
    ]
    return occurrence


@pytest.mark.parametrize(
    ("days_before", "due"), [(15, False), (14, True), (7, True), (1, True), (0, True), (-1, False)]
)
def test_a_campaign_is_announced_from_14_days_before_it_starts_until_its_first_day(plan, days_before, due):
    day = FAMILY_DAY_2027 - dt.timedelta(days=days_before)

    assert campaign_reminders.in_window(family_day(plan, day), 14) is due
    names = [d.occurrence.campaign.name for d in campaign_reminders.due_campaigns(day)]
    assert ("Ngày Gia đình Việt Nam" in names) is due


def test_the_number_of_days_is_a_setting(plan, settings):
    settings.CAMPAIGN_REMINDER_DAYS_BEFORE = 3

    assert campaign_reminders.due_campaigns(FAMILY_DAY_2027 - dt.timedelta(days=4)) == []
    assert len(campaign_reminders.due_campaigns(FAMILY_DAY_2027 - dt.timedelta(days=3))) == 1


def test_the_reporters_of_every_expected_unit_are_notified_with_a_link_to_the_calendar(
    plan, daklak, commune_a_reporter, commune_b_reporter
):
    summary = campaign_reminders.send_campaign_reminders(dt.date(2027, 6, 14))

    note = Notification.objects.get(user=commune_a_reporter)
    assert note.text == (
        "Xã Ea Kar: còn 14 ngày nữa đến Ngày Gia đình Việt Nam (28/06/2027). "
        "Hãy lên kế hoạch và ghi nhận các hoạt động của đơn vị cho đợt này."
    )
    assert note.link == "/work/plans/kh-daklak/campaigns/?year=2027"
    assert Notification.objects.filter(user=commune_b_reporter).count() == 1
    expected = campaign_calendar.expected_units(plan, 2027).count()
    assert CampaignReminder.objects.count() == expected == summary.units
    log = CampaignReminder.objects.get(unit=daklak.commune_a)
    assert (log.year, log.day, log.starts, log.notified) == (2027, dt.date(2027, 6, 14), FAMILY_DAY_2027, 1)
    assert summary.notifications == 2 and summary.without_reporters == expected - 2
    assert CampaignReminder.objects.get(unit=daklak.health).notified == 0  # nobody reports for it here


def test_a_reminder_is_sent_once_per_campaign_and_unit_whatever_the_runs(plan, commune_a_reporter):
    campaign_reminders.send_campaign_reminders(dt.date(2027, 6, 14))
    again = campaign_reminders.send_campaign_reminders(dt.date(2027, 6, 14))
    next_day = campaign_reminders.send_campaign_reminders(dt.date(2027, 6, 20))

    assert Notification.objects.filter(user=commune_a_reporter).count() == 1
    assert again.units == next_day.units == 0 and again.skipped == next_day.skipped > 0


def test_a_day_the_job_did_not_run_is_caught_up_the_next_day(plan, commune_a_reporter):
    campaign_reminders.send_campaign_reminders(dt.date(2027, 6, 20))

    assert "còn 8 ngày nữa" in Notification.objects.get(user=commune_a_reporter).text


def test_each_year_of_a_campaign_is_announced_again(plan, commune_a_reporter):
    campaign_reminders.send_campaign_reminders(dt.date(2027, 6, 28))
    campaign_reminders.send_campaign_reminders(dt.date(2028, 6, 20))

    texts = list(
        Notification.objects.filter(user=commune_a_reporter).order_by("pk").values_list("text", flat=True)
    )
    assert len(texts) == 2 and "bắt đầu hôm nay (28/06/2027)" in texts[0]


def test_the_campaigns_of_a_draft_plan_are_not_announced(plan, commune_a_reporter):
    plan.status = "draft"
    plan.save()

    assert campaign_reminders.send_campaign_reminders(dt.date(2027, 6, 14)).units == 0
    assert not Notification.objects.exists()


def run(*args) -> str:
    out = io.StringIO()
    call_command("campaigns", *args, stdout=out)
    return out.getvalue()


def test_the_command_sends_the_reminders_of_a_day_and_says_what_it_did(plan, commune_a_reporter):
    done = json.loads(run("remind", "--date", "2027-06-14"))
    again = json.loads(run("remind", "--date", "2027-06-14"))

    assert done["campaigns"] == 1 and done["notifications"] == 1
    assert again["notifications"] == 0 and again["skipped"] == done["units"]


def test_the_command_takes_the_number_of_days(plan, commune_a_reporter):
    assert json.loads(run("remind", "--date", "2027-06-01", "--days", "30"))["notifications"] == 1


def test_a_bad_date_is_refused_in_vietnamese(plan):
    with pytest.raises(CommandError, match='--date: "14/06/2027" không phải là ngày hợp lệ'):
        run("remind", "--date", "14/06/2027")
    assert not CampaignReminder.objects.exists()


def test_the_command_lists_a_years_campaigns(plan):
    output = run("list", "--year", "2027")

    assert "15/11/2027 - 15/12/2027  Tháng hành động vì bình đẳng giới" in output
    assert "28/06/2027  Ngày Gia đình Việt Nam" in output


def test_the_daily_job_of_runperiodic_sends_them(plan, commune_a_reporter):
    out = io.StringIO()
    call_command("runperiodic", "--now", "--job", "campaign_reminders", "--date", "2027-06-14", stdout=out)

    assert Notification.objects.filter(user=commune_a_reporter).count() == 1
    assert "campaign_reminders: đã chạy xong" in out.getvalue()


def test_the_same_day_named_by_two_plans_is_announced_to_a_unit_once(plan, daklak, commune_a_reporter):
    other = Plan.objects.create(
        province=daklak.root, org_unit=daklak.root, title="Kế hoạch thực hiện Chiến lược", program="strategy",
        period_start=2026, period_end=2030, status="active", slug="kh-chien-luoc",
    )  # fmt: skip
    other.campaigns.create(name="Ngày Gia đình Việt Nam", start_month=6, start_day=28)

    summary = campaign_reminders.send_campaign_reminders(dt.date(2027, 6, 14))
    later = campaign_reminders.send_campaign_reminders(dt.date(2027, 6, 15))

    assert Notification.objects.filter(user=commune_a_reporter).count() == 1
    assert CampaignReminder.objects.filter(unit=daklak.commune_a).count() == 2  # both logged
    assert summary.campaigns == 2 and summary.notifications == 1 and later.notifications == 0
