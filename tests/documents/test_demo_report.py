"""The demo's 2026 report of Đắk Lắk's communication plan has content (issue 6, point 6)."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from openpyxl import load_workbook

from binhdang.devtools.demo import DEMO_YEAR, build_demo
from binhdang.documents import services
from binhdang.plans.models import Plan
from binhdang.results.engine import plan_results


def test_the_demo_report_of_the_communication_plan_has_content(db):
    build_demo(log=lambda *args: None)
    plan = Plan.objects.get(program="communication", status="active", province__name__contains="Đắk Lắk")
    results = plan_results(plan, DEMO_YEAR)
    assert results.submitted > 50
    document = Document(BytesIO(services.annual_report(plan, DEMO_YEAR).content))
    lines = [p.text for p in document.paragraphs]
    subject = lines[lines.index("BÁO CÁO") + 1]
    assert subject.startswith("Kết quả thực hiện Kế hoạch thực hiện Chương trình Truyền thông")
    assert "Thực hiện Thực hiện" not in subject and "thực hiện Thực hiện" not in subject
    body = "\n".join(lines)
    assert "Tháng hành động vì bình đẳng giới" in body  # a theme of the units' narratives
    assert "đơn vị:" in body  # grouped difficulties name their units
    annex = load_workbook(BytesIO(services.annual_annex(plan, DEMO_YEAR).content), data_only=True)
    indicators = annex["Chỉ tiêu"]
    values = [row[6] for row in indicators.iter_rows(min_row=5, values_only=True)]
    assert len(values) == len(results.indicators) and any(v is not None for v in values)
