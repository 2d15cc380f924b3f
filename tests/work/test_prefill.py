"""The activity log's figures for the yearly report (``work/prefill.py``): the mapping of each data
element to the activities it is computed from, within the period's data cutoff."""

from __future__ import annotations

import datetime as dt

import pytest

from binhdang.reporting import log_figures, services
from binhdang.work import prefill
from binhdang.work.models import Activity, ActivityType
from tests.reporting.conftest import make_plan


@pytest.fixture
def period(daklak, focal_officer):
    return services.open_period(make_plan(daklak.root), 2026, focal_officer)


def log(period, unit, user, type, day=(2026, 10, 1), male=0, female=0, state=0, other=0, plan=None):
    return Activity.objects.create(
        plan=plan or period.plan,
        unit=unit,
        type=type,
        date=dt.date(*day),
        place="Hội trường",
        male=male,
        female=female,
        budget_state=state,
        budget_other=other,
        created_by=user,
    )


def test_each_element_is_computed_from_the_activities_its_rule_names(period, daklak, commune_a_reporter):
    unit, user = daklak.commune_a, commune_a_reporter
    log(period, unit, user, ActivityType.COMMUNICATION, male=10, female=15, state=1_000_000)
    log(period, unit, user, ActivityType.COMMUNICATION, male=5, female=7, other=300_000)
    log(
        period, unit, user, ActivityType.ACTION_MONTH, day=(2026, 11, 20), male=40, female=60, state=2_000_000
    )
    log(period, unit, user, ActivityType.TRAINING, male=8, female=12, state=5_000_000, other=1_000_000)
    log(period, unit, user, ActivityType.COMMUNITY_MODEL, male=3, female=3)
    assert log_figures.figures(period, unit) == {
        ("TT_SESSIONS", ""): 2,
        ("TT_PARTICIPANTS", "MALE"): 15,
        ("TT_PARTICIPANTS", "FEMALE"): 22,
        ("TT_AM_ACTIVITIES", ""): 1,
        ("TT_TRAININGS", ""): 1,
        ("TT_TRAINEES", "MALE"): 8,
        ("TT_TRAINEES", "FEMALE"): 12,
        ("TT_BUDGET_STATE", ""): 8_000_000,
        ("TT_BUDGET_OTHER", ""): 1_300_000,
    }


def test_only_the_units_activities_of_the_plan_inside_the_cutoff_count(period, daklak, commune_a_reporter):
    unit, user = daklak.commune_a, commune_a_reporter
    assert (period.cutoff_start, period.cutoff_end) == (dt.date(2025, 12, 15), dt.date(2026, 12, 14))
    log(period, unit, user, ActivityType.COMMUNICATION, day=(2026, 12, 14))
    log(period, unit, user, ActivityType.COMMUNICATION, day=(2025, 12, 14))  # before the cutoff
    log(period, daklak.commune_b, user, ActivityType.COMMUNICATION)  # another unit
    other_plan = make_plan(daklak.root, slug="kh-khac", program="strategy")
    log(period, unit, user, ActivityType.COMMUNICATION, plan=other_plan)  # another plan
    assert log_figures.figures(period, unit)[("TT_SESSIONS", "")] == 1
    by_unit = log_figures.figures_by_unit(period, [unit.pk, daklak.commune_b.pk, daklak.health.pk])
    assert (
        by_unit[unit.pk][("TT_SESSIONS", "")] == 1 and by_unit[daklak.commune_b.pk][("TT_SESSIONS", "")] == 1
    )
    assert daklak.health.pk not in by_unit


def test_an_empty_log_proposes_nothing_rather_than_zeros(period, daklak):
    assert log_figures.figures(period, daklak.commune_a) == {}


def test_the_table_of_the_module_names_every_rule():
    assert prefill.__doc__ is not None
    for rule in prefill.RULES:
        assert f"``{rule.code}``" in prefill.__doc__
    assert len({rule.key for rule in prefill.RULES}) == len(prefill.RULES)
