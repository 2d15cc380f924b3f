"""End to end in headless Chromium: a commune fills and submits its report, the focal officer returns it
with a comment, the commune fixes and resubmits, the officer accepts, the status board shows it all;
and two sessions editing one report: the second gets the conflict message and nothing is lost."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from binhdang.reporting.models import DataValue, State, Submission
from tests.browser import login
from tests.factories import PASSWORD

from .conftest import COMMUNE_VALUES

#: Autosave and page loads wait on the server: give a loaded machine time before failing.
SLOW = 30_000


@pytest.fixture
def open_period(period):
    """The 2026 period with a deadline ten days from today, so the report is on time whenever the test runs."""
    today = timezone.localdate()
    period.deadline, period.lock_date = today + dt.timedelta(days=10), today + dt.timedelta(days=20)
    period.save()
    return period


def field_id(code: str, coc: str = "") -> str:
    return "#f-" + (f"{code}-{coc}" if coc else code)


def fill_report(page, values) -> None:
    for (code, coc), value in values.items():
        locator = page.locator(field_id(code, coc))
        if locator.evaluate("e => e.tagName") == "SELECT":
            locator.select_option(value)
        else:
            locator.fill(value)


def switch_user(page, live_server, username: str) -> None:
    page.context.clear_cookies()
    login(page, live_server, username, PASSWORD)


@pytest.mark.browser
def test_report_is_filled_submitted_returned_fixed_resubmitted_and_accepted(
    browser_page, live_server, open_period, daklak, commune_a_reporter, focal_officer
):
    page = browser_page
    csp_errors: list[str] = []
    page.on("console", lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None)

    # The commune reporter fills the form (autosaved) and submits.
    login(page, live_server, "reporter_a", PASSWORD)
    page.goto(live_server.url + "/reporting/")
    expect(page.get_by_role("heading", name="Báo cáo của tôi")).to_be_visible()
    page.get_by_role("link", name="Nhập báo cáo").click()
    expect(page.get_by_label("Số cuộc truyền thông, phổ biến pháp luật", exact=False)).to_be_visible()
    fill_report(page, COMMUNE_VALUES)
    page.get_by_label("Kết quả", exact=True).fill("Tổ chức 4 cuộc truyền thông tại các thôn, buôn.")
    expect(page.locator("#save-status")).to_contain_text(
        re.compile(r"Đã lưu bản nháp lúc \d\d:\d\d"), timeout=SLOW
    )
    expect(page.locator("#validation-summary")).to_contain_text("Đã nhập đủ số liệu bắt buộc", timeout=SLOW)
    page.get_by_role("button", name="Nộp báo cáo").click()
    expect(page.locator("#report-state")).to_have_text("Đã nộp", timeout=SLOW)
    submission = Submission.objects.get(unit=daklak.commune_a)
    assert submission.value_map() == COMMUNE_VALUES

    # The focal officer sees it on the board and returns it with a comment.
    switch_user(page, live_server, "focal")
    page.goto(live_server.url + f"/reporting/periods/{open_period.pk}/")
    row = page.locator('tr[data-unit="66-C001"]')
    expect(row).to_contain_text("Đã nộp")
    row.get_by_role("link", name="Xã Ea Kar").click()
    page.get_by_label("Đơn vị cần sửa nội dung gì?").fill("Số người tham dự nữ chưa khớp với biên bản.")
    page.get_by_role("button", name="Trả lại kèm ý kiến").click()
    expect(page.locator("#report-state")).to_have_text("Bị trả lại để sửa", timeout=SLOW)

    # The reporter reads the comment, fixes the figure and resubmits.
    switch_user(page, live_server, "reporter_a")
    page.goto(live_server.url + f"/reporting/submissions/{submission.pk}/")
    expect(page.locator("#return-comment-note")).to_contain_text(
        "Số người tham dự nữ chưa khớp với biên bản."
    )
    page.locator(field_id("TT_PARTICIPANTS", "FEMALE")).fill("175")
    expect(page.locator("#save-status")).to_contain_text("Đã lưu bản nháp lúc", timeout=SLOW)
    page.get_by_role("button", name="Nộp lại báo cáo").click()
    expect(page.locator("#report-state")).to_have_text("Đã nộp", timeout=SLOW)

    # The focal officer accepts; the board shows the unit accepted, on time, and the percentages.
    switch_user(page, live_server, "focal")
    page.goto(live_server.url + f"/reporting/submissions/{submission.pk}/")
    expect(page.locator('[data-value="v__TT_PARTICIPANTS__FEMALE"]')).to_have_text("175")
    page.get_by_role("button", name="Chấp nhận báo cáo").click()
    expect(page.locator("#report-state")).to_have_text("Đã chấp nhận", timeout=SLOW)
    page.get_by_role("link", name="Bảng theo dõi").click()
    row = page.locator('tr[data-unit="66-C001"]')
    expect(row).to_contain_text("Đã chấp nhận")
    expect(row).to_contain_text("Đúng hạn")
    expect(page.locator("#stat-submitted")).to_have_text("1/6")
    expect(page.locator("#stat-completeness")).to_have_text("16,7%")
    page.get_by_label("Trạng thái", exact=True).select_option("missing")
    page.get_by_role("button", name="Lọc").click()
    expect(page.locator('tr[data-unit="66-C001"]')).to_have_count(0)
    expect(page.locator("#board tbody tr")).to_have_count(5)

    # The history shows the fix, old -> new, with who made it.
    page.goto(live_server.url + f"/reporting/submissions/{submission.pk}/history/")
    fix = page.locator("#history tr", has_text="Số lượt người tham dự (Nữ)").first
    expect(fix).to_contain_text("Y Bih Niê")
    expect(fix.locator(".old-value")).to_have_text("180")
    expect(fix).to_contain_text("175")
    submission.refresh_from_db()
    assert submission.state == State.ACCEPTED and submission.on_time is True
    assert not csp_errors, csp_errors


@pytest.mark.browser
def test_two_sessions_on_one_report_the_second_gets_the_conflict_message(
    browser_page, live_server, open_period, daklak, commune_a_reporter, focal_officer
):
    first = browser_page
    login(first, live_server, "reporter_a", PASSWORD)
    first.goto(live_server.url + f"/reporting/periods/{open_period.pk}/units/{daklak.commune_a.pk}/")
    url = first.url
    other_context = first.context.browser.new_context(locale="vi-VN")
    second = other_context.new_page()
    try:
        login(second, live_server, "focal", PASSWORD)
        second.goto(url)
        first.locator(field_id("TT_SESSIONS")).fill("6")
        first.locator(field_id("TT_NEWS")).focus()
        expect(first.locator("#save-status")).to_contain_text("Đã lưu bản nháp lúc", timeout=SLOW)
        second.locator(field_id("TT_SESSIONS")).fill("9")
        second.locator(field_id("TT_NEWS")).focus()
        status = second.locator("#save-status")
        expect(status).to_contain_text("Chưa lưu: người khác vừa sửa báo cáo này.", timeout=SLOW)
        expect(status).to_contain_text("Y Bih Niê")
        assert DataValue.objects.get(data_element="TT_SESSIONS").value == "6"
        second.get_by_role("link", name="Tải lại báo cáo").click()
        expect(second.locator(field_id("TT_SESSIONS"))).to_have_value("6")
    finally:
        other_context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_decompression_bomb_uploaded_as_a_template_is_refused_in_vietnamese(
    browser_page, live_server, period, focal_officer, tmp_path
):
    from django.urls import reverse

    from tests.hostile import xlsx_bomb

    page = browser_page
    workbook = tmp_path / "bao-cao-bom.xlsx"
    workbook.write_bytes(xlsx_bomb())
    login(page, live_server, "focal", PASSWORD)
    page.goto(live_server.url + reverse("reporting:xlsx_upload"))
    page.locator("input[type=file]").set_input_files(str(workbook))
    with page.expect_navigation():
        page.get_by_role("button", name="Tải lên và kiểm tra").click()

    row = page.locator('tr[data-file="bao-cao-bom.xlsx"]')
    expect(row).to_contain_text("Bị từ chối, không lưu gì")
    expect(row).to_contain_text(
        "Tệp “bao-cao-bom.xlsx” bị từ chối: phần xl/worksheets/sheet1.xml khi giải nén"
    )
    assert not Submission.objects.exists()
