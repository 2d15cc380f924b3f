"""The ministry's national report (issue 18): its content (national figures, sendings, the provinces'
difficulties and proposals grouped), the DOCX in the Nghị định 30 layout issued by Bộ Nội vụ (checked
in the PDF LibreOffice prints), the XLSX, and ``binhdang report --national``.

Đắk Lắk: the documents' reports (commune A on time with 5 sessions, Sở Y tế late with 1, the newspaper),
sent to the ministry on 04/12 with its difficulties. Lai Châu: one commune with no session, its report
not sent (overdue once the 05/12 deadline is over).
"""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from binhdang.documents import national, national_docx, national_report, services
from binhdang.ministry import services as ministry
from binhdang.reporting import services as reporting
from tests.ministry.conftest import signed_pdf
from tests.results.conftest import file_report, make_plan, seed_000_indicators

DAY = dt.date(2026, 12, 10)


@pytest.fixture
def provinces(plan, reports, laichau, focal_officer, ministry_viewer):
    other = make_plan(laichau.root, slug="kh-1790-laichau", focal=laichau.noi_vu)
    seed_000_indicators(other)
    file_report(reporting.open_period(other, 2026, None), laichau.commune_a, {"TT_SESSIONS": 0})
    ministry.send_report(
        plan,
        2026,
        focal_officer,
        signed_pdf(),
        difficulties="Kinh phí bố trí cho công tác bình đẳng giới còn hạn chế.\nThiếu cán bộ chuyên trách.",
        proposals="Đề nghị Bộ Nội vụ tổ chức tập huấn cho cán bộ cấp xã.",
    )
    return plan, other


def _text(data: bytes) -> str:
    document = Document(BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(texts)


def test_the_content_tells_which_provinces_sent_and_groups_their_difficulties(provinces, daklak, laichau):
    content = national.collect(2026)
    daklak_sending = content.sending("communication", daklak.root.pk)
    assert daklak_sending.state == "sent" and daklak_sending.sent_day == dt.date(2026, 12, 4)
    assert not daklak_sending.late
    assert content.sending("communication", laichau.root.pk).state == "not_sent"
    assert [(g.text, g.units) for g in content.difficulties] == [
        ("Kinh phí bố trí cho công tác bình đẳng giới còn hạn chế", ["Tỉnh Đắk Lắk"]),
        ("Thiếu cán bộ chuyên trách", ["Tỉnh Đắk Lắk"]),
    ]
    assert content.proposals[0].units == ["Tỉnh Đắk Lắk"]


def test_the_same_difficulty_in_two_provinces_is_one_item_naming_both(provinces, laichau, outsider):
    _daklak_plan, laichau_plan = provinces
    ministry.send_report(
        laichau_plan,
        2026,
        outsider,
        signed_pdf(),
        difficulties="Kinh phí bố trí cho công tác bình đẳng giới còn rất hạn chế.",
    )
    grouped = national.collect(2026).difficulties
    assert sorted(grouped[0].units) == ["Tỉnh Lai Châu", "Tỉnh Đắk Lắk"]
    assert len(grouped) == 2  # and "Thiếu cán bộ chuyên trách" of Đắk Lắk


def test_the_docx_is_issued_by_the_ministry_with_national_figures_and_the_provinces_annex(provinces):
    text = _text(national_report.national_report(2026, day=DAY).content)
    for expected in (
        "BỘ NỘI VỤ",
        "Số:        /BC-BNV",
        "Hà Nội, ngày 10 tháng 12 năm 2026",
        "I. TÌNH HÌNH BÁO CÁO CỦA CÁC TỈNH, THÀNH PHỐ",
        "1 tỉnh đã gửi báo cáo về Bộ Nội vụ",
        "Có 1 tỉnh chưa gửi báo cáo: Tỉnh Lai Châu.",  # 04/12: the deadline day (05/12) is not over
        "II. KẾT QUẢ CÁC CHỈ TIÊU TOÀN QUỐC",
        "không phải bình quân tỷ lệ của các tỉnh",
        "Kinh phí bố trí cho công tác bình đẳng giới còn hạn chế (Tỉnh Đắk Lắk).",
        "Đề nghị Bộ Nội vụ tổ chức tập huấn cho cán bộ cấp xã (Tỉnh Đắk Lắk).",
        "KT. BỘ TRƯỞNG",
        "Phụ lục I",
        "KẾT QUẢ CÁC CHỈ TIÊU THEO TỈNH, THÀNH PHỐ NĂM 2026",
    ):
        assert expected in text, expected
    # 1790.1: Đắk Lắk 2 of 6 units held two sessions, Lai Châu 0 of 6: 2 / 12 nationally
    assert "Toàn quốc đạt 16,67% (tính từ số liệu của các đơn vị: 2/12" in text
    assert "Chưa gửi" in text and "Đã gửi" in text and "quá hạn" not in text


def test_the_units_narratives_never_reach_the_national_report(provinces):
    text = _text(national_report.national_report(2026, day=DAY).content)
    assert "Kinh phí còn hạn chế" not in text  # what commune A and Sở Y tế wrote to their province
    assert "Nguyễn Văn A" not in text


@pytest.mark.skipif(not services.pdf_available(), reason="LibreOffice (soffice) is not installed")
def test_libreoffice_prints_the_report_with_its_pages_numbered_and_the_signature_with_the_closing(provinces):
    pdf = services.docx_to_pdf(national_report.national_report(2026, day=DAY).content)
    pages = [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pages[0] and "BÁO CÁO" in pages[0]
    signature = next(text for text in pages if "Nơi nhận" in text)
    assert "Trên đây là báo cáo" in signature and "THỨ TRƯỞNG" in signature
    for number, text in enumerate(pages[1:], start=2):
        assert text.strip().startswith(str(number)), (number, text[:40])
    xlsx = services.docx_to_pdf(national_report.national_annex(2026).content, suffix=".xlsx")
    assert "KẾT QUẢ CÁC CHỈ TIÊU TOÀN QUỐC" in " ".join(
        p.extract_text() for p in PdfReader(BytesIO(xlsx)).pages
    )


def test_the_xlsx_keeps_numbers_as_numbers_and_lists_every_province(provinces):
    workbook = load_workbook(BytesIO(national_report.national_annex(2026).content))
    assert workbook.sheetnames == ["Toàn quốc", "Theo tỉnh", "Gửi báo cáo"]
    summary = {row[0]: row for row in workbook["Toàn quốc"].iter_rows(min_row=4, values_only=True)}
    assert summary["1790.1"][3] == pytest.approx(16.67) and summary["1790.1"][4:6] == (2, 12)
    provinces_rows = list(workbook["Theo tỉnh"].iter_rows(min_row=4, values_only=True))
    assert {(row[0], row[4]) for row in provinces_rows if row[0] == "1790.1"} == {
        ("1790.1", "Tỉnh Đắk Lắk"),
        ("1790.1", "Tỉnh Lai Châu"),
    }


def test_the_command_writes_the_docx_and_the_xlsx(provinces, tmp_path):
    call_command("report", "--national", "--year", "2026", "--out", str(tmp_path / "bc.docx"))
    assert "BỘ NỘI VỤ" in _text((tmp_path / "bc.docx").read_bytes())
    call_command(
        "report", "--national", "--year", "2026", "--format", "xlsx", "--out", str(tmp_path / "bc.xlsx")
    )
    assert load_workbook(tmp_path / "bc.xlsx").sheetnames[0] == "Toàn quốc"


def test_the_command_refuses_a_year_outside_the_plans_and_a_plan_with_national(db, tmp_path):
    with pytest.raises(CommandError, match="Năm 2024 nằm ngoài giai đoạn 2026-2030"):
        call_command("report", "--national", "--year", "2024", "--out", str(tmp_path / "x.docx"))
    with pytest.raises(CommandError, match="--national không đi cùng --plan"):
        call_command(
            "report", "--national", "--plan", "1", "--year", "2026", "--out", str(tmp_path / "x.docx")
        )
    with pytest.raises(CommandError, match="Cần --plan"):
        call_command("report", "--year", "2026", "--out", str(tmp_path / "x.docx"))
    assert not (tmp_path / "x.docx").exists()


def test_with_no_plan_in_force_the_report_says_so(db):
    text = _text(national_docx.build(national.collect(2026), DAY))
    assert "Năm 2026 chưa tỉnh nào có kế hoạch đang có hiệu lực." in text


def test_after_the_deadline_a_province_not_sent_is_overdue_in_the_body_and_the_annex(
    provinces, ministry_viewer
):
    ministry.set_deadline(2026, dt.date(2026, 12, 3), ministry_viewer)  # the suite's day is 04/12
    text = _text(national_report.national_report(2026, day=DAY).content)
    assert "Có 1 tỉnh chưa gửi báo cáo: Tỉnh Lai Châu; trong đó 1 tỉnh đã quá hạn." in text
    assert "0 tỉnh gửi đúng hạn, 1 tỉnh gửi trễ hạn (Tỉnh Đắk Lắk)." in text  # sent on 04/12
    assert "Chưa gửi (quá hạn)" in text and "Đã gửi (trễ hạn)" in text
