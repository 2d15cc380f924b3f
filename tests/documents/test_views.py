"""The downloads: files, names, narratives only for who may read them, buttons on the pages."""

from __future__ import annotations

from io import BytesIO

from django.test import Client
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from tests.factories import PASSWORD, release


def client_for(user) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def content_of(response) -> bytes:
    data = b"".join(response.streaming_content) if response.streaming else response.content
    release(response)
    return data


def test_the_focal_officer_downloads_the_report_with_the_units_narratives(plan, reports, focal_officer):
    response = client_for(focal_officer).get(reverse("documents:annual_report", args=[plan.pk, 2026]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    assert "attachment" in response["Content-Disposition"] and ".docx" in response["Content-Disposition"]
    text = "\n".join(p.text for p in Document(BytesIO(content_of(response))).paragraphs)
    assert "Kinh phí còn hạn chế" in text


def test_the_ministry_gets_the_report_without_the_narratives(plan, reports, ministry_viewer):
    response = client_for(ministry_viewer).get(reverse("documents:annual_report", args=[plan.pk, 2026]))
    text = "\n".join(p.text for p in Document(BytesIO(content_of(response))).paragraphs)
    assert "Kinh phí còn hạn chế" not in text and "BÁO CÁO" in text


def test_the_annex_is_a_workbook(plan, reports, leader):
    response = client_for(leader).get(reverse("documents:annual_annex", args=[plan.pk, 2026]))
    assert response.status_code == 200
    assert load_workbook(BytesIO(content_of(response))).sheetnames[0] == "Chỉ tiêu"


def test_a_year_without_a_period_or_outside_the_plan_is_not_found(plan, period, focal_officer):
    client = client_for(focal_officer)
    for year in (2027, 2040):
        response = client.get(reverse("documents:annual_report", args=[plan.pk, year]))
        release(response)
        assert response.status_code == 404


def test_the_unit_report_downloads_for_its_reporter(reports, commune_a_reporter):
    response = client_for(commune_a_reporter).get(reverse("documents:unit_report", args=[reports["a"].pk]))
    assert response.status_code == 200
    lines = [p.text for p in Document(BytesIO(content_of(response))).paragraphs]
    assert "BÁO CÁO" in lines


def test_the_dashboard_and_the_report_page_offer_the_downloads(plan, reports, focal_officer, ministry_viewer):
    client = client_for(focal_officer)
    page = client.get(reverse("results:dashboard", args=[plan.pk, 2026])).content.decode()
    assert reverse("documents:annual_report", args=[plan.pk, 2026]) in page
    assert reverse("documents:annual_annex", args=[plan.pk, 2026]) in page
    report_url = reverse("documents:unit_report", args=[reports["a"].pk])
    assert report_url in client.get(reverse("reporting:submission", args=[reports["a"].pk])).content.decode()
    ministry_page = client_for(ministry_viewer).get(reverse("reporting:submission", args=[reports["a"].pk]))
    assert report_url not in ministry_page.content.decode()


def test_no_download_buttons_before_the_year_is_opened(plan, focal_officer):
    page = client_for(focal_officer).get(reverse("results:dashboard", args=[plan.pk, 2026])).content.decode()
    assert "download-report-docx" not in page
