"""Reading Markdown-like text plans into blocks (binhdang.plans.extraction.document)."""

from __future__ import annotations

from binhdang.plans.extraction.document import read_text, split_label

TEXT = """\
## I. MỤC ĐÍCH

II. MỤC TIÊU

1. Hằng năm, đạt 100% xã.

2.3. Tỷ lệ nữ đạt 30%.

a) Mục tiêu 1: Trong lĩnh vực chính trị

đ) Chủ động phối hợp

- Chỉ tiêu 1: Giảm tỷ trọng

+ Nhánh con

**2. Sở Tài chính:** Trên cơ sở dự toán.

##### **1. Sở Nội vụ**

Tăng cường nhận thức, bảo vệ quyền lợi của phụ nữ; chủ

động phối hợp với các ngành.

Thông tin trên không gian mạng về công nghệ thông

---

<sup>1</sup> Cụ thể như: Luật Bình đẳng giới.

tin, tuyên truyền.

| STT | Chỉ tiêu | 2026 | 2027 |
|---|---|---|---|
| 1 | Tỷ lệ nữ | 20% | 25% |
"""


def blocks():
    return read_text(TEXT).blocks


def test_labels_are_split_from_the_text():
    found = [(b.kind, b.label, b.body[:12]) for b in blocks()[:8]]
    assert found == [
        ("roman", "I", "MỤC ĐÍCH"),
        ("roman", "II", "MỤC TIÊU"),
        ("number", "1", "Hằng năm, đạ"),
        ("number", "2.3", "Tỷ lệ nữ đạt"),
        ("letter", "a", "Mục tiêu 1: "),
        ("letter", "đ", "Chủ động phố"),
        ("bullet", "-", "Chỉ tiêu 1: "),
        ("bullet", "+", "Nhánh con"),
    ]


def test_headings_and_bold_are_kept_and_a_bold_lead_is_an_inline_heading():
    found = blocks()
    assert found[0].heading == 2
    inline = next(b for b in found if b.body.startswith("Sở Tài chính"))
    assert inline.bold_prefix == "Sở Tài chính:"
    assert not inline.bold
    heading = next(b for b in found if b.body == "Sở Nội vụ")
    assert heading.bold and heading.heading == 5


def test_a_sentence_broken_over_paragraphs_is_joined():
    joined = next(b for b in blocks() if b.body.startswith("Tăng cường nhận thức"))
    assert joined.body.endswith("chủ động phối hợp với các ngành.")


def test_footnotes_are_taken_out_and_the_sentence_around_them_rejoined():
    document = read_text(TEXT)
    assert document.footnotes == ["Cụ thể như: Luật Bình đẳng giới."]
    joined = next(b for b in document.blocks if b.body.startswith("Thông tin trên"))
    assert joined.body.endswith("công nghệ thông tin, tuyên truyền.")


def test_markdown_tables_are_read_as_tables():
    document = read_text(TEXT)
    assert document.tables == [[["STT", "Chỉ tiêu", "2026", "2027"], ["1", "Tỷ lệ nữ", "20%", "25%"]]]
    assert document.blocks[-1].cell == (0, 1, 3)


def test_text_without_markdown_is_read_the_same_way():
    plain = read_text("I. MỤC TIÊU\n\n1. Đạt 90%.\n- Chỉ tiêu 1: Đạt 80%.\n- Chỉ tiêu 2: Đạt 70%.")
    assert [(b.kind, b.label) for b in plain.blocks] == [
        ("roman", "I"),
        ("number", "1"),
        ("bullet", "-"),
        ("bullet", "-"),
    ]


def test_numbers_at_the_start_of_a_sentence_are_not_labels():
    assert split_label("100% số nạn nhân")[0] is None
    assert split_label("30/11 hằng năm")[0] is None
    assert split_label("16.1. Trường Chính trị tỉnh")[:2] == ("16.1", "number")
    assert split_label("Vì sự tiến bộ")[0] is None


def test_bullets_typed_in_a_word_paragraph_are_bullets_not_text():
    from binhdang.plans.extraction.document import Line, build_blocks

    lines = [
        "- Chỉ tiêu 1: Đạt 90%.",
        "-Chỉ tiêu 2: Đạt 80%.",
        "+ Chi tiết.",
        "• Ý khác.",
        "– Gạch ngang dài.",
        "-5% so với năm trước.",
    ]
    blocks = build_blocks([Line(text=t) for t in lines])
    assert [(b.kind, b.label, b.body) for b in blocks] == [
        ("bullet", "-", "Chỉ tiêu 1: Đạt 90%."),
        ("bullet", "-", "Chỉ tiêu 2: Đạt 80%."),
        ("bullet", "+", "Chi tiết."),
        ("bullet", "-", "Ý khác."),
        ("bullet", "-", "Gạch ngang dài."),
        (None, None, "-5% so với năm trước."),
    ]
