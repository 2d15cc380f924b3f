"""Browser journeys of the campaign calendar: a commune reporter on a phone (390 px) opens the calendar,
sees the Action Month under way, records an activity for it and sees it counted; the focal officer
sees the per-unit table and the units with nothing, and adds a commemorative day; the leader reads
only. No page logs a console error, and nothing is wider than the phone."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from binhdang.work import activities
from tests.browser import login
from tests.factories import PASSWORD
from tests.work.test_journeys_browser import PHONE, watch_console


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.browser
def test_a_commune_reporter_records_an_activity_for_the_campaign_under_way_on_a_phone(
    browser_page, live_server, plan, commune_a_reporter
):
    page = browser_page
    errors = watch_console(page)
    page.set_viewport_size(PHONE)
    login(page, live_server, "reporter_a", PASSWORD)
    page.goto(live_server.url + reverse("work:index"))
    page.get_by_role("link", name="Lịch đợt cao điểm").first.click()
    page.wait_for_url("**/campaigns/")
    coming = page.locator("#coming")
    assert "Tháng hành động vì bình đẳng giới" in coming.inner_text()
    assert "đang diễn ra, còn 11 ngày" in coming.inner_text()
    assert "28/06/2027" in coming.inner_text() and "còn 206 ngày" in coming.inner_text()
    assert fits_the_phone(page)
    month = plan.campaigns.get(start_month=11)
    section = page.locator(f"#campaign-{month.pk}")
    assert "Đơn vị của bạn chưa ghi nhận hoạt động nào" in section.inner_text()
    coming.get_by_role("link", name="Ghi nhận hoạt động cho đợt này").click()
    page.wait_for_url("**/activities/new/?campaign=*")
    assert page.get_by_label("Đợt cao điểm").input_value() == str(month.pk)
    assert page.get_by_label("Loại hoạt động").input_value() == "action_month"
    assert page.locator("#id_date").input_value() == "2026-12-04"
    page.get_by_label("Địa điểm").fill("Nhà văn hoá buôn Ea Kar")
    page.get_by_label("Số người tham gia là nam").fill("14")
    page.get_by_label("Số người tham gia là nữ").fill("36")
    page.get_by_role("button", name="Lưu hoạt động").click()
    page.wait_for_url("**/campaigns/?year=2026")
    assert "Đã ghi nhận hoạt động." in page.content()
    section = page.locator(f"#campaign-{month.pk}")
    assert section.locator(".campaign-count").inner_text() == "1"
    assert "nam 14, nữ 36" in section.inner_text()
    assert "Xã Ea Kar" in section.locator("table").inner_text()
    assert "chưa ghi nhận" not in section.inner_text()
    assert fits_the_phone(page)
    assert not errors, errors


@pytest.mark.browser
def test_the_focal_officer_sees_each_units_work_and_those_with_nothing_and_adds_a_day(
    browser_page, live_server, plan, daklak, focal_officer
):
    activities.record(
        plan, daklak.commune_a, focal_officer,
        {"type": "action_month", "date": dt.date(2026, 11, 20), "place": "Xã", "campaign": plan.campaigns.get(start_month=11),
         "male": 10, "female": 20, "budget_state": 3_000_000},
    )  # fmt: skip
    page = browser_page
    errors = watch_console(page)
    login(page, live_server, "focal", PASSWORD)
    page.goto(live_server.url + reverse("work:campaigns", args=[plan.slug]))
    month = page.locator(f"#campaign-{plan.campaigns.get(start_month=11).pk}")
    assert "1 / 6 đơn vị đã ghi nhận hoạt động" in month.inner_text()
    row = month.locator("table tbody tr").first
    assert "Xã Ea Kar" in row.inner_text() and "3.000.000" in row.inner_text()
    month.get_by_text("5 đơn vị chưa ghi nhận hoạt động nào").click()
    assert month.get_by_text("Phường Buôn Ma Thuột").is_visible()
    page.get_by_role("link", name="Thêm đợt hoặc ngày kỷ niệm").click()
    page.get_by_label("Tên").fill("Ngày Phụ nữ Việt Nam")
    page.get_by_label("Ngày bắt đầu (ngày/tháng)").fill("20/13")
    page.get_by_role("button", name="Lưu").click()
    assert (
        'Ngày bắt đầu: "20/13" không phải là một ngày trong năm'
        in page.get_by_role("alert").first.inner_text()
    )
    assert page.get_by_label("Tên").input_value() == "Ngày Phụ nữ Việt Nam"
    page.get_by_label("Ngày bắt đầu (ngày/tháng)").fill("20/10")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url("**/campaigns/?year=2026")
    assert "Đã thêm đợt Ngày Phụ nữ Việt Nam." in page.content()
    added = page.locator(f"#campaign-{plan.campaigns.get(start_month=10).pk}")
    assert "20/10/2026" in added.inner_text() and "do cán bộ đầu mối thêm" in added.inner_text()
    assert not errors, errors


@pytest.mark.browser
def test_the_leader_reads_the_calendar_without_any_button(browser_page, live_server, plan, leader):
    page = browser_page
    errors = watch_console(page)
    page.set_viewport_size(PHONE)
    login(page, live_server, "leader", PASSWORD)
    page.goto(live_server.url + reverse("work:campaigns", args=[plan.slug]))
    assert "0 / 6 đơn vị đã ghi nhận hoạt động" in page.content()
    assert page.get_by_role("link", name="Ghi nhận hoạt động cho đợt này").count() == 0
    assert page.get_by_role("link", name="Thêm đợt hoặc ngày kỷ niệm").count() == 0
    assert page.get_by_role("link", name="Sửa").count() == 0
    assert fits_the_phone(page)
    assert not errors, errors
