"""The campaign calendar as an iCalendar feed (issue 19), parsed back with the ``icalendar`` library:
a user's private, revocable URL with the campaigns of the plans they may see and the reporting
deadlines of their units."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from icalendar import Calendar

from binhdang.plans import campaigns, feeds
from binhdang.plans.models import CalendarFeedToken, Campaign, PlanStatus
from tests.reporting.conftest import make_plan


@pytest.fixture
def plan(daklak):
    plan = make_plan(daklak.root)
    Campaign.objects.create(
        plan=plan,
        name="Tháng hành động vì bình đẳng giới",
        start_month=11,
        start_day=15,
        end_month=12,
        end_day=15,
    )
    Campaign.objects.create(plan=plan, name="Ngày Quốc tế Phụ nữ 8/3", start_month=3, start_day=8)
    return plan


def events_of(content: bytes) -> list:
    calendar = Calendar.from_ical(content)
    assert str(calendar["version"]) == "2.0" and "binhdang" in str(calendar["prodid"])
    return list(calendar.walk("VEVENT"))


def feed_url(user) -> str:
    return reverse("plans:calendar_feed", kwargs={"key": feeds.create_feed(user).key})


def test_a_reporter_creates_a_feed_on_the_profile_page_and_reads_campaigns_and_deadlines(
    client, plan, commune_a_reporter, daklak
):
    client.force_login(commune_a_reporter)
    assert "Tạo liên kết lịch của tôi" in client.get(reverse("accounts:profile")).text
    assert client.post(reverse("plans:calendar_feed_create")).status_code == 302
    page = client.get(reverse("accounts:profile")).text
    key = CalendarFeedToken.objects.get(user=commune_a_reporter).key
    assert key in page and "webcal://" in page and "iPhone" in page
    client.logout()

    response = client.get(reverse("plans:calendar_feed", kwargs={"key": key}))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    events = events_of(response.content)
    month = [e for e in events if str(e["summary"]) == "Tháng hành động vì bình đẳng giới"]
    assert sorted(e.decoded("dtstart") for e in month) == [dt.date(y, 11, 15) for y in range(2026, 2031)]
    first = next(e for e in month if e.decoded("dtstart").year == 2026)
    assert first.decoded("dtend") == dt.date(2026, 12, 16)  # all-day: ends the day after (RFC 5545)
    day = next(e for e in events if str(e["summary"]) == "Ngày Quốc tế Phụ nữ 8/3")
    assert day.decoded("dtend") - day.decoded("dtstart") == dt.timedelta(days=1)
    deadlines = [e for e in events if str(e["summary"]).startswith("Hạn báo cáo: ")]
    assert {e.decoded("dtstart") for e in deadlines} == {dt.date(y, 11, 30) for y in range(2026, 2031)}
    assert all(daklak.commune_a.name in str(e["summary"]) for e in deadlines)
    alarm = deadlines[0].walk("VALARM")[0]
    assert alarm.decoded("trigger") == dt.timedelta(days=-3)
    assert len({str(e["uid"]) for e in events}) == len(events)


def test_the_feed_shows_only_plans_the_user_may_see(client, plan, outsider, focal_officer):
    assert not [e for e in events_of(client.get(feed_url(outsider)).content)]
    mine = events_of(client.get(feed_url(focal_officer)).content)
    assert any(str(e["summary"]) == "Ngày Quốc tế Phụ nữ 8/3" for e in mine)
    assert not any(str(e["summary"]).startswith("Hạn báo cáo") for e in mine)  # reports for no unit


def test_a_draft_plan_is_not_in_a_reporters_feed(client, plan, commune_a_reporter):
    plan.status = PlanStatus.DRAFT
    plan.save()
    assert events_of(client.get(feed_url(commune_a_reporter)).content) == []


def test_a_revoked_or_replaced_link_answers_404(client, plan, commune_a_reporter):
    old = feed_url(commune_a_reporter)
    new = feed_url(commune_a_reporter)
    assert client.get(old).status_code == 404 and client.get(new).status_code == 200
    client.force_login(commune_a_reporter)
    assert client.post(reverse("plans:calendar_feed_revoke")).status_code == 302
    assert client.get(new).status_code == 404
    assert not CalendarFeedToken.objects.exists()


def test_the_feed_of_a_deactivated_user_answers_404(client, plan, commune_a_reporter):
    url = feed_url(commune_a_reporter)
    commune_a_reporter.is_active = False
    commune_a_reporter.save()
    assert client.get(url).status_code == 404


def test_a_campaign_the_officer_adds_is_in_the_feed_and_gone_once_removed(
    client, plan, focal_officer, commune_a_reporter
):
    url = feed_url(commune_a_reporter)
    added = campaigns.add(plan, focal_officer, {"name": "Ngày Phụ nữ Việt Nam", "start": "20/10", "end": ""})

    days = [e for e in events_of(client.get(url).content) if str(e["summary"]) == "Ngày Phụ nữ Việt Nam"]
    assert sorted(e.decoded("dtstart") for e in days) == [dt.date(y, 10, 20) for y in range(2026, 2031)]

    campaigns.remove(added, focal_officer)
    assert not [e for e in events_of(client.get(url).content) if str(e["summary"]) == "Ngày Phụ nữ Việt Nam"]
