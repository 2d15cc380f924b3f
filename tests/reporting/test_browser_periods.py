"""In headless Chromium as the focal officer: opening a reporting year outside the plan's span is
refused with the span named; closing a period goes through a confirmation page (no JavaScript needed)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from binhdang.reporting.models import Period
from tests.browser import login
from tests.factories import PASSWORD


def console_errors(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


@pytest.mark.browser
def test_the_officer_cannot_open_a_year_outside_the_plan(browser_page, live_server, plan, focal_officer):
    page = browser_page
    errors = console_errors(page)
    login(page, live_server, "focal", PASSWORD)
    page.goto(live_server.url + f"/reporting/periods/open/?plan={plan.pk}")
    page.get_by_label("Năm báo cáo").fill("2035")
    page.get_by_role("button", name="Mở kỳ báo cáo").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Năm: 2035 nằm ngoài thời kỳ của kế hoạch (2026 - 2030)"
    )
    assert not Period.objects.exists()
    page.get_by_label("Năm báo cáo").fill("2027")
    page.get_by_role("button", name="Mở kỳ báo cáo").click()
    expect(page.get_by_role("heading", name="Bảng theo dõi báo cáo năm 2027")).to_be_visible()
    assert errors == []


@pytest.mark.browser
def test_closing_a_period_is_confirmed_on_its_own_page(browser_page, live_server, period, focal_officer):
    page = browser_page
    errors = console_errors(page)
    login(page, live_server, "focal", PASSWORD)
    page.goto(live_server.url + f"/reporting/periods/{period.pk}/")
    page.get_by_role("link", name="Đóng kỳ báo cáo").click()
    expect(page.get_by_role("heading", name="Đóng kỳ báo cáo năm 2026?")).to_be_visible()
    expect(page.locator("#close-not-submitted")).to_contain_text("6 đơn vị phải báo cáo chưa nộp")
    page.get_by_role("link", name="Hủy").click()
    period.refresh_from_db()
    assert period.is_open
    page.get_by_role("link", name="Đóng kỳ báo cáo").click()
    page.get_by_role("button", name="Đồng ý, đóng kỳ báo cáo").click()
    expect(page.locator(".msg")).to_contain_text("Đã đóng kỳ báo cáo")
    period.refresh_from_db()
    assert not period.is_open
    assert errors == []


@pytest.mark.browser
def test_reminders_banner_names_units_without_accounts_and_the_reporter_sees_the_badge(
    browser_page, live_server, period, daklak, focal_officer, commune_a_reporter
):
    page = browser_page
    errors = console_errors(page)
    login(page, live_server, "focal", PASSWORD)
    page.goto(live_server.url + f"/reporting/periods/{period.pk}/?state=missing")
    page.locator("#select-all").check()
    page.get_by_role("button", name="Gửi nhắc nhở").click()
    expect(page.locator(".msg-success")).to_contain_text("Đã gửi nhắc nhở tới 1 người báo cáo của 6 đơn vị")
    warning = page.locator(".msg-warning")
    expect(warning).to_contain_text("5 đơn vị trong số này chưa có tài khoản người báo cáo")
    page.locator("#create-accounts").click()
    expect(page).to_have_url(re.compile(r"/accounts/users/bulk/\?province=\d+&select=missing$"))
    page.goto(live_server.url + f"/reporting/periods/{period.pk}/reminders/")
    expect(page.locator("#reminder-log")).to_contain_text("Đơn vị chưa có tài khoản người báo cáo.")
    expect(page.locator("#reminder-log")).to_contain_text("Đã gửi")
    assert errors == []

    # The reporter of commune A: an unread badge in the menu, gone once the notices are opened.
    page.context.clear_cookies()
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, live_server, "reporter_a", PASSWORD)
    badge = page.locator("#unread-badge")
    expect(badge).to_contain_text("1")
    page.get_by_role("link", name=re.compile("Thông báo")).first.click()
    expect(page.locator("#notifications")).to_contain_text("Nhắc nhở: hạn nộp báo cáo năm 2026")
    expect(page.locator("#unread-badge")).to_have_count(0)
    assert errors == []
