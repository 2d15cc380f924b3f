"""Text helpers of the extractor (binhdang.plans.extraction.text)."""

from __future__ import annotations

import unicodedata

from binhdang.plans.extraction.text import (
    clean_item,
    fold_chars,
    folded_find,
    has_keyword,
    is_upper_text,
    sentences,
    starts_with_keyword,
    strip_markup,
    tone_key,
)


def test_keywords_match_whatever_the_tone_placement_case_and_normal_form():
    assert has_keyword("Sở Văn hoá, Thể thao", "văn hóa")
    assert has_keyword("THỦY LỢI", "thuỷ lợi")
    assert has_keyword(unicodedata.normalize("NFD", "Mục tiêu cụ thể"), "mục tiêu")
    assert starts_with_keyword("MỤC TIÊU, CHỈ TIÊU", "mục tiêu")


def test_keywords_match_whole_words_only():
    assert not has_keyword("Sở Nội vụ", "nội v")
    assert not starts_with_keyword("Mục tiêuX", "mục tiêu")


def test_tone_key_keeps_tones_but_unifies_their_placement():
    assert tone_key("Thanh Hóa") == tone_key("Thanh Hoá")
    assert tone_key("thủy") == tone_key("thuỷ")
    assert tone_key("giảm") != tone_key("giám")


def test_folding_by_character_keeps_positions():
    text = "Phần đầu đến năm 2030"
    assert len(fold_chars(text)) == len(text)
    position = folded_find(text, "den nam")
    assert text[position : position + 7] == "đến năm"


def test_markup_of_a_converted_word_file_is_removed():
    assert strip_markup("**2. Sở Tài chính:** Trên cơ sở<sup>1</sup>") == "2. Sở Tài chính: Trên cơ sở"
    assert strip_markup("NV<sub>(LN\\_5b)</sub>") == "NV(LN_5b)"


def test_item_text_loses_its_final_stop_but_keeps_an_ellipsis():
    assert clean_item("Hằng năm,  đạt 100%.") == "Hằng năm, đạt 100%"
    assert clean_item("Chủ trì:") == "Chủ trì"
    assert clean_item("áp phích, băng rôn,...") == "áp phích, băng rôn,..."


def test_sentences_split_at_full_stops_before_a_capital_but_not_after_a_label_or_abbreviation():
    assert sentences("Đạt 50%. Tỷ lệ khác đạt 35%.") == ["Đạt 50%.", "Tỷ lệ khác đạt 35%."]
    assert sentences("3. Ủy ban nhân dân xã: báo cáo.") == ["3. Ủy ban nhân dân xã: báo cáo."]
    assert sentences("KT. CHỦ TỊCH ký") == ["KT. CHỦ TỊCH ký"]
    assert sentences("giảm xuống dưới 42/100.000 trẻ. Tiếp theo") == [
        "giảm xuống dưới 42/100.000 trẻ.",
        "Tiếp theo",
    ]


def test_upper_case_headings_are_recognised():
    assert is_upper_text("TỔ CHỨC THỰC HIỆN")
    assert not is_upper_text("Tổ chức thực hiện")
