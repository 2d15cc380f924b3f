"""Grouping near-duplicate Vietnamese sentences (issue 16)."""

from __future__ import annotations

import unicodedata

from binhdang.documents.grouping import bigrams, group, normalise, similarity, syllables


def test_normalise_folds_case_punctuation_spaces_and_unicode_forms():
    decomposed = unicodedata.normalize("NFD", "Kinh phí, còn  HẠN chế!")
    assert normalise(decomposed) == "kinh phí còn hạn chế"
    assert normalise(" - Đề nghị: (tỉnh) hỗ trợ.") == "đề nghị tỉnh hỗ trợ"


def test_syllables_and_bigrams_of_a_sentence():
    assert syllables("Tài liệu song ngữ.") == ["tài", "liệu", "song", "ngữ"]
    assert bigrams("Tài liệu song") == {("tài", "liệu"), ("liệu", "song")}
    assert bigrams("Khó") == {("khó",)}
    assert bigrams("...") == frozenset()


def test_similarity_is_one_for_the_same_words_and_low_for_different_topics():
    assert similarity("Kinh phí còn hạn chế", "kinh phí còn hạn chế.") == 1.0
    assert similarity("Đề nghị bố trí thêm kinh phí", "Đề nghị tỉnh bố trí thêm kinh phí") >= 0.5
    assert similarity("Kinh phí còn hạn chế", "Địa bàn rộng, dân cư phân tán") == 0.0
    assert similarity("", "Kinh phí") == 0.0


def test_group_merges_near_duplicates_and_orders_by_distinct_raisers():
    items = [
        ("Địa bàn rộng, dân cư phân tán", "Xã A"),
        ("Kinh phí bố trí cho công tác truyền thông còn hạn chế", "Xã A"),
        ("Kinh phí bố trí cho công tác truyền thông còn hạn chế.", "Xã B"),
        ("Kinh phí bố trí cho công tác truyền thông còn rất hạn chế", "Xã C"),
        ("kinh phí bố trí cho công tác truyền thông còn hạn chế", "Xã C"),  # same raiser twice
        ("", "Xã D"),
    ]
    groups = group(items)
    assert [len(g.raisers) for g in groups] == [3, 1]
    first = groups[0]
    assert first.raisers == ["Xã A", "Xã B", "Xã C"]
    assert first.text == "Kinh phí bố trí cho công tác truyền thông còn hạn chế"
    assert "Kinh phí bố trí cho công tác truyền thông còn rất hạn chế" in first.variants
    assert groups[1].text == "Địa bàn rộng, dân cư phân tán"


def test_group_keeps_different_topics_apart_at_a_strict_threshold():
    items = [("Đề nghị bố trí thêm kinh phí", "A"), ("Đề nghị tỉnh bố trí thêm kinh phí", "B")]
    assert len(group(items, threshold=0.5)) == 1
    assert len(group(items, threshold=0.95)) == 2
