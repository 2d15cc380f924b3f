"""Writing cells of CSV and XLSX files so that what users typed stays text (issue 14.1: formula
injection). Every exporter writes its cells through these helpers, never through ``csv.writer``,
``worksheet.write`` or ``cell.value = ...`` directly:

- :func:`csv_text` / :func:`csv_cell`: CSV rows in which a text cell starting with ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return is prefixed with a single quote (OWASP, "CSV Injection"), so that a
  spreadsheet opening the file shows the text instead of running it; numbers (int, Decimal, float)
  are written as numbers and never altered (a negative figure stays ``-5``);
- :func:`xlsx_workbook` and :func:`xlsx_write`: an xlsxwriter workbook that never turns a string into a
  formula, a number or a link, and one writer per value kind (text with ``write_string``);
  :func:`xlsx_formula` for the few formulas the application itself writes (totals);
- :func:`set_cell` (openpyxl): a text value is stored as a string cell (``data_type`` ``s``), with Excel's
  quote prefix when it starts like a formula, so that editing the cell in Excel keeps it text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import xlsxwriter

#: What a spreadsheet may read as the start of a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Excel keeps 15 significant digits; beyond this a figure is written as text to stay exact.
XLSX_MAX_DIGITS = 15


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet could take ``text`` for a formula (starts with = + - @ tab or CR)."""
    return text.startswith(FORMULA_STARTS)


# ----------------------------------------------------------------------------------------------- CSV


def csv_cell(value: Any) -> Any:
    """What the CSV writer gets for ``value``: numbers as they are, None as an empty cell, text with a
    leading ``'`` when it starts like a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return value
    text = str(value)
    return "'" + text if looks_like_formula(text) else text


def csv_text(header: Iterable[str], rows: Iterable[Iterable[Any]]) -> str:
    """A CSV document (RFC 4180, CRLF line ends) of ``header`` and ``rows``, every cell through
    :func:`csv_cell`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([csv_cell(cell) for cell in header])
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()


# ------------------------------------------------------------------------------------ XLSX (xlsxwriter)

#: Workbook options: strings stay strings (xlsxwriter would otherwise make ``=...`` a formula).
XLSXWRITER_OPTIONS = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
}


def xlsx_workbook(target) -> xlsxwriter.Workbook:
    """An xlsxwriter workbook writing to ``target`` (a file object) that keeps every string as text,
    including those written by ``merge_range`` and ``write``."""
    return xlsxwriter.Workbook(target, XLSXWRITER_OPTIONS)


def _decimal(number: int | float | Decimal) -> Decimal:
    return Decimal(str(number)) if isinstance(number, float) else Decimal(number)


def fits_excel(number: int | float | Decimal) -> bool:
    """True when Excel can hold ``number`` as a number without losing digits (finite, 15 digits)."""
    found = _decimal(number)
    return found.is_finite() and found.adjusted() < XLSX_MAX_DIGITS


def number_as_text(number: int | float | Decimal) -> str:
    """A number Excel cannot hold, as exact text (``"999...9"``, ``"1E+400"``); never raises."""
    return str(_decimal(number))


def xlsx_write(sheet, row: int, col: int, value: Any, cell_format=None) -> None:
    """Write ``value`` in an xlsxwriter ``sheet``: None as a blank, text with ``write_string`` (never a
    formula), numbers with ``write_number`` (as text when Excel cannot hold them), dates as dates."""
    if value is None or value == "":
        sheet.write_blank(row, col, None, cell_format)
    elif isinstance(value, bool):
        sheet.write_boolean(row, col, value, cell_format)
    elif isinstance(value, int | float | Decimal):
        if fits_excel(value):
            sheet.write_number(row, col, float(value) if isinstance(value, Decimal) else value, cell_format)
        else:
            sheet.write_string(row, col, number_as_text(value), cell_format)
    elif isinstance(value, dt.date):
        sheet.write_datetime(row, col, value, cell_format)
    else:
        sheet.write_string(row, col, str(value), cell_format)


def xlsx_formula(sheet, row: int, col: int, formula: str, cell_format=None, cached: Any = None) -> None:
    """A formula the application writes itself (never one built from user text), with its cached
    value for readers that do not recalculate."""
    if cached is not None and not (isinstance(cached, int | float | Decimal) and fits_excel(cached)):
        cached = None
    sheet.write_formula(
        row, col, formula, cell_format, float(cached) if isinstance(cached, Decimal) else cached
    )


# -------------------------------------------------------------------------------------- XLSX (openpyxl)


def set_cell(cell, value: Any):
    """Put ``value`` in an openpyxl ``cell``: text stays text (a string cell; quote prefix when it starts
    like a formula), numbers too large for Excel become text, other values as openpyxl stores them.
    Returns the cell."""
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # openpyxl would make "=..." a formula and "#N/A" an error
        if looks_like_formula(value):
            cell.quotePrefix = True
    elif isinstance(value, int | float | Decimal) and not isinstance(value, bool) and not fits_excel(value):
        return set_cell(cell, number_as_text(value))
    else:
        cell.value = value
    return cell
