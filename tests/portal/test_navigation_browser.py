"""End to end on a phone: the main menu of a reporter whose department records a strategy series (the
gender statistics entry, the unread badge) and of a commune's reporter (neither), both asked of the
database in one statement per page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from binhdang.reporting.models import Notification
from tests.browser import login
from tests.factories import PASSWORD
from tests.strategy_plans import make_strategy_plan


@pytest.mark.browser
def test_the_menu_on_a_phone_follows_the_reporters_unit_and_notices(
    browser_page, live_server, daklak, department_reporter, commune_a_reporter
):
    make_strategy_plan(daklak)  # Sở Y tế records the sex ratio at birth
    Notification.objects.create(user=department_reporter, text="Nhắc nộp báo cáo năm 2026.")
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})

    login(page, live_server, "reporter_health", PASSWORD)
    menu = page.get_by_role("navigation", name="Trình đơn chính")
    expect(menu.locator("#unread-badge")).to_contain_text("1")
    with page.expect_navigation():
        menu.get_by_role("link", name="Thống kê giới").click()
    assert page.url == live_server.url + "/gender-statistics/"
    expect(menu.get_by_role("link", name="Thống kê giới")).to_have_attribute("aria-current", "page")

    page.context.clear_cookies()
    login(page, live_server, "reporter_a", PASSWORD)
    menu = page.get_by_role("navigation", name="Trình đơn chính")
    expect(menu.get_by_role("link", name="Thông báo")).to_be_visible()
    expect(menu.get_by_role("link", name="Thống kê giới")).to_have_count(0)
    expect(menu.locator("#unread-badge")).to_have_count(0)
