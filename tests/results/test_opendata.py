"""Open data files (``results.opendata``): the figures are the engine's, the CSV parses (and starts with
a byte-order mark), the SDMX-CSV has the header of domain §9, the JSON carries its metadata."""

from __future__ import annotations

import csv
import io
import json

from binhdang.core.formatting import machine_number as json_number
from binhdang.results import opendata
from binhdang.results.engine import plan_results
from tests.results.conftest import add_indicator, add_sex_ratio_indicator, d, file_report, make_plan
from tests.spreadsheets import HOSTILE


def parse_csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def filed(period, daklak):
    file_report(period, daklak.commune_a, {"TT_SESSIONS": 3, "TT_CONVENTIONS": 4, "TT_CONVENTIONS_OK": 3})
    file_report(period, daklak.newspaper, {"TT_GSIM_STATUS": "OFFICIAL"})


def test_the_csv_starts_with_a_byte_order_mark_so_excel_reads_vietnamese_as_utf8(plan, period, daklak):
    # Excel opens a CSV without a BOM in the legacy code page and garbles "Chỉ tiêu"; with it, UTF-8.
    text = opendata.render(plan, 2026, "csv")
    assert text.startswith("\ufeff")
    rows = parse_csv(text.removeprefix("\ufeff"))
    assert rows[0]["text"] == "Chỉ tiêu 1"


def test_the_csv_has_one_row_per_indicator_with_the_engines_figures(plan, period, daklak):
    filed(period, daklak)
    results = plan_results(plan, 2026)
    rows = parse_csv(opendata.render(plan, 2026, "csv").removeprefix("\ufeff"))
    assert list(rows[0]) == list(opendata.CSV_COLUMNS)
    assert [r["indicator"] for r in rows] == [r.indicator.code for r in results.indicators]
    for row, result in zip(rows, results.indicators, strict=True):
        expected = json_number(result.value)
        assert row["value"] == ("" if expected is None else str(expected))
        assert row["status"] == result.status
        assert row["catalog"] == result.catalog_code
        assert (row["plan"], row["province"], row["year"]) == (plan.slug, "66", "2026")
    by_code = {r["indicator"]: r for r in rows}
    assert (by_code["1"]["value"], by_code["1"]["numerator"], by_code["1"]["denominator"]) == (
        "33.33",
        "2",
        "6",
    )
    assert by_code["4"]["value"] == "100" and by_code["4"]["status"] == "achieved"
    assert by_code["4"]["status_label"] == "Đã đạt"
    assert by_code["5"]["target"] == "100" and by_code["5"]["value"] == "75"


def test_an_indicator_without_data_has_empty_cells_and_the_no_data_status(plan):
    rows = parse_csv(opendata.render(plan, 2027, "csv").removeprefix("\ufeff"))
    assert {r["value"] for r in rows} == {""}
    assert {r["status"] for r in rows} == {"no_data"}


def test_a_range_target_is_written_low_dash_high_and_a_plan_indicator_gets_a_plan_series(daklak):
    plan = make_plan(daklak.root, slug="kh-nq28", program="strategy")
    add_sex_ratio_indicator(plan)
    add_indicator(plan, "9", None, 2, {"kind": "min", "value": d(50), "year": 2030})
    rows = parse_csv(opendata.render(plan, 2030, "csv").removeprefix("\ufeff"))
    assert (rows[0]["series"], rows[0]["target"], rows[0]["unit"]) == (
        "NQ28.4.1",
        "104-107",
        "bé trai/100 bé gái",
    )
    assert (rows[1]["series"], rows[1]["catalog"]) == ("kh-nq28.9", "")
    sdmx = parse_csv(opendata.render(plan, 2030, "sdmx"))
    assert [r["SERIES"] for r in sdmx] == ["CNQ28_4_1", "P_kh_nq28_9"]
    assert sdmx[0]["UNIT_MEASURE"] == "BE_TRAI_100_BE_GAI"
    payload = json.loads(opendata.render(plan, 2030, "json"))
    assert payload["data"][0]["target"] == {"min": 104, "max": 107}


def test_the_sdmx_csv_has_the_structure_columns_and_the_dimensions_of_domain_9(plan, period, daklak):
    filed(period, daklak)
    text = opendata.render(plan, 2026, "sdmx")
    assert text.startswith("STRUCTURE,STRUCTURE_ID,ACTION,SERIES,REF_AREA,SEX,TIME_PERIOD,OBS_VALUE,")
    rows = parse_csv(text)
    assert {(r["STRUCTURE"], r["STRUCTURE_ID"], r["ACTION"]) for r in rows} == {
        ("dataflow", opendata.DATAFLOW, "I")
    }
    assert [r["SERIES"] for r in rows] == ["C1790_1", "C1790_2", "C1790_3", "C1790_4", "C1790_5"]
    assert {(r["REF_AREA"], r["SEX"], r["TIME_PERIOD"]) for r in rows} == {("66", "_T", "2026")}
    by_series = {r["SERIES"]: r for r in rows}
    assert (by_series["C1790_1"]["OBS_VALUE"], by_series["C1790_1"]["UNIT_MEASURE"]) == ("33.33", "PT")
    assert by_series["C1790_5"]["OBS_VALUE"] == "75" and by_series["C1790_5"]["PROGRESS_STATUS"] != ""
    assert by_series["C1790_3"]["OBS_VALUE"] == ""


def test_the_json_has_metadata_and_the_engines_figures(plan, period, daklak):
    filed(period, daklak)
    results = plan_results(plan, 2026)
    payload = json.loads(opendata.render(plan, 2026, "json"))
    meta = payload["metadata"]
    assert meta["plan"]["slug"] == plan.slug and meta["province"] == {"code": "66", "name": "Tỉnh Đắk Lắk"}
    assert meta["year"] == 2026
    assert meta["completeness"] == json_number(results.completeness)
    assert (meta["expected"], meta["submitted"]) == (results.expected, results.submitted)
    assert meta["statuses"]["achieved"] == "Đã đạt"
    assert [item["value"] for item in payload["data"]] == [json_number(r.value) for r in results.indicators]
    assert [item["series"] for item in payload["data"]][:2] == ["1790.1", "1790.2"]


def test_the_file_names_say_plan_and_year():
    class P:
        slug = "kh-1790-daklak"

    assert opendata.filename(P(), 2026, "sdmx") == "ket-qua-kh-1790-daklak-2026.sdmx.csv"
    assert opendata.filename(P(), 2026, "csv").endswith("2026.csv")


def hostile_indicator(plan):
    """Issue 14.1: a plan's own indicator whose text and unit a spreadsheet would run as formulas."""
    indicator = add_indicator(plan, "9", None, 9, unit="@SUM(1+1)")
    indicator.text = HOSTILE
    indicator.save(update_fields=["text"])
    return indicator


def test_text_a_spreadsheet_would_run_is_neutralised_in_the_csv(plan, period, daklak):
    filed(period, daklak)
    hostile_indicator(plan)
    rows = parse_csv(opendata.render(plan, 2026, "csv").removeprefix("\ufeff"))
    by_code = {r["indicator"]: r for r in rows}
    assert by_code["9"]["text"] == "'" + HOSTILE
    assert by_code["9"]["unit"] == "'@SUM(1+1)"
    assert by_code["1"]["value"] == "33.33"  # numbers are numbers, never prefixed
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values() if cell)


def test_text_a_spreadsheet_would_run_is_neutralised_in_the_sdmx_csv(plan, period, daklak):
    filed(period, daklak)
    hostile_indicator(plan)
    by_series = {r["SERIES"]: r for r in parse_csv(opendata.render(plan, 2026, "sdmx"))}
    assert by_series["P_" + plan.slug.replace("-", "_") + "_9"]["UNIT_MEASURE"] == "SUM_1_1"
    assert by_series["C1790_1"]["OBS_VALUE"] == "33.33"


def test_the_json_keeps_the_text_exactly_as_typed(plan, period, daklak):
    # JSON is data, not a spreadsheet: nothing to neutralise, and nothing is altered.
    hostile_indicator(plan)
    by_code = {item["indicator"]: item for item in json.loads(opendata.render(plan, 2026, "json"))["data"]}
    assert by_code["9"]["text"] == HOSTILE and by_code["9"]["unit"] == "@SUM(1+1)"
