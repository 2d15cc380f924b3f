"""The national results in headless Chromium (issue 18): Đắk Lắk's focal officer sends the report with
the province's difficulties; the ministry viewer goes from its board to "Kết quả toàn quốc", reads the
national value and the ranked chart (drawn by the vendored ECharts), sees the provinces off track,
switches the year, downloads the Excel file and the national report, and drills down into a
province's results; a province's focal officer is refused the page. No console error."""

from __future__ import annotations

from io import BytesIO

import pytest
from docx import Document
from openpyxl import load_workbook
from playwright.sync_api import expect

from binhdang.reporting.models import Period
from tests.browser import login
from tests.core.test_journeys_readers_browser import watch_console
from tests.factories import PASSWORD
from tests.results.conftest import file_report, seed_000_indicators

PDF = {"name": "bao-cao-da-ky.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 bao cao da ky"}


def _as(page, live_server, username: str) -> None:
    page.context.clear_cookies()
    login(page, live_server, username, PASSWORD)


def _two_provinces_reported(daklak, daklak_period, laichau, laichau_plan) -> Period:
    """Both plans with the 000 indicators; Đắk Lắk's communes A and B report 3 and 1 sessions, Lai
    Châu's commune A none. Returns Lai Châu's 2026 period."""
    seed_000_indicators(daklak_period.plan)
    seed_000_indicators(laichau_plan)
    file_report(daklak_period, daklak.commune_a, {"TT_SESSIONS": 3})
    file_report(daklak_period, daklak.commune_b, {"TT_SESSIONS": 1})
    laichau_period = Period.objects.get(plan=laichau_plan, year=2026)
    file_report(laichau_period, laichau.commune_a, {"TT_SESSIONS": 0})
    return laichau_period


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_ministry_reads_the_national_results_and_downloads_them(
    browser_page,
    live_server,
    daklak,
    daklak_period,
    laichau_plan,
    laichau,
    focal_officer,
    outsider,
    ministry_viewer,
    settings,
    tmp_path,
):
    settings.MEDIA_ROOT = tmp_path / "media"
    _two_provinces_reported(daklak, daklak_period, laichau, laichau_plan)
    page = browser_page
    errors = watch_console(page)

    # the focal officer sends the report with the province's difficulties and proposals
    _as(page, live_server, "focal")
    page.goto(live_server.url + f"/ministry/plans/{daklak_period.plan_id}/2026/")
    page.locator("#id_signed").set_input_files(PDF)
    page.get_by_label("Khó khăn, vướng mắc của tỉnh (mỗi ý một dòng)").fill("Thiếu cán bộ chuyên trách.")
    page.get_by_label("Kiến nghị, đề xuất của tỉnh với Bộ (mỗi ý một dòng)").fill(
        "Đề nghị Bộ tổ chức tập huấn."
    )
    page.get_by_role("button", name="Gửi báo cáo").click()
    expect(page.locator(".messages")).to_contain_text("Đã gửi báo cáo năm 2026 về Bộ")
    # a province's user has no way into the national results
    response = page.goto(live_server.url + "/ministry/national/")
    assert response is not None and response.status == 403

    # the ministry: board -> national results
    _as(page, live_server, "ministry")
    page.get_by_role("link", name="Báo cáo gửi Bộ").first.click()
    page.get_by_role("link", name="Kết quả toàn quốc").click()
    expect(page.locator("h1")).to_have_text("Kết quả toàn quốc năm 2026")
    sessions = page.locator('article[data-code="1790.1"]')
    # (1 + 0) units with two sessions (commune A) / (6 + 6) expected units
    expect(sessions.locator(".national-value")).to_have_text("8,33%")
    expect(sessions.locator(".off-track")).to_contain_text("2 tỉnh chậm tiến độ")
    expect(sessions.locator(".chart-ranked svg")).to_have_count(1)  # ECharts drew the ranked bars
    expect(sessions.locator("tr.is-off-track")).to_have_count(2)
    expect(sessions.locator("tbody tr").first).to_contain_text("Tỉnh Đắk Lắk")

    # the Excel file and the national report
    with page.expect_download() as xlsx:
        page.locator("#download-xlsx").click()
    workbook = load_workbook(BytesIO(xlsx.value.path().read_bytes()))
    assert workbook.sheetnames == ["Toàn quốc", "Theo tỉnh", "Gửi báo cáo"]
    with page.expect_download() as report:
        page.locator("#download-report").click()
    assert report.value.suggested_filename == "bao-cao-toan-quoc-2026.docx"
    text = "\n".join(p.text for p in Document(report.value.path()).paragraphs)
    assert "Thiếu cán bộ chuyên trách (Tỉnh Đắk Lắk)." in text

    # another year: no period yet, no data
    page.get_by_label("Năm").select_option("2027")
    page.get_by_role("button", name="Xem").click()
    expect(page.locator("h1")).to_have_text("Kết quả toàn quốc năm 2027")
    expect(page.locator('article[data-code="1790.1"] .national-value')).to_have_text("Chưa có số liệu")

    # drill-down into a province's results, read only
    page.get_by_label("Năm").select_option("2026")
    page.get_by_role("button", name="Xem").click()
    page.locator('article[data-code="1790.1"]').get_by_role("link", name="Tỉnh Lai Châu").click()
    expect(page).to_have_url(f"{live_server.url}/results/plans/{laichau_plan.pk}/2026/")
    expect(page.locator("main")).to_contain_text("Tỉnh Lai Châu")
    assert not errors, errors


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_province_whose_period_lists_no_expected_units_is_counted_over_its_active_units(
    browser_page, live_server, daklak, daklak_period, laichau_plan, laichau, ministry_viewer
):
    """The national roll-up's second half (results.figures.period_figures): Lai Châu's period has
    no expected reporters listed, so its active reporting units are expected; the ministry reads the
    same national value as when they were listed."""
    from binhdang.orgunits.models import REPORTING_TYPES, OrgUnit
    from binhdang.reporting.models import ExpectedReporter

    laichau_period = _two_provinces_reported(daklak, daklak_period, laichau, laichau_plan)
    listed = ExpectedReporter.objects.filter(period=laichau_period)
    assert listed.count() == 6
    listed.delete()
    active = OrgUnit.objects.filter(province=laichau.root, is_active=True, type__in=REPORTING_TYPES)
    assert active.count() == 6
    page = browser_page
    errors = watch_console(page)

    _as(page, live_server, "ministry")
    page.goto(live_server.url + "/ministry/national/")
    expect(page.locator("h1")).to_have_text("Kết quả toàn quốc năm 2026")
    sessions = page.locator('article[data-code="1790.1"]')
    # (1 + 0) units with two sessions / (6 listed + Lai Châu's 6 active units)
    expect(sessions.locator(".national-value")).to_have_text("8,33%")
    expect(sessions.locator(".off-track")).to_contain_text("2 tỉnh chậm tiến độ")
    assert not errors, errors
