"""The gender statistics as files (results.genderstats.exporting): CSV and XLSX that keep typed text as
text, and SDMX-CSV read back by pysdmx against the published structure."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pysdmx.io import get_datasets

from binhdang.results.genderstats import exporting, services
from binhdang.results.genderstats.importing import read_file
from binhdang.results.models import GenderStatistic

SOURCE = "Cục Thống kê tỉnh, niên giám 2026"


@pytest.fixture
def figures(daklak, strategy_plan, focal_officer):
    for year, total, female, male in ((2025, "47,5", "44", "51"), (2026, "48,6", "45,2", "52,1")):
        services.record(
            daklak.root,
            "NQ28.2.1",
            year,
            {
                "_T": Decimal(total.replace(",", ".")),
                "F": Decimal(female.replace(",", ".")),
                "M": Decimal(male.replace(",", ".")),
            },
            source=SOURCE,
            user=focal_officer,
        )
    services.record(
        daklak.root, "NQ28.4.1", 2026, {"_T": Decimal("109.2")}, source='=HYPERLINK("x")', user=focal_officer
    )
    return exporting.rows_of(GenderStatistic.objects.filter(province=daklak.root))


def test_the_table_has_each_indicator_by_year_and_sex(figures):
    years, tables = exporting.table(figures)
    assert years == [2025, 2026]
    wage = tables[0]
    assert (wage.code, wage.unit) == ("NQ28.2.1", "%")
    assert wage.cells[2026]["F"].value == Decimal("45.2")
    chart = wage.chart(years)
    assert chart["lines"] == {"Tổng số": [47.5, 48.6], "Nữ": [44, 45.2], "Nam": [51, 52.1]}


def test_the_csv_keeps_a_source_typed_as_a_formula_as_text(figures):
    text = exporting.as_csv(figures)
    assert text.startswith("\ufeffprovince,series,name,year,sex,value,unit,source,note,agency")
    assert "66,NQ28.2.1,Tỷ lệ lao động nữ làm công hưởng lương,2026,F,45.2,%," in text
    assert "'=HYPERLINK" in text


def test_the_xlsx_reads_back_through_the_import(figures):
    data = exporting.as_xlsx(figures)
    sheet = load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[1]][:5] == ["Chỉ tiêu", "Tên chỉ tiêu", "Năm", "Giới tính", "Giá trị"]
    assert sheet["G8"].data_type == "s"
    again = read_file("lai.xlsx", data)
    assert {(f.series, f.year, f.sex, f.value, f.source) for f in again} == {
        (r.series, r.year, r.sex, r.value, r.source) for r in figures
    }


def test_pysdmx_reads_the_sdmx_csv_against_the_published_structure(figures, client, tmp_path):
    structure = client.get(reverse("results:sdmx_structure"))
    (tmp_path / "structure.xml").write_bytes(structure.content)
    (tmp_path / "data.csv").write_text(exporting.as_sdmx_csv(figures), encoding="utf-8")
    (dataset,) = get_datasets(str(tmp_path / "data.csv"), str(tmp_path / "structure.xml"))
    frame = dataset.data
    assert dataset.structure.id == "DF_GENDER_EQUALITY"
    assert len(frame) == 7
    assert set(frame["SEX"]) == {"_T", "F", "M"}
    assert set(frame["SERIES"]) == {"CNQ28_2_1", "CNQ28_4_1"}
    assert set(frame["UNIT_MEASURE"]) == {"PT", "BE_TRAI_100_BE_GAI"}
    women_2026 = frame[(frame["SEX"] == "F") & (frame["TIME_PERIOD"].astype(str) == "2026")]
    assert float(women_2026["OBS_VALUE"].iloc[0]) == 45.2
