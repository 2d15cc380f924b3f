"""The work log as data value sets (``work/datavalues.py``): the values are the log's totals and the
planned funds, per unit, under the WORKLOG data set's own codes."""

from __future__ import annotations

import datetime as dt

import pytest

from binhdang.reporting.forms_catalog import STATIC_FORMS
from binhdang.work import budget
from binhdang.work.datavalues import ELEMENTS, export_worklog
from binhdang.work.models import Activity, ActivityType
from tests.reporting.conftest import make_plan


@pytest.fixture
def plan(daklak):
    return make_plan(daklak.root)


def log(plan, unit, user, kind, male, female, state=0, other=0, day=dt.date(2026, 5, 4)):
    return Activity.objects.create(
        plan=plan,
        unit=unit,
        type=kind,
        date=day,
        place="Hội trường",
        male=male,
        female=female,
        budget_state=state,
        budget_other=other,
        created_by=user,
    )


def values_of(data_set) -> dict[tuple[str, str], str]:
    return {(v["dataElement"], v.get("categoryOptionCombo", "")): v["value"] for v in data_set["dataValues"]}


def test_the_sets_hold_each_units_totals_of_the_year_and_its_planned_funds(plan, daklak, focal_officer):
    a, b = daklak.commune_a, daklak.commune_b
    log(plan, a, focal_officer, ActivityType.COMMUNICATION, 10, 25, state=2_000_000)
    log(plan, a, focal_officer, ActivityType.COMMUNICATION, 5, 7, other=500_000)
    log(plan, a, focal_officer, ActivityType.TRAINING, 3, 4, state=1_000_000, other=250_000)
    log(plan, b, focal_officer, ActivityType.ACTION_MONTH, 20, 30, day=dt.date(2026, 11, 20))
    log(plan, b, focal_officer, ActivityType.ACTION_MONTH, 1, 1, day=dt.date(2025, 11, 20))  # another year
    budget.set_planned(plan, a, 2026, focal_officer, {"central": 7_000_000, "mobilised": 1_000_000})
    budget.set_planned(plan, b, 2027, focal_officer, {"commune": 9})  # another year

    sets = export_worklog(plan, 2026)["dataValueSets"]

    assert [(s["dataSet"], s["period"], s["orgUnit"]) for s in sets] == sorted(
        [("WORKLOG", "2026", a.code), ("WORKLOG", "2026", b.code)], key=lambda k: k[2]
    )
    by_unit = {s["orgUnit"]: values_of(s) for s in sets}
    assert by_unit[a.code] == {
        ("WL_ACTIVITIES", "COMMUNICATION"): "2",
        ("WL_ACTIVITIES", "TRAINING"): "1",
        ("WL_PARTICIPANTS", "MALE"): "18",
        ("WL_PARTICIPANTS", "FEMALE"): "36",
        ("WL_BUDGET_STATE", ""): "3000000",
        ("WL_BUDGET_OTHER", ""): "750000",
        ("WL_PLANNED_FUNDS", "CENTRAL"): "7000000",
        ("WL_PLANNED_FUNDS", "MOBILISED"): "1000000",
    }
    assert by_unit[b.code] == {
        ("WL_ACTIVITIES", "ACTION_MONTH"): "1",
        ("WL_PARTICIPANTS", "MALE"): "20",
        ("WL_PARTICIPANTS", "FEMALE"): "30",
        ("WL_BUDGET_STATE", ""): "0",
        ("WL_BUDGET_OTHER", ""): "0",
    }
    # the participants equal the log's, activity by activity
    assert sum(int(v) for (code, _coc), v in by_unit[a.code].items() if code == "WL_PARTICIPANTS") == sum(
        x.participants for x in Activity.objects.filter(unit=a, date__year=2026)
    )


def test_the_sets_of_some_units_only_and_of_an_empty_year(plan, daklak, focal_officer):
    log(plan, daklak.commune_a, focal_officer, ActivityType.OTHER, 1, 2)
    log(plan, daklak.commune_b, focal_officer, ActivityType.OTHER, 3, 4)
    sets = export_worklog(plan, 2026, [daklak.commune_b])["dataValueSets"]
    assert [s["orgUnit"] for s in sets] == [daklak.commune_b.code]
    assert export_worklog(plan, 2027) == {"dataValueSets": []}


def test_no_code_of_the_work_log_is_a_code_of_a_report_form():
    report_codes = {e.code for form in STATIC_FORMS.values() for e in form.elements}
    assert report_codes and not report_codes & set(ELEMENTS)
    assert "WORKLOG" not in STATIC_FORMS
