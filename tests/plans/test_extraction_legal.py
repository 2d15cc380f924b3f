"""Legal bases cited in the preamble (binhdang.plans.extraction.legal)."""

from __future__ import annotations

from binhdang.plans.extraction.document import read_text
from binhdang.plans.extraction.legal import legal_bases


def bases(text: str) -> list[dict]:
    found = legal_bases(read_text(text).blocks)
    for item in found:
        assert item.pop("source") in text
    return found


def test_numbers_dates_and_issuers_are_read_in_order():
    assert bases(
        "Căn cứ Quyết định số 12/QĐ-UBND ngày 05 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh Lai Châu ban hành "
        "quy chế; Công văn 45/BVHTTDL-GĐ ngày 3/2/2026 của Bộ Văn hóa, Thể thao và Du lịch về hướng dẫn; "
        "Kế hoạch số 90-KH/TU ngày 15/5/2018 của Ban Thường vụ Tỉnh ủy."
    ) == [
        {"number": "12/QĐ-UBND", "date": "2026-01-05", "issuer": "Ủy ban nhân dân tỉnh Lai Châu"},
        {"number": "45/BVHTTDL-GĐ", "date": "2026-02-03", "issuer": "Bộ Văn hóa, Thể thao và Du lịch"},
        {"number": "90-KH/TU", "date": "2018-05-15", "issuer": "Ban Thường vụ Tỉnh ủy"},
    ]


def test_what_is_not_written_is_null_and_a_document_cited_twice_appears_once():
    assert bases(
        "Căn cứ Luật Bình đẳng giới số 73/2006/QH11; Nghị định số 09/2019/NĐ-CP của Chính phủ.\n\n"
        "Thực hiện Nghị định số 09/2019/NĐ-CP về chế độ báo cáo."
    ) == [
        {"number": "73/2006/QH11", "date": None, "issuer": None},
        {"number": "09/2019/NĐ-CP", "date": None, "issuer": "Chính phủ"},
    ]


def test_ratios_and_dates_are_not_document_numbers():
    assert bases("Giảm xuống dưới 42/100.000 trẻ trước ngày 30/11/2026.") == []
