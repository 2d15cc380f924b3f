"""The SDMX structure of the open data (issue 19), read with the real SDMX tools: pysdmx and sdmx1
read the SDMX-ML 3.0 structure message served at ``/results/sdmx/structure.xml`` and the SDMX-CSV
of a plan-year against it (series as SDMX ids mapped to the catalog codes, units of measure coded)."""

from __future__ import annotations

import io

import pytest
import sdmx as sdmx1
from django.urls import reverse
from pysdmx.io import get_datasets, read_sdmx

from binhdang.results import opendata
from binhdang.results.engine import plan_results
from binhdang.results.sdmx import series_id, unit_code
from tests.results.conftest import add_indicator, d
from tests.results.test_opendata import filed


@pytest.fixture
def published(plan, period, daklak, client, tmp_path):
    filed(period, daklak)
    add_indicator(plan, "9", None, 9, {"kind": "min", "value": d(50), "year": 2030}, unit="cuộc")
    structure = client.get(reverse("results:sdmx_structure"))
    assert structure.status_code == 200
    (tmp_path / "structure.xml").write_bytes(structure.content)
    (tmp_path / "data.csv").write_text(opendata.render(plan, 2026, "sdmx"), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "code, expected",
    [("1790.1", "C1790_1"), ("NQ28.4.1", "CNQ28_4_1")],
)
def test_catalog_series_become_valid_sdmx_ids(code, expected):
    assert series_id(code) == expected
    assert series_id("kh-nq28.9", catalog=False) == "P_kh_nq28_9"
    assert (unit_code("%"), unit_code(""), unit_code("bé trai/100 bé gái")) == (
        "PT",
        "_Z",
        "BE_TRAI_100_BE_GAI",
    )


def test_anyone_may_read_the_structure_and_it_is_xml(client, db):
    response = client.get(reverse("results:sdmx_structure"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.sdmx.structure+xml")
    assert response.content.startswith(b"<?xml")


def test_pysdmx_reads_the_structure_and_the_data_against_it(published, plan):
    message = read_sdmx(str(published / "structure.xml"))
    flows = {f.id: f for f in message.get_dataflows()}
    assert set(flows) == {"DF_GENDER_EQUALITY"}
    dsd = message.get_data_structure_definitions()[0]
    assert [c.id for c in dsd.components.dimensions] == ["SERIES", "REF_AREA", "SEX", "TIME_PERIOD"]
    assert [c.id for c in dsd.components.attributes] == ["UNIT_MEASURE", "TARGET", "PROGRESS_STATUS"]
    codelists = {c.id: c for c in message.get_codelists()}
    assert set(codelists) == {"CL_SERIES", "CL_REF_AREA", "CL_SEX", "CL_UNIT_MEASURE", "CL_PROGRESS_STATUS"}
    series = {code.id: code for code in codelists["CL_SERIES"]}
    assert series["C1790_1"].annotations[0].title == "1790.1"
    own = series["P_" + plan.slug.replace("-", "_") + "_9"]
    assert own.annotations[0].type == "PLAN_SERIES"
    assert {"PT", "CUOC"} <= {code.id for code in codelists["CL_UNIT_MEASURE"]}
    assert "66" in {code.id for code in codelists["CL_REF_AREA"]}

    datasets = get_datasets(str(published / "data.csv"), str(published / "structure.xml"))
    frame = datasets[0].data
    assert set(frame["SERIES"]) <= set(series)
    assert set(frame["UNIT_MEASURE"]) <= {code.id for code in codelists["CL_UNIT_MEASURE"]}
    assert set(frame["PROGRESS_STATUS"]) <= {code.id for code in codelists["CL_PROGRESS_STATUS"]}
    assert datasets[0].structure.id == "DF_GENDER_EQUALITY"
    assert len(frame) == len(opendata.rows(plan_results(plan, 2026)))


def test_sdmx1_reads_the_structure_and_the_data_against_it(published):
    structure = sdmx1.read_sdmx(io.BytesIO((published / "structure.xml").read_bytes()), format="XML")
    dsd = structure.structure["DSD_GENDER_EQUALITY"]
    flow = structure.dataflow["DF_GENDER_EQUALITY"]
    assert flow.structure.id == "DSD_GENDER_EQUALITY"
    series = structure.codelist["CL_SERIES"]
    assert "C1790_1" in series and str(series["C1790_1"].annotations[0].title) == "1790.1"
    assert [d.id for d in dsd.dimensions.components] == ["SERIES", "REF_AREA", "SEX", "TIME_PERIOD"]

    data = sdmx1.read_sdmx(io.BytesIO((published / "data.csv").read_bytes()), format="csv", structure=dsd)
    observations = data.data[0].obs
    assert observations
    keys = {o.dimension["SERIES"].value for o in observations}
    assert keys <= set(series.items)
    assert {o.dimension["REF_AREA"].value for o in observations} == {"66"}
