"""Open data: a plan's results for a year as CSV, JSON and SDMX-CSV (domain §9).

Every format holds the same rows, taken from :func:`binhdang.results.engine.plan_results` (computed
live, so the files always equal the dashboard): one row per indicator of the plan with

- ``indicator``: the plan's own number of the indicator ("1", "4.1"...);
- ``series``: the catalog code of domain §6/§7 (``1790.1``, ``NQ28.4.1``...) when the indicator is
  bound to one, else ``<plan slug>.<indicator number>`` (a plan's own indicator);
- ``catalog``: the catalog code, empty without one;
- the unit, the target for the year (``target``: a number, ``104-107`` for a range, ``true`` for a
  yes/no target) and the final target, the value (empty without data), the numerator and the
  denominator, the status code (``achieved``, ``on_track``, ``at_risk``, ``off_track``, ``no_data``)
  and its Vietnamese label, the year.

Numbers are written with a dot as decimal separator and no thousands separator (machine-readable).
Text cells that a spreadsheet could read as a formula (an indicator's text starting with ``=``...) are
written with a leading ``'`` (:func:`binhdang.core.spreadsheets.csv_text`); numbers never are.

Formats

- :func:`as_csv`: UTF-8 **with a byte-order mark**, so that Excel opens the Vietnamese text correctly;
- :func:`as_json`: ``{"metadata": {...}, "data": [row, ...]}``, numbers as JSON numbers;
- :func:`as_sdmx_csv`: SDMX-CSV 2.0 (``STRUCTURE``, ``STRUCTURE_ID``, ``ACTION``, then the dimensions
  ``SERIES`` (indicator), ``REF_AREA`` (the province's unit code), ``SEX`` (``_T``: the indicators are
  not disaggregated by sex) and ``TIME_PERIOD``, the measure ``OBS_VALUE`` and the attributes
  ``UNIT_MEASURE``, ``TARGET`` and ``PROGRESS_STATUS``). Plain UTF-8 without a byte-order mark:
  SDMX tools read the first header cell as ``STRUCTURE``. Series and units of measure are SDMX ids
  (``C1790_1``, ``PT``), as coded in the structure message of :mod:`binhdang.results.sdmx`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone, translation

from binhdang.core.formatting import bar_json, bar_machine_text, machine_number
from binhdang.core.spreadsheets import csv_text
from binhdang.plans.models import Plan
from binhdang.results import sdmx
from binhdang.results.engine import IndicatorResult, PlanResults, catalog_code, plan_results
from binhdang.results.status import STATUSES, Bar
from binhdang.results.status import label as status_label

FORMATS = ("csv", "json", "sdmx")
SDMX_CONTENT_TYPE = "application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8"
EXTENSIONS = {"csv": "csv", "json": "json", "sdmx": "sdmx.csv"}
BOM = "\ufeff"
#: The SDMX dataflow the rows belong to (agency BINHDANG, version 1.0).
DATAFLOW = "BINHDANG:DF_GENDER_EQUALITY(1.0)"
#: The value of the SEX dimension: total (no breakdown by sex).
SEX_TOTAL = "_T"

CSV_COLUMNS = (
    "plan",
    "province",
    "year",
    "indicator",
    "series",
    "catalog",
    "text",
    "unit",
    "target",
    "final_target",
    "value",
    "numerator",
    "denominator",
    "status",
    "status_label",
)
SDMX_COLUMNS = (
    "STRUCTURE",
    "STRUCTURE_ID",
    "ACTION",
    "SERIES",
    "REF_AREA",
    "SEX",
    "TIME_PERIOD",
    "OBS_VALUE",
    "UNIT_MEASURE",
    "TARGET",
    "PROGRESS_STATUS",
)


@dataclass(frozen=True)
class Row:
    """One indicator of the plan in the year, as published."""

    plan: str
    province: str
    year: int
    indicator: str
    series: str
    catalog: str
    text: str
    unit: str
    target: Bar | None
    final_target: Bar | None
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    status: str

    @property
    def status_label(self) -> str:
        return status_label(self.status)


def series_code(plan: Plan, result: IndicatorResult) -> str:
    """The SERIES of an indicator: its catalog code, else ``<plan slug>.<indicator number>``."""
    return catalog_code(result.indicator) or f"{plan.slug}.{result.indicator.code}"


def rows(results: PlanResults) -> list[Row]:
    """The published rows of ``results``, in plan order."""
    plan = results.plan
    return [
        Row(
            plan=plan.slug,
            province=plan.province.code,
            year=results.year,
            indicator=result.indicator.code,
            series=series_code(plan, result),
            catalog=catalog_code(result.indicator) or "",
            text=result.indicator.text,
            unit=result.unit or "",
            target=result.bar,
            final_target=result.final,
            value=result.value,
            numerator=result.numerator,
            denominator=result.denominator,
            status=result.status,
        )
        for result in results.indicators
    ]


def as_csv(results: PlanResults) -> str:
    """The rows as CSV (UTF-8 with a byte-order mark for Excel; see the module docstring)."""
    lines = [
        (
            row.plan,
            row.province,
            row.year,
            row.indicator,
            row.series,
            row.catalog,
            row.text,
            row.unit,
            bar_machine_text(row.target),
            bar_machine_text(row.final_target),
            machine_number(row.value),
            machine_number(row.numerator),
            machine_number(row.denominator),
            row.status,
            row.status_label,
        )
        for row in rows(results)
    ]
    return BOM + csv_text(CSV_COLUMNS, lines)


def as_sdmx_csv(results: PlanResults) -> str:
    """The rows as SDMX-CSV 2.0 (see the module docstring)."""
    lines = [
        (
            "dataflow",
            DATAFLOW,
            "I",
            sdmx.series_id(row.series, catalog=bool(row.catalog)),
            row.province,
            SEX_TOTAL,
            str(row.year),
            machine_number(row.value),
            sdmx.unit_code(row.unit),
            bar_machine_text(row.target),
            row.status,
        )
        for row in rows(results)
    ]
    return csv_text(SDMX_COLUMNS, lines)


def metadata(results: PlanResults) -> dict:
    """What the JSON says about its rows: the plan, the province, the year, the reporting figures."""
    plan = results.plan
    return {
        "plan": {"id": plan.pk, "slug": plan.slug, "title": plan.title, "program": plan.program},
        "province": {"code": plan.province.code, "name": plan.province.name},
        "year": results.year,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "completeness": machine_number(results.completeness),
        "timeliness": machine_number(results.timeliness),
        "expected": results.expected,
        "submitted": results.submitted,
        "on_time": results.on_time,
        "units": {"percentages": "0-100", "decimal_separator": "."},
        "statuses": {key: str(label) for key, (label, _css) in STATUSES.items()},
        "fields": list(CSV_COLUMNS),
    }


def as_json(results: PlanResults) -> str:
    """``{"metadata": {...}, "data": [...]}`` (see the module docstring)."""
    data = [
        {
            "plan": row.plan,
            "province": row.province,
            "year": row.year,
            "indicator": row.indicator,
            "series": row.series,
            "catalog": row.catalog or None,
            "text": row.text,
            "unit": row.unit,
            "target": bar_json(row.target),
            "final_target": bar_json(row.final_target),
            "value": machine_number(row.value),
            "numerator": machine_number(row.numerator),
            "denominator": machine_number(row.denominator),
            "status": row.status,
            "status_label": row.status_label,
        }
        for row in rows(results)
    ]
    return json.dumps({"metadata": metadata(results), "data": data}, ensure_ascii=False, indent=2)


WRITERS = {"csv": as_csv, "json": as_json, "sdmx": as_sdmx_csv}


def render(plan: Plan, year: int, fmt: str, language: str = "vi") -> str:
    """The plan's results for ``year`` in format ``fmt`` (one of :data:`FORMATS`); the status labels
    in ``language`` (Vietnamese by default)."""
    with translation.override(language):
        return WRITERS[fmt](plan_results(plan, year))


def filename(plan: Plan, year: int, fmt: str) -> str:
    return f"ket-qua-{plan.slug}-{year}.{EXTENSIONS[fmt]}"
