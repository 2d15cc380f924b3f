"""The readable summary of an extraction (binhdang.plans.extraction.summary)."""

from __future__ import annotations

import pytest
from django.utils import translation

from binhdang.plans.extraction.summary import describe_target

BASE = {"value": None, "min": None, "max": None, "unit": None, "year": None, "from_year": None}


@pytest.mark.parametrize(
    ("target", "text"),
    [
        ({"kind": "min", "value": 2, "unit": "cuộc", "annual": True}, "≥ 2 cuộc (hằng năm)"),
        (
            {"kind": "max", "value": 42, "unit": "/100.000 trẻ sinh sống", "strict": True, "year": 2030},
            "< 42/100.000 trẻ sinh sống (2030)",
        ),
        ({"kind": "max", "value": 1.4, "unit": "lần"}, "≤ 1,4 lần"),
        (
            {"kind": "range", "min": 104, "max": 107, "unit": "bé trai/100 bé gái"},
            "104–107 bé trai/100 bé gái",
        ),
        ({"kind": "min", "value": 45, "unit": "%", "approx": True}, "khoảng ≥ 45%"),
        ({"kind": "boolean", "from_year": 2026}, "có/không (từ năm 2026)"),
    ],
)
def test_targets_are_described_in_vietnamese(target, text):
    with translation.override("vi"):
        assert describe_target({**BASE, **target}) == text


def test_the_summary_names_level_and_programme_in_vietnamese():
    from binhdang.plans.extraction import extract_text
    from binhdang.plans.extraction.summary import summary

    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n\nKẾ HOẠCH\n\nThực hiện Chiến lược quốc gia về bình đẳng giới năm 2026\n\n"
        "I. MỤC TIÊU\n\n1. Đạt 90%.\n\nII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ: Chủ trì."
    )
    with translation.override("vi"):
        text = summary(plan)
    assert "UBND tỉnh Lai Châu (cấp tỉnh" in text
    assert "Chiến lược quốc gia về bình đẳng giới" in text.splitlines()[2]
    assert "Cảnh báo" in text
