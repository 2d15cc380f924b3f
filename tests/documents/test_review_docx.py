"""The review as a Word document (Nghị định 30 layout) and its Excel annex (``documents.review_docx``,
``review_xlsx``, ``review_files``): the title says sơ kết or tổng kết with the span, each target has its
table with the years as columns, a year without data says so, LibreOffice reads both files."""

from __future__ import annotations

from io import BytesIO

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from binhdang.devtools.demo import DEMO_YEAR
from binhdang.documents import review_files, services
from binhdang.reporting import services as reporting_services
from tests.documents.conftest import demo_files, narrate
from tests.results.conftest import file_report, local


def _lines(content: bytes) -> list[str]:
    return [p.text for p in Document(BytesIO(content)).paragraphs]


@pytest.fixture
def second_year(plan, reports, daklak):
    period = reporting_services.open_period(plan, 2027, None)
    report = file_report(period, daklak.commune_a, {"TT_SESSIONS": 1}, at=local(2027, 11, 20))
    narrate(report, "Tổ chức 1 cuộc truyền thông.", "Kinh phí còn rất hạn chế.")
    return period


def test_a_span_before_the_plans_end_is_a_mid_term_review_in_the_nd30_layout(plan, second_year):
    generated = review_files.review_report(plan, 2026, 2028)
    assert generated.name == f"so-ket-{plan.slug}-2026-2028.docx"
    document = Document(BytesIO(generated.content))
    header = document.tables[0].rows[0].cells
    assert header[0].paragraphs[0].text == "UBND TỈNH ĐẮK LẮK"
    assert header[1].paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    lines = [p.text for p in document.paragraphs]
    subject = lines[lines.index("BÁO CÁO") + 1]
    assert subject.startswith(
        "Sơ kết giai đoạn 2026-2028 thực hiện Kế hoạch thực hiện Chương trình Truyền thông"
    )
    body = "\n".join(lines)
    for expected in (
        "Năm 2026: 3/6 đơn vị đã báo cáo (50%), 2 đơn vị đúng hạn.",
        "Năm 2028: chưa có số liệu báo cáo.",
        "c) Năm 2028",
        "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU QUA CÁC NĂM",
        "Đánh giá theo số liệu năm 2027, trong 5 chỉ tiêu",
        "Xu hướng: ↘ 33,33% (2026) → 0% (2027): kém đi.",
        "Các khó khăn, vướng mắc lặp lại qua nhiều năm:",
        "- Kinh phí còn hạn chế (năm 2026, 2027; 2 đơn vị: Sở Y tế, Xã Ea Kar).",
        "Phụ lục I",
        "KẾT QUẢ CÁC CHỈ TIÊU QUA CÁC NĂM, GIAI ĐOẠN 2026-2028",
        "Phụ lục II",
    ):
        assert expected in body, expected
    assert "Nguyễn Văn A" not in body  # commune B's draft is not counted


def test_each_target_has_a_table_with_its_years_as_columns_and_no_data_where_there_is_none(plan, second_year):
    document = Document(BytesIO(review_files.review_report(plan, 2026, 2028).content))
    tables = [t for t in document.tables if t.rows[0].cells[-1].text == "Mục tiêu cuối kỳ"]
    assert len(tables) == 5
    sessions = tables[0]
    assert [c.text for c in sessions.rows[0].cells] == [
        "",
        "Năm 2026",
        "Năm 2027",
        "Năm 2028",
        "Mục tiêu cuối kỳ",
    ]
    assert [c.text for c in sessions.rows[1].cells] == ["Kết quả", "33,33%", "0%", "Chưa có số liệu", ""]
    assert [c.text for c in sessions.rows[3].cells] == ["Đánh giá", "Chậm tiến độ", "Chậm tiến độ", "", ""]


def test_a_span_reaching_the_plans_last_year_is_a_final_review(plan, reports):
    generated = review_files.review_report(plan, 2026, 2030)
    assert generated.name.startswith("tong-ket-")
    lines = _lines(generated.content)
    assert lines[lines.index("BÁO CÁO") + 1].startswith("Tổng kết giai đoạn 2026-2030 thực hiện")
    assert "Năm 2030: chưa có số liệu báo cáo." in lines
    assert "Phụ lục II" in lines


def test_the_ministrys_copy_of_a_provinces_review_leaves_out_what_the_units_wrote(plan, second_year):
    body = "\n".join(_lines(review_files.review_report(plan, 2026, 2028, with_narratives=False).content))
    assert "Kinh phí còn hạn chế (năm" not in body
    assert "không được cung cấp cho tài khoản này" in body
    assert "Tổ chức 5 cuộc truyền thông" not in body


def test_the_annex_has_targets_by_year_as_numbers_tasks_and_activities_by_year(plan, second_year):
    generated = review_files.review_annex(plan, 2026, 2028)
    assert generated.name == f"so-ket-{plan.slug}-2026-2028-phu-luc.xlsx"
    workbook = load_workbook(BytesIO(generated.content))
    assert workbook.sheetnames == [
        "Chỉ tiêu qua các năm",
        "Tình hình báo cáo",
        "Nhiệm vụ",
        "Nhiệm vụ theo năm",
        "Hoạt động theo năm",
        "Hoạt động theo loại",
    ]
    sheet = workbook["Chỉ tiêu qua các năm"]
    header = [c.value for c in sheet[4]]
    assert header[5:11] == [
        "Kết quả 2026",
        "Đánh giá 2026",
        "Kết quả 2027",
        "Đánh giá 2027",
        "Kết quả 2028",
        "Đánh giá 2028",
    ]
    first = [c.value for c in sheet[5]]
    assert first[5:11] == [33.33, "Chậm tiến độ", 0, "Chậm tiến độ", None, "Chưa có số liệu"]
    reporting = [[c.value for c in row] for row in workbook["Tình hình báo cáo"].iter_rows(min_row=5)]
    assert reporting[0][:4] == ["2026", 6, 3, 2]
    assert reporting[2][0] == "Năm 2028: chưa có số liệu báo cáo"
    activity = [[c.value for c in row] for row in workbook["Hoạt động theo năm"].iter_rows(min_row=5)]
    assert activity[0][7] == 30_000_000  # the budget the units reported in 2026
    assert activity[-1][0] == "Cả giai đoạn" and activity[-1][7] == "=SUM(H5:H7)"


@pytest.mark.skipif(not services.pdf_available(), reason="LibreOffice (soffice) is not installed")
def test_libreoffice_reads_the_review_and_prints_the_years_without_data(plan, second_year):
    docx = review_files.review_report(plan, 2026, 2028).content
    pages = [page.extract_text() for page in PdfReader(BytesIO(services.docx_to_pdf(docx))).pages]
    text = "\n".join(pages)
    assert "Năm 2028: chưa có số liệu báo cáo" in text
    assert "Phụ lục I" in text
    xlsx = review_files.review_annex(plan, 2026, 2028).content
    assert PdfReader(BytesIO(services.docx_to_pdf(xlsx, suffix=".xlsx"))).pages


def test_the_demos_mid_term_review_reads_right_with_its_later_years_empty(db):
    # the review to DEMO_YEAR + 2 of the demo built once per test process (tests/documents/conftest.py)
    document = Document(BytesIO(demo_files()["review"]))
    lines = [p.text for p in document.paragraphs]
    for year in (DEMO_YEAR + 1, DEMO_YEAR + 2):
        assert f"Năm {year}: chưa có số liệu báo cáo." in lines  # in the reporting and in each year's work
    assert lines.count(f"Năm {DEMO_YEAR + 1}: chưa có số liệu báo cáo.") == 2
    assert f"Đánh giá theo số liệu năm {DEMO_YEAR}, trong 5 chỉ tiêu" in "\n".join(lines)
    assert f"Xu hướng: chưa đủ số liệu để đánh giá xu hướng (mới có số liệu năm {DEMO_YEAR})." in lines
    cells = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert [f"Năm {DEMO_YEAR + 1}: chưa có số liệu báo cáo", "", "", "", "", ""] in cells  # reporting
    activity_rows = [row for row in cells if row[0] == f"Năm {DEMO_YEAR + 2}: chưa có số liệu báo cáo"]
    assert any(len(row) == 9 for row in activity_rows)  # the activity log of a year to come is not "0"
    results = [row for row in cells if row[0] == "Kết quả"]
    assert len(results) == 5 and all(row[2:4] == ["Chưa có số liệu", "Chưa có số liệu"] for row in results)
