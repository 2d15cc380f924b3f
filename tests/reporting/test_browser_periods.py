"""In headless Chromium as the focal officer: opening a reporting year outside the plan's span is
refused with the span named; closing a period goes through a confirmation page (no JavaScript needed)."""

from __future__ import annotations

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
