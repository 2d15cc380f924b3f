"""The ministry's national report's tables as an Excel workbook (the page's "Excel" export and
``binhdang report --national --format xlsx``): the national value of each indicator with the
distribution of the provinces, every province's value (one row per indicator and province, as the CSV
of :mod:`binhdang.results.national_export`), and the provinces' sendings. Numbers stay numbers, every
text goes through :mod:`binhdang.core.spreadsheets` (never a formula).
"""

from __future__ import annotations

from io import BytesIO

from django.utils import translation

from binhdang.core.formatting import machine_number
from binhdang.core.spreadsheets import xlsx_workbook, xlsx_write
from binhdang.documents.annex_xlsx import row_height
from binhdang.documents.national import NationalContent, sending_table
from binhdang.documents.national_docx import subject
from binhdang.results.national_export import csv_rows
from binhdang.results.status import label as status_label

SUMMARY_HEADERS = (
    ("Mã", 10),
    ("Chỉ tiêu", 45),
    ("Đơn vị tính", 10),
    ("Toàn quốc", 11),
    ("Tử số (toàn quốc)", 12),
    ("Mẫu số (toàn quốc)", 12),
    ("Cách tính", 14),
    ("Số tỉnh có số liệu", 10),
    ("Thấp nhất", 10),
    ("Tứ phân vị 1", 10),
    ("Trung vị", 10),
    ("Tứ phân vị 3", 10),
    ("Cao nhất", 10),
    ("Số tỉnh chậm tiến độ", 11),
    ("Tỉnh chậm tiến độ", 40),
)
PROVINCE_HEADERS = (
    ("Mã", 10),
    ("Chỉ tiêu", 40),
    ("Đơn vị tính", 10),
    ("Mã tỉnh", 8),
    ("Tỉnh, thành phố", 22),
    ("Giá trị", 10),
    ("Tử số", 10),
    ("Mẫu số", 10),
    ("Thứ hạng", 8),
    ("Chỉ tiêu của năm", 12),
    ("Mức độ", 18),
)
METHODS = {"pooled": "Tổng tử số / tổng mẫu số của các đơn vị", "mean": "Bình quân các tỉnh"}


def _number(value):
    return machine_number(value)


def _sheet(workbook, formats, name: str, title: str, headers, rows) -> None:
    sheet = workbook.add_worksheet(name)
    last = len(headers) - 1
    sheet.merge_range(0, 0, 0, last, None, formats["title"])
    xlsx_write(sheet, 0, 0, title, formats["title"])
    widths = [width for _header, width in headers]
    for col, (header, width) in enumerate(headers):
        xlsx_write(sheet, 2, col, header, formats["header"])
        sheet.set_column(col, col, width)
    sheet.set_row(2, row_height([h for h, _w in headers], widths))
    for offset, row in enumerate(rows, start=3):
        for col, value in enumerate(row):
            kind = "num" if isinstance(value, int | float) and not isinstance(value, bool) else "text"
            xlsx_write(sheet, offset, col, value if value != "" else None, formats[kind])
    sheet.freeze_panes(3, 0)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.repeat_rows(2)
    sheet.fit_to_pages(1, 0)


@translation.override("vi")
def build(content: NationalContent) -> bytes:
    """The XLSX of ``content``."""
    buffer = BytesIO()
    workbook = xlsx_workbook(buffer)
    base = {"font_name": "Times New Roman", "font_size": 12, "border": 1, "valign": "top", "text_wrap": True}
    formats = {
        "title": workbook.add_format({"font_name": "Times New Roman", "font_size": 14, "bold": True}),
        "header": workbook.add_format({**base, "bold": True, "align": "center", "bg_color": "#E8EEF4"}),
        "text": workbook.add_format(base),
        "num": workbook.add_format({**base, "num_format": "#,##0.##"}),
    }
    year = content.year
    summary = []
    for item in content.results.indicators:
        spread = item.quartiles or (None,) * 5
        method = "pooled" if item.pooled else ("mean" if item.value is not None else "")
        summary.append(
            [
                item.code,
                item.name,
                item.unit,
                _number(item.value),
                _number(item.numerator),
                _number(item.denominator),
                METHODS.get(method, ""),
                len(item.ranked),
                *[_number(v) for v in spread],
                len(item.off_track),
                ", ".join(p.province.name for p in item.off_track),
            ]
        )
    _sheet(
        workbook, formats, "Toàn quốc", f"KẾT QUẢ CÁC CHỈ TIÊU TOÀN QUỐC NĂM {year}", SUMMARY_HEADERS, summary
    )
    provinces = [
        [
            row[1],
            row[2],
            row[3],
            row[5],
            row[6],
            row[7],
            row[8],
            row[9],
            row[11],
            row[12],
            status_label(row[13]),
        ]
        for row in csv_rows(content.results)
        if row[4] == "province"
    ]
    _sheet(
        workbook,
        formats,
        "Theo tỉnh",
        f"KẾT QUẢ CÁC CHỈ TIÊU THEO TỈNH NĂM {year}",
        PROVINCE_HEADERS,
        provinces,
    )
    table = sending_table(content)
    headers = [(c.header, c.width) for c in table.columns]
    rows = [[_number(v) if not isinstance(v, str) else v for v in row] for row in table.rows]
    _sheet(workbook, formats, "Gửi báo cáo", table.title.upper() + f" NĂM {year}", headers, rows)
    workbook.set_properties({"title": subject(year), "author": "Bộ Nội vụ", "comments": "binhdang"})
    workbook.close()
    return buffer.getvalue()
