"""The gender statistics pages (results.genderstats.views): the table by year, recording figures,
importing a file all or nothing, the downloads; each as the people it serves see it."""

from __future__ import annotations

import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from binhdang.results.genderstats import services
from binhdang.results.models import GenderStatistic

SOURCE = "Cục Thống kê tỉnh, niên giám 2026"
INDEX = reverse("genderstats:index")
RECORD = reverse("genderstats:record")
IMPORT = reverse("genderstats:import")


def xlsx(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_the_statistics_office_records_its_indicator_and_the_page_shows_it_with_its_source(
    client, daklak, strategy_plan, stats_reporter, stats_office
):
    client.force_login(stats_reporter)
    form = client.get(RECORD).content.decode()
    assert 'value="NQ28.2.1"' in form and "NQ28.4.1" not in form  # only its own indicator
    assert 'name="agency"' not in form
    response = client.post(
        RECORD,
        {
            "series": "NQ28.2.1",
            "year": "2026",
            "total": "48,6",
            "female": "45,2",
            "male": "",
            "source": SOURCE,
        },
    )
    assert response.status_code == 302
    assert {(r.sex, r.value, r.recorded_by_unit) for r in GenderStatistic.objects.all()} == {
        ("_T", Decimal("48.6"), stats_office),
        ("F", Decimal("45.2"), stats_office),
    }
    page = client.get(response["Location"]).content.decode()
    assert "48,6" in page and "45,2" in page and SOURCE in page
    history = page[page.index('id="statistics-history"') :]
    assert "Đinh Thị Mai (Thống kê tỉnh)" in history and "ghi trên trang thống kê giới" in history


def test_a_figure_without_source_is_refused_and_what_was_typed_stays(
    client, daklak, strategy_plan, stats_reporter
):
    client.force_login(stats_reporter)
    response = client.post(RECORD, {"series": "NQ28.2.1", "year": "2026", "total": "148", "source": SOURCE})
    assert response.status_code == 400
    page = response.content.decode()
    assert "148% lớn hơn 100%." in page and 'value="148"' in page
    assert not GenderStatistic.objects.exists()


def test_a_reporter_without_a_strategy_indicator_may_not_record(
    client, daklak, strategy_plan, commune_a_reporter
):
    client.force_login(commune_a_reporter)
    assert client.get(RECORD).status_code in (403, 404)
    assert client.get(IMPORT).status_code in (403, 404)


def test_the_focal_officer_imports_a_file_one_bad_row_refuses_it_then_the_good_one_is_saved(
    client, daklak, strategy_plan, focal_officer
):
    client.force_login(focal_officer)
    header = ["Chỉ tiêu", "Năm", "Giới tính", "Giá trị", "Nguồn"]
    bad = xlsx(
        [header, ["NQ28.2.1", 2026, "Nữ", 45.2, SOURCE], ["NQ28.2.1", 2026, "Nam", "năm mươi", SOURCE]]
    )
    refused = client.post(IMPORT, {"file": SimpleUploadedFile("tk.xlsx", bad)})
    assert refused.status_code == 400
    assert "Dòng 3, cột “Giá trị”: “năm mươi” không phải là số" in refused.content.decode()
    assert not GenderStatistic.objects.exists()
    good = xlsx([header, ["NQ28.2.1", 2026, "Nữ", 45.2, SOURCE], ["NQ28.2.1", 2026, "Nam", 52.1, SOURCE]])
    saved = client.post(IMPORT, {"file": SimpleUploadedFile("tk.xlsx", good)})
    assert saved.status_code == 302
    assert GenderStatistic.objects.count() == 2
    assert GenderStatistic.objects.get(sex="M").history.first().history_user == focal_officer


def test_the_downloads_follow_who_reads(
    client, daklak, strategy_plan, focal_officer, ministry_viewer, outsider
):
    services.record(daklak.root, "NQ28.2.1", 2026, {"_T": Decimal("48.6")}, source=SOURCE, user=focal_officer)
    client.force_login(ministry_viewer)
    assert "Tỉnh Đắk Lắk" in client.get(INDEX).content.decode()  # the ministry chooses a province
    for fmt in ("csv", "xlsx", "sdmx.csv"):
        response = client.get(reverse("genderstats:export", args=[fmt]) + "?province=66")
        assert response.status_code == 200, fmt
    sdmx = client.get(reverse("genderstats:export", args=["sdmx.csv"]) + "?province=66").content.decode()
    assert "CNQ28_2_1,66,_T,2026,48.6,PT" in sdmx
    assert client.get(RECORD + "?province=66").status_code == 403
    client.force_login(outsider)
    assert client.get(INDEX + "?province=66").status_code == 404
    assert client.get(reverse("genderstats:export", args=["csv"]) + "?province=66").status_code == 404
