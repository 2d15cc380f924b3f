"""The national results as open data (``results.national_export``): the CSV with the nation's row and
one per province, and the SDMX-CSV read by pysdmx against the structure message, the province as the
REF_AREA dimension and ``VN`` for the nation."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from pysdmx.io import get_datasets, read_sdmx

from binhdang.results import national_export
from binhdang.results.national import national_results
from tests.results.test_engine import scenario  # noqa: F401  (the fixture)
from tests.results.test_national import _laichau


@pytest.mark.usefixtures("scenario")
def test_the_csv_has_the_nation_then_every_province_ranked(plan, laichau):
    _laichau(laichau)
    text = national_export.as_csv(national_results(2026))
    assert text.startswith("\ufeff")
    rows = [row for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff"))) if row["series"] == "1790.5"]
    assert [(r["level"], r["area"], r["value"], r["rank"]) for r in rows] == [
        ("national", "VN", "37.5", ""),
        ("province", "66", "83.33", "1"),
        ("province", "12", "10", "2"),
    ]
    assert rows[0]["method"] == "pooled" and (rows[0]["numerator"], rows[0]["denominator"]) == ("6", "16")
    assert rows[2]["status"] == "off_track" and rows[2]["off_track"] == "true"
    assert rows[2]["status_label"] == "Chậm tiến độ"


@pytest.mark.usefixtures("scenario")
def test_pysdmx_reads_the_national_data_with_the_province_as_ref_area(
    plan,
    laichau,
    client,
    tmp_path,
):
    _laichau(laichau)
    (tmp_path / "structure.xml").write_bytes(client.get(reverse("results:sdmx_structure")).content)
    (tmp_path / "data.csv").write_text(national_export.as_sdmx_csv(national_results(2026)), encoding="utf-8")
    structure = read_sdmx(str(tmp_path / "structure.xml"))
    areas = {c.id for c in next(c for c in structure.get_codelists() if c.id == "CL_REF_AREA")}
    assert {"VN", "66", "12"} <= areas
    frame = get_datasets(str(tmp_path / "data.csv"), str(tmp_path / "structure.xml"))[0].data
    conventions = frame[frame["SERIES"] == "C1790_5"]
    values = dict(zip(conventions["REF_AREA"], conventions["OBS_VALUE"].astype(float), strict=True))
    assert values == {"VN": 37.5, "66": 83.33, "12": 10.0}
    assert set(frame["REF_AREA"]) <= areas
