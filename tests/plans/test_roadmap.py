"""The roadmap table: cells read the Vietnamese way, messages naming the cell, nothing saved on error."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile

from binhdang.plans.importing import import_plan
from binhdang.plans.models import Milestone
from binhdang.plans.roadmap import CellValue, RoadmapError, cell_name, cell_text, parse_cell
from binhdang.plans.services import save_roadmap
from tests.plans import extractions

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(daklak):
    return import_plan(
        extractions.strategy(), daklak.root, ContentFile(b"kh", name="kh.txt"), None, status="active"
    )


def test_a_cell_holds_a_number_or_a_range(plan):
    srb = plan.indicators.get(code="4.1")

    assert parse_cell(srb, 2027, "1,4") == CellValue(Decimal("1.4"), None, None)
    assert parse_cell(srb, 2027, "104 - 107") == CellValue(None, Decimal(104), Decimal(107))
    assert parse_cell(srb, 2027, "104–107,5") == CellValue(None, Decimal(104), Decimal("107.5"))
    assert parse_cell(srb, 2027, "  ") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", "Chỉ tiêu 4.1, năm 2027: “abc” không phải là số (hãy viết, ví dụ: 1,4 hoặc 90)."),
        ("108 - 104", "Chỉ tiêu 4.1, năm 2027: cận dưới lớn hơn cận trên."),
        ("-5", "Chỉ tiêu 4.1, năm 2027: giá trị không được âm."),
        (
            "1" + "0" * 12,
            "Chỉ tiêu 4.1, năm 2027: “1000000000000” không phải là số kế hoạch lưu được "
            "(tối đa 12 chữ số trước dấu phẩy).",
        ),
    ],
)
def test_a_bad_cell_is_named_in_the_message(plan, text, message):
    with pytest.raises(ValueError) as caught:
        parse_cell(plan.indicators.get(code="4.1"), 2027, text)

    assert str(caught.value) == message


def test_a_percentage_cannot_exceed_100(daklak):
    plan = import_plan(extractions.communication(), daklak.root, ContentFile(b"c", name="c.txt"), None)

    with pytest.raises(ValueError) as caught:
        parse_cell(plan.indicators.get(code="3"), 2028, "120")

    assert str(caught.value) == "Chỉ tiêu 3, năm 2028: tỷ lệ phần trăm không được vượt quá 100."


def test_saving_the_roadmap_creates_updates_and_deletes_milestones(plan, focal_officer):
    srb, mmr = plan.indicators.order_by("order")
    data = {cell_name(srb, 2027): "110", cell_name(srb, 2030): "105 - 107", cell_name(mmr, 2030): ""}

    changed = save_roadmap(plan, data, focal_officer)

    assert changed == 3
    assert [(m.year, m.value, m.min, m.max) for m in srb.milestones.all()] == [
        (2027, Decimal(110), None, None),
        (2030, None, Decimal(105), Decimal(107)),
    ]
    assert not mmr.milestones.exists()
    assert Milestone.history.filter(history_user=focal_officer).count() == 3


def test_an_unchanged_cell_is_not_rewritten(plan, focal_officer):
    srb = plan.indicators.get(code="4.1")
    milestone = srb.milestones.get(year=2030)

    assert save_roadmap(plan, {cell_name(srb, 2030): cell_text(milestone)}, focal_officer) == 0


def test_one_bad_cell_saves_nothing_and_every_bad_cell_is_reported(plan, focal_officer):
    srb, mmr = plan.indicators.order_by("order")
    data = {cell_name(srb, 2026): "111", cell_name(srb, 2027): "abc", cell_name(mmr, 2028): "-1"}

    with pytest.raises(RoadmapError) as caught:
        save_roadmap(plan, data, focal_officer)

    assert set(caught.value.errors) == {cell_name(srb, 2027), cell_name(mmr, 2028)}
    assert not srb.milestones.filter(year=2026).exists()


def test_only_the_focal_officer_of_the_province_saves_the_roadmap(plan, leader, outsider):
    srb = plan.indicators.get(code="4.1")
    for user in (leader, outsider):
        with pytest.raises(PermissionDenied):
            save_roadmap(plan, {cell_name(srb, 2027): "110"}, user)
    assert not srb.milestones.filter(year=2027).exists()


def test_cells_show_milestones_the_vietnamese_way(plan):
    srb = plan.indicators.get(code="4.1")

    assert cell_text(srb.milestones.get(year=2030)) == "104 - 107"
    assert cell_text(Milestone(value=Decimal("1.4"))) == "1,4"
    assert cell_text(None) == ""
