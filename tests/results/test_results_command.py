"""``binhdang results --plan ID --year Y --json``: the shape of the JSON and its figures."""

from __future__ import annotations

import csv
import io
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.results.conftest import file_report


def run(*args) -> str:
    out = StringIO()
    call_command("results", *args, stdout=out)
    return out.getvalue()


def test_the_json_has_the_specified_shape_with_percentages_from_0_to_100(plan, period, daklak):
    file_report(period, daklak.commune_a, {"TT_SESSIONS": 3, "TT_CONVENTIONS": 4, "TT_CONVENTIONS_OK": 3})
    file_report(period, daklak.newspaper, {"TT_GSIM_STATUS": "OFFICIAL"})
    data = json.loads(run("--plan", str(plan.pk), "--year", "2026", "--json"))
    assert {"plan", "year", "completeness", "timeliness", "indicators"} <= set(data)
    assert (data["plan"], data["year"]) == (plan.pk, 2026)
    assert data["completeness"] == pytest.approx(33.33) and data["timeliness"] == pytest.approx(33.33)
    keys = {"indicator", "catalog", "value", "unit", "numerator", "denominator", "target", "status"}
    assert all(keys <= set(item) for item in data["indicators"])
    by_code = {item["indicator"]: item for item in data["indicators"]}
    assert (by_code["1"]["catalog"], by_code["1"]["value"], by_code["1"]["unit"]) == ("1790.1", 33.33, "%")
    assert (by_code["1"]["numerator"], by_code["1"]["denominator"], by_code["1"]["target"]) == (2, 6, 100)
    assert by_code["4"]["value"] == 100 and by_code["4"]["status"] == "achieved"
    assert by_code["5"]["value"] == 75 and by_code["5"]["target"] == 100


def test_no_data_gives_null_values(plan):
    data = json.loads(run("--plan", str(plan.pk), "--year", "2027", "--json"))
    assert data["completeness"] is None
    assert {item["value"] for item in data["indicators"]} == {None}
    assert {item["status"] for item in data["indicators"]} == {"no_data"}


def test_a_range_target_is_an_object_with_its_bounds(daklak):
    from tests.results.conftest import add_sex_ratio_indicator, make_plan

    plan = make_plan(daklak.root, slug="srb", program="strategy")
    add_sex_ratio_indicator(plan)
    data = json.loads(run("--plan", str(plan.pk), "--year", "2030", "--json"))
    assert data["indicators"][0]["target"] == {"min": 104, "max": 107}


def test_the_text_output_is_in_vietnamese(plan, period, daklak):
    file_report(period, daklak.commune_a)
    text = run("--plan", str(plan.pk), "--year", "2026")
    assert "Đầy đủ: 16,7%" in text and "Chậm tiến độ" in text


def test_an_unknown_plan_is_refused_in_vietnamese(db):
    with pytest.raises(CommandError, match="Không có kế hoạch mã số 999"):
        run("--plan", "999", "--year", "2026")


def test_the_csv_format_on_stdout_keeps_the_bom_and_the_engines_figures(plan, period, daklak):
    file_report(period, daklak.commune_a, {"TT_SESSIONS": 3})
    text = run("--plan", plan.slug, "--year", "2026", "--format", "csv")
    assert text.startswith("\ufeff")  # UTF-8 with BOM: Excel shows the Vietnamese correctly
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert [r["series"] for r in rows] == ["1790.1", "1790.2", "1790.3", "1790.4", "1790.5"]
    assert rows[0]["value"] == "16.67"


def test_the_sdmx_format_into_a_file(plan, tmp_path):
    out = tmp_path / "ket-qua.sdmx.csv"
    message = run("--plan", str(plan.pk), "--year", "2026", "--format", "sdmx", "--out", str(out))
    assert str(out) in message
    assert out.read_text(encoding="utf-8").startswith("STRUCTURE,STRUCTURE_ID,ACTION,")


def test_the_json_format_has_metadata(plan):
    data = json.loads(run("--plan", plan.slug, "--year", "2026", "--format", "json"))
    assert data["metadata"]["plan"]["id"] == plan.pk and len(data["data"]) == 5


def test_an_unknown_slug_or_year_is_refused_in_vietnamese(plan):
    with pytest.raises(CommandError, match="Không có kế hoạch mã số khong-co"):
        run("--plan", "khong-co", "--year", "2026", "--format", "csv")
    with pytest.raises(CommandError, match="không có năm 2040"):
        run("--plan", plan.slug, "--year", "2040", "--format", "csv")
