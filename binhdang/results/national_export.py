"""The national results of a year as open data: CSV and SDMX-CSV (the ministry's exports, issue 18).

The rows come from :func:`binhdang.results.national.national_results`: for each catalog indicator one
row for the nation (``level`` ``national``, area ``VN``) and one per province whose plan carries it
(``level`` ``province``, area: the province's unit code), best first, then the provinces without a
value. Numbers are machine-readable (a dot, no thousands separator), as in :mod:`opendata`.

- :func:`as_csv`: UTF-8 with a byte-order mark (Excel), the columns of :data:`CSV_COLUMNS`; a
  province's ``rank`` is its place among the provinces with a value (1 = best), its ``off_track``
  ``true`` when its status is off track;
- :func:`as_sdmx_csv`: SDMX-CSV 2.0 of the dataflow ``BINHDANG:DF_GENDER_EQUALITY(1.0)``
  (:mod:`binhdang.results.sdmx`), the province as the ``REF_AREA`` dimension (``VN``: the nation),
  ``SEX`` ``_T``; the national row carries no target nor status (the targets are the provinces').
"""

from __future__ import annotations

from django.utils import translation

from binhdang.core.formatting import bar_machine_text, machine_number
from binhdang.core.spreadsheets import csv_text
from binhdang.results import sdmx
from binhdang.results.national import NationalIndicator, NationalResults, ProvinceValue
from binhdang.results.opendata import BOM, DATAFLOW, SDMX_COLUMNS, SEX_TOTAL
from binhdang.results.status import label as status_label

CSV_COLUMNS = (
    "year",
    "series",
    "name",
    "unit",
    "level",
    "area",
    "area_name",
    "value",
    "numerator",
    "denominator",
    "method",
    "rank",
    "target",
    "status",
    "status_label",
    "off_track",
)
NATIONAL, PROVINCE = "national", "province"


def _national_row(year: int, item: NationalIndicator) -> tuple:
    method = "pooled" if item.pooled else ("mean" if item.value is not None else "")
    return (
        year,
        item.code,
        item.name,
        item.unit,
        NATIONAL,
        sdmx.NATIONAL_AREA,
        "Toàn quốc",
        machine_number(item.value),
        machine_number(item.numerator),
        machine_number(item.denominator),
        method,
        "",
        "",
        "",
        "",
        "",
    )


def _province_rows(year: int, item: NationalIndicator) -> list[tuple]:
    rows = []
    ranked: list[tuple[int | str, ProvinceValue]] = list(enumerate(item.ranked, start=1))
    ranked += [("", cell) for cell in item.without_value]
    for rank, cell in ranked:
        rows.append(
            (
                year,
                item.code,
                item.name,
                item.unit,
                PROVINCE,
                cell.province.code,
                cell.province.name,
                machine_number(cell.value),
                machine_number(cell.numerator),
                machine_number(cell.denominator),
                "",
                rank,
                bar_machine_text(cell.bar),
                cell.status,
                status_label(cell.status),
                cell.status == "off_track",
            )
        )
    return rows


def csv_rows(results: NationalResults) -> list[tuple]:
    rows: list[tuple] = []
    for item in results.indicators:
        rows.append(_national_row(results.year, item))
        rows += _province_rows(results.year, item)
    return rows


def as_csv(results: NationalResults) -> str:
    """The national results as CSV (module docstring); status labels in Vietnamese."""
    with translation.override("vi"):
        return BOM + csv_text(CSV_COLUMNS, csv_rows(results))


def as_sdmx_csv(results: NationalResults) -> str:
    """The national results as SDMX-CSV 2.0 (module docstring)."""
    lines: list[tuple] = []
    for item in results.indicators:
        series = sdmx.series_id(item.code)
        unit = sdmx.unit_code(item.unit)
        if item.value is not None:
            lines.append(
                (
                    "dataflow",
                    DATAFLOW,
                    "I",
                    series,
                    sdmx.NATIONAL_AREA,
                    SEX_TOTAL,
                    str(results.year),
                    machine_number(item.value),
                    unit,
                    "",
                    "",
                )
            )
        for cell in [*item.ranked, *item.without_value]:
            lines.append(
                (
                    "dataflow",
                    DATAFLOW,
                    "I",
                    series,
                    cell.province.code,
                    SEX_TOTAL,
                    str(results.year),
                    machine_number(cell.value),
                    sdmx.unit_code(cell.unit or item.unit),
                    bar_machine_text(cell.bar),
                    cell.status,
                )
            )
    return csv_text(SDMX_COLUMNS, lines)


def filename(year: int, extension: str) -> str:
    """``ket-qua-toan-quoc-2026.csv``."""
    return f"ket-qua-toan-quoc-{year}.{extension}"
