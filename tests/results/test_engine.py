"""The results engine against hand-computed figures (domain §6, §8).

The 2026 scenario (six expected units of Đắk Lắk, deadline 30/11/2026):

| unit | report | sessions | Action Month | other |
|---|---|---|---|---|
| Xã Ea Kar (commune) | submitted 20/11 | 3 | yes | conventions 4, of which 3 fine |
| Phường Buôn Ma Thuột (commune) | submitted 05/12 (late) | 1 | no | conventions 2, both fine |
| Sở Nội vụ (department, focal) | submitted 20/11 | 5 | yes | awareness 62.5 % |
| Sở Y tế (department) | draft only | (9) | (yes) | not counted |
| Hội LHPN (mass org) | none | | | |
| Báo và PT-TH (media) | accepted, submitted 25/11 | 2 | yes | indicators applied officially |

Counted: 4 of 6 (66.67 %), on time 3 of 6 (50 %). 1790.1: 3 units with >= 2 sessions / 6 = 50 %.
1790.2: 3 / 6 = 50 %. 1790.4: 1 / 1 media = 100 %. 1790.5: (3 + 2) / (4 + 2) = 83.33 %.
1790.3: 62.5 - 62.5 (2026 is the baseline year) = 0.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from binhdang.reporting import services
from binhdang.reporting.models import DataValue, ExpectedReporter
from binhdang.results.engine import indicator_history, national_rollup, plan_history, plan_results
from tests.results.conftest import add_indicator, d, file_report, local, make_plan, seed_000_indicators


@pytest.fixture
def scenario(daklak, period):
    file_report(period, daklak.commune_a, {"TT_SESSIONS": 3, "TT_CONVENTIONS": 4, "TT_CONVENTIONS_OK": 3})
    file_report(
        period,
        daklak.commune_b,
        {
            "TT_SESSIONS": 1,
            "TT_AM_PLAN": "false",
            "TT_AM_ACTIVITIES": 0,
            "TT_CONVENTIONS": 2,
            "TT_CONVENTIONS_OK": 2,
        },
        at=local(2026, 12, 5),
    )
    file_report(period, daklak.noi_vu, {"TT_SESSIONS": 5, "TT_AWARENESS": "62.5"})
    file_report(period, daklak.health, {"TT_SESSIONS": 9}, submit=False)
    newspaper = file_report(period, daklak.newspaper, {"TT_GSIM_STATUS": "OFFICIAL"}, at=local(2026, 11, 25))
    services.accept(newspaper, None)
    return period


def by_code(results):
    return {r.indicator.code: r for r in results.indicators}


def test_completeness_counts_submitted_and_accepted_reports_but_not_drafts(plan, scenario):
    results = plan_results(plan, 2026)
    assert (results.expected, results.submitted, results.on_time) == (6, 4, 3)
    assert results.completeness == Decimal("66.67")
    assert results.timeliness == Decimal("50.00")


def test_every_1790_rule_matches_the_hand_computed_value(plan, scenario):
    results = by_code(plan_results(plan, 2026))
    assert (results["1"].value, results["1"].numerator, results["1"].denominator) == (d("50.00"), 3, 6)
    assert (results["2"].value, results["2"].numerator, results["2"].denominator) == (d("50.00"), 3, 6)
    assert results["3"].value == 0
    assert results["3"].detail["awareness"] == d("62.50")
    assert (results["4"].value, results["4"].numerator, results["4"].denominator) == (d(100), 1, 1)
    assert (results["5"].value, results["5"].numerator, results["5"].denominator) == (d("83.33"), 5, 6)


def test_units_that_did_not_report_count_as_not_meeting_the_sessions_rule(plan, scenario, daklak):
    # The women's union never reported and the health department only has a draft with 9 sessions:
    # both stay in the denominator and out of the numerator.
    result = by_code(plan_results(plan, 2026))["1"]
    assert result.denominator == 6 and result.numerator == 3


def test_a_returned_report_stops_counting_until_it_is_resubmitted(plan, scenario, daklak):
    submission = scenario.submissions.get(unit=daklak.commune_a)
    services.return_submission(submission, None, "Số liệu hương ước chưa khớp.")
    results = plan_results(plan, 2026)
    assert results.submitted == 3
    assert by_code(results)["1"].numerator == 2
    assert by_code(results)["5"].value == d(100)  # only Phường Buôn Ma Thuột's 2 of 2 remain


def test_values_of_a_unit_type_that_does_not_report_an_element_are_ignored(plan, scenario, daklak):
    # Conventions belong to communes, the media indicators to media agencies: stray rows are ignored.
    noi_vu = scenario.submissions.get(unit=daklak.noi_vu)
    DataValue.objects.create(submission=noi_vu, data_element="TT_CONVENTIONS", value="10")
    DataValue.objects.create(submission=noi_vu, data_element="TT_CONVENTIONS_OK", value="0")
    commune = scenario.submissions.get(unit=daklak.commune_a)
    DataValue.objects.create(submission=commune, data_element="TT_GSIM_STATUS", value="OFFICIAL")
    results = by_code(plan_results(plan, 2026))
    assert (results["5"].numerator, results["5"].denominator) == (5, 6)
    assert (results["4"].numerator, results["4"].denominator) == (1, 1)


def test_zero_denominators_give_no_value(plan, period, daklak):
    # No media agency expected, no commune reported conventions: 1790.4 and 1790.5 have no value.
    ExpectedReporter.objects.filter(period=period, unit=daklak.newspaper).delete()
    file_report(period, daklak.noi_vu)
    results = by_code(plan_results(plan, 2026))
    assert results["4"].value is None and results["4"].status == "no_data"
    assert results["5"].value is None and results["5"].status == "no_data"


def test_conventions_all_zero_is_a_zero_denominator(plan, period, daklak):
    file_report(period, daklak.commune_a, {"TT_CONVENTIONS": 0, "TT_CONVENTIONS_OK": 0})
    result = by_code(plan_results(plan, 2026))["5"]
    assert result.value is None and result.status == "no_data"


def test_no_period_means_no_data_for_every_indicator(plan):
    results = plan_results(plan, 2027)
    assert results.completeness is None
    assert {r.status for r in results.indicators} == {"no_data"}


def test_a_period_without_expected_reporters_falls_back_to_the_active_reporting_units(plan, period, daklak):
    ExpectedReporter.objects.filter(period=period).delete()
    daklak.womens_union.is_active = False
    daklak.womens_union.save()
    file_report_rows = plan_results(plan, 2026)
    assert file_report_rows.expected == 5  # 2 communes, 2 departments, 1 media; the inactive union is out


def test_sessions_threshold_comes_from_the_plan(daklak):
    plan = make_plan(daklak.root, slug="ba-cuoc", focal=daklak.noi_vu)
    add_indicator(
        plan, "1", "1790.1", 1, {"kind": "min", "value": d(3), "unit": "cuộc", "annual": True}, unit="cuộc"
    )
    period = services.open_period(plan, 2026, None)
    file_report(period, daklak.commune_a, {"TT_SESSIONS": 3})
    file_report(period, daklak.commune_b, {"TT_SESSIONS": 2})
    result = plan_results(plan, 2026).indicators[0]
    assert (result.numerator, result.denominator, result.detail["sessions"]) == (1, 6, 3)


def test_awareness_is_measured_in_points_over_the_baseline_year(plan, scenario, daklak):
    period_2027 = services.open_period(plan, 2027, None)
    file_report(period_2027, daklak.noi_vu, {"TT_AWARENESS": "66.5"}, at=local(2027, 11, 20))
    result = by_code(plan_results(plan, 2027))["3"]
    assert result.value == d("4.00")
    assert result.detail["baseline_awareness"] == d("62.50")
    # The path from the 2026 baseline (0 points) to +10-15 points in 2030: 2.5-3.75 in 2027.
    assert (result.bar.low, result.bar.high) == (d("2.5"), d("3.75"))
    assert result.status == "on_track"


def test_milestone_of_the_roadmap_is_the_target_of_its_year(plan, scenario, daklak):
    media = plan.indicators.get(code="4")
    media.milestones.create(year=2027, value=d(60))
    period_2027 = services.open_period(plan, 2027, None)
    second = ExpectedReporter.objects.create(
        period=period_2027,
        unit=daklak.newspaper.__class__.objects.create(
            code="66-T02", name="Đài Truyền hình thử", type="media", parent=daklak.root, province=daklak.root
        ),
    )
    file_report(period_2027, daklak.newspaper, {"TT_GSIM_STATUS": "OFFICIAL"}, at=local(2027, 11, 20))
    file_report(period_2027, second.unit, {"TT_GSIM_STATUS": "PILOT"}, at=local(2027, 11, 20))
    result = by_code(plan_results(plan, 2027))["4"]
    assert result.value == d(50)
    assert result.basis == "milestone" and result.bar.reference == d(60)
    # No baseline: the share of the milestone reached, 50 / 60 = 0.83 -> at risk.
    assert result.status == "at_risk"


def test_history_has_one_result_per_year(plan, scenario):
    history = indicator_history(plan.indicators.get(code="2"), [2026, 2027])
    assert [(r.year, r.value, r.status) for r in history] == [
        (2026, d(50), "off_track"),
        (2027, None, "no_data"),
    ]


def test_plan_history_costs_the_same_queries_for_one_year_or_five(
    plan, scenario, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        plan_history(plan, range(2026, 2031))


def test_national_rollup_puts_every_province_side_by_side(
    plan, scenario, laichau, django_assert_max_num_queries
):
    other = make_plan(laichau.root, slug="kh-1790-laichau", focal=laichau.noi_vu)
    seed_000_indicators(other)
    laichau_period = services.open_period(other, 2026, None)
    file_report(laichau_period, laichau.commune_a, {"TT_SESSIONS": 0})
    with django_assert_max_num_queries(10):
        rollup = national_rollup(2026)
    rows = {province.code: result for province, result in rollup.rows}
    assert by_code(rows["66"])["1"].value == d(50)
    assert by_code(rows["12"])["1"].value == d(0)
    # Pooled over both provinces: (3 + 0) / (6 + 6) units hold at least two sessions.
    assert rollup.totals["1790.1"].value == d(25)
    assert rollup.completeness == d("41.67")  # (4 + 1) / 12


def test_in_the_baseline_year_no_progress_is_required_yet(plan, scenario):
    result = by_code(plan_results(plan, 2026))["3"]
    assert result.basis == "baseline" and result.bar.reference == 0
    assert result.status == "on_track"


def test_awareness_without_a_baseline_survey_has_no_value(plan, daklak):
    period_2027 = services.open_period(plan, 2027, None)
    file_report(period_2027, daklak.noi_vu, {"TT_AWARENESS": "70"}, at=local(2027, 11, 20))
    result = by_code(plan_results(plan, 2027))["3"]
    assert result.value is None and result.status == "no_data"


@pytest.fixture
def strategy(daklak):
    """A strategy plan: maternal mortality below 42 (Sở Y tế), sex ratio at birth 104-107 (Sở Y tế),
    women key leaders at least 75 % from a 45 % baseline in 2025 (Sở Nội vụ)."""
    plan = make_plan(daklak.root, slug="chien-luoc", program="strategy", focal=daklak.noi_vu)
    mortality = add_indicator(
        plan,
        "4.2",
        "NQ28.4.2",
        1,
        {"kind": "max", "value": d(42), "year": 2030, "strict": True},
        unit="/100.000 trẻ sinh sống",
        direction="decrease",
        milestones=[(2030, 42)],
    )
    ratio = add_indicator(
        plan,
        "4.1",
        "NQ28.4.1",
        2,
        {"kind": "range", "min": d(104), "max": d(107), "year": 2030},
        unit="bé trai/100 bé gái",
        direction="range",
        milestones=[(2030, (104, 107))],
    )
    leaders = add_indicator(
        plan,
        "1.1",
        "NQ28.1.1",
        3,
        {"kind": "min", "value": d(75), "year": 2030},
        baseline_year=2025,
        baseline_value=d(45),
        milestones=[(2030, 75)],
    )
    mortality.responsible.set([daklak.health])
    ratio.responsible.set([daklak.health])
    leaders.responsible.set([daklak.noi_vu])
    return plan, services.open_period(plan, 2026, None)


def enter(period, unit, values, *, submit=True):
    submission = services.get_or_create_submission(period, unit)
    services.save_draft(submission, values, {"results": "Số liệu ngành."}, None, expected_version=None)
    if submit:
        services.submit(submission, None, at=local(2026, 11, 20))
    return submission


def test_direct_entry_below_42_is_achieved_at_40(daklak, strategy):
    plan, period = strategy
    enter(
        period,
        daklak.health,
        {
            ("NQ28.4.2", "VALUE"): "40",
            ("NQ28.4.2", "NOTE"): "Sở Y tế",
            ("NQ28.4.1", "VALUE"): "108",
            ("NQ28.4.1", "NOTE"): "Sở Y tế",
        },
    )
    results = by_code(plan_results(plan, 2026))
    assert results["4.2"].value == d(40) and results["4.2"].status == "achieved"
    # 108 is above the 104-107 range; no baseline: 107 / 108 = 0.99 -> on track, not achieved.
    assert results["4.1"].status == "on_track"


def test_direct_entry_at_42_misses_a_strict_upper_bound(daklak, strategy):
    plan, period = strategy
    enter(period, daklak.health, {("NQ28.4.2", "VALUE"): "42", ("NQ28.4.1", "VALUE"): "105"})
    results = by_code(plan_results(plan, 2026))
    assert results["4.2"].status != "achieved"
    assert results["4.1"].status == "achieved"


def test_numerator_and_denominator_are_scaled_by_the_unit(daklak, strategy):
    plan, period = strategy
    enter(
        period,
        daklak.health,
        {
            ("NQ28.4.2", "NUMERATOR"): "9",
            ("NQ28.4.2", "DENOMINATOR"): "20000",
            ("NQ28.4.1", "NUMERATOR"): "10900",
            ("NQ28.4.1", "DENOMINATOR"): "10000",
        },
    )
    enter(period, daklak.noi_vu, {("NQ28.1.1", "NUMERATOR"): "21", ("NQ28.1.1", "DENOMINATOR"): "40"})
    results = by_code(plan_results(plan, 2026))
    assert results["4.2"].value == d(45)  # 9 / 20 000 x 100 000
    assert results["4.1"].value == d(109)  # 10 900 boys / 10 000 girls x 100
    assert (results["1.1"].value, results["1.1"].numerator, results["1.1"].denominator) == (
        d("52.50"),
        21,
        40,
    )


def test_the_straight_path_starts_from_the_plans_baseline(daklak, strategy):
    plan, period = strategy
    enter(period, daklak.noi_vu, {("NQ28.1.1", "NUMERATOR"): "21", ("NQ28.1.1", "DENOMINATOR"): "40"})
    result = by_code(plan_results(plan, 2026))["1.1"]
    # Path from 45 % (2025) to 75 % (2030): 51 % in 2026; 52.5 % meets it.
    assert result.basis == "path" and result.bar.reference == d(51)
    assert result.status == "on_track"


def test_a_zero_denominator_in_direct_entry_gives_no_value(daklak, strategy):
    plan, period = strategy
    submission = enter(period, daklak.noi_vu, {("NQ28.1.1", "VALUE"): "50"})
    DataValue.objects.filter(submission=submission, data_element="NQ28.1.1").delete()
    DataValue.objects.create(
        submission=submission, data_element="NQ28.1.1", category_option_combo="NUMERATOR", value="3"
    )
    DataValue.objects.create(
        submission=submission, data_element="NQ28.1.1", category_option_combo="DENOMINATOR", value="0"
    )
    result = by_code(plan_results(plan, 2026))["1.1"]
    assert result.value is None and result.status == "no_data"


def test_a_draft_direct_entry_does_not_count(daklak, strategy):
    plan, period = strategy
    enter(period, daklak.health, {("NQ28.4.2", "VALUE"): "40"}, submit=False)
    assert by_code(plan_results(plan, 2026))["4.2"].status == "no_data"
