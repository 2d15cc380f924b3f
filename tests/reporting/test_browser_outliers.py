"""In headless Chromium: a commune reporter (phone-sized window) types a figure ten times last year's,
is asked at submit to confirm or explain it, explains and submits; the focal officer sees the flag on
the status board and the explanation in the review of the report."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from binhdang.reporting import services
from binhdang.reporting.models import State, Submission
from tests.browser import login
from tests.factories import PASSWORD

from .conftest import COMMUNE_VALUES, make_plan

SLOW = 30_000


@pytest.fixture
def open_period(period, daklak, focal_officer):
    """The 2026 period due in ten days, and commune A's 2025 report with 120 female participants."""
    today = timezone.localdate()
    period.deadline, period.lock_date = today + dt.timedelta(days=10), today + dt.timedelta(days=20)
    period.save()
    old_plan = make_plan(daklak.root, slug="kh-1790-daklak-2021", span=(2021, 2025))
    old = services.get_or_create_submission(
        services.open_period(old_plan, 2025, focal_officer), daklak.commune_a
    )
    services.save_draft(old, {("TT_PARTICIPANTS", "FEMALE"): "120"}, None, None, expected_version=None)
    return period


def field(code: str, coc: str = "") -> str:
    return "#f-" + (f"{code}-{coc}" if coc else code)


@pytest.mark.browser
def test_an_unusual_figure_is_explained_at_submit_and_the_officer_sees_it(
    browser_page, live_server, open_period, daklak, commune_a_reporter, focal_officer
):
    page = browser_page
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, live_server, "reporter_a", PASSWORD)
    page.goto(live_server.url + f"/reporting/periods/{open_period.pk}/units/{daklak.commune_a.pk}/")
    values = {**COMMUNE_VALUES, ("TT_PARTICIPANTS", "FEMALE"): "5000"}
    for (code, coc), value in values.items():
        locator = page.locator(field(code, coc))
        if locator.evaluate("e => e.tagName") == "SELECT":
            locator.select_option(value)
        else:
            locator.fill(value)
    page.get_by_label("Kết quả", exact=True).fill("Hội thi tìm hiểu pháp luật toàn xã.")
    expect(page.locator("#save-status")).to_contain_text(
        re.compile(r"Đã lưu bản nháp lúc \d\d:\d\d"), timeout=SLOW
    )
    page.get_by_role("button", name="Nộp báo cáo").click()

    expect(page.get_by_role("heading", name="Kiểm tra các số liệu bất thường")).to_be_visible(timeout=SLOW)
    flagged = page.locator("fieldset.outlier")
    expect(flagged).to_have_count(1)
    expect(flagged).to_contain_text("Số lượt người tham dự (Nữ): 5.000")
    page.get_by_role("button", name="Xác nhận và nộp báo cáo").click()
    expect(page.locator("#confirm-errors")).to_contain_text("hãy xác nhận hoặc ghi giải thích")
    page.get_by_label("Giải thích (không bắt buộc nếu đã xác nhận)").fill("Hội thi toàn xã, 12 thôn tham gia")
    page.get_by_role("button", name="Xác nhận và nộp báo cáo").click()
    expect(page.locator("#report-state")).to_have_text("Đã nộp", timeout=SLOW)
    assert Submission.objects.get(unit=daklak.commune_a, period=open_period).state == State.SUBMITTED

    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server, "focal", PASSWORD)
    page.goto(live_server.url + f"/reporting/periods/{open_period.pk}/")
    row = page.locator('tr[data-unit="66-C001"]')
    expect(row.locator(".outlier-flag")).to_have_text("⚠ 1")
    row.get_by_role("link", name="Xã Ea Kar").click()
    review = page.locator("#outlier-review")
    expect(review).to_contain_text("Số lượt người tham dự (Nữ)")
    expect(review).to_contain_text("Giải thích của đơn vị: “Hội thi toàn xã, 12 thôn tham gia”")
    assert errors == []
