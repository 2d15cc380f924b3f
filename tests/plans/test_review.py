"""The review page's helpers: values highlighted in an indicator's words, warnings placed by item."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile

from binhdang.plans.importing import import_plan
from binhdang.plans.review import highlight, place_warnings
from tests.plans import extractions


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("đạt khoảng 45% vào năm 2030", "đạt khoảng <mark>45%</mark> vào năm <mark>2030</mark>"),
        ("ở mức 104 - 107 bé trai/100 bé gái", "ở mức <mark>104 - 107</mark> bé trai/100 bé gái"),
        ("dưới 42/100.000 trẻ", "dưới <mark>42/100.000</mark> trẻ"),
        ("giảm 1,4 lần", "giảm <mark>1,4 lần</mark>"),
        ("ít nhất 04 tin, bài", "ít nhất <mark>04</mark> tin, bài"),
        ("<script>1</script>", "&lt;script&gt;<mark>1</mark>&lt;/script&gt;"),
        ("Mục tiêu 5.1 của Chiến lược.", "Mục tiêu 5.1 của Chiến lược."),  # a code, not a value
        ("đạt 90%.", "đạt <mark>90%</mark>."),
    ],
)
def test_numbers_percentages_ranges_and_years_are_marked_and_the_rest_escaped(text, html):
    assert str(highlight(text)) == html


@pytest.mark.django_db
def test_warnings_go_beside_the_indicator_or_header_they_name(daklak):
    plan = import_plan(extractions.communication(), daklak.root, ContentFile(b"kh", name="kh.txt"), None)
    plan.warnings = [
        "Chỉ tiêu 3 không có số liệu; được ghi nhận là cam kết có/không.",
        "Số kế hoạch để trống hoặc không có.",
        "Chỉ tiêu 9 không có số liệu.",  # no such indicator: shown at the top
        "Không đọc được phần tổ chức thực hiện.",
    ]

    placed = place_warnings(plan)

    assert placed == {
        "indicator:3": ["Chỉ tiêu 3 không có số liệu; được ghi nhận là cam kết có/không."],
        "header": ["Số kế hoạch để trống hoặc không có."],
        "general": ["Chỉ tiêu 9 không có số liệu.", "Không đọc được phần tổ chức thực hiện."],
    }
