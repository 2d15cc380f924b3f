"""Reading a gender statistics file (CSV or XLSX) into figures, refusing it whole when any row is wrong.

The first row names the columns (in Vietnamese or English, in any order, with or without tone marks):
``Chỉ tiêu`` (the strategy indicator's code, ``NQ28.2.1``), ``Năm``, ``Giới tính`` (Tổng, Nữ, Nam;
or SDMX's ``_T``, ``F``, ``M``), ``Giá trị`` (``45,2`` or ``45.2``), ``Nguồn``, and optionally
``Đơn vị tính`` (checked against the indicator's) and ``Ghi chú``. Each problem is named by its row and
column ("Dòng 4, cột “Giá trị”: ..."); one problem refuses the whole file (nothing is saved).
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from binhdang.core.formatting import NumberFormatError, parse_number
from binhdang.core.text import fold
from binhdang.results.genderstats.services import Figure, check_figure, series_units
from binhdang.results.models import Sex

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000

#: Folded header -> field.
HEADERS = {
    "chi tieu": "series",
    "ma chi tieu": "series",
    "series": "series",
    "indicator": "series",
    "nam": "year",
    "year": "year",
    "gioi tinh": "sex",
    "sex": "sex",
    "gia tri": "value",
    "value": "value",
    "don vi tinh": "unit",
    "don vi": "unit",
    "unit": "unit",
    "nguon": "source",
    "nguon so lieu": "source",
    "source": "source",
    "ghi chu": "note",
    "note": "note",
}
REQUIRED = ("series", "year", "sex", "value", "source")
SEX_WORDS = {
    "tong": Sex.TOTAL,
    "tong so": Sex.TOTAL,
    "chung": Sex.TOTAL,
    "_t": Sex.TOTAL,
    "t": Sex.TOTAL,
    "total": Sex.TOTAL,
    "nu": Sex.FEMALE,
    "f": Sex.FEMALE,
    "female": Sex.FEMALE,
    "nam": Sex.MALE,
    "m": Sex.MALE,
    "male": Sex.MALE,
}


class ImportFileError(Exception):
    """The file is refused: ``errors`` lists every problem found, each naming its row and column."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


def _rows_of(name: str, data: bytes) -> list[list[object]]:
    if len(data) > MAX_BYTES:
        raise ImportFileError([_("The file is larger than 5 MB.")])
    lower = name.lower()
    if lower.endswith(".xlsx"):
        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception:  # openpyxl raises many kinds of errors for a damaged file
            raise ImportFileError(
                [_("The file is not an Excel workbook (.xlsx) that can be read.")]
            ) from None
        sheet = book.worksheets[0]
        rows = [list(row) for row in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 2)]
        book.close()
        return rows
    if lower.endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ImportFileError([_("The CSV file is not in UTF-8.")]) from None
        first = text.split("\n", 1)[0]
        delimiter = ";" if first.count(";") > first.count(",") else ","
        return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    raise ImportFileError([_("Choose a .csv or .xlsx file.")])


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _number(value: object) -> Decimal:
    if isinstance(value, bool):
        raise NumberFormatError(str(value))
    if isinstance(value, int | float):
        try:
            return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        except InvalidOperation:
            raise NumberFormatError(str(value)) from None
    return parse_number(_text(value))


def _where(line: int, column: str) -> str:
    return _("Row %(row)s, column “%(column)s”") % {"row": line, "column": column}


def read_file(name: str, data: bytes) -> list[Figure]:
    """The figures of the file, or :class:`ImportFileError` with every problem (nothing is saved)."""
    rows = [row for row in _rows_of(name, data)]
    while rows and not any(_text(c) for c in rows[-1]):
        rows.pop()
    if not rows:
        raise ImportFileError([_("The file is empty.")])
    if len(rows) > MAX_ROWS + 1:
        raise ImportFileError([_("The file has more than %(n)s rows.") % {"n": MAX_ROWS}])
    header = [_text(c) for c in rows[0]]
    columns: dict[str, int] = {}
    titles: dict[str, str] = {}
    for position, title in enumerate(header):
        field = HEADERS.get(fold(title).strip())
        if field and field not in columns:
            columns[field], titles[field] = position, title
    missing = [f for f in REQUIRED if f not in columns]
    if missing:
        names = {
            "series": "Chỉ tiêu",
            "year": "Năm",
            "sex": "Giới tính",
            "value": "Giá trị",
            "source": "Nguồn",
        }
        raise ImportFileError(
            [
                _("Row 1: the column(s) %(names)s are missing.")
                % {"names": ", ".join(names[f] for f in missing)}
            ]
        )
    known = series_units()
    errors: list[str] = []
    figures: list[Figure] = []
    seen: dict[tuple[str, int, str], int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(_text(c) for c in row):
            continue
        cells = {f: (row[i] if i < len(row) else None) for f, i in columns.items()}
        problems: dict[str, str] = {}
        series = _text(cells["series"]).upper()
        year_text = _text(cells["year"])
        year: object = int(year_text) if year_text.isdigit() else year_text
        sex = SEX_WORDS.get(fold(_text(cells["sex"])), _text(cells["sex"]))
        value: Decimal | None = None
        if not _text(cells["value"]):
            problems["value"] = _("The value is missing.")
        else:
            try:
                value = _number(cells["value"])
            except NumberFormatError:
                problems["value"] = _("“%(text)s” is not a number (write e.g. 45,2).") % {
                    "text": _text(cells["value"])
                }
        source = _text(cells["source"])
        for field, message in check_figure(series, year, str(sex), value, source).items():
            if field == "value" and "value" in problems:
                continue
            problems.setdefault(field, message)
        unit = _text(cells.get("unit")) if "unit" in columns else ""
        if unit and series in known and unit != known[series][1]:
            problems["unit"] = _("“%(unit)s” is not the unit of %(code)s (%(expected)s).") % {
                "unit": unit,
                "code": series,
                "expected": known[series][1] or "—",
            }
        for field, message in problems.items():
            errors.append(f"{_where(line, titles[field])}: {message}")
        if problems:
            continue
        key = (series, int(str(year)), str(sex))
        if key in seen:
            errors.append(
                _("Row %(row)s: the same indicator, year and sex as row %(first)s.")
                % {"row": line, "first": seen[key]}
            )
            continue
        seen[key] = line
        assert value is not None
        note = _text(cells.get("note")) if "note" in columns else ""
        figures.append(Figure(series, int(str(year)), str(sex), value, source, note))
    if errors:
        raise ImportFileError(errors)
    if not figures:
        raise ImportFileError([_("The file has no figure below its header row.")])
    return figures
