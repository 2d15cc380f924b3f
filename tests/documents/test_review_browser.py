"""In headless Chromium, the reviews over a span (issue 18): the focal officer opens the review from
the dashboard, chooses 2026-2028, sees each year (later years without data say so) and the trend
charts, and downloads the Word report; the leader reads the review on a phone; the ministry viewer
opens the national review from the all-provinces page and downloads it."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from tests.browser import login
from tests.factories import PASSWORD


def _downloaded(page, link) -> tuple[str, bytes]:
    with page.expect_download() as caught:
        link.click()
    download = caught.value
    assert download.failure() is None
    return download.suggested_filename, Path(download.path()).read_bytes()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_officer_chooses_a_span_sees_trends_and_downloads_leader_reads_ministry_gets_the_national_review(
    browser_page, live_server, plan, reports, focal_officer, leader, ministry_viewer
):
    from playwright.sync_api import expect

    page = browser_page
    login(page, live_server, "focal", PASSWORD)
    page.goto(live_server.url + reverse("results:dashboard", args=[plan.pk, 2026]))
    page.get_by_role("link", name="Sơ kết, tổng kết").click()
    page.get_by_label("Từ năm", exact=True).select_option("2026")
    page.get_by_label("đến năm", exact=True).select_option("2028")
    page.get_by_role("button", name="Xem").click()
    expect(page.locator("#review-kind")).to_have_text("Sơ kết giai đoạn 2026-2028")
    years = page.locator("#review-years")
    expect(years.locator("tr[data-year='2027']")).to_contain_text("Năm 2027: chưa có số liệu báo cáo")
    expect(years.locator("tr[data-year='2028']")).to_contain_text("Năm 2028: chưa có số liệu báo cáo")
    first = page.locator("article.review-target").first
    expect(first.locator(".chart svg")).to_be_visible()  # ECharts drew the trend
    expect(first.locator(".trend-text")).to_have_text(
        "chưa đủ số liệu để đánh giá xu hướng (mới có số liệu năm 2026)"
    )
    expect(first.locator("td[data-year='2026'] .status")).to_have_text("Chậm tiến độ")
    expect(page.locator("#review-difficulties")).to_contain_text("Kinh phí còn hạn chế")
    name, data = _downloaded(page, page.get_by_role("link", name="Báo cáo (Word)"))
    assert name == f"so-ket-{plan.slug}-2026-2028.docx"
    lines = [p.text for p in Document(BytesIO(data)).paragraphs]
    assert lines[lines.index("BÁO CÁO") + 1].startswith("Sơ kết giai đoạn 2026-2028")
    assert "Năm 2027: chưa có số liệu báo cáo." in lines

    page.context.clear_cookies()
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, live_server, "leader", PASSWORD)
    page.goto(live_server.url + reverse("documents:review", args=[plan.pk]) + "?start=2026&end=2030")
    expect(page.locator("#review-kind")).to_have_text("Tổng kết giai đoạn 2026-2030")
    expect(page.locator("article.review-target").first.locator(".chart svg")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1  # nothing wider than the phone
    name, data = _downloaded(page, page.get_by_role("link", name="Phụ lục số liệu (Excel)"))
    assert name.endswith("-2026-2030-phu-luc.xlsx")
    assert load_workbook(BytesIO(data)).sheetnames[0] == "Chỉ tiêu qua các năm"

    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, live_server, "ministry", PASSWORD)
    page.goto(live_server.url + reverse("results:national") + "?year=2026")
    page.get_by_role("link", name="Sơ kết, tổng kết toàn quốc").click()
    page.get_by_label("đến năm", exact=True).select_option("2028")
    page.get_by_role("button", name="Xem").click()
    expect(page.locator("#review-kind")).to_have_text("Sơ kết giai đoạn 2026-2028")
    expect(page.locator("#review-years li[data-year='2028']")).to_have_text(
        "Năm 2028: chưa có số liệu báo cáo"
    )
    expect(page.locator("article[data-indicator='1790.1'] .chart svg")).to_be_visible()
    name, data = _downloaded(page, page.get_by_role("link", name="Báo cáo (Word)"))
    assert name == "so-ket-toan-quoc-chuong-trinh-1790-2026-2028.docx"
    assert Document(BytesIO(data)).tables[0].rows[0].cells[0].paragraphs[0].text == "BỘ NỘI VỤ"
