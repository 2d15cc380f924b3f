"""The dashboard in a real browser: charts drawn by the static script (no inline code), printable view."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.browser import login
from tests.factories import PASSWORD
from tests.results.conftest import file_report


@pytest.mark.browser
def test_the_dashboard_draws_its_trend_charts(browser_page, live_server, plan, period, daklak, focal_officer):
    file_report(period, daklak.commune_a, {"TT_SESSIONS": 3})
    errors = []
    browser_page.on("pageerror", lambda error: errors.append(str(error)))
    login(browser_page, live_server, "focal", PASSWORD)
    browser_page.goto(live_server.url + reverse("results:dashboard", args=[plan.pk, 2026]))
    chart = browser_page.locator(f"#chart-{plan.indicators.get(code='1').pk} svg")
    chart.wait_for()
    assert chart.count() == 1
    assert "16,67%" in browser_page.locator('tr[data-indicator="1"]').inner_text()
    assert errors == []


@pytest.mark.browser
def test_the_leaders_page_has_a_print_button(browser_page, live_server, plan, period, leader):
    login(browser_page, live_server, "leader", PASSWORD)
    browser_page.goto(live_server.url + reverse("results:summary", args=[plan.pk, 2026]))
    browser_page.evaluate("window.print = () => { document.body.dataset.printed = 'yes'; }")
    browser_page.get_by_role("button", name="In trang này").click()
    assert browser_page.locator("body").get_attribute("data-printed") == "yes"
    browser_page.emulate_media(media="print")
    assert not browser_page.locator(".topbar").is_visible()
