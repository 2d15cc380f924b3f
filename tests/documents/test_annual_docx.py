"""The annual report as Word: the decree's layout, the content, every figure equal to the engine's,
and (where LibreOffice is installed) a clean conversion to PDF."""

from __future__ import annotations

import shutil
import subprocess
from io import BytesIO

import pytest
from django.utils import translation
from docx import Document
from docx.shared import Pt

from binhdang.core.formatting import number as vn_number
from binhdang.core.formatting import percent as vn_percent
from binhdang.documents import annual_docx
from binhdang.documents.annual import collect, status_label
from binhdang.documents.tables import bar_text
from binhdang.results.engine import plan_results
from tests.documents.conftest import DAY
from tests.results.conftest import schooling_plan


def generate(plan, with_narratives=True) -> Document:
    return Document(BytesIO(annual_docx.build(collect(plan, 2026, with_narratives=with_narratives), DAY)))


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_the_report_follows_the_decree_layout(plan, reports):
    document = generate(plan)
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.left_margin.mm) == 30
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert document.styles["Normal"].font.size == Pt(14)
    header = document.tables[0].rows[0].cells
    assert header[0].paragraphs[1].text == "SỞ NỘI VỤ"
    assert header[0].paragraphs[3].text == "Số:        /BC-SNV"
    assert header[1].paragraphs[3].text == "Đắk Lắk, ngày 05 tháng 12 năm 2026"
    lines = texts(document)
    subject = lines[lines.index("BÁO CÁO") + 1]
    assert subject == (
        "Kết quả thực hiện Kế hoạch thực hiện Chương trình Truyền thông về bình đẳng giới "
        "giai đoạn 2026 - 2030 năm 2026"
    )
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN",
        "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
        "III. KHÓ KHĂN, VƯỚNG MẮC",
        "IV. KIẾN NGHỊ, ĐỀ XUẤT",
    ]
    closing = [t for t in document.tables if t.rows[0].cells[0].paragraphs[0].text == "Nơi nhận:"]
    assert closing and closing[0].rows[0].cells[1].paragraphs[0].text == "KT. GIÁM ĐỐC"
    assert "Phụ lục I" in lines and "Phụ lục II" in lines
    assert document.sections[1].page_width > document.sections[1].page_height


def test_the_overview_difficulties_and_proposals_come_from_the_units(plan, reports):
    body = "\n".join(texts(generate(plan)))
    assert "Xã Ea Kar: Hưởng ứng Tháng hành động với 2 hoạt động." in body
    assert "Kinh phí còn hạn chế (2 đơn vị: Sở Y tế, Xã Ea Kar)." in body
    assert "Đề nghị tổ chức tập huấn cho cán bộ cơ sở (Xã Ea Kar)." in body
    assert "Nguyễn Văn A" not in body  # a draft's narrative is not counted


def test_without_narrative_access_the_units_texts_are_left_out(plan, reports):
    body = "\n".join(texts(generate(plan, with_narratives=False)))
    assert "Kinh phí còn hạn chế" not in body and "Tháng hành động với 2" not in body
    assert "không được cung cấp cho tài khoản này" in body


def test_every_figure_equals_the_engines(plan, reports):
    document = generate(plan)
    results = plan_results(plan, 2026)
    body = "\n".join(texts(document))
    assert f"{results.expected} đơn vị phải báo cáo" in body
    assert f"đạt tỷ lệ {vn_percent(results.completeness)}" in body
    assert f"đạt {vn_percent(results.timeliness)}" in body
    annex = next(
        t for t in document.tables if t.rows[0].cells[0].text == "STT" and t.rows[0].cells[1].text == "Mã"
    )
    assert len(annex.rows) == len(results.indicators) + 1
    for row, result in zip(annex.rows[1:], results.indicators, strict=True):
        cells = [c.text for c in row.cells]
        assert cells[1] == result.indicator.code
        assert cells[4] == bar_text(result.bar, result.unit)
        assert cells[6] == vn_number(result.value)
        assert cells[7] == vn_number(result.numerator) and cells[8] == vn_number(result.denominator)
        assert cells[9] == status_label(result.status)
    completeness = next(t for t in document.tables if t.rows[0].cells[0].text == "Nhóm đơn vị")
    total = [c.text for c in completeness.rows[-1].cells]
    assert total == [
        "Tổng cộng",
        str(results.expected),
        str(results.submitted),
        str(results.on_time),
        vn_number(results.completeness),
        vn_number(results.timeliness),
    ]


def test_the_unit_annex_writes_vietnamese_numbers(plan, reports):
    document = generate(plan)
    annex = document.tables[-1]
    assert annex.rows[0].cells[1].text == "Đơn vị"
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in annex.rows[1:]}
    news = [c.text for c in annex.rows[0].cells].index("Tin, bài")
    assert rows["Xã Ea Kar"][news] == "1.250"
    assert rows["Tổng cộng"][news] == "1.260"
    assert rows["Hội Liên hiệp Phụ nữ tỉnh"][3] == "Chưa báo cáo"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_report_to_pdf(plan, reports, tmp_path):
    source = tmp_path / "bao-cao.docx"
    source.write_bytes(annual_docx.build(collect(plan, 2026), DAY))
    profile = tmp_path / "profile"
    completed = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        capture_output=True, timeout=180, check=False,
    )  # fmt: skip
    pdf = tmp_path / "bao-cao.pdf"
    assert completed.returncode == 0, completed.stderr
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")


def test_a_strategy_plan_gets_its_report_and_annex_too(daklak):
    from binhdang.documents import annex_xlsx
    from binhdang.reporting import services
    from tests.results.conftest import add_indicator, make_plan

    plan = make_plan(daklak.root, slug="nq28-daklak", program="strategy", focal=daklak.noi_vu)
    plan.title = "Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới"
    plan.save()
    add_indicator(plan, "1", None, 1, {"kind": "min", "value": 60, "unit": "%", "year": 2030})
    services.open_period(plan, 2026, None)
    document = Document(BytesIO(annual_docx.build(collect(plan, 2026), DAY)))
    lines = texts(document)
    assert lines[lines.index("BÁO CÁO") + 1] == (
        "Kết quả thực hiện Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới năm 2026"
    )
    assert [c.text for c in document.tables[-1].rows[0].cells] == [
        "STT",
        "Đơn vị",
        "Loại",
        "Tình trạng",
    ]
    assert annex_xlsx.build(collect(plan, 2026, with_narratives=False)).startswith(b"PK")


def test_the_report_is_vietnamese_even_while_english_is_active(plan, reports):
    with translation.override("en"):
        document = generate(plan)
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in document.tables[-1].rows[1:]}
    news = [c.text for c in document.tables[-1].rows[0].cells].index("Tin, bài")
    assert rows["Xã Ea Kar"][news] == "1.250"


def test_each_target_of_an_indicator_is_reported_with_its_status(daklak):
    plan = schooling_plan(daklak, "91")

    lines = texts(Document(BytesIO(annual_docx.build(collect(plan, 2026), DAY))))

    line = next(text for text in lines if "Chỉ tiêu 5.2." in text)
    assert "mức cần đạt 1 (≥ 99%): 99,5%, đã đạt" in line
    assert "mức cần đạt 2 (≥ 90%): 91%, đã đạt" in line


def test_every_annex_section_numbers_its_first_page(plan, reports):
    document = generate(plan)
    assert document.sections[0].different_first_page_header_footer  # page 1 has no number
    for section in document.sections[1:]:
        assert not section.different_first_page_header_footer
        assert "PAGE" in section.header._element.xml or section.header.is_linked_to_previous


def test_the_closing_sentence_is_kept_with_the_signature(plan, reports):
    document = generate(plan)
    closing = next(p for p in document.paragraphs if p.text.startswith("Trên đây là báo cáo"))
    assert closing.paragraph_format.keep_with_next
    assert closing._p.getnext().tag.endswith("}p") and closing._p.getnext().getnext().tag.endswith("}tbl")


def test_unit_annex_columns_hold_their_longest_number_and_headers_are_short(plan, reports):
    from binhdang.documents.annual_docx import PAD_MM, _ems

    document = generate(plan)
    annex = document.tables[-1]
    headers = [c.text for c in annex.rows[0].cells]
    assert "Cuộc TT" in headers and "KP ngân sách (đồng)" in headers
    budget = headers.index("KP ngân sách (đồng)")
    longest = max(row.cells[budget].text for row in annex.rows[1:])
    width_mm = annex.columns[budget].width.mm
    assert width_mm >= _ems(longest) * 9 * 0.3528 + PAD_MM - 0.01
    assert any("Ghi chú: TT: truyền thông" in p.text for p in document.paragraphs)
