"""The annual report's editor in a real browser (issue 16): the focal officer opens it from the
dashboard, edits a block, saves it (htmx), sees the version, downloads the Word file (with the edit)
and the PDF; the leader reads the report but has nothing to edit. No console errors."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from docx import Document

from binhdang.documents import services
from tests.browser import login
from tests.factories import PASSWORD

EDITED = "Năm nay công tác truyền thông ở cơ sở có nhiều chuyển biến rõ rệt."


def _errors(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def _download(page, locator) -> tuple[str, bytes]:
    with page.expect_download(timeout=120_000) as caught:
        locator.click()
    download = caught.value
    with open(download.path(), "rb") as handle:
        return download.suggested_filename, handle.read()


@pytest.mark.browser
def test_the_focal_officer_edits_saves_and_downloads_the_report(
    browser_page, live_server, plan, reports, focal_officer
):
    page = browser_page
    errors = _errors(page)
    login(page, live_server, "focal", PASSWORD)
    page.goto(live_server.url + reverse("results:dashboard", args=[plan.pk, 2026]))
    page.locator("#open-report-editor").click()
    page.wait_for_selector("#block-difficulties")
    assert "Số liệu từ kết quả tổng hợp (không sửa được)" in page.content()
    assert page.locator("#block-reporting .locked table").count() == 1  # the figures are not in a box
    box = page.locator("#text-difficulties")
    assert "Kinh phí còn hạn chế" in box.input_value()
    box.fill(EDITED)
    page.locator("#save-difficulties").click()
    page.wait_for_selector("#block-difficulties [role=status]")
    assert page.locator("#block-difficulties summary").inner_text() == "1 phiên bản"
    assert page.locator("#reset-difficulties").is_visible()
    name, content = _download(page, page.locator("#editor-download-docx"))
    assert name.endswith(".docx")
    assert EDITED in [p.text for p in Document(io.BytesIO(content)).paragraphs]
    if services.pdf_available():
        name, content = _download(page, page.locator("#editor-download-pdf"))
        assert name.endswith(".pdf") and content.startswith(b"%PDF")
    else:
        assert "LibreOffice" in page.locator("#editor-download-pdf").inner_text()
    page.locator("#reset-difficulties").click()
    page.wait_for_selector("#reset-difficulties", state="detached")  # the block is generated again
    assert "Kinh phí còn hạn chế" in page.locator("#text-difficulties").input_value()
    assert errors == []


@pytest.mark.browser
def test_the_leader_reads_the_report_but_cannot_edit_it(browser_page, live_server, plan, reports, leader):
    page = browser_page
    errors = _errors(page)
    login(page, live_server, leader.username, PASSWORD)
    page.goto(live_server.url + reverse("documents:report_editor", args=[plan.pk, 2026]))
    assert "chỉ cán bộ đầu mối của tỉnh được sửa" in page.content()
    assert page.locator("textarea").count() == 0 and page.locator("#block-difficulties").is_visible()
    assert "Kinh phí còn hạn chế" in page.locator("#block-difficulties").inner_text()
    assert errors == []
