"""Reading a gender statistics file (results.genderstats.importing): CSV or XLSX with Vietnamese
headers; every wrong cell named by row and column; one wrong row refuses the whole file."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from binhdang.results.genderstats.importing import ImportFileError, read_file

pytestmark = pytest.mark.django_db

HEADER = ["Chỉ tiêu", "Năm", "Giới tính", "Giá trị", "Đơn vị tính", "Nguồn", "Ghi chú"]
SOURCE = "Cục Thống kê tỉnh, niên giám 2026"


def xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def catalog(db):
    from tests.results.conftest import ensure_catalog

    ensure_catalog()


def test_an_xlsx_with_numbers_and_words_is_read(db):
    figures = read_file(
        "thong-ke.xlsx",
        xlsx(
            [
                HEADER,
                ["NQ28.2.1", 2026, "Tổng", 48.6, "%", SOURCE, ""],
                ["nq28.2.1", "2026", "Nữ", "45,2", "", SOURCE, "ước tính"],
                ["NQ28.4.1", 2025, "tong", 109, "bé trai/100 bé gái", "Sở Y tế", None],
                [None, None, None, None, None, None, None],
            ]
        ),
    )
    assert [(f.series, f.year, f.sex, f.value, f.note) for f in figures] == [
        ("NQ28.2.1", 2026, "_T", Decimal("48.6"), ""),
        ("NQ28.2.1", 2026, "F", Decimal("45.2"), "ước tính"),
        ("NQ28.4.1", 2025, "_T", Decimal("109"), ""),
    ]


def test_a_csv_with_semicolons_and_a_byte_order_mark_is_read(db):
    text = "\ufeffChỉ tiêu;Năm;Giới tính;Giá trị;Nguồn\nNQ28.2.1;2026;Nam;52,1;" + SOURCE + "\n"
    (figure,) = read_file("a.csv", text.encode("utf-8"))
    assert (figure.sex, figure.value) == ("M", Decimal("52.1"))


def test_each_wrong_cell_is_named_by_row_and_column_and_the_file_is_refused(db):
    with pytest.raises(ImportFileError) as refused:
        read_file(
            "x.xlsx",
            xlsx(
                [
                    HEADER,
                    ["NQ28.2.1", 2026, "Tổng", 48.6, "%", SOURCE, ""],
                    ["NQ28.2.1", 2026, "Nữ", "bốn mươi", "%", SOURCE, ""],
                    ["NQ28.9.9", 2026, "Nữ", 1, "", SOURCE, ""],
                    ["NQ28.2.1", 2026, "Khác", 1, "", "", ""],
                    ["NQ28.2.1", 2026, "Tổng", 47, "lần", SOURCE, ""],
                    ["NQ28.2.1", 2026, "Tổng", 47, "%", SOURCE, ""],
                ]
            ),
        )
    assert refused.value.errors == [
        "Dòng 3, cột “Giá trị”: “bốn mươi” không phải là số (ghi ví dụ 45,2).",
        "Dòng 4, cột “Chỉ tiêu”: “NQ28.9.9” không phải là chỉ tiêu của Chiến lược (ví dụ NQ28.2.1).",
        "Dòng 5, cột “Giới tính”: “Khác” không phải là giới tính: ghi Tổng, Nữ hoặc Nam.",
        "Dòng 5, cột “Nguồn”: Ghi nguồn của số liệu (ví dụ Cục Thống kê tỉnh, niên giám 2026).",
        "Dòng 6, cột “Đơn vị tính”: “lần” không phải là đơn vị tính của NQ28.2.1 (%).",
        "Dòng 7: trùng chỉ tiêu, năm và giới tính với dòng 2.",
    ]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.xlsx", xlsx([["Chỉ tiêu", "Năm", "Giá trị"]]), "Dòng 1: thiếu cột Giới tính, Nguồn."),
        ("a.xlsx", b"not a workbook", "Tệp không phải là bảng tính Excel (.xlsx) đọc được."),
        ("a.pdf", b"%PDF", "Chọn một tệp .csv hoặc .xlsx."),
        ("a.csv", "Chỉ tiêu".encode("utf-16"), "Tệp CSV không ở bảng mã UTF-8."),
        ("a.csv", b"", "Tệp trống."),
    ],
)
def test_a_file_that_is_not_a_statistics_table_is_refused_in_vietnamese(db, name, data, message):
    with pytest.raises(ImportFileError) as refused:
        read_file(name, data)
    assert refused.value.errors == [message]
