"""The downloads: files, names, narratives only for who may read them, buttons on the pages."""

from __future__ import annotations

from io import BytesIO

from django.test import Client
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from binhdang.core import formatting
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


def store_huge_figures(submission) -> None:
    """400 nines as a count and 300 nines as a budget, written straight to the database (old data that
    never went through today's validation)."""
    from binhdang.reporting.models import DataValue

    values = DataValue.objects.filter(submission=submission)
    assert values.filter(data_element="TT_SESSIONS").update(value="9" * 400) == 1
    assert values.filter(data_element="TT_BUDGET_STATE").update(value="9" * 300) == 1


def huge_figure_pages(plan, submission, daklak) -> dict[str, list[str]]:
    """Every page and download showing the figures, by the personas who may open it."""
    everyone = ["focal", "leader", "ministry"]
    return {
        reverse("documents:annual_report", args=[plan.pk, 2026]): everyone,
        reverse("documents:annual_annex", args=[plan.pk, 2026]): everyone,
        reverse("documents:unit_report", args=[submission.pk]): ["focal", "leader"],
        reverse("results:dashboard", args=[plan.pk, 2026]): everyone,
        reverse("results:summary", args=[plan.pk, 2026]): everyone,
        reverse("results:unit", args=[plan.pk, 2026, daklak.commune_a.pk]): everyone,
        reverse("results:data_csv", args=[plan.pk, 2026]): everyone,
        reverse("results:national"): ["ministry"],
        reverse("reporting:submission", args=[submission.pk]): everyone,
        reverse("reporting:xlsx_template", args=[submission.period.pk, daklak.commune_a.pk]): ["focal"],
        reverse("reporting:xlsx_templates_zip", args=[submission.period.pk]): ["focal"],
        **{reverse("results:indicator", args=[i.pk, 2026]): everyone for i in plan.indicators.all()},
    }


def test_huge_stored_figures_break_no_page_or_download_for_anyone(
    plan, reports, daklak, focal_officer, leader, ministry_viewer
):
    store_huge_figures(reports["a"])
    personas = {"focal": focal_officer, "leader": leader, "ministry": ministry_viewer}
    for url, names in huge_figure_pages(plan, reports["a"], daklak).items():
        for name in names:
            client = client_for(personas[name])
            response = client.get(url)
            assert response.status_code == 200, (name, url, response.status_code)
            if response.streaming:
                content_of(response)


def test_huge_stored_figures_are_shown_short_in_word_and_as_noted_text_in_excel(
    plan, reports, daklak, focal_officer
):
    store_huge_figures(reports["a"])
    client = client_for(focal_officer)
    unit_docx = Document(
        BytesIO(content_of(client.get(reverse("documents:unit_report", args=[reports["a"].pk]))))
    )
    cells = [cell.text for table in unit_docx.tables for row in table.rows for cell in row.cells]
    assert formatting.number("9" * 400) in cells and formatting.number("9" * 300) in cells
    annual = Document(
        BytesIO(content_of(client.get(reverse("documents:annual_report", args=[plan.pk, 2026]))))
    )
    assert any("1 × 10^400 cuộc truyền thông" in p.text for p in annual.paragraphs)  # summed with the others
    annex = load_workbook(
        BytesIO(content_of(client.get(reverse("documents:annual_annex", args=[plan.pk, 2026]))))
    )
    huge = [c for row in annex["Số liệu đơn vị"].iter_rows() for c in row if c.value == "9" * 400]
    assert huge and all(c.data_type == "s" and "quá 15 chữ số" in c.comment.text for c in huge)
    template = client.get(
        reverse("reporting:xlsx_template", args=[reports["a"].period.pk, daklak.commune_a.pk])
    )
    sheet = load_workbook(BytesIO(template.content)).worksheets[0]
    noted = [c for row in sheet.iter_rows() for c in row if c.value == "9" * 300]
    assert len(noted) == 1 and "quá 15 chữ số" in noted[0].comment.text
