"""Strategy plans (NQ 28): a form per responsible agency holding its indicators, each with a value or a
numerator and denominator and a source note."""

from __future__ import annotations

import json

import pytest
from django.utils import translation

from binhdang.core.exports import Scope
from binhdang.plans.models import Goal, Indicator
from binhdang.reporting import services
from binhdang.reporting.datavalue_export import export_data_value_sets
from binhdang.reporting.datavaluesets import DataValueSetError, import_data_value_sets
from binhdang.reporting.errors import ReportValidationError
from binhdang.reporting.excel.template import build_template
from binhdang.reporting.exporters import DataValueSets
from binhdang.reporting.forms_catalog import form_for_period
from binhdang.reporting.models import State
from tests.spreadsheets import HOSTILE, assert_no_hostile_formula, cells_holding
from tests.strategy_plans import add_health_goal, add_sex_ratio_at_birth

from .conftest import make_plan


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.fixture
def strategy_period(daklak, focal_officer):
    plan = make_plan(daklak.root, program="strategy", slug="kh-nq28-daklak", deadline=(12, 10))
    health_goal = add_health_goal(plan)
    politics = Goal.objects.create(plan=plan, code="1", title="Trong lĩnh vực chính trị", order=1)
    srb = add_sex_ratio_at_birth(plan, daklak.health, order=2, goal=health_goal)
    leaders = Indicator.objects.create(
        plan=plan,
        goal=politics,
        code="1.1",
        order=1,
        unit="%",
        text="Tỷ lệ cơ quan có lãnh đạo chủ chốt là nữ đạt 75%",
    )
    leaders.responsible.add(daklak.noi_vu)
    return services.open_period(plan, 2026, focal_officer), srb, leaders


def test_each_responsible_agency_gets_its_own_indicators(strategy_period, daklak):
    period, _srb, leaders = strategy_period
    assert period.form_code == "NQ28" and period.deadline.isoformat() == "2026-12-10"
    # the plan's section asks departments and communes to report; media and mass organisations not
    assert set(period.expected_reporters.values_list("unit__code", flat=True)) == {
        "66-D06",
        "66-D02",
        "66-C001",
        "66-C002",
    }
    form = form_for_period(period)
    assert [e.code for e in form.elements_for(daklak.health)] == ["NQ28.4.1"]
    assert [e.code for e in form.elements_for(daklak.noi_vu)] == [f"IND{leaders.pk}"]
    element = form.element("NQ28.4.1")
    assert element.category_options == ("VALUE", "NUMERATOR", "DENOMINATOR", "NOTE")
    assert element.label.startswith("4.1. Tỷ số giới tính khi sinh")


def test_an_agency_reports_a_value_or_a_ratio_with_its_source(strategy_period, daklak, department_reporter):
    period, _srb, _leaders = strategy_period
    report = services.get_or_create_submission(period, daklak.health, department_reporter)
    result = services.save_draft(
        report,
        {("NQ28.4.1", "NUMERATOR"): "1063", ("NQ28.4.1", "DENOMINATOR"): "1000"},
        None,
        department_reporter,
        expected_version=1,
    )
    assert [w.coc for w in result.warnings] == ["NOTE"]
    services.save_draft(
        report,
        {("NQ28.4.1", "NOTE"): "Niên giám thống kê 2026"},
        None,
        department_reporter,
        expected_version=2,
    )
    services.submit(report, department_reporter)
    assert report.state == State.SUBMITTED


def test_a_strategy_report_without_a_figure_cannot_be_submitted(strategy_period, daklak, department_reporter):
    period, _srb, _leaders = strategy_period
    report = services.get_or_create_submission(period, daklak.health, department_reporter)
    services.save_draft(
        report, {("NQ28.4.1", "NUMERATOR"): "5"}, None, department_reporter, expected_version=1
    )
    with pytest.raises(ReportValidationError) as caught:
        services.submit(report, department_reporter)
    assert "phải nhập cả tử số và mẫu số" in " ".join(caught.value.messages)


def test_strategy_data_value_sets_round_trip(strategy_period, daklak, focal_officer):
    period, _srb, leaders = strategy_period
    data = {
        "dataSet": "NQ28",
        "period": "2026",
        "orgUnit": "66-D02",
        "completeDate": "2026-12-01",
        "dataValues": [
            {"dataElement": f"IND{leaders.pk}", "categoryOptionCombo": "VALUE", "value": "68.5"},
            {"dataElement": f"IND{leaders.pk}", "categoryOptionCombo": "NOTE", "value": "Sở Nội vụ rà soát"},
        ],
    }
    import_data_value_sets(data, focal_officer)
    assert export_data_value_sets(period) == {"dataValueSets": [data]}
    with pytest.raises(DataValueSetError, match="không thuộc phần báo cáo"):
        import_data_value_sets({**data, "orgUnit": "66-D06", "completeDate": None}, focal_officer)


def test_a_strategy_indicator_and_a_source_note_typed_as_formulas_stay_text_in_every_export(
    strategy_period, daklak, department_reporter, focal_officer
):
    # Issue 14.1: the plan's indicator text (the template's row label) and a reporter's source note.
    period, srb, _leaders = strategy_period
    srb.text = HOSTILE
    srb.save(update_fields=["text"])
    report = services.get_or_create_submission(period, daklak.health, department_reporter)
    values = {("NQ28.4.1", "VALUE"): "106", ("NQ28.4.1", "NOTE"): HOSTILE}
    services.save_draft(report, values, None, department_reporter, expected_version=1)
    content = build_template(period, daklak.health)
    assert_no_hostile_formula(content)
    assert len(cells_holding(content, HOSTILE)) == 1  # the note; the label holds "4.1. =HYPERLINK..."
    exported = json.loads(DataValueSets().render(Scope(user=focal_officer, period=period)))
    notes = [
        v["value"]
        for s in exported["dataValueSets"]
        for v in s["dataValues"]
        if v.get("categoryOptionCombo") == "NOTE"
    ]
    assert notes == [HOSTILE]  # a data value set is read back by the importer: kept exactly as typed
