"""The ministry's national results page and its downloads (``ministry.national_views``)."""

from __future__ import annotations

import csv
import io
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from binhdang.plans.models import Plan
from tests.factories import release
from tests.results.conftest import period, plan  # noqa: F401  (the fixtures)
from tests.results.test_engine import scenario  # noqa: F401  (the fixture)
from tests.results.test_national import _laichau


@pytest.mark.usefixtures("scenario")
def test_the_page_shows_each_indicator_with_its_national_value_and_the_provinces_off_track(
    client,
    laichau,
    ministry_viewer,
):
    _laichau(laichau)
    client.force_login(ministry_viewer)
    page = client.get(reverse("ministry:national"), {"year": 2026})
    assert page.status_code == 200
    text = page.text
    assert "Kết quả toàn quốc năm 2026" in text
    assert "giá trị toàn quốc: 6/16, tính từ số liệu của các đơn vị" in text  # 1790.5
    assert "2 tỉnh chậm tiến độ" in text  # 1790.1: Đắk Lắk 50 %, Lai Châu 0 %
    daklak_plan = Plan.objects.get(slug="kh-1790-daklak")
    assert reverse("results:dashboard", args=[daklak_plan.pk, 2026]) in text  # drill-down, read only
    charts = page.context["chart_data"]["charts"]
    conventions = next(c for c in charts if c["code"] == "1790.5")
    assert conventions["names"] == ["Tỉnh Đắk Lắk", "Tỉnh Lai Châu"]
    assert conventions["values"] == [83.33, 10.0] and conventions["national"] == 37.5
    assert 'src="/static/results/echarts.min.js"' in text and "cdn" not in text.lower()


@pytest.mark.usefixtures("scenario")
def test_another_year_without_a_period_shows_no_data(client, ministry_viewer):
    client.force_login(ministry_viewer)
    text = client.get(reverse("ministry:national"), {"year": 2027}).text
    assert "Kết quả toàn quốc năm 2027" in text and "Chưa có số liệu" in text


def test_a_year_outside_the_plans_is_not_found(client, ministry_viewer):
    client.force_login(ministry_viewer)
    assert client.get(reverse("ministry:national"), {"year": 2031}).status_code == 404
    assert client.get(reverse("ministry:national_csv", args=[2019])).status_code == 404


@pytest.mark.usefixtures("scenario")
def test_the_ministry_downloads_csv_xlsx_sdmx_and_the_report(
    client,
    laichau,
    ministry_viewer,
):
    _laichau(laichau)
    client.force_login(ministry_viewer)
    response = client.get(reverse("ministry:national_csv", args=[2026]))
    assert response["Content-Disposition"] == 'attachment; filename="ket-qua-toan-quoc-2026.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {"VN", "66", "12"} <= {row["area"] for row in rows}
    sdmx = client.get(reverse("ministry:national_sdmx", args=[2026]))
    assert sdmx.content.startswith(b"STRUCTURE,STRUCTURE_ID,ACTION,SERIES,REF_AREA")
    workbook = load_workbook(BytesIO(client.get(reverse("ministry:national_xlsx", args=[2026])).content))
    assert workbook.sheetnames[0] == "Toàn quốc"
    report = client.get(reverse("ministry:national_report", args=[2026]))
    release(report)
    header = Document(BytesIO(report.content)).tables[0]
    assert "BỘ NỘI VỤ" in header.rows[0].cells[0].text


@pytest.mark.usefixtures("plan")
def test_a_province_user_is_refused_the_page_and_the_files(client, focal_officer, leader):
    for user in (focal_officer, leader):
        client.force_login(user)
        assert client.get(reverse("ministry:national")).status_code == 403
        assert client.get(reverse("ministry:national_report", args=[2026])).status_code == 403


def test_the_board_links_to_the_national_results(client, ministry_viewer):
    client.force_login(ministry_viewer)
    page = client.get(reverse("ministry:board"), {"year": 2026}).text
    assert f"{reverse('ministry:national')}?year=2026" in page
