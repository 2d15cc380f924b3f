"""Browser journeys of the funds (``work/budget_views.py``, ``work/_budget_panel.html``): a commune
reporter enters its planned funds on a phone (an amount in words refused beside its field, corrected);
the leader reads the year's funds by source on the home page and the budget page, drawn by ECharts.
No page logs a console error (a CSP violation included)."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from binhdang.work import budget
from binhdang.work.models import Activity, PlannedFunds
from tests.browser import login
from tests.factories import PASSWORD

PHONE = {"width": 390, "height": 844}


def watch(page) -> list[str]:
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error('CSP ' + e.violatedDirective))"
    )
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    return errors


@pytest.mark.browser
def test_a_commune_reporter_enters_its_planned_funds_on_a_phone(
    browser_page, live_server, plan, daklak, commune_a_reporter
):
    page = browser_page
    errors = watch(page)
    page.set_viewport_size(PHONE)
    login(page, live_server, "reporter_a", PASSWORD)
    page.goto(live_server.url + "/")
    page.locator(f"#budget-link-{plan.pk}").click()  # from the home page
    expect(page.locator("h1")).to_have_text("Kinh phí năm 2026")
    page.get_by_label("Ngân sách xã").fill("mười lăm triệu")
    page.get_by_label("Huy động, xã hội hóa, tài trợ").fill("2.500.000")
    page.get_by_role("button", name="Lưu kinh phí dự kiến").click()
    expect(page.locator("#planned-funds-form")).to_contain_text("Nhập số đồng nguyên, ví dụ 15.000.000")
    expect(page.get_by_label("Huy động, xã hội hóa, tài trợ")).to_have_value("2.500.000")  # nothing lost
    assert not PlannedFunds.objects.exists()
    page.get_by_label("Ngân sách xã").fill("15.000.000")
    page.get_by_role("button", name="Lưu kinh phí dự kiến").click()
    expect(page.get_by_text("Đã lưu kinh phí dự kiến năm 2026 của Xã Ea Kar.")).to_be_visible()
    expect(page.locator('tr[data-source="commune"]')).to_contain_text("15.000.000")
    assert dict(PlannedFunds.objects.values_list("source", "amount")) == {
        "commune": 15_000_000,
        "mobilised": 2_500_000,
    }
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
    assert not errors, errors


@pytest.mark.browser
def test_the_leader_sees_the_years_funds_by_source_drawn_on_the_home_page(
    browser_page, live_server, plan, daklak, leader, focal_officer, commune_a_reporter
):
    budget.set_planned(
        plan, daklak.commune_a, 2026, focal_officer, {"central": 20_000_000, "commune": 5_000_000}
    )
    budget.set_planned(plan, daklak.health, 2026, focal_officer, {"province": 12_000_000})
    Activity.objects.create(
        plan=plan,
        unit=daklak.commune_a,
        type="communication",
        date=dt.date(2026, 6, 28),
        place="Nhà văn hóa",
        budget_state=3_000_000,
        budget_other=1_000_000,
        created_by=commune_a_reporter,
    )
    page = browser_page
    errors = watch(page)
    login(page, live_server, "leader", PASSWORD)
    page.goto(live_server.url + "/")
    panel = page.locator(f"#budget-panel-{plan.pk}")
    expect(panel.locator("h2")).to_have_text("Kinh phí năm 2026 theo nguồn")
    expect(panel.locator("svg").first).to_be_visible(timeout=15_000)  # ECharts drew the bars
    expect(panel.locator('tr[data-source="central"]')).to_contain_text("20.000.000 (54,1%)")
    expect(panel.locator('td[data-total="log"]')).to_have_text("4.000.000")
    panel.get_by_role("link", name="Kinh phí theo đơn vị").click()
    expect(page.locator("#budget-units")).to_contain_text("Sở Y tế")
    expect(page.locator("#planned-funds-form")).to_have_count(0)  # the leader reads only
    expect(page.locator("[data-budget-chart] svg").first).to_be_visible(timeout=15_000)
    assert not errors, errors
