"""Journeys of the review loop in headless Chromium (issue 12):

(a) a commune's reporter fills and submits its report on a phone; the focal officer finds it on the
    status board, returns it (a blank comment is refused in Vietnamese), lands on the read-only report
    and is offered the next report waiting; the reporter reads the comment, corrects and resubmits; the
    officer accepts; the results dashboard and the annual report (Word, opened with python-docx) show
    the figures;
(b) after the deadline the board says "Quá hạn" for a unit that did nothing, counts and filters it,
    and the officer's home says how many are overdue;
(c) the same report filled through the web form, the Excel template and the API gives the same
    submission.

Every page must load without a console error."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook
from playwright.sync_api import expect

from binhdang.reporting.excel.layout import build_layout
from binhdang.reporting.models import State, Submission
from tests.api.conftest import token_client
from tests.browser import login
from tests.factories import PASSWORD, Role, make_unit, make_user
from tests.reporting.conftest import COMMUNE_VALUES
from tests.results.conftest import file_report, seed_000_plan

#: Autosave and page loads wait on the server: give a loaded machine time before failing.
SLOW = 30_000
PHONE = {"width": 390, "height": 844}
NARRATIVE = {
    "results": "Tổ chức 4 cuộc truyền thông tại các thôn, buôn.",
    "difficulties": "Kinh phí còn hạn chế.",
    "proposals": "Đề nghị tập huấn thêm cho cán bộ thôn.",
}
NARRATIVE_LABELS = {"results": "Kết quả", "difficulties": "Khó khăn, vướng mắc", "proposals": "Kiến nghị"}


def watch_console(page) -> list[str]:
    """Collect console errors and uncaught page errors (each one fails the journey)."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    return errors


def switch_user(page, live_server, username: str) -> None:
    page.context.clear_cookies()
    login(page, live_server, username, PASSWORD)


def fill_report(page, values) -> None:
    for (code, coc), value in values.items():
        locator = page.locator("#f-" + (f"{code}-{coc}" if coc else code))
        if locator.evaluate("e => e.tagName") == "SELECT":
            locator.select_option(value)
        else:
            locator.fill(value)


def fill_narrative(page, narrative) -> None:
    for name, text in narrative.items():
        page.locator(f"#n-{name}").fill(text)


@pytest.fixture
def plan(daklak):
    """Đắk Lắk's programme-1790 plan with seed 000's five targets (so results have indicators)."""
    return seed_000_plan(daklak)


@pytest.fixture
def open_period(plan, focal_officer):
    """The 2026 period with a deadline ten days ahead: the reports of the journey are on time."""
    from binhdang.reporting import services

    period = services.open_period(plan, 2026, focal_officer)
    today = timezone.localdate()
    period.deadline, period.lock_date = today + dt.timedelta(days=10), today + dt.timedelta(days=20)
    period.save()
    return period


@pytest.mark.browser
def test_a_commune_report_goes_through_return_correction_and_acceptance_into_the_results(
    browser_page,
    live_server,
    plan,
    open_period,
    daklak,
    commune_a_reporter,
    focal_officer,
    settings,
    tmp_path,
):
    settings.MEDIA_ROOT = tmp_path
    page = browser_page
    errors = watch_console(page)
    # Another commune's report waits for review too.
    waiting = file_report(open_period, daklak.commune_b, at=timezone.now() - dt.timedelta(days=1))

    # The commune's reporter, on a phone, fills the report and submits it.
    page.set_viewport_size(PHONE)
    login(page, live_server, "reporter_a", PASSWORD)
    page.get_by_role("link", name="Nhập báo cáo").first.click()
    fill_report(page, COMMUNE_VALUES)
    fill_narrative(page, NARRATIVE)
    expect(page.locator("#save-status")).to_contain_text("Đã lưu bản nháp lúc", timeout=SLOW)
    page.get_by_role("button", name="Nộp báo cáo").click()
    expect(page.locator("#report-state")).to_have_text("Đã nộp", timeout=SLOW)
    report = Submission.objects.get(unit=daklak.commune_a)
    assert report.value_map() == COMMUNE_VALUES

    # The focal officer finds it on the board and opens it.
    page.set_viewport_size({"width": 1280, "height": 900})
    switch_user(page, live_server, "focal")
    page.goto(live_server.url + reverse("reporting:board", args=[open_period.pk]))
    row = page.locator('tr[data-unit="66-C001"]')
    expect(row).to_contain_text("Đã nộp")
    with page.expect_navigation():  # and its stylesheet: the colours are compared next
        row.get_by_role("link", name="Xã Ea Kar").click()
    page.wait_for_load_state("load")
    accept, give_back = page.locator("#btn-accept"), page.locator("#btn-return")
    assert accept.evaluate("b => getComputedStyle(b).backgroundColor") != give_back.evaluate(
        "b => getComputedStyle(b).backgroundColor"
    ), "'Trả lại' must not look like 'Chấp nhận'"

    # A blank comment is refused in Vietnamese; nothing changes.
    give_back.click()
    expect(page.get_by_text("Ý kiến: hãy ghi rõ nội dung đơn vị cần sửa.")).to_be_visible()
    expect(page.locator("#report-state")).to_have_text("Đã nộp")

    # Returned with a comment: the officer reads the report (no entry form, no "Nộp lại") and is offered
    # the next report waiting for review.
    page.get_by_label("Đơn vị cần sửa nội dung gì?").fill("Số người tham dự nữ chưa khớp với biên bản.")
    page.locator("#btn-return").click()
    expect(page.locator("#report-state")).to_have_text("Bị trả lại để sửa", timeout=SLOW)
    expect(page.locator("#report-form")).to_have_count(0)
    expect(page.get_by_role("button", name="Nộp lại báo cáo")).to_have_count(0)
    expect(page.locator(".kv")).to_contain_text("Y Bih Niê")  # last saved by the unit, not the officer
    expect(page.locator(".kv")).not_to_contain_text("Nguyễn Thị Hoa")
    page.get_by_role("link", name=re.compile("Báo cáo tiếp theo chờ duyệt")).click()
    expect(page).to_have_url(re.compile(rf"/reporting/submissions/{waiting.pk}/$"))
    expect(page.locator("h1")).to_contain_text("Phường Buôn Ma Thuột")
    page.locator("#btn-accept").click()
    expect(page.locator("#report-state")).to_have_text("Đã chấp nhận", timeout=SLOW)
    expect(page.locator("#no-next-review")).to_be_visible()

    # The reporter reads the comment, corrects the figure and resubmits (on the phone).
    page.set_viewport_size(PHONE)
    switch_user(page, live_server, "reporter_a")
    page.goto(live_server.url + reverse("reporting:submission", args=[report.pk]))
    expect(page.locator("#return-comment-note")).to_contain_text(
        "Số người tham dự nữ chưa khớp với biên bản."
    )
    page.locator("#f-TT_PARTICIPANTS-FEMALE").fill("175")
    expect(page.locator("#save-status")).to_contain_text("Đã lưu bản nháp lúc", timeout=SLOW)
    page.get_by_role("button", name="Nộp lại báo cáo").click()
    expect(page.locator("#report-state")).to_have_text("Đã nộp", timeout=SLOW)

    # The officer accepts it.
    page.set_viewport_size({"width": 1280, "height": 900})
    switch_user(page, live_server, "focal")
    page.goto(live_server.url + reverse("reporting:submission", args=[report.pk]))
    expect(page.locator('[data-value="v__TT_PARTICIPANTS__FEMALE"]')).to_have_text("175")
    page.locator("#btn-accept").click()
    expect(page.locator("#report-state")).to_have_text("Đã chấp nhận", timeout=SLOW)
    report.refresh_from_db()
    assert report.state == State.ACCEPTED and report.value_map()[("TT_PARTICIPANTS", "FEMALE")] == "175"

    # The results: 2 of the 6 expected units held at least 2 sessions; both ran the Action Month.
    page.goto(live_server.url + reverse("results:dashboard", args=[plan.pk, 2026]))
    expect(page.locator('tr[data-indicator="1"]')).to_contain_text("33,33%")
    expect(page.locator('tr[data-indicator="2"]')).to_contain_text("33,33%")

    # The annual report in Word carries the commune's corrected figure and its narrative.
    with page.expect_download() as download:
        page.locator("#download-report-docx").click()
    document = Document(download.value.path())
    text = "\n".join(
        [p.text for p in document.paragraphs]
        + [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    )
    assert "Xã Ea Kar" in text and "Phường Buôn Ma Thuột" in text
    assert "175" in text and NARRATIVE["results"] in text
    assert not errors, errors


@pytest.mark.browser
def test_after_the_deadline_the_board_shows_counts_and_filters_a_unit_that_did_nothing(
    browser_page, live_server, plan, focal_officer, daklak, commune_b_reporter
):
    from binhdang.reporting import services

    period = services.open_period(plan, 2026, focal_officer)  # deadline 30/11; the suite runs on 04/12
    file_report(period, daklak.commune_a, at=timezone.now() - dt.timedelta(days=10))
    page = browser_page
    errors = watch_console(page)
    login(page, live_server, "focal", PASSWORD)
    # The home says how many units are overdue and leads to them.
    overdue_link = page.get_by_role("link", name="5 đơn vị quá hạn")
    expect(overdue_link).to_be_visible()
    overdue_link.click()
    expect(page.locator("#stat-overdue")).to_have_text("5")
    expect(page.locator("#board tbody tr")).to_have_count(5)
    nothing = page.locator('tr[data-unit="66-D06"]')
    expect(nothing).to_contain_text("Chưa bắt đầu")
    expect(nothing).to_contain_text("Quá hạn")
    expect(page.locator('tr[data-unit="66-C001"]')).to_have_count(0)
    # The filter by hand: every unit, then only the overdue ones again.
    page.get_by_label("Trạng thái", exact=True).select_option("")
    page.get_by_role("button", name="Lọc").click()
    expect(page.locator("#board tbody tr")).to_have_count(6)
    expect(page.locator('tr[data-unit="66-C001"]')).to_contain_text("Đúng hạn")
    expect(page.locator('tr[data-unit="66-C001"]')).not_to_contain_text("Quá hạn")
    page.get_by_label("Trạng thái", exact=True).select_option("overdue")
    page.get_by_role("button", name="Lọc").click()
    expect(page.locator("#board tbody tr[data-overdue]")).to_have_count(5)

    # The reporter of a commune that did nothing reads "Quá hạn" on its own report, on a phone.
    page.set_viewport_size(PHONE)
    switch_user(page, live_server, "reporter_b")
    due = page.locator("tr", has_text="Phường Buôn Ma Thuột")
    expect(due).to_contain_text("Quá hạn")
    expect(due).to_contain_text("Chưa bắt đầu")
    assert not errors, errors


def excel_file(period, unit, values, narrative) -> bytes:
    """The unit's template as downloaded, filled cell by cell as a user would in Excel."""
    layout = build_layout(period, unit)
    client = Client()
    client.force_login(make_user("excel_" + unit.code, Role.REPORTER, unit))
    content = client.get(reverse("reporting:xlsx_template", args=[period.pk, unit.pk])).content
    book = load_workbook(io.BytesIO(content))
    sheet = book["Biểu1"]
    for cell in layout.value_cells:
        text = values.get(cell.key, "")
        if cell.element.value_type == "boolean":
            sheet[cell.ref] = {"true": "Có", "false": "Không"}.get(text, "")
        else:
            sheet[cell.ref] = int(text) if text.isdigit() else text
    for cell in layout.narrative:
        sheet[cell.ref] = narrative[cell.field.name]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.browser
def test_the_web_form_the_excel_template_and_the_api_give_the_same_submission(
    browser_page, live_server, plan, open_period, daklak, commune_a_reporter, commune_b_reporter
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    third = make_unit(daklak.root, "Xã Cư Kty", "66-C003", division="Xã")
    open_period.expected_reporters.create(unit=third)
    api_reporter = make_user("reporter_c", Role.REPORTER, third, full_name="H Hen Niê")

    # Web: the reporter fills the form on a phone and submits.
    page = browser_page
    errors = watch_console(page)
    page.set_viewport_size(PHONE)
    login(page, live_server, "reporter_a", PASSWORD)
    page.goto(live_server.url + reverse("reporting:report", args=[open_period.pk, daklak.commune_a.pk]))
    fill_report(page, COMMUNE_VALUES)
    fill_narrative(page, NARRATIVE)
    expect(page.locator("#save-status")).to_contain_text("Đã lưu bản nháp lúc", timeout=SLOW)
    page.get_by_role("button", name="Nộp báo cáo").click()
    expect(page.locator("#report-state")).to_have_text("Đã nộp", timeout=SLOW)
    assert not errors, errors

    # Excel: the other commune uploads its filled template and submits it.
    excel = Client()
    excel.force_login(commune_b_reporter)
    upload = SimpleUploadedFile(
        "bieu-mau.xlsx",
        excel_file(open_period, daklak.commune_b, COMMUNE_VALUES, NARRATIVE),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response = excel.post(reverse("reporting:xlsx_upload"), {"uploads": [upload], "submit": "on"})
    assert response.status_code == 200 and response.context["accepted"] == 1, response.context["results"]

    # API: the third commune starts its report, saves the values and narrative, then submits.
    api = token_client(api_reporter)
    created = api.post("/api/v1/submissions/", {"period": open_period.pk, "unit": third.pk}, format="json")
    assert created.status_code in (200, 201), created.content
    body = created.json()
    values = [
        {"dataElement": c, "categoryOptionCombo": coc, "value": v} for (c, coc), v in COMMUNE_VALUES.items()
    ]
    saved = api.patch(
        f"/api/v1/submissions/{body['id']}/",
        {"version": body["version"], "values": values, "narrative": NARRATIVE},
        format="json",
    )
    assert saved.status_code == 200, saved.content
    submitted = api.post(
        f"/api/v1/submissions/{body['id']}/submit/",
        {"version": saved.json()["submission"]["version"]},
        format="json",
    )
    assert submitted.status_code == 200, submitted.content

    reports = {s.unit.code: s for s in Submission.objects.filter(period=open_period).select_related("unit")}
    assert set(reports) == {"66-C001", "66-C002", "66-C003"}
    for code, report in reports.items():
        assert report.state == State.SUBMITTED, code
        assert report.value_map() == COMMUNE_VALUES, code
        assert report.narrative() == NARRATIVE, code
