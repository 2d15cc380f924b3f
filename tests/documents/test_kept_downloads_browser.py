"""In headless Chromium, in Vietnamese: the downloads kept until their data changes (the templates zip,
the annual report, ``core.filecache``) say what the reports say at the moment of each download.

The focal officer downloads the zip from the status board and the annual report from the dashboard; a
commune then reports a figure and a difficulty; the officer's next downloads hold them. The leader
gets the report with the units' words, the ministry the one without them (each reader's own kept
file), an officer of another province gets the "not found" page and no file. Each kind of unit's
reporter downloads its own report, ready to sign, made on the same decree-styled document.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook
from playwright.sync_api import expect

from binhdang.reporting import services
from binhdang.reporting.excel.template import template_filename
from binhdang.reporting.models import Submission
from tests.browser import login
from tests.factories import PASSWORD, Role, make_user
from tests.results.conftest import file_report, local, seed_000_plan

DIFFICULTY = "Thiếu kinh phí cho truyền thông ở các thôn buôn xa trung tâm."
#: What of it every report quotes (a grouped sentence is written without its full stop).
SAID = DIFFICULTY.removesuffix(".")


def _download(page, link) -> tuple[str, bytes]:
    with page.expect_download(timeout=120_000) as caught:
        link.click()
    download = caught.value
    assert download.failure() is None
    return download.suggested_filename, Path(download.path()).read_bytes()


def _texts(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _news_in_template(archive: zipfile.ZipFile, period, unit):
    """The figure of TT_NEWS in ``unit``'s template of the zip (None: the cell is empty)."""
    sheet = load_workbook(io.BytesIO(archive.read(template_filename(period, unit))))["Biểu1"]
    row = next(r for r in sheet.iter_rows() if any(cell.value == "TT_NEWS" for cell in r))
    figures = [cell.value for cell in row if isinstance(cell.value, int | float)]
    return figures[0] if figures else None


def _switch_user(page, live_server, username: str) -> None:
    page.context.clear_cookies()
    login(page, live_server, username, PASSWORD)


def _report_with_a_difficulty(period, unit, news: int) -> Submission:
    """``unit``'s complete report (``file_report``'s figures for its kind) with ``news`` news items and
    :data:`DIFFICULTY`, submitted."""
    submission = file_report(period, unit, {"TT_NEWS": news}, submit=False)
    narrative = {"results": "Đã triển khai.", "difficulties": DIFFICULTY}
    services.save_draft(
        submission, submission.value_map(), narrative, None, expected_version=submission.version
    )
    services.submit(submission, None, at=local(period.year, 11, 21))
    return submission


@pytest.mark.browser
def test_each_download_says_what_the_reports_say_when_it_is_made_for_its_own_reader(
    browser_page, live_server, daklak, laichau, focal_officer, leader, ministry_viewer, outsider
):
    plan = seed_000_plan(daklak)
    period = services.open_period(plan, 2026, None)
    file_report(period, daklak.commune_b, {"TT_NEWS": 5})
    page = browser_page
    board = live_server.url + reverse("reporting:board", args=[period.pk])
    dashboard = live_server.url + reverse("results:dashboard", args=[plan.pk, 2026])
    zip_link = "Biểu mẫu Excel của tất cả đơn vị (zip)"

    login(page, live_server, "focal", PASSWORD)
    page.goto(board)
    name, content = _download(page, page.get_by_role("link", name=zip_link))
    before = zipfile.ZipFile(io.BytesIO(content))
    assert name.endswith(".zip") and before.testzip() is None
    assert len(before.namelist()) == period.expected_reporters.count()
    assert _news_in_template(before, period, daklak.commune_a) is None  # Ea Kar has not reported yet
    assert _news_in_template(before, period, daklak.commune_b) == 5
    page.goto(dashboard)
    assert SAID not in _texts(_download(page, page.locator("#download-report-docx"))[1])

    _report_with_a_difficulty(period, daklak.commune_a, news=47)

    page.goto(board)
    after = zipfile.ZipFile(io.BytesIO(_download(page, page.get_by_role("link", name=zip_link))[1]))
    assert _news_in_template(after, period, daklak.commune_a) == 47  # made anew for the report
    assert _news_in_template(after, period, daklak.commune_b) == 5  # kept, as it was
    assert after.namelist() == before.namelist()
    page.goto(dashboard)
    officers = _texts(_download(page, page.locator("#download-report-docx"))[1])
    assert SAID in officers and "Xã Ea Kar" in officers

    _switch_user(page, live_server, "leader")  # the province's leader reads the units' words too
    page.goto(dashboard)
    assert SAID in _texts(_download(page, page.locator("#download-report-docx"))[1])

    _switch_user(page, live_server, "ministry")  # the ministry's report has the figures, not the words
    page.goto(dashboard)
    ministrys = _texts(_download(page, page.locator("#download-report-docx"))[1])
    assert SAID not in ministrys and "Xã Ea Kar (2 cuộc truyền thông)" in ministrys

    _switch_user(page, live_server, "outsider")  # Lai Châu's officer, at Đắk Lắk's addresses
    zip_url = live_server.url + reverse("reporting:xlsx_templates_zip", args=[period.pk])
    for address in (zip_url, live_server.url + reverse("documents:annual_report", args=[plan.pk, 2026])):
        response = page.goto(address)
        assert response is not None and response.status == 404
        expect(page.get_by_role("heading", name="Không tìm thấy trang")).to_be_visible()


UNITS = ["commune_a", "health", "womens_union", "newspaper", "noi_vu"]


@pytest.mark.browser
@pytest.mark.parametrize("attribute", UNITS)
def test_a_reporter_of_each_kind_of_unit_downloads_its_report_ready_to_sign(
    attribute, browser_page, live_server, daklak, focal_officer
):
    plan = seed_000_plan(daklak)
    period = services.open_period(plan, 2026, None)
    unit = getattr(daklak, attribute)
    make_user("reporter", Role.REPORTER, unit)
    submission = _report_with_a_difficulty(period, unit, news=12)
    page = browser_page
    login(page, live_server, "reporter", PASSWORD)
    page.goto(live_server.url + reverse("reporting:submission", args=[submission.pk]))
    link = page.get_by_role("link", name="Báo cáo của đơn vị để ký (Word)")
    expect(link).to_be_visible()
    name, content = _download(page, link)
    text = _texts(content)
    assert name.endswith(".docx")
    assert unit.name.upper() in text.upper() and SAID in text
    document = Document(io.BytesIO(content))
    width = document.sections[0].page_width
    assert width is not None and round(width.mm) == 210  # the decree's A4 page, from the kept blank
    assert document.core_properties.language == "vi-VN"
