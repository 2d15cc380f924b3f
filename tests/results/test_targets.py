"""Indicators with several targets: each target assessed, the indicator's status the worst of its due
targets (``results.targets``); values and statuses computed by hand in each test."""

from __future__ import annotations

import pytest

from binhdang.plans.models import Target
from binhdang.reporting import services
from binhdang.reporting.forms_catalog import strategy_form
from binhdang.results.engine import plan_results
from binhdang.results.targets import WORST_FIRST, is_due
from tests.results.conftest import add_indicator, d, local, make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(daklak):
    """A strategy plan with three multi-target indicators, entered by three agencies:

    - 5.2 completion of primary school about 99 % and of lower secondary 90 % by 2030 (two measures);
    - 3.4 70 % by 2027 then 90 % by 2030 of one measure, from a 50 % baseline in 2025;
    - 6.3 every year 100 % of communes, and at least 4 posts a quarter (two measures).
    """
    plan = make_plan(daklak.root, slug="chien-luoc", program="strategy", focal=daklak.noi_vu)
    schooling = add_indicator(
        plan,
        "5.2",
        None,
        1,
        {"kind": "min", "value": d(99), "unit": "%", "year": 2030, "approx": True},
        {"kind": "min", "value": d(90), "unit": "%", "year": 2030, "approx": True},
        direction="increase",
    )
    services_ = add_indicator(
        plan,
        "3.4",
        None,
        2,
        {"kind": "min", "value": d(70), "unit": "%", "year": 2027},
        {"kind": "min", "value": d(90), "unit": "%", "year": 2030},
        baseline_year=2025,
        baseline_value=d(50),
        direction="increase",
    )
    posts = add_indicator(
        plan,
        "6.3",
        None,
        3,
        {"kind": "min", "value": d(100), "unit": "%", "annual": True, "from_year": 2026},
        {"kind": "min", "value": d(4), "unit": "tin, bài", "annual": True, "from_year": 2026},
        direction="increase",
    )
    schooling.responsible.set([daklak.health])
    services_.responsible.set([daklak.womens_union])
    posts.responsible.set([daklak.newspaper])
    return plan


@pytest.fixture
def period(plan):
    return services.open_period(plan, 2026, None)


def code(plan, indicator_code: str) -> str:
    return f"IND{plan.indicators.get(code=indicator_code).pk}"


def enter(period, unit, values: dict):
    submission = services.get_or_create_submission(period, unit)
    services.save_draft(
        submission,
        {(k, "VALUE"): str(v) for k, v in values.items()},
        {"results": "Số liệu."},
        None,
        expected_version=None,
    )
    services.submit(submission, None, at=local(2026, 11, 20))


def result_of(plan, indicator_code: str, year: int = 2026):
    return next(r for r in plan_results(plan, year).indicators if r.indicator.code == indicator_code)


def test_a_second_measure_is_a_line_of_its_own_in_the_strategy_report(plan):
    elements = {e.code: e.label for s in strategy_form(plan).sections for e in s.elements}

    schooling, posts = code(plan, "5.2"), code(plan, "6.3")
    assert set(elements) == {schooling, f"{schooling}-T2", code(plan, "3.4"), posts, f"{posts}-T2"}
    assert elements[f"{schooling}-T2"] == "5.2. mức cần đạt 2: khoảng ≥ 90% (2030)"
    assert "mức cần đạt 1: khoảng ≥ 99% (2030)" in elements[schooling]


@pytest.mark.parametrize(
    ("lower_secondary", "second", "overall"),
    [
        # 99,5 >= 99: target 1 achieved. Target 2 (>= 90, no baseline): r = value / 90.
        (91, "achieved", "achieved"),  # 91 >= 90
        (86, "on_track", "on_track"),  # 86 / 90 = 0,956 >= 0,95
        (80, "at_risk", "at_risk"),  # 80 / 90 = 0,889 in [0,6; 0,95)
        (50, "off_track", "off_track"),  # 50 / 90 = 0,556 < 0,6
    ],
)
def test_each_measure_has_its_status_and_the_indicator_the_worst(
    daklak, plan, period, lower_secondary, second, overall
):
    enter(period, daklak.health, {code(plan, "5.2"): "99,5", f"{code(plan, '5.2')}-T2": lower_secondary})

    result = result_of(plan, "5.2")

    first, other = result.targets
    assert (first.value, first.status, other.status) == (d("99.5"), "achieved", second)
    assert other.value == d(lower_secondary)
    assert result.status == overall
    assert result.as_json()["targets"][1] == {
        "target": 2,
        "value": lower_secondary,
        "bar": 90,
        "final": 90,
        "due": True,
        "status": second,
    }


@pytest.mark.parametrize(("lower_secondary", "overall"), [(91, "no_data"), (50, "off_track")])
def test_a_target_without_data_keeps_the_indicator_from_achieved_but_hides_no_failure(
    daklak, plan, period, lower_secondary, overall
):
    schooling = plan.indicators.get(code="5.2")
    enter(period, daklak.health, {code(plan, "5.2"): "99,5", f"{code(plan, '5.2')}-T2": lower_secondary})
    Target.objects.create(indicator=schooling, order=3, kind="min", value=d(95), unit="học sinh", year=2030)

    result = result_of(plan, "5.2")  # the third target came after the report: no value for it

    assert [t.status for t in result.targets][2] == "no_data"
    assert result.status == overall


def test_steps_of_one_measure_share_the_value_and_a_past_step_no_longer_counts(daklak, plan, period):
    assert plan.indicators.get(code="3.4").separate_measures() == []
    enter(period, daklak.womens_union, {code(plan, "3.4"): "62"})

    result = result_of(plan, "3.4")

    # 2026 lies on the path from 50 (2025) to 70 (2027): bar 60. 62 >= 60: on track for both steps.
    assert [(t.value, t.status, t.due) for t in result.targets] == [
        (d(62), "on_track", True),
        (d(62), "on_track", True),
    ]
    assert result.bar.low == d(60) and result.status == "on_track"
    later = result_of(plan, "3.4", 2028)  # no 2028 report: no data; the 2027 step is over
    assert [t.due for t in later.targets] == [False, True]


def test_two_yearly_measures_are_each_due_every_year(daklak, plan, period):
    posts = code(plan, "6.3")
    enter(period, daklak.newspaper, {posts: "100", f"{posts}-T2": "3"})

    result = result_of(plan, "6.3")

    # 100 >= 100 achieved; 3 posts against at least 4: r = 3 / 4 = 0,75 -> at risk.
    assert [(t.status, t.basis) for t in result.targets] == [("achieved", "annual"), ("at_risk", "annual")]
    assert result.status == "at_risk"


def test_when_a_target_is_due():
    class T:
        def __init__(self, year=None, annual=False, from_year=None):
            self.year, self.annual, self.from_year = year, annual, from_year

        def is_due_every_year(self, year):
            return (not self.from_year or year >= self.from_year) and not (self.year and year > self.year)

    assert is_due(T(year=2027), 2026) and is_due(T(year=2027), 2027) and not is_due(T(year=2027), 2028)
    assert is_due(T(), 2030)  # no year, not yearly: every year
    assert not is_due(T(annual=True, from_year=2027), 2026) and is_due(T(annual=True, from_year=2027), 2029)
    assert WORST_FIRST[0] == "off_track" and WORST_FIRST[-1] == "achieved"
