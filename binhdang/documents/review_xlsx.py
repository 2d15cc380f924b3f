"""The review's annex as an Excel workbook (the province's and the ministry's): one sheet per table of
:mod:`binhdang.documents.review_tables`, written as the annual annex writes its own (numbers as numbers,
text as text through ``core.spreadsheets``, the header frozen and repeated, A4 landscape), with the
totals as SUM formulas carrying their values."""

from __future__ import annotations

from io import BytesIO

from xlsxwriter.utility import xl_rowcol_to_cell

from binhdang.core.numbers import spreadsheet_number
from binhdang.core.spreadsheets import xlsx_formula, xlsx_workbook, xlsx_write
from binhdang.documents.annex_xlsx import HEADER_ROW, _write, cell_formats, row_height
from binhdang.documents.tables import INTEGER, NUMBER, ReportTable

#: Sheet names (Excel allows 31 characters) by table key.
SHEET_NAMES = {
    "targets": "Chỉ tiêu qua các năm",
    "reporting": "Tình hình báo cáo",
    "tasks": "Nhiệm vụ",
    "task-years": "Nhiệm vụ theo năm",
    "activity-years": "Hoạt động theo năm",
    "activity-types": "Hoạt động theo loại",
    "national-indicators": "Chỉ tiêu toàn quốc",
    "national-provinces": "Các tỉnh theo năm",
}


def _sheet(workbook, formats: dict, table: ReportTable, subtitle: str) -> None:
    sheet = workbook.add_worksheet(SHEET_NAMES.get(table.key, table.key)[:31])
    last_col = len(table.columns) - 1
    widths = [column.width for column in table.columns]
    for line, text, style in ((0, table.title.upper(), "title"), (1, subtitle, "subtitle")):
        if last_col:
            sheet.merge_range(line, 0, line, last_col, None, formats[style])
        xlsx_write(sheet, line, 0, text, formats[style])
        sheet.set_row(line, row_height([text], [sum(widths)], 14 if line == 0 else 12))
    for col, column in enumerate(table.columns):
        xlsx_write(sheet, HEADER_ROW, col, column.header, formats["header"])
        sheet.set_column(col, col, column.width)
    sheet.set_row(HEADER_ROW, row_height([c.header for c in table.columns], widths))
    first = HEADER_ROW + 1
    for offset, row in enumerate(table.rows):
        sheet.set_row(first + offset, row_height(["" if v is None else str(v) for v in row], widths))
        for col, (value, column) in enumerate(zip(row, table.columns, strict=True)):
            _write(sheet, first + offset, col, value, column.kind, formats)
    if table.total is not None:
        total_row = first + len(table.rows)
        for col, (value, column) in enumerate(zip(table.total, table.columns, strict=True)):
            number = spreadsheet_number(value) if column.kind in (INTEGER, NUMBER) and col > 0 else None
            if number is not None and table.rows:
                top = xl_rowcol_to_cell(first, col)
                bottom = xl_rowcol_to_cell(first + len(table.rows) - 1, col)
                style = formats["total_int" if column.kind == INTEGER else "total_num"]
                xlsx_formula(sheet, total_row, col, f"=SUM({top}:{bottom})", style, number)
            else:
                _write(sheet, total_row, col, value, column.kind, formats, total=True)
    sheet.freeze_panes(first, 0)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.set_margins(left=0.6, right=0.4, top=0.6, bottom=0.6)
    sheet.repeat_rows(HEADER_ROW)
    sheet.fit_to_pages(1, 0)
    sheet.set_footer("&CTrang &P/&N")


def build(tables: list[ReportTable], subject: str, body: str) -> bytes:
    """A workbook of ``tables`` titled ``subject`` (issued by ``body``)."""
    buffer = BytesIO()
    workbook = xlsx_workbook(buffer)
    formats = cell_formats(workbook)
    for table in tables:
        _sheet(workbook, formats, table, f"{subject} ({body})")
    workbook.set_properties({"title": subject, "author": body, "comments": "binhdang"})
    workbook.close()
    return buffer.getvalue()
