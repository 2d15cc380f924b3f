"""Form TT1790 as in domain §6 (a contract: codes, types, who fills what)."""

from __future__ import annotations

from types import SimpleNamespace

from django.utils import translation

from binhdang.reporting.forms_catalog import TT1790, ValueType, get_form

DOMAIN_CODES = [
    "TT_SESSIONS",
    "TT_PARTICIPANTS",
    "TT_AM_PLAN",
    "TT_AM_ACTIVITIES",
    "TT_NEWS",
    "TT_TRAININGS",
    "TT_TRAINEES",
    "TT_DIGITAL_MODELS",
    "TT_CONVENTIONS",
    "TT_CONVENTIONS_OK",
    "TT_GSIM_STATUS",
    "TT_BUDGET_STATE",
    "TT_BUDGET_OTHER",
    "TT_AWARENESS",
]


def unit(type_, pk=1):
    return SimpleNamespace(type=type_, pk=pk)


def test_form_tt1790_has_exactly_the_domain_codes():
    assert get_form("TT1790") is TT1790
    assert sorted(e.code for e in TT1790.elements) == sorted(DOMAIN_CODES)


def test_types_and_disaggregation_follow_the_contract():
    types = {e.code: e.value_type for e in TT1790.elements}
    assert types["TT_AM_PLAN"] == ValueType.BOOLEAN
    assert types["TT_GSIM_STATUS"] == ValueType.OPTION
    assert types["TT_AWARENESS"] == ValueType.PERCENT
    assert types["TT_BUDGET_STATE"] == types["TT_BUDGET_OTHER"] == ValueType.INTEGER  # whole đồng
    assert types["TT_SESSIONS"] == ValueType.INTEGER
    assert TT1790.element("TT_PARTICIPANTS").category_options == ("MALE", "FEMALE")
    assert TT1790.element("TT_TRAINEES").category_options == ("MALE", "FEMALE")
    assert TT1790.element("TT_GSIM_STATUS").option_codes() == ("OFFICIAL", "PILOT", "NONE")


def test_communes_fill_conventions_and_digital_models_but_not_the_media_level():
    codes = {e.code for e in TT1790.elements_for(unit("commune"))}
    assert {"TT_CONVENTIONS", "TT_CONVENTIONS_OK", "TT_DIGITAL_MODELS", "TT_SESSIONS"} <= codes
    assert "TT_GSIM_STATUS" not in codes
    assert "TT_AWARENESS" not in codes


def test_media_fill_the_gender_indicator_level_and_not_the_conventions():
    codes = {e.code for e in TT1790.elements_for(unit("media"))}
    assert "TT_GSIM_STATUS" in codes
    assert "TT_CONVENTIONS" not in codes


def test_only_the_focal_agency_unit_fills_the_awareness_survey():
    focal = unit("department", pk=7)
    assert "TT_AWARENESS" in {e.code for e in TT1790.elements_for(focal, focal)}
    assert "TT_AWARENESS" not in {e.code for e in TT1790.elements_for(unit("department", pk=8), focal)}


def test_labels_are_vietnamese():
    with translation.override("vi"):
        assert str(TT1790.element("TT_SESSIONS").label).startswith("Số cuộc truyền thông")
        assert TT1790.element("TT_PARTICIPANTS").message_label("FEMALE") == "Số lượt người tham dự (Nữ)"
