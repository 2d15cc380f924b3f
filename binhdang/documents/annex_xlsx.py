"""The annual report's tables as an Excel workbook: one sheet per table (indicators, reporting
completeness, unit figures, funds by unit and source), numbers stored as numbers, every text as text (never a formula: cells through
:mod:`binhdang.core.spreadsheets`), the total rows as SUM formulas with their
cached values (so a reader without recalculation sees the figures), header rows frozen, A4 landscape
print setup with the header repeated on every page and the width fitted to one page.
"""

from __future__ import annotations

from io import BytesIO

from django.utils import translation
from xlsxwriter.utility import xl_rowcol_to_cell

from binhdang.core.numbers import plain_text, spreadsheet_number, too_large_note
from binhdang.core.spreadsheets import xlsx_formula, xlsx_workbook, xlsx_write
from binhdang.documents.annual import AnnualContent
from binhdang.documents.budget_table import budget_table
from binhdang.documents.issuers import plan_issuer, report_subject
from binhdang.documents.tables import INTEGER, NUMBER, TEXT, ReportTable, all_tables

#: Points per line of 12 pt Times New Roman, and characters of it per unit of column width (a
#: column of width 10 holds about 9 such characters), for the heights of wrapped rows.
LINE_PT = 15.75
CHARS_PER_WIDTH = 0.9

SHEET_NAMES = {
    "indicators": "Chỉ tiêu",
    "completeness": "Tình hình báo cáo",
    "units": "Số liệu đơn vị",
    "budget": "Kinh phí",
}
#: The tables whose total row sums the numeric columns with formulas.
SUMMED = ("units", "budget")
#: Rows above a table's header: the title and the subject.
HEADER_ROW = 3


def lines_needed(text: str, width: float) -> int:
    """How many lines ``text`` takes in a wrapped cell of ``width`` (words are not split)."""
    room = max(1, int(width * CHARS_PER_WIDTH))
    lines = 0
    for paragraph in str(text).split("\n"):
        used, count = 0, 1
        for word in paragraph.split():
            if used and used + 1 + len(word) > room:
                count, used = count + 1, len(word)
            else:
                used += len(word) + (1 if used else 0)
            count += max(0, (len(word) - 1) // room) if len(word) > room else 0
        lines += count
    return max(lines, 1)


def row_height(values, widths: list[float], size_pt: float = 12) -> float:
    """The height (points) a row needs so that no wrapped cell is drawn over the next rows."""
    needed = max(
        (lines_needed(v, w) for v, w in zip(values, widths, strict=True) if v not in (None, "")), default=1
    )
    return round(needed * LINE_PT * size_pt / 12 + 3, 2)


def _sheet(workbook, formats: dict, table: ReportTable, subject: str, body: str) -> None:
    sheet = workbook.add_worksheet(SHEET_NAMES[table.key])
    last_col = len(table.columns) - 1
    for line, text, style in ((0, table.title.upper(), "title"), (1, f"{subject} ({body})", "subtitle")):
        sheet.merge_range(line, 0, line, last_col, None, formats[style])
        xlsx_write(sheet, line, 0, text, formats[style])
    for col, column in enumerate(table.columns):
        xlsx_write(sheet, HEADER_ROW, col, column.header, formats["header"])
        sheet.set_column(col, col, column.width)
    widths = [column.width for column in table.columns]
    sheet.set_row(0, row_height([table.title.upper()], [sum(widths)], 14))
    sheet.set_row(1, row_height([f"{subject} ({body})"], [sum(widths)]))
    sheet.set_row(HEADER_ROW, row_height([c.header for c in table.columns], widths))
    first = HEADER_ROW + 1
    for offset, row in enumerate(table.rows):
        texts = ["" if v is None else str(v) for v in row]
        sheet.set_row(first + offset, row_height(texts, widths))
        for col, (value, column) in enumerate(zip(row, table.columns, strict=True)):
            _write(sheet, first + offset, col, value, column.kind, formats)
    last_data = first + len(table.rows) - 1
    if table.total is not None:
        total_row = first + len(table.rows)
        for col, (value, column) in enumerate(zip(table.total, table.columns, strict=True)):
            summed = column.kind in (INTEGER, NUMBER) and table.key in SUMMED and col > 0
            if summed and spreadsheet_number(value) is not None and table.rows:
                top, bottom = xl_rowcol_to_cell(first, col), xl_rowcol_to_cell(last_data, col)
                style = formats["total_int" if column.kind == INTEGER else "total_num"]
                xlsx_formula(sheet, total_row, col, f"=SUM({top}:{bottom})", style, spreadsheet_number(value))
            else:
                _write(sheet, total_row, col, value, column.kind, formats, total=True)
    sheet.freeze_panes(first, 0)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.set_margins(left=0.6, right=0.4, top=0.6, bottom=0.6)
    sheet.repeat_rows(HEADER_ROW)
    sheet.fit_to_pages(1, 0)
    sheet.center_horizontally()
    sheet.set_footer("&CTrang &P/&N")


def _write(sheet, row: int, col: int, value, kind: str, formats: dict, *, total: bool = False) -> None:
    prefix = "total_" if total else ""
    if value is None or value == "" or kind == TEXT or isinstance(value, str):
        xlsx_write(sheet, row, col, None if value is None else str(value), formats[f"{prefix}text"])
    elif (number := spreadsheet_number(value)) is None:  # too large for a number cell: its digits, noted
        xlsx_write(sheet, row, col, plain_text(value), formats[f"{prefix}text"])
        sheet.write_comment(row, col, too_large_note())
    else:
        style = formats[f"{prefix}int" if kind == INTEGER else f"{prefix}num"]
        xlsx_write(sheet, row, col, number, style)


def cell_formats(workbook) -> dict:
    """The annexes' cell formats (Times New Roman 12, bordered, wrapped; the annual annex and the
    review's): title, subtitle, header, text, int, num and their totals."""
    base = {"font_name": "Times New Roman", "font_size": 12, "border": 1, "valign": "top", "text_wrap": True}
    return {
        "title": workbook.add_format(
            {
                "font_name": "Times New Roman",
                "font_size": 14,
                "bold": True,
                "align": "center",
                "valign": "top",
            }
        ),
        "subtitle": workbook.add_format(
            {
                "font_name": "Times New Roman",
                "font_size": 12,
                "italic": True,
                "align": "center",
                "valign": "top",
                "text_wrap": True,
            }
        ),
        "header": workbook.add_format(
            {**base, "bold": True, "align": "center", "valign": "vcenter", "bg_color": "#E8EEF4"}
        ),
        "text": workbook.add_format(base),
        "int": workbook.add_format({**base, "num_format": "#,##0"}),
        "num": workbook.add_format({**base, "num_format": "#,##0.##"}),
        "total_text": workbook.add_format({**base, "bold": True}),
        "total_int": workbook.add_format({**base, "bold": True, "num_format": "#,##0"}),
        "total_num": workbook.add_format({**base, "bold": True, "num_format": "#,##0.##"}),
    }


@translation.override("vi")  # an official document: Vietnamese words, dates and numbers
def build(content: AnnualContent) -> bytes:
    """The XLSX annex of ``content``."""
    buffer = BytesIO()
    workbook = xlsx_workbook(buffer)
    formats = cell_formats(workbook)
    subject = report_subject(content.plan, content.year)
    body = plan_issuer(content.plan).body
    for table in [*all_tables(content), budget_table(content)]:
        _sheet(workbook, formats, table, subject, body)
    workbook.set_properties({"title": subject, "author": body, "comments": "binhdang"})
    workbook.close()
    return buffer.getvalue()
