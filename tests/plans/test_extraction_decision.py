"""A plan issued as the annex of a decision (binhdang.plans.extraction.decision)."""

from __future__ import annotations

from binhdang.plans.extraction import extract_text

DECISION = """ỦY BAN NHÂN DÂN
TỈNH ĐẮK LẮK

Số: {number}/QĐ-UBND

Đắk Lắk, ngày {date}

QUYẾT ĐỊNH

Về việc ban hành Kế hoạch thực hiện công tác bình đẳng giới năm 2026

ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK

Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện công tác bình đẳng giới năm 2026.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Điều 3. Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:

- Như Điều 3;

- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Trần Văn Bình

ỦY BAN NHÂN DÂN
TỈNH ĐẮK LẮK

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

KẾ HOẠCH

Thực hiện công tác bình đẳng giới năm 2026

({annex} Quyết định số 345/QĐ-UBND ngày 09/3/2026 của Ủy ban nhân dân tỉnh Đắk Lắk)

I. MỤC TIÊU

1. Hằng năm, 100% cơ quan tổ chức ít nhất 02 cuộc truyền thông.

II. NHIỆM VỤ

1. Sở Nội vụ chủ trì, phối hợp với Sở Y tế tổ chức tập huấn.

III. TỔ CHỨC THỰC HIỆN

1. Sở Nội vụ: theo dõi, báo cáo UBND tỉnh trước ngày 30/11 hằng năm.
"""


def test_a_plan_annexed_to_a_decision_is_read_with_the_decisions_number_date_and_signer():
    result = extract_text(
        DECISION.format(number="345", date="09 tháng 3 năm 2026", annex="Ban hành kèm theo")
    )
    assert (result["number"], result["date"]) == ("345/QĐ-UBND", "2026-03-09")
    assert result["signer"]["name"] == "Trần Văn Bình"
    assert result["issuer"] == "UBND tỉnh Đắk Lắk"
    assert result["title"] == "Thực hiện công tác bình đẳng giới năm 2026"
    assert [i["code"] for i in result["indicators"]] == ["1"]
    assert result["tasks"][0]["lead"] == "Sở Nội vụ"
    assert result["legal_bases"] == []


def test_a_blank_decision_number_and_date_are_taken_from_the_annex_line():
    result = extract_text(DECISION.format(number="", date="tháng năm 2026", annex="Kèm theo"))
    assert (result["number"], result["date"]) == ("345/QĐ-UBND", "2026-03-09")
    assert result["decision"]["source"].startswith("(Kèm theo Quyết định số 345/QĐ-UBND")


def test_a_plan_that_is_not_annexed_has_no_decision():
    text = DECISION.format(number="345", date="09 tháng 3 năm 2026", annex="Ban hành kèm theo")
    result = extract_text("Số: 12/KH-UBND\n\n" + text[text.index("KẾ HOẠCH\n") :])
    assert result["decision"] is None
    assert result["number"] == "12/KH-UBND"
