"""The demo's 2026 report of Đắk Lắk's communication plan has content (issue 6, point 6)."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from openpyxl import load_workbook

from tests.documents.conftest import demo_files


def test_the_demo_report_of_the_communication_plan_has_content(db):
    demo = demo_files()  # the demo built once per test process (tests/documents/conftest.py)
    assert demo["submitted"] > 50
    document = Document(BytesIO(demo["report"]))
    lines = [p.text for p in document.paragraphs]
    subject = lines[lines.index("BÁO CÁO") + 1]
    assert subject.startswith("Kết quả thực hiện Kế hoạch thực hiện Chương trình Truyền thông")
    assert "Thực hiện Thực hiện" not in subject and "thực hiện Thực hiện" not in subject
    body = "\n".join(lines)
    assert "Tháng hành động vì bình đẳng giới" in body  # a theme of the units' narratives
    assert "đơn vị:" in body  # grouped difficulties name their units
    annex = load_workbook(BytesIO(demo["annex"]), data_only=True)
    indicators = annex["Chỉ tiêu"]
    values = [row[6] for row in indicators.iter_rows(min_row=5, values_only=True)]
    assert len(values) == demo["indicators"] and any(v is not None for v in values)
