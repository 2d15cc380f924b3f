"""The report entry form (reporting.entry): every field carries every property of its data element
(option set, bounds, type, unit, whether it is required), for every kind of reporting unit; POST data
back to values (money typed grouped by thousands)."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from binhdang.reporting import services
from binhdang.reporting.entry import build_sections, field_id, parse_post, ungroup
from binhdang.reporting.forms_catalog import TT1790, ValueType

UNIT_KINDS = ["commune_a", "health", "womens_union", "newspaper", "noi_vu"]


@pytest.fixture
def focal_period(plan, daklak, focal_officer):
    """The 2026 period of a plan whose focal agency is Sở Nội vụ (it also fills the awareness rate)."""
    plan.focal_agency = daklak.noi_vu
    plan.save()
    return services.open_period(plan, 2026, focal_officer)


def _tag(page: str, element_id: str) -> str:
    """The opening tag of the field with this id, and for a <select> its options."""
    match = re.search(rf'<(input|select|textarea)[^>]*\bid="{element_id}"[^>]*>', page)
    assert match, f"no field {element_id}"
    if match.group(1) == "select":
        return page[match.start() : page.index("</select>", match.start())]
    return match.group(0)


@pytest.mark.parametrize("kind", UNIT_KINDS)
def test_every_tt1790_field_of_every_unit_kind_carries_its_data_elements_properties(
    kind, focal_period, daklak, focal_officer
):
    unit = getattr(daklak, kind)
    page = Client()
    page.force_login(focal_officer)
    text = page.get(reverse("reporting:report", args=[focal_period.pk, unit.pk])).text
    elements = TT1790.elements_for(unit, daklak.noi_vu)
    assert elements, kind
    for element in TT1790.elements:
        for coc in element.category_options:
            if element not in elements:
                assert f'id="{field_id(element.code, coc)}"' not in text
                continue
            tag = _tag(text, field_id(element.code, coc))
            assert 'aria-required="true"' in tag, (element.code, coc)
            value_type = element.type_for(coc)
            if value_type == ValueType.OPTION:
                for code, label in element.options:
                    assert f'<option value="{code}"' in tag and str(label) in tag, (element.code, code)
            elif value_type == ValueType.BOOLEAN:
                assert '<option value="true"' in tag and '<option value="false"' in tag
            elif element.is_money:
                assert "data-money" in tag and 'inputmode="numeric"' in tag
            else:
                assert 'type="number"' in tag
                if element.minimum is not None:
                    assert f'min="{element.minimum:g}"' in tag or f'min="{element.minimum}"' in tag
                if element.maximum is not None:
                    assert f'max="{element.maximum:g}"' in tag or f'max="{element.maximum}"' in tag
                if element.unit:
                    assert f'data-unit="{element.unit}"' in tag


def test_the_media_agency_can_choose_the_level_of_the_gender_indicators_for_media(period, daklak):
    (block,) = [b for b in build_sections(TT1790, daklak.newspaper, None, {}) if b["section"].code == "media"]
    (field,) = block["rows"][0].inputs
    assert field.value_type == ValueType.OPTION
    assert [code for code, _label in field.options] == ["OFFICIAL", "PILOT", "NONE"]


def test_each_input_has_every_property_of_its_element(daklak):
    for block in build_sections(TT1790, daklak.commune_a, daklak.noi_vu, {}):
        for row in block["rows"]:
            for field in row.inputs:
                element = row.element
                assert field.options == element.options
                assert (field.minimum, field.maximum) == (element.minimum, element.maximum)
                assert field.unit == element.unit and field.value_type == element.type_for(field.coc)
                assert field.required == element.requires(field.coc)


def test_money_grouped_by_thousands_is_read_as_a_plain_amount():
    with translation.override("vi"):
        assert ungroup("1.234.567") == "1234567"
        assert ungroup("1.234.567,5") == "1234567.5"
        assert ungroup("12") == "12" and ungroup("abc") == "abc" and ungroup("1.23") == "1.23"
    with translation.override("en"):
        assert ungroup("1,234,567.5") == "1234567.5"
    with translation.override("vi"):
        values, _narrative = parse_post(
            {"v__TT_BUDGET_STATE": "15.000.000", "v__TT_SESSIONS": "1.000"}, TT1790.elements
        )
    # Only money is ungrouped: a count typed "1.000" stays as typed (and is refused by validation).
    assert values == {("TT_BUDGET_STATE", ""): "15000000", ("TT_SESSIONS", ""): "1.000"}
