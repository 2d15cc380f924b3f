"""The annual report's editor (issue 16): prose edited per block by the focal officer, figures locked,
versions kept, reset to the generated text, the edits in the DOCX; the leader reads; the ministry's
copy has neither narratives nor edits."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document

from binhdang.documents import services
from binhdang.documents.models import MAX_TEXT, ReportSection
from tests.documents.test_views import client_for, content_of

HTMX = {"HX-Request": "true"}
EDITED = "Sở Nội vụ đánh giá công tác truyền thông năm nay có nhiều chuyển biến."


def docx_text(response) -> str:
    document = Document(BytesIO(content_of(response)))
    return "\n".join(p.text for p in document.paragraphs)


def save_url(plan, key="difficulties"):
    return reverse("documents:report_section", args=[plan.pk, 2026, key])


def test_the_focal_officer_edits_a_block_and_the_word_file_has_the_edit(plan, reports, focal_officer):
    client = client_for(focal_officer)
    page = client.get(reverse("documents:report_editor", args=[plan.pk, 2026]))
    assert page.status_code == 200
    assert b'id="text-difficulties"' in page.content and "Khôi phục" not in page.content.decode()
    response = client.post(save_url(plan), {"text": EDITED}, headers=HTMX)
    assert response.status_code == 200 and "1 phiên bản" in response.content.decode()
    body = docx_text(client.get(reverse("documents:annual_report", args=[plan.pk, 2026])))
    assert EDITED in body
    assert "Kinh phí còn hạn chế (2 đơn vị" not in body  # the generated prose was replaced
    assert "đơn vị phải báo cáo" in body  # the locked figures are still there


def test_figures_stay_locked_whatever_the_prose(plan, reports, focal_officer):
    services.save_section(focal_officer, plan, 2026, "reporting", "Chỉ có 1 đơn vị phải báo cáo.")
    blocks = {b.section.key: b for b in services.editor_blocks(plan, 2026)}
    figures = " ".join(blocks["reporting"].section.figures)
    assert "đơn vị phải báo cáo" in figures and "Chỉ có 1" not in figures
    assert blocks["reporting"].table_rows[-1][0] == ("Tổng cộng", False)
    assert [b.chapter for b in blocks.values() if b.chapter][:2] == [
        "I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN",
        "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
    ]


def test_versions_are_kept_and_reset_goes_back_to_the_generated_text(plan, reports, focal_officer):
    services.save_section(focal_officer, plan, 2026, "difficulties", "Bản 1")
    services.save_section(focal_officer, plan, 2026, "difficulties", "Bản 2")
    client = client_for(focal_officer)
    response = client.post(reverse("documents:report_section_reset", args=[plan.pk, 2026, "difficulties"]))
    assert response.status_code == 302 and response["Location"].endswith("/report/#block-difficulties")
    assert not ReportSection.objects.filter(key="difficulties").exists()
    history = ReportSection.history.filter(key="difficulties").order_by("history_date")
    assert [h.text for h in history] == ["Bản 1", "Bản 2", "Bản 2"]
    assert [h.history_type for h in history] == ["+", "~", "-"]
    assert history[0].history_user == focal_officer
    block = {b.section.key: b for b in services.editor_blocks(plan, 2026)}["difficulties"]
    assert not block.edited and "Kinh phí còn hạn chế" in block.text and len(block.versions) == 3


def test_without_javascript_a_save_goes_back_to_the_editor_at_the_block(plan, reports, focal_officer):
    response = client_for(focal_officer).post(save_url(plan), {"text": EDITED})
    assert response.status_code == 302 and response["Location"].endswith("/report/#block-difficulties")
    assert ReportSection.objects.get(key="difficulties").text == EDITED


def test_a_too_long_text_is_refused_and_kept_in_the_box(plan, reports, focal_officer):
    text = "x" * (MAX_TEXT + 1)
    response = client_for(focal_officer).post(save_url(plan), {"text": text})
    assert response.status_code == 200
    assert "vượt quá" in response.content.decode() and text in response.content.decode()
    assert not ReportSection.objects.exists()


def test_an_unknown_block_is_not_found_and_nothing_is_stored(plan, reports, focal_officer):
    response = client_for(focal_officer).post(save_url(plan, "no-such-block"), {"text": "x"})
    assert response.status_code == 404 and not ReportSection.objects.exists()


def test_the_leader_reads_the_editor_but_cannot_save(plan, reports, leader):
    client = client_for(leader)
    page = client.get(reverse("documents:report_editor", args=[plan.pk, 2026]))
    assert page.status_code == 200 and b"<textarea" not in page.content
    assert client.post(save_url(plan), {"text": EDITED}).status_code == 403
    assert not ReportSection.objects.exists()


def test_the_ministry_copy_has_no_edits_and_no_narratives(plan, reports, focal_officer, ministry_viewer):
    services.save_section(focal_officer, plan, 2026, "intro", EDITED)
    client = client_for(ministry_viewer)
    assert client.get(reverse("documents:report_editor", args=[plan.pk, 2026])).status_code == 403
    body = docx_text(client.get(reverse("documents:annual_report", args=[plan.pk, 2026])))
    assert EDITED not in body and "Kinh phí còn hạn chế" not in body


@pytest.mark.skipif(not services.pdf_available(), reason="LibreOffice (soffice) is not installed")
def test_the_pdf_download_is_a_pdf_with_the_edit(plan, reports, focal_officer):
    from pypdf import PdfReader

    services.save_section(focal_officer, plan, 2026, "intro", EDITED)
    response = client_for(focal_officer).get(reverse("documents:annual_report_pdf", args=[plan.pk, 2026]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(content_of(response))).pages)
    assert "chuyển biến" in text


def test_without_libreoffice_the_pdf_button_says_so(plan, reports, focal_officer, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    page = client_for(focal_officer).get(reverse("documents:report_editor", args=[plan.pk, 2026]))
    assert "LibreOffice" in page.content.decode() and b"report.pdf" not in page.content
    response = client_for(focal_officer).get(reverse("documents:annual_report_pdf", args=[plan.pk, 2026]))
    assert response.status_code == 503 and "LibreOffice" in response.content.decode()
