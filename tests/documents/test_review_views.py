"""The review pages (``documents.review_views``): the province's readers choose a span, see each year,
the trends (chart data and tables), tasks, activities, and download the DOCX and XLSX; the ministry
reads a province's review without the units' narratives and has its own national review; a bad span
gets a Vietnamese message naming the years."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from tests.documents.test_views import client_for, content_of
from tests.factories import release


def page(user, url, **query):
    response = client_for(user).get(url, query)
    release(response)
    return response


def test_the_focal_officer_sees_each_year_and_the_trends_of_the_chosen_span(plan, reports, focal_officer):
    response = page(focal_officer, reverse("documents:review", args=[plan.pk]), start="2026", end="2028")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sơ kết giai đoạn 2026-2028" in html
    assert "Năm 2027: chưa có số liệu báo cáo" in html and "Năm 2028: chưa có số liệu báo cáo" in html
    assert html.count("Năm 2028: chưa có số liệu báo cáo") == 2  # the reporting and the activity log
    charts = response.context["chart_data"]
    assert len(charts["charts"]) == 5 and charts["charts"][0]["years"] == [2026, 2027, 2028]
    assert charts["charts"][0]["values"][1:] == [None, None]
    assert 'id="results-chart-data"' in html and "echarts.min.js" in html
    assert "Kinh phí còn hạn chế" in html  # the officer reads the units' difficulties
    assert reverse("documents:review_docx", args=[plan.pk, 2026, 2028]) in html
    assert reverse("documents:review_xlsx", args=[plan.pk, 2026, 2028]) in html


def test_the_page_opens_on_the_span_up_to_this_year_and_a_final_review_says_so(plan, reports, leader):
    response = page(leader, reverse("documents:review", args=[plan.pk]))
    assert response.context["content"].span == "2026-2026"
    html = page(
        leader, reverse("documents:review", args=[plan.pk]), start="2026", end="2030"
    ).content.decode()
    assert "Tổng kết giai đoạn 2026-2030" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "2028", "end": "2026"}, "Giai đoạn 2028-2026 bị đảo ngược"),
        ({"start": "2025", "end": "2027"}, "nằm ngoài kỳ của kế hoạch (2026-2030): năm 2025"),
        ({"start": "abc", "end": "2027"}, "Năm &quot;abc&quot; không hợp lệ"),
    ],
)
def test_a_bad_span_is_refused_on_the_page_with_the_years_named(plan, reports, focal_officer, query, message):
    response = page(focal_officer, reverse("documents:review", args=[plan.pk]), **query)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert response.context["content"] is None


def test_the_ministry_reads_a_provinces_review_without_what_the_units_wrote(plan, reports, ministry_viewer):
    response = page(ministry_viewer, reverse("documents:review", args=[plan.pk]), start="2026", end="2027")
    html = response.content.decode()
    assert response.status_code == 200 and "Kinh phí còn hạn chế" not in html
    download = client_for(ministry_viewer).get(reverse("documents:review_docx", args=[plan.pk, 2026, 2027]))
    text = "\n".join(p.text for p in Document(BytesIO(content_of(download))).paragraphs)
    assert "Kinh phí còn hạn chế (năm" not in text and "Sơ kết giai đoạn 2026-2027" in text


def test_the_downloads_are_the_review_and_its_annex(plan, reports, focal_officer):
    client = client_for(focal_officer)
    response = client.get(reverse("documents:review_docx", args=[plan.pk, 2026, 2028]))
    assert response.status_code == 200
    assert f"so-ket-{plan.slug}-2026-2028.docx" in response["Content-Disposition"]
    text = "\n".join(p.text for p in Document(BytesIO(content_of(response))).paragraphs)
    assert "Kinh phí còn hạn chế (năm 2026; 2 đơn vị: Sở Y tế, Xã Ea Kar)." in text
    annex = client.get(reverse("documents:review_xlsx", args=[plan.pk, 2026, 2028]))
    assert load_workbook(BytesIO(content_of(annex))).sheetnames[0] == "Chỉ tiêu qua các năm"


def test_a_download_of_a_span_outside_the_plan_or_reversed_is_not_found(plan, reports, focal_officer):
    client = client_for(focal_officer)
    for start, end in ((2025, 2027), (2028, 2026)):
        response = client.get(reverse("documents:review_docx", args=[plan.pk, start, end]))
        release(response)
        assert response.status_code == 404


def test_province_users_see_only_their_province_and_reporters_none(
    plan, reports, outsider, commune_a_reporter
):
    assert page(outsider, reverse("documents:review", args=[plan.pk])).status_code == 404
    assert page(commune_a_reporter, reverse("documents:review", args=[plan.pk])).status_code == 403


def test_the_ministry_has_the_national_review_with_its_trends_and_downloads(plan, reports, ministry_viewer):
    response = page(ministry_viewer, reverse("documents:national_review"), start="2026", end="2028")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Năm 2028: chưa có số liệu báo cáo" in html and "33,33%" in html
    assert [c["id"] for c in response.context["chart_data"]["charts"]] == [
        f"chart-1790-{n}" for n in range(1, 6)
    ]
    url = reverse("documents:national_review_docx", args=[2026, 2028])
    assert url in html
    download = client_for(ministry_viewer).get(url, {"program": "communication"})
    document = Document(BytesIO(content_of(download)))
    assert document.tables[0].rows[0].cells[0].paragraphs[0].text == "BỘ NỘI VỤ"
    annex = client_for(ministry_viewer).get(reverse("documents:national_review_xlsx", args=[2026, 2028]))
    assert load_workbook(BytesIO(content_of(annex))).sheetnames[0] == "Chỉ tiêu toàn quốc"


def test_the_national_review_is_the_ministrys_only(plan, reports, focal_officer, leader):
    for user in (focal_officer, leader):
        assert page(user, reverse("documents:national_review")).status_code == 403
    bad = page(focal_officer, reverse("documents:national_review"), program="khac")
    assert bad.status_code == 403
