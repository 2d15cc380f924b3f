"""Every validation rule of the TT1790 form: field errors, submit errors, soft warnings."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.utils import translation

from binhdang.reporting.forms_catalog import TT1790, strategy_element
from binhdang.reporting.validation import (
    InvalidValue,
    clean_values,
    normalize,
    soft_warnings,
    submit_errors,
)

from .conftest import COMMUNE_VALUES

COMMUNE = TT1790.elements_for(SimpleNamespace(type="commune", pk=1))
E = TT1790.element


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.mark.parametrize(
    "code",
    [
        "TT_SESSIONS",
        "TT_AM_ACTIVITIES",
        "TT_NEWS",
        "TT_TRAININGS",
        "TT_DIGITAL_MODELS",
        "TT_CONVENTIONS",
        "TT_CONVENTIONS_OK",
    ],
)
@pytest.mark.parametrize("raw", ["-1", "2.5", "abc", "1e3"])
def test_counts_must_be_whole_numbers_of_zero_or_more(code, raw):
    with pytest.raises(InvalidValue, match="phải là số nguyên không âm"):
        normalize(E(code), "", raw)


@pytest.mark.parametrize("code", ["TT_PARTICIPANTS", "TT_TRAINEES"])
def test_by_sex_counts_must_be_whole_numbers_of_zero_or_more(code):
    with pytest.raises(InvalidValue, match="phải là số nguyên không âm"):
        normalize(E(code), "FEMALE", "-5")
    assert normalize(E(code), "MALE", " 007 ") == "7"


def test_the_error_names_the_field():
    _clean, errors = clean_values(COMMUNE, {("TT_SESSIONS", ""): "-2"})
    assert [str(e) for e in errors] == ["Số cuộc truyền thông: phải là số nguyên không âm"]


@pytest.mark.parametrize(
    "code, coc",
    [("TT_SESSIONS", ""), ("TT_PARTICIPANTS", "FEMALE"), ("TT_BUDGET_STATE", ""), ("TT_AWARENESS", "")],
)
def test_a_number_of_5000_digits_is_refused_by_its_length_before_converting(code, coc):
    with pytest.raises(InvalidValue, match=r"vượt giới hạn"):
        normalize(E(code), coc, "9" * 5000)
    _clean, errors = clean_values(COMMUNE, {(code, coc): "9" * 5000})
    assert len(errors) == 1 and errors[0].code == code


@pytest.mark.parametrize("code", ["TT_BUDGET_STATE", "TT_BUDGET_OTHER"])
def test_budgets_are_whole_numbers_of_dong_of_zero_or_more(code):
    assert normalize(E(code), "", "1500000") == "1500000"
    assert normalize(E(code), "", "0") == "0"
    for raw in ("-1", "1500000.50", "1.500.000", "nhiều"):
        with pytest.raises(InvalidValue, match="phải là số nguyên không âm, tính bằng đồng"):
            normalize(E(code), "", raw)


def test_a_budget_at_the_limit_is_stored_exactly_and_one_dong_more_is_refused():
    assert normalize(E("TT_BUDGET_STATE"), "", "999999999999") == "999999999999"
    assert normalize(E("TT_BUDGET_STATE"), "", "1000000000000") == "1000000000000"
    for raw in ("1000000000001", "1" + "0" * 15):  # one đồng more; the 10^15 of the issue
        with pytest.raises(InvalidValue, match=r"vượt giới hạn 1\.000 tỷ đồng"):
            normalize(E("TT_BUDGET_STATE"), "", raw)


@pytest.mark.parametrize(
    ("code", "coc", "raw", "limit"),
    [
        ("TT_PARTICIPANTS", "FEMALE", "99999999999999999999999", "10.000.000 người"),
        ("TT_TRAINEES", "MALE", "10000001", "10.000.000 người"),
        ("TT_SESSIONS", "", "100001", "100.000 mà"),
        ("TT_NEWS", "", "9" * 5000, "100.000 mà"),
        ("TT_BUDGET_OTHER", "", "9" * 30, "1.000 tỷ đồng"),
        ("TT_BUDGET_STATE", "", "+" + "9" * 5000, "1.000 tỷ đồng"),
    ],
)
def test_a_figure_over_its_hard_limit_is_refused_with_the_limit_named(code, coc, raw, limit):
    _clean, errors = clean_values(COMMUNE, {(code, coc): raw})
    assert len(errors) == 1
    assert f"vượt giới hạn {limit}" in str(errors[0])
    assert str(errors[0]).startswith(E(code).message_label(coc) + ": ")


@pytest.mark.parametrize("raw", ["-" + "9" * 5000, "0." + "0" * 5000 + "1", "9" * 40 + ".5", "x" * 5000])
def test_a_very_long_typed_number_is_refused_cleanly(raw):
    for code in ("TT_SESSIONS", "TT_BUDGET_STATE", "TT_AWARENESS"):
        with pytest.raises(InvalidValue):
            normalize(E(code), "", raw)


def test_a_strategy_figure_has_a_hard_limit_too():
    element = strategy_element("NQ28.1.1", "Tỷ lệ nữ")
    assert normalize(element, "VALUE", "123456789.25") == "123456789.25"
    with pytest.raises(InvalidValue, match=r"vượt giới hạn 1\.000\.000\.000\.000\.000"):
        normalize(element, "NUMERATOR", "1" + "0" * 20)


@pytest.mark.parametrize(
    "raw,ok", [("0", True), ("100", True), ("72,5", True), ("100.1", False), ("-0.5", False), ("x", False)]
)
def test_awareness_is_a_percentage_between_0_and_100(raw, ok):
    if ok:
        assert normalize(E("TT_AWARENESS"), "", raw) in {"0", "100", "72.5"}
    else:
        with pytest.raises(InvalidValue, match="từ 0 đến 100"):
            normalize(E("TT_AWARENESS"), "", raw)


def test_booleans_are_true_or_false():
    assert normalize(E("TT_AM_PLAN"), "", "TRUE") == "true"
    with pytest.raises(InvalidValue):
        normalize(E("TT_AM_PLAN"), "", "có")


def test_the_media_indicator_level_is_one_of_its_codes():
    assert normalize(E("TT_GSIM_STATUS"), "", "pilot") == "PILOT"
    with pytest.raises(InvalidValue, match="OFFICIAL, PILOT, NONE"):
        normalize(E("TT_GSIM_STATUS"), "", "YES")


def test_an_empty_value_clears_and_an_unknown_code_or_category_is_an_error():
    clean, errors = clean_values(
        COMMUNE, {("TT_SESSIONS", ""): "  ", ("TT_FOO", ""): "1", ("TT_SESSIONS", "FEMALE"): "1"}
    )
    assert clean == {("TT_SESSIONS", ""): ""}
    assert len(errors) == 2
    assert "TT_FOO" in str(errors[0])


def test_conventions_without_discrimination_cannot_exceed_conventions():
    values = {**COMMUNE_VALUES, ("TT_CONVENTIONS", ""): "3", ("TT_CONVENTIONS_OK", ""): "4"}
    errors = submit_errors(COMMUNE, values)
    assert [e.code for e in errors] == ["TT_CONVENTIONS_OK"]
    assert "không được lớn hơn" in str(errors[0])
    assert not submit_errors(COMMUNE, {**values, ("TT_CONVENTIONS_OK", ""): "3"})


def test_a_complete_report_needs_every_value_of_the_unit():
    values = dict(COMMUNE_VALUES)
    del values[("TT_TRAINEES", "FEMALE")]
    errors = submit_errors(COMMUNE, values)
    assert [str(e) for e in errors] == ["Số lượt người được tập huấn (Nữ): chưa nhập"]


def test_ten_times_last_years_figure_is_a_warning_not_an_error():
    previous = {("TT_PARTICIPANTS", "FEMALE"): "18"}
    warnings = soft_warnings(COMMUNE, COMMUNE_VALUES, previous)
    assert [(w.code, w.coc) for w in warnings] == [("TT_PARTICIPANTS", "FEMALE")]
    assert not submit_errors(COMMUNE, COMMUNE_VALUES)
    assert not soft_warnings(COMMUNE, COMMUNE_VALUES, {("TT_PARTICIPANTS", "FEMALE"): "19"})


def test_a_tenth_of_last_years_figure_is_a_warning_too():
    warnings = soft_warnings(COMMUNE, COMMUNE_VALUES, {("TT_NEWS", ""): "120"})
    assert [w.code for w in warnings] == ["TT_NEWS"]


def test_participants_without_sessions_and_activities_without_plan_are_warnings():
    values = {**COMMUNE_VALUES, ("TT_SESSIONS", ""): "0", ("TT_AM_PLAN", ""): "false"}
    codes = [w.code for w in soft_warnings(COMMUNE, values)]
    assert codes == ["TT_PARTICIPANTS", "TT_AM_ACTIVITIES"]


def test_an_empty_results_narrative_is_a_warning():
    warnings = soft_warnings(COMMUNE, COMMUNE_VALUES, narrative={"results": " "})
    assert [w.message for w in warnings] == ["Phần kết quả đang để trống."]


def test_strategy_indicator_needs_a_value_or_a_ratio_and_warns_without_source():
    element = strategy_element("NQ28.4.1", "Tỷ số giới tính khi sinh")
    assert [e.code for e in submit_errors([element], {})] == ["NQ28.4.1"]
    assert not submit_errors([element], {("NQ28.4.1", "VALUE"): "106"})
    assert not submit_errors([element], {("NQ28.4.1", "NUMERATOR"): "53", ("NQ28.4.1", "DENOMINATOR"): "50"})
    errors = submit_errors([element], {("NQ28.4.1", "NUMERATOR"): "5", ("NQ28.4.1", "DENOMINATOR"): "0"})
    assert "mẫu số" in str(errors[0])
    assert [w.coc for w in soft_warnings([element], {("NQ28.4.1", "VALUE"): "106"})] == ["NOTE"]
