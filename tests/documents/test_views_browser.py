"""In headless Chromium: the focal officer downloads the annual report while a unit's report holds
huge figures stored before today's checks (issue 14): the download works and shows them short."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from django.urls import reverse
from docx import Document

from tests.browser import login
from tests.factories import PASSWORD

from .test_views import store_huge_figures


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_officer_downloads_the_annual_report_with_a_huge_stored_figure(
    browser_page, live_server, plan, reports, focal_officer
):
    from playwright.sync_api import expect

    store_huge_figures(reports["a"])
    page = browser_page
    login(page, live_server, "focal", PASSWORD)
    page.goto(live_server.url + reverse("results:dashboard", args=[plan.pk, 2026]))
    link = page.get_by_role("link", name="Báo cáo năm 2026 (Word)")
    expect(link).to_be_visible()
    with page.expect_download() as caught:
        link.click()
    download = caught.value
    assert download.failure() is None
    assert download.suggested_filename.endswith(".docx")
    document = Document(BytesIO(Path(download.path()).read_bytes()))
    assert any("1 × 10^400 cuộc truyền thông" in p.text for p in document.paragraphs)
