"""Journeys of reports at other rhythms in headless Chromium (issue 17):

(a) the focal officer asks three units for an ad hoc report with a figure of the form and two free
    questions; a commune's reporter answers on a phone and submits; the officer returns it, the
    reporter corrects and resubmits, the officer accepts, and downloads the answers (Excel);
(b) the media agency reports a quarter's news items on a phone; three is below the minimum of four
    and the quarter's board lists it;
(c) a department uploads its implementing plan (a one-off collection: number, date and document).

Every page must load without a console error."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from playwright.sync_api import expect

from binhdang.reporting import services
from binhdang.reporting.models import Period, PeriodKind, State, Submission
from tests.browser import login
from tests.factories import PASSWORD, Role, make_user

SLOW = 30_000
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def watch_console(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    return errors


def switch_user(page, live_server, username: str) -> None:
    page.context.clear_cookies()
    login(page, live_server, username, PASSWORD)


@pytest.mark.browser
def test_an_ad_hoc_request_is_asked_answered_on_a_phone_returned_and_accepted(
    browser_page, live_server, plan, daklak, focal_officer, commune_a_reporter
):
    page = browser_page
    errors = watch_console(page)
    page.set_viewport_size(DESKTOP)
    login(page, live_server, "focal", PASSWORD)
    page.goto(live_server.url + reverse("reporting:index"))
    page.locator("#ask-units").click()
    # a deadline already past is refused in Vietnamese, and what was typed stays
    page.get_by_label("Tiêu đề yêu cầu").fill("Báo cáo nhanh phòng, chống bạo lực gia đình")
    page.get_by_label("Hạn nộp").fill("2026-11-30")
    for name in ("Xã Ea Kar", "Phường Buôn Ma Thuột", "Sở Y tế"):
        page.locator("#request-units").get_by_label(name, exact=True).check()
    page.locator("#request-elements").get_by_label("Số cuộc truyền thông").check()
    page.locator("#id_question_1").fill("Số vụ bạo lực gia đình đã xử lý")
    page.locator("#id_question_1_type").select_option("number")
    page.locator("#id_question_1_unit").fill("vụ")
    page.locator("#id_question_2").fill("Khó khăn chính")
    page.locator("#send-request").click()
    expect(page.get_by_text("Hạn nộp: 30/11/2026 đã qua")).to_be_visible()
    expect(page.locator("#id_question_1")).to_have_value("Số vụ bạo lực gia đình đã xử lý")
    page.get_by_label("Hạn nộp").fill("2026-12-20")
    for name in ("Xã Ea Kar", "Phường Buôn Ma Thuột", "Sở Y tế"):
        page.locator("#request-units").get_by_label(name, exact=True).check()
    page.locator("#request-elements").get_by_label("Số cuộc truyền thông").check()
    page.locator("#send-request").click()
    expect(page.locator("#stat-submitted")).to_have_text("0/3", timeout=SLOW)
    expect(page.locator("h1")).to_contain_text("Báo cáo nhanh phòng, chống bạo lực gia đình")
    request = Period.objects.get(kind=PeriodKind.AD_HOC)

    # The commune's reporter, on a phone, finds it among the reports due, answers and submits.
    page.set_viewport_size(PHONE)
    switch_user(page, live_server, "reporter_a")
    page.goto(live_server.url + reverse("reporting:index"))
    row = page.locator("tr", has_text="Báo cáo nhanh phòng, chống bạo lực gia đình")
    row.get_by_role("link").click()
    page.wait_for_load_state("load")  # the autosave script is bound once the page has loaded
    expect(page.locator("#n-results")).to_have_count(0)  # no narrative in a request
    page.locator("#f-TT_SESSIONS").fill("2")
    page.locator("#f-Q1").fill("3")
    page.locator("#f-Q2").fill("Thiếu kinh phí hỗ trợ nạn nhân")
    expect(page.locator("#save-status")).to_contain_text("Đã lưu bản nháp lúc", timeout=SLOW)
    page.get_by_role("button", name="Nộp báo cáo").click()
    expect(page.locator("#report-state")).to_have_text("Đã nộp", timeout=SLOW)
    report = Submission.objects.get(period=request, unit=daklak.commune_a)
    assert report.value_map() == {
        ("TT_SESSIONS", ""): "2",
        ("Q1", ""): "3",
        ("Q2", ""): "Thiếu kinh phí hỗ trợ nạn nhân",
    }

    # The officer returns it from the request's board.
    page.set_viewport_size(DESKTOP)
    switch_user(page, live_server, "focal")
    page.goto(live_server.url + reverse("reporting:board", args=[request.pk]))
    page.locator('tr[data-unit="66-C001"]').get_by_role("link", name="Xã Ea Kar").click()
    expect(page.locator("body")).to_contain_text("Số vụ bạo lực gia đình đã xử lý")
    page.get_by_label("Đơn vị cần sửa nội dung gì?").fill("Số vụ chưa tính vụ tháng 11.")
    page.locator("#btn-return").click()
    expect(page.locator("#report-state")).to_have_text("Bị trả lại để sửa", timeout=SLOW)

    # The reporter corrects and resubmits on the phone; the officer accepts.
    page.set_viewport_size(PHONE)
    switch_user(page, live_server, "reporter_a")
    page.goto(live_server.url + reverse("reporting:submission", args=[report.pk]))
    expect(page.locator("#return-comment-note")).to_contain_text("Số vụ chưa tính vụ tháng 11.")
    page.locator("#f-Q1").fill("4")
    expect(page.locator("#save-status")).to_contain_text("Đã lưu bản nháp lúc", timeout=SLOW)
    page.get_by_role("button", name="Nộp lại báo cáo").click()
    expect(page.locator("#report-state")).to_have_text("Đã nộp", timeout=SLOW)
    page.set_viewport_size(DESKTOP)
    switch_user(page, live_server, "focal")
    page.goto(live_server.url + reverse("reporting:submission", args=[report.pk]))
    page.locator("#btn-accept").click()
    expect(page.locator("#report-state")).to_have_text("Đã chấp nhận", timeout=SLOW)
    report.refresh_from_db()
    assert report.state == State.ACCEPTED and report.value_map()[("Q1", "")] == "4"

    # The answers of the units, in Excel.
    page.goto(live_server.url + reverse("reporting:board", args=[request.pk]))
    with page.expect_download() as download:
        page.locator("#answers-xlsx").click()
    sheet = load_workbook(io.BytesIO(download.value.path().read_bytes())).active
    rows = {r[0]: r for r in sheet.iter_rows(min_row=4, values_only=True)}
    assert rows["66-C001"][2] == "Đã chấp nhận" and rows["66-C001"][4:] == (
        2,
        4,
        "Thiếu kinh phí hỗ trợ nạn nhân",
    )
    assert not errors, errors


@pytest.mark.browser
def test_the_media_agency_reports_a_quarters_news_items_below_the_minimum(
    browser_page, live_server, plan, daklak, focal_officer
):
    make_user("reporter_media", Role.REPORTER, daklak.newspaper, full_name="Đinh Thị Mai")
    page = browser_page
    errors = watch_console(page)
    # The officer opens the fourth quarter for the news items, at least 4 (the first is already past).
    page.set_viewport_size(DESKTOP)
    login(page, live_server, "focal", PASSWORD)
    page.goto(live_server.url + reverse("reporting:index"))
    page.locator("#open-quarters").click()
    page.get_by_label("Theo quý").check()
    page.locator("#id_numbers").get_by_label("1", exact=True).check()
    page.locator("#id_numbers").get_by_label("4", exact=True).check()
    page.locator("#id_elements").get_by_label("Số tin, bài", exact=True).check()
    page.get_by_label("Mức tối thiểu mỗi quý hoặc tháng").fill("4")
    page.locator("#open-subannual").click()
    expect(page.get_by_text("Quý 1/2026: hạn nộp 10/04/2026 đã qua.")).to_be_visible()
    page.locator("#id_numbers").get_by_label("1", exact=True).uncheck()
    page.locator("#open-subannual").click()
    expect(page.locator("h1")).to_contain_text("Quý 4/2026", timeout=SLOW)
    quarter = Period.objects.get(kind=PeriodKind.QUARTERLY)
    assert (quarter.sequence, quarter.targets) == (4, [{"code": "TT_NEWS", "minimum": 4}])

    # The media agency's reporter, on a phone, reports three news items.
    page.set_viewport_size(PHONE)
    switch_user(page, live_server, "reporter_media")
    page.goto(live_server.url + reverse("reporting:index"))
    page.locator("tr", has_text="Quý 4/2026").get_by_role("link").click()
    page.wait_for_load_state("load")  # the autosave script is bound once the page has loaded
    page.locator("#f-TT_NEWS").fill("3")
    expect(page.locator("#save-status")).to_contain_text("Đã lưu bản nháp lúc", timeout=SLOW)
    page.get_by_role("button", name="Nộp báo cáo").click()
    expect(page.locator("#report-state")).to_have_text("Đã nộp", timeout=SLOW)

    page.set_viewport_size(DESKTOP)
    switch_user(page, live_server, "focal")
    page.goto(live_server.url + reverse("reporting:board", args=[quarter.pk]))
    expect(page.locator("#off-track")).to_contain_text("Báo và Phát thanh, Truyền hình tỉnh")
    expect(page.locator("#period-asks")).to_contain_text("Từ ngày 01/10/2026 đến ngày 31/12/2026")
    assert not errors, errors


@pytest.mark.browser
def test_a_department_uploads_its_implementing_plan(
    browser_page, live_server, plan, daklak, focal_officer, department_reporter, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    collection = services.open_request(
        plan,
        focal_officer,
        kind=PeriodKind.ONE_OFF,
        title="Kế hoạch triển khai năm 2027",
        deadline=dt.date(2026, 12, 20),
        units=[daklak.health],
    )
    document = tmp_path / "ke-hoach-trien-khai.pdf"
    document.write_bytes(b"%PDF-1.4\n% ke hoach trien khai\n")
    page = browser_page
    errors = watch_console(page)
    page.set_viewport_size(PHONE)
    login(page, live_server, "reporter_health", PASSWORD)
    page.goto(live_server.url + reverse("reporting:index"))
    page.locator("tr", has_text="Kế hoạch triển khai năm 2027").get_by_role("link").click()
    page.wait_for_load_state("load")  # the autosave script is bound once the page has loaded
    page.locator("#f-DOC_NUMBER").fill("125/KH-SYT")
    page.locator("#f-DOC_DATE").fill("2026-12-15")
    expect(page.locator("#save-status")).to_contain_text("Đã lưu bản nháp lúc", timeout=SLOW)
    # submitting without the document is refused, in Vietnamese
    page.get_by_role("button", name="Nộp báo cáo").click()
    expect(page.get_by_text("Văn bản: hãy tải lên văn bản").first).to_be_visible(timeout=SLOW)
    report = Submission.objects.get(period=collection)
    page.goto(live_server.url + reverse("reporting:submission", args=[report.pk]))
    page.locator("#id_file").set_input_files(str(document))
    page.get_by_role("button", name="Đính kèm").click()
    expect(page.locator("#evidence-title")).to_be_visible()
    expect(page.get_by_role("link", name="ke-hoach-trien-khai.pdf")).to_be_visible(timeout=SLOW)
    page.get_by_role("button", name="Nộp báo cáo").click()
    expect(page.locator("#report-state")).to_have_text("Đã nộp", timeout=SLOW)
    report.refresh_from_db()
    assert report.value_map() == {("DOC_NUMBER", ""): "125/KH-SYT", ("DOC_DATE", ""): "2026-12-15"}
    assert report.attachments.count() == 1
    assert not errors, errors
