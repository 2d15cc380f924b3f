"""CSV and XLSX cells keep user text as text (binhdang.core.spreadsheets, issue 14.1)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from binhdang.core.spreadsheets import csv_cell, csv_text, set_cell, xlsx_formula, xlsx_workbook, xlsx_write
from tests.spreadsheets import HOSTILE, cells_holding, formulas


@pytest.mark.parametrize("text", [HOSTILE, "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_a_csv_text_cell_starting_like_a_formula_gets_a_leading_quote(text):
    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Xã Ea Kar", "1790.1", "104-107", "", "a=b"])
def test_other_csv_text_is_written_as_it_is(value):
    assert csv_cell(value) == value


@pytest.mark.parametrize("value", [-5, Decimal("-2.5"), -0.75, 0, 12])
def test_numbers_are_numbers_so_a_negative_figure_is_not_altered(value):
    assert csv_cell(value) == value
    assert csv_text(["v"], [[value]]).splitlines()[1] == str(value)


def test_a_csv_document_neutralises_every_hostile_cell_and_keeps_the_others():
    text = csv_text(["name", "value"], [[HOSTILE, -3], ["Sở Y tế", None]])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["name", "value"], ["'" + HOSTILE, "-3"], ["Sở Y tế", ""]]
    assert text.endswith("\r\n")


def _xlsxwriter_book(write) -> bytes:
    buffer = io.BytesIO()
    workbook = xlsx_workbook(buffer)
    sheet = workbook.add_worksheet("S")
    write(workbook, sheet)
    workbook.close()
    return buffer.getvalue()


def test_xlsxwriter_cells_keep_user_text_as_text_even_through_write_and_merge_range():
    def write(workbook, sheet):
        xlsx_write(sheet, 0, 0, HOSTILE)
        sheet.write(1, 0, HOSTILE)  # the plain write() too: the workbook never makes formulas of strings
        sheet.merge_range(2, 0, 2, 3, HOSTILE)
        sheet.write(3, 0, "http://evil.example/")
        sheet.write(4, 0, "0123")
        xlsx_formula(sheet, 5, 0, "=SUM(B1:B2)", None, 3)

    content = _xlsxwriter_book(write)
    assert formulas(content) == ["SUM(B1:B2)"]
    assert set(cells_holding(content, HOSTILE)) == {"S!A1", "S!A2", "S!A3"}
    sheet = load_workbook(io.BytesIO(content))["S"]
    assert sheet["A4"].hyperlink is None and sheet["A5"].value == "0123"


def test_xlsxwriter_numbers_excel_cannot_hold_are_written_as_exact_text():
    def write(workbook, sheet):
        xlsx_write(sheet, 0, 0, Decimal("9" * 400))
        xlsx_write(sheet, 1, 0, 10**5000)
        xlsx_write(sheet, 2, 0, Decimal("1250.5"))
        xlsx_write(sheet, 3, 0, Decimal("NaN"))
        xlsx_formula(sheet, 4, 0, "=SUM(A3:A3)", None, Decimal("9" * 400))

    sheet = load_workbook(io.BytesIO(_xlsxwriter_book(write)))["S"]
    assert sheet["A1"].value == "9" * 400
    assert sheet["A2"].value == "1" + "0" * 5000
    assert sheet["A3"].value == 1250.5
    assert sheet["A4"].value == "NaN"


def test_openpyxl_cells_keep_user_text_as_text_with_a_quote_prefix():
    book = Workbook()
    sheet = book.active
    set_cell(sheet["A1"], HOSTILE)
    set_cell(sheet["A2"], "#N/A")
    set_cell(sheet["A3"], "Xã Ea Kar")
    set_cell(sheet["A4"], 42)
    set_cell(sheet["A5"], Decimal("9" * 400))
    buffer = io.BytesIO()
    book.save(buffer)
    assert formulas(buffer.getvalue()) == []
    loaded = load_workbook(io.BytesIO(buffer.getvalue())).active
    assert (loaded["A1"].value, loaded["A1"].data_type, loaded["A1"].quotePrefix) == (HOSTILE, "s", True)
    assert (loaded["A2"].value, loaded["A2"].data_type) == ("#N/A", "s")
    assert not loaded["A3"].quotePrefix
    assert loaded["A4"].value == 42 and loaded["A5"].value == "9" * 400
