"""Browser walk (phone-sized): a reporter creates their calendar link on the profile page, sees how to
subscribe from a phone, fetches the feed, revokes the link, and the old URL answers 404."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from django.urls import reverse
from icalendar import Calendar

from binhdang.plans.models import Campaign
from tests.browser import login
from tests.factories import PASSWORD
from tests.reporting.conftest import make_plan


@pytest.mark.browser
def test_a_reporter_creates_reads_and_revokes_the_calendar_link_on_a_phone(
    browser_page, live_server, daklak, commune_a_reporter
):
    plan = make_plan(daklak.root)
    Campaign.objects.create(
        plan=plan,
        name="Tháng hành động vì bình đẳng giới",
        start_month=11,
        start_day=15,
        end_month=12,
        end_day=15,
    )
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, live_server, "reporter_a", PASSWORD)
    page.goto(live_server.url + reverse("accounts:profile"))
    page.get_by_role("heading", name="Lịch trên điện thoại").wait_for()
    with page.expect_navigation():
        page.get_by_role("button", name="Tạo liên kết lịch của tôi").click()
    assert page.get_by_text("Đã tạo liên kết lịch của bạn").is_visible()
    url = page.locator("#calendar-feed-url").input_value()
    assert url.startswith(live_server.url + "/plans/feeds/") and url.endswith(".ics")
    help_text = page.locator("#calendar-feed-help").inner_text()
    assert "iPhone" in help_text and "Android" in help_text and "Thêm lịch đã đăng ký" in help_text
    assert (
        page.get_by_role("link", name="Thêm vào lịch điện thoại")
        .get_attribute("href")
        .startswith("webcal://")
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    with urllib.request.urlopen(url) as response:  # what the phone's calendar does
        calendar = Calendar.from_ical(response.read())
    assert any(str(e["summary"]) == "Tháng hành động vì bình đẳng giới" for e in calendar.walk("VEVENT"))

    with page.expect_navigation():
        page.get_by_role("button", name="Thu hồi liên kết").click()
    assert page.get_by_text("Đã thu hồi liên kết lịch").is_visible()
    assert page.get_by_role("button", name="Tạo liên kết lịch của tôi").is_visible()
    with pytest.raises(urllib.error.HTTPError) as gone:
        urllib.request.urlopen(url)
    assert gone.value.code == 404
    gone.value.close()
