"""Targets read from an indicator's text (binhdang.plans.extraction.targets)."""

from __future__ import annotations

import pytest

from binhdang.plans.extraction.targets import parse_targets
from tests.plans.samples import TARGET_DEFAULTS


def targets(text: str, heading_year: int | None = None) -> list[dict]:
    """The targets without their source, and only the keys that differ from the defaults."""
    out = []
    for target in parse_targets(text, heading_year):
        assert target.pop("source") in text
        out.append({k: v for k, v in target.items() if k == "kind" or v != TARGET_DEFAULTS[k]})
    return out


CASES = [
    (
        "Mỗi năm, mỗi cơ quan tổ chức ít nhất 03 cuộc truyền thông.",
        [{"kind": "min", "value": 3, "unit": "cuộc", "annual": True}],
    ),
    ("Phấn đấu đạt 85% xã có mô hình.", [{"kind": "min", "value": 85, "unit": "%"}]),
    (
        "Tỷ lệ nữ đại biểu đạt khoảng 40% vào năm 2031.",
        [{"kind": "min", "value": 40, "unit": "%", "year": 2031, "approx": True}],
    ),
    (
        "Tỷ lệ tảo hôn dưới 3% vào năm 2029.",
        [{"kind": "max", "value": 3, "unit": "%", "year": 2029, "strict": True}],
    ),
    ("Tỷ lệ nữ lãnh đạo trên 35%.", [{"kind": "min", "value": 35, "unit": "%", "strict": True}]),
    ("Số vụ bạo lực không quá 5 vụ mỗi năm.", [{"kind": "max", "value": 5, "unit": "vụ", "annual": True}]),
    ("Tỷ lệ sinh con thứ ba tối đa 12%.", [{"kind": "max", "value": 12, "unit": "%"}]),
    (
        "Tỷ suất chết mẹ giảm xuống dưới 30/100.000 trẻ đẻ sống vào năm 2030.",
        [{"kind": "max", "value": 30, "unit": "/100.000 trẻ đẻ sống", "year": 2030, "strict": True}],
    ),
    (
        "Tỷ số giới tính khi sinh ở mức 105 - 108 bé trai/100 bé gái sinh ra sống vào năm 2030.",
        [{"kind": "range", "min": 105, "max": 108, "unit": "bé trai/100 bé gái", "year": 2030}],
    ),
    ("Tỷ lệ nữ từ 60% đến 70%.", [{"kind": "range", "min": 60, "max": 70, "unit": "%"}]),
    (
        "Phấn đấu đến năm 2030 nhận thức tăng từ 12 – 18% so với năm 2025.",
        [{"kind": "increase", "min": 12, "max": 18, "unit": "%", "year": 2030, "baseline_year": 2025}],
    ),
    (
        "Thu nhập của lao động nữ tăng 7% so với năm 2024.",
        [{"kind": "increase", "min": 7, "unit": "%", "baseline_year": 2024}],
    ),
    (
        "Số giờ làm việc nhà không được trả công của phụ nữ giảm còn 1,6 lần so với nam giới vào năm 2030.",
        [{"kind": "max", "value": 1.6, "unit": "lần", "year": 2030}],
    ),
    (
        "Đến năm 2027 đạt 60% và đến năm 2030 đạt 80% thôn có tổ truyền thông.",
        [
            {"kind": "min", "value": 60, "unit": "%", "year": 2027},
            {"kind": "min", "value": 80, "unit": "%", "year": 2030},
        ],
    ),
    (
        "Đạt 70% vào năm 2027; đạt 95% vào năm 2030.",
        [
            {"kind": "min", "value": 70, "unit": "%", "year": 2027},
            {"kind": "min", "value": 95, "unit": "%", "year": 2030},
        ],
    ),
    (
        "Từ năm 2027 trở đi 100% trường học có nội dung về giới.",
        [{"kind": "min", "value": 100, "unit": "%", "from_year": 2027}],
    ),
    ("Duy trì 100% xã có câu lạc bộ.", [{"kind": "min", "value": 100, "unit": "%", "annual": True}]),
    (
        "Hàng năm, có ít nhất 02 tin, bài về bình đẳng giới.",
        [{"kind": "min", "value": 2, "unit": "tin, bài", "annual": True}],
    ),
    (
        "Có ít nhất một nhà tạm lánh được duy trì.",
        [{"kind": "min", "value": 1, "unit": "nhà", "annual": True}],
    ),
    ("Mỗi xã tổ chức ít nhất 02 đợt ra quân.", [{"kind": "min", "value": 2, "unit": "đợt"}]),
    ("Trong 06 lĩnh vực, thực hiện kiểm tra định kỳ.", [{"kind": "boolean"}]),
    ("Có ít nhất hai cơ sở trợ giúp.", [{"kind": "min", "value": 2, "unit": "cơ sở"}]),
    ("Nạn nhân được tiếp cận ít nhất một trong các dịch vụ hỗ trợ.", [{"kind": "boolean"}]),
    ("Nội dung bình đẳng giới được đưa vào chương trình giảng dạy.", [{"kind": "boolean"}]),
    (
        "Đạt tỷ lệ 4,5 lượt người mỗi quý.",
        [{"kind": "min", "value": 4.5, "unit": "lượt người", "annual": True}],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_targets_are_read_from_the_wording(text, expected):
    assert targets(text) == expected


def test_the_heading_year_applies_when_the_text_names_none():
    assert targets("Đạt 90% xã có mô hình.", heading_year=2030) == [
        {"kind": "min", "value": 90, "unit": "%", "year": 2030}
    ]
    assert targets("Đạt 90% xã vào năm 2028.", heading_year=2030)[0]["year"] == 2028


def test_a_year_written_later_in_another_sentence_is_not_taken():
    first, second = targets("Đạt từ 50% trở lên. Tỷ lệ khác đạt 35% vào năm 2030.")
    assert "year" not in first
    assert second["year"] == 2030


def test_years_dates_and_references_are_not_targets():
    text = "Thực hiện chỉ tiêu 2 của mục tiêu 3 trong giai đoạn 2026 - 2030, báo cáo trước ngày 30/11."
    assert targets(text) == [{"kind": "boolean"}]


def test_decrease_words_make_a_maximum_but_a_director_does_not():
    assert targets("Tỷ lệ nữ giám đốc đạt ít nhất 30%.")[0]["kind"] == "min"
    assert targets("Giảm tỷ lệ hộ nghèo là nữ xuống 4%.")[0]["kind"] == "max"


def test_a_decrease_over_a_baseline_has_negative_bounds():
    assert targets("Tỷ lệ tảo hôn giảm 2 - 3% so với năm 2025.") == [
        {"kind": "increase", "min": -3, "max": -2, "unit": "%", "baseline_year": 2025}
    ]


def test_every_target_keeps_its_sentence_as_source():
    text = "Đạt từ 50% trở lên. Tỷ lệ nữ tiến sĩ đạt 35% vào năm 2030."
    assert [t["source"] for t in parse_targets(text)] == [
        "Đạt từ 50% trở lên.",
        "Tỷ lệ nữ tiến sĩ đạt 35% vào năm 2030.",
    ]
