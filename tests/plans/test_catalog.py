"""Binding a plan's own indicator to the shipped catalog, by phrases (domain §3, §6, §7)."""

from __future__ import annotations

import importlib

import pytest

from binhdang.plans.catalog import bind_indicator, ensure_catalog, match_key
from binhdang.plans.catalog_data import CATALOG
from binhdang.plans.models import CatalogIndicator


@pytest.mark.parametrize(
    ("text", "program", "code"),
    [
        # Programme 1790 targets, phrased several ways (domain §3, §6).
        (
            "Hằng năm, người dân được truyền thông, phổ biến pháp luật về bình đẳng giới ít nhất 02 cuộc",
            "communication",
            "1790.1",
        ),
        (
            "Moi co quan to chuc it nhat 2 buoi truyen thong ve binh dang gioi moi nam",
            "communication",
            "1790.1",
        ),
        (
            "100% đơn vị xây dựng kế hoạch hưởng ứng Tháng hành động vì bình đẳng giới hằng năm",
            "communication",
            "1790.2",
        ),
        ("100% don vi trien khai thang hanh dong vi binh dang gioi", "communication", "1790.2"),
        (
            "Nâng cao nhận thức về bình đẳng giới của cộng đồng thêm 10-15% so với năm 2025",
            "communication",
            "1790.3",
        ),
        (
            "90% cơ quan báo chí chính thức áp dụng Bộ chỉ số về giới trong truyền thông",
            "communication",
            "1790.4",
        ),
        ("90% co quan truyen thong ap dung bo chi so ve gioi", "communication", "1790.4"),
        ("100% hương ước, quy ước không có nội dung phân biệt đối xử về giới", "communication", "1790.5"),
        (
            "Quy uoc, huong uoc cua thon, buon duoc thong qua deu khong phan biet doi xu",
            "communication",
            "1790.5",
        ),
        # Strategy indicators (domain §7).
        ("Tỷ số giới tính khi sinh ở mức 104 - 107 bé trai/100 bé gái", "strategy", "NQ28.4.1"),
        ("Tỉ số giới tính khi sinh không vượt quá 109", "strategy", "NQ28.4.1"),
        ("ty so gioi tinh khi sinh duoi 110", "strategy", "NQ28.4.1"),
        ("Tỷ lệ tử vong mẹ giảm xuống dưới 42/100.000 trẻ đẻ sống", "strategy", "NQ28.4.2"),
        ("75% cơ quan, chính quyền địa phương có lãnh đạo chủ chốt là nữ", "strategy", "NQ28.1.1"),
        ("Ty le lao dong nu lam cong huong luong dat 60%", "strategy", "NQ28.2.1"),
        ("Tỷ trọng lao động nữ trong khu vực nông nghiệp dưới 25%", "strategy", "NQ28.2.2"),
        ("Tỷ lệ nữ giám đốc, chủ doanh nghiệp đạt 30%", "strategy", "NQ28.2.3"),
        ("Phụ nữ làm công việc nội trợ không được trả công gấp 1,4 lần nam giới", "strategy", "NQ28.3.1"),
        ("Tỷ suất sinh ở vị thành niên dưới 18 ca sinh/1.000 phụ nữ", "strategy", "NQ28.4.3"),
        ("Tỷ lệ nữ thạc sĩ đạt 50%, nữ tiến sĩ đạt 35%", "strategy", "NQ28.5.4"),
        ("Tỷ lệ nữ học viên tuyển mới trong giáo dục nghề nghiệp đạt 40%", "strategy", "NQ28.5.3"),
        (
            "100% xã, phường có ít nhất 04 tin, bài mỗi quý trên hệ thống thông tin cơ sở",
            "strategy",
            "NQ28.6.3",
        ),
    ],
)
def test_indicator_texts_bind_to_their_catalog_entry(text, program, code):
    bound, confidence, reason = bind_indicator(text, program)

    assert bound == code
    assert 0.5 <= confidence <= 1.0
    assert reason.startswith("khớp cụm từ '")


def test_the_reason_quotes_the_matched_phrases():
    code, confidence, reason = bind_indicator("Tỷ số giới tính khi sinh ở mức 104 - 107", "strategy")

    assert code == "NQ28.4.1"
    assert confidence == 0.9
    assert reason == "khớp cụm từ 'tỷ số giới tính khi sinh'"


def test_supporting_phrases_raise_the_confidence_to_full():
    _code, weak, _reason = bind_indicator("Tỷ số giới tính khi sinh ở mức 104 - 107", "strategy")
    _code, strong, reason = bind_indicator(
        "Tỷ số giới tính khi sinh 104 - 107 bé trai/100 bé gái sinh ra sống", "strategy"
    )

    assert weak < strong == 1.0
    assert "'sinh ra sống'" in reason


def test_diacritics_and_tone_mark_placement_do_not_change_the_binding():
    with_marks = bind_indicator(
        "Đến năm 2030 đạt 100% cơ sở trợ giúp xã hội công lập triển khai hoạt động", "strategy"
    )
    old_placement = bind_indicator(
        "Đến năm 2030 đạt 100% cơ sở trợ giúp xã hội công lập triển khai hoạt đông", "strategy"
    )
    without = bind_indicator(
        "den nam 2030 dat 100% co so tro giup xa hoi cong lap trien khai hoat dong", "strategy"
    )

    assert with_marks[0] == old_placement[0] == without[0] == "NQ28.3.5"
    assert with_marks[1] == without[1]


def test_hoa_and_hoa_with_the_tone_on_either_vowel_compare_equal():
    assert match_key("tái hoà nhập") == match_key("tái hòa nhập") == match_key("TAI HOA NHAP")


def test_the_programme_limits_the_candidates():
    code, _confidence, _reason = bind_indicator("Tỷ số giới tính khi sinh 104 - 107", "communication")

    assert code is None


def test_a_text_about_nothing_in_the_catalog_is_left_for_direct_entry():
    code, confidence, reason = bind_indicator(
        "Xây dựng 05 mô hình sinh kế cho phụ nữ vùng biên giới", "strategy"
    )

    assert (code, confidence) == (None, 0.0)
    assert "nhập trực tiếp" in reason or "không khớp" in reason


def test_an_indicator_merging_two_catalog_entries_is_bound_with_low_confidence_and_says_so():
    text = (
        "90% người bị bạo lực gia đình được tiếp cận ít nhất một trong các dịch vụ hỗ trợ cơ bản; 70% người gây "
        "bạo lực gia đình được tư vấn, tham vấn"
    )

    code, confidence, reason = bind_indicator(text, "strategy")

    assert code == "NQ28.3.2"
    assert confidence < 0.75
    assert "NQ28.3.3" in reason


def test_binding_is_deterministic():
    text = "Nâng cao nhận thức về bình đẳng giới tăng 10 - 15%"

    assert len({bind_indicator(text, "communication") for _ in range(5)}) == 1


def test_an_other_programme_searches_the_whole_catalog():
    assert bind_indicator("Tỷ lệ tử vong bà mẹ liên quan đến thai sản", "other")[0] == "NQ28.4.2"
    assert bind_indicator("Các hương ước, quy ước không phân biệt đối xử về giới", "other")[0] == "1790.5"


@pytest.fixture
def catalog(db):
    ensure_catalog()


@pytest.mark.django_db
def test_the_catalog_is_shipped_by_a_data_migration():
    from django.apps import apps

    migration = importlib.import_module("binhdang.plans.migrations.0002_catalog")
    CatalogIndicator.objects.all().delete()

    migration.load_catalog(apps, None)

    codes = list(CatalogIndicator.objects.values_list("code", flat=True))
    assert codes[:5] == ["1790.1", "1790.2", "1790.3", "1790.4", "1790.5"]
    assert len([c for c in codes if c.startswith("NQ28.")]) == 21
    assert {c.split(".")[1] for c in codes if c.startswith("NQ28.")} == {"1", "2", "3", "4", "5", "6"}
    assert len(codes) == len(CATALOG)


@pytest.mark.django_db
def test_missing_catalog_rows_are_restored_before_use():
    CatalogIndicator.objects.filter(code="NQ28.4.1").delete()

    ensure_catalog()

    assert CatalogIndicator.objects.filter(code="NQ28.4.1", is_active=True).exists()


def test_programme_1790_indicators_are_computed_from_form_tt1790_and_say_how(catalog):
    entry = CatalogIndicator.objects.get(code="1790.5")

    assert entry.is_computed
    assert entry.form_code == "TT1790"
    assert "TT_CONVENTIONS_OK" in entry.computation
    assert not CatalogIndicator.objects.get(code="NQ28.4.1").is_computed


def test_strategy_indicators_have_a_vietnamese_name_unit_and_direction(catalog):
    srb = CatalogIndicator.objects.get(code="NQ28.4.1")
    mmr = CatalogIndicator.objects.get(code="NQ28.4.2")

    assert srb.name == "Tỷ số giới tính khi sinh"
    assert (srb.unit, srb.direction) == ("bé trai/100 bé gái", "range")
    assert mmr.direction == "decrease"
