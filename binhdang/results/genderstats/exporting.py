"""The gender statistics of a province as a table by year (the page), and as files: CSV (UTF-8 with a
byte-order mark), XLSX and SDMX-CSV 2.0.

The SDMX-CSV uses the open data's dataflow ``BINHDANG:DF_GENDER_EQUALITY(1.0)``
(:mod:`binhdang.results.sdmx`): ``SERIES`` the indicator (``CNQ28_2_1``), ``REF_AREA`` the province's
unit code, ``SEX`` ``_T``/``F``/``M``, ``TIME_PERIOD`` the year, ``OBS_VALUE`` the figure and
``UNIT_MEASURE`` its unit's code; ``TARGET`` and ``PROGRESS_STATUS`` stay empty (a statistic has no
target of its own). Every text cell goes through ``core.spreadsheets`` (a source typed as ``=...``
stays text).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet

from binhdang.core.formatting import machine_number
from binhdang.core.spreadsheets import csv_text, xlsx_workbook, xlsx_write
from binhdang.results import sdmx
from binhdang.results.genderstats.services import series_units
from binhdang.results.models import GenderStatistic, Sex
from binhdang.results.opendata import BOM, DATAFLOW, SDMX_COLUMNS

CSV_COLUMNS = ("province", "series", "name", "year", "sex", "value", "unit", "source", "note", "agency")
#: The file columns in Vietnamese, as the import reads them back.
XLSX_COLUMNS = (
    "Chỉ tiêu",
    "Tên chỉ tiêu",
    "Năm",
    "Giới tính",
    "Giá trị",
    "Đơn vị tính",
    "Nguồn",
    "Ghi chú",
    "Cơ quan",
)
SEX_WORD: dict[str, str] = {Sex.TOTAL: "Tổng", Sex.FEMALE: "Nữ", Sex.MALE: "Nam"}
SEX_ORDER = (Sex.TOTAL, Sex.FEMALE, Sex.MALE)


def rows_of(queryset: QuerySet[GenderStatistic]) -> list[GenderStatistic]:
    return list(queryset.select_related("province", "recorded_by_unit").order_by("series", "year", "sex"))


@dataclass
class SeriesTable:
    """One indicator's figures by year, for the page: ``cells[year][sex]`` the row."""

    code: str
    name: str
    unit: str
    cells: dict[int, dict[str, GenderStatistic]] = field(default_factory=dict)

    def chart(self, years: list[int]) -> dict:
        def line(sex: str) -> list[float | int | None]:
            found = [self.cells.get(y, {}).get(sex) for y in years]
            return [machine_number(row.value) if row is not None else None for row in found]

        return {
            "id": f"chart-{sdmx.series_id(self.code)}",
            "title": f"{self.code}. {self.name}",
            "unit": self.unit,
            "years": years,
            "lines": {str(Sex(s).label): line(s) for s in SEX_ORDER},
        }


def table(rows: list[GenderStatistic]) -> tuple[list[int], list[SeriesTable]]:
    """(years, one table per indicator with figures) in catalog order."""
    known = series_units()
    years = sorted({r.year for r in rows})
    tables: dict[str, SeriesTable] = {}
    for code, (name, unit) in known.items():
        tables[code] = SeriesTable(code, name, unit)
    for row in rows:
        tables.setdefault(row.series, SeriesTable(row.series, row.series, row.unit))
        tables[row.series].cells.setdefault(row.year, {})[row.sex] = row
    return years, [t for t in tables.values() if t.cells]


def _name(code: str) -> str:
    return series_units().get(code, (code, ""))[0]


def as_csv(rows: list[GenderStatistic]) -> str:
    names = series_units()
    lines = [
        (
            r.province.code,
            r.series,
            names.get(r.series, (r.series, ""))[0],
            r.year,
            r.sex,
            _plain(r.value),
            r.unit,
            r.source,
            r.note,
            r.recorded_by_unit.name if r.recorded_by_unit else "",
        )
        for r in rows
    ]
    return BOM + csv_text(CSV_COLUMNS, lines)


def _plain(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()


def as_xlsx(rows: list[GenderStatistic]) -> bytes:
    names = series_units()
    buffer = io.BytesIO()
    book = xlsx_workbook(buffer)
    sheet = book.add_worksheet("Thong ke gioi")
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    for col, title in enumerate(XLSX_COLUMNS):
        xlsx_write(sheet, 0, col, title, bold)
    for line, r in enumerate(rows, start=1):
        cells = (
            r.series,
            names.get(r.series, (r.series, ""))[0],
            r.year,
            str(SEX_WORD.get(r.sex, r.sex)),
            _plain(r.value),
            r.unit,
            r.source,
            r.note,
            r.recorded_by_unit.name if r.recorded_by_unit else "",
        )
        for col, value in enumerate(cells):
            xlsx_write(sheet, line, col, value)
    sheet.freeze_panes(1, 0)
    for col, width in enumerate((11, 48, 7, 9, 12, 14, 40, 30, 30)):
        sheet.set_column(col, col, width)
    book.close()
    return buffer.getvalue()


def as_sdmx_csv(rows: list[GenderStatistic]) -> str:
    lines = [
        (
            "dataflow",
            DATAFLOW,
            "I",
            sdmx.series_id(r.series),
            r.province.code,
            r.sex,
            str(r.year),
            machine_number(r.value),
            sdmx.unit_code(r.unit),
            "",
            "",
        )
        for r in rows
    ]
    return csv_text(SDMX_COLUMNS, lines)
