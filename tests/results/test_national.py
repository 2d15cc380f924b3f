"""National results of the catalog indicators (``results.national``): the national value from the
units' data of every province (not the mean of the provinces' percentages), the distribution of the
provinces and the provinces off track.

Đắk Lắk: the 2026 scenario of ``test_engine`` (1790.5: 5 of 6 conventions fine, 83,33 %; 1790.1:
3 of 6 units, 50 %). Lai Châu: one commune reported, 1 of its 10 conventions fine (10 %), no sessions.
"""

from __future__ import annotations

import pytest

from binhdang.reporting import services
from binhdang.results.national import national_results
from tests.results.conftest import (
    add_indicator,
    add_sex_ratio_indicator,
    d,
    file_report,
    make_plan,
    seed_000_indicators,
)
from tests.results.test_engine import scenario  # noqa: F401  (the fixture)


def _laichau(laichau):
    other = make_plan(laichau.root, slug="kh-1790-laichau", focal=laichau.noi_vu)
    seed_000_indicators(other)
    period = services.open_period(other, 2026, None)
    file_report(period, laichau.commune_a, {"TT_SESSIONS": 0, "TT_CONVENTIONS": 10, "TT_CONVENTIONS_OK": 1})
    return other


def _item(results, code):
    return next(i for i in results.indicators if i.code == code)


@pytest.mark.usefixtures("scenario")
def test_the_national_rate_is_the_units_numerators_over_their_denominators_not_a_mean(
    plan,
    laichau,
):
    _laichau(laichau)
    conventions = _item(national_results(2026), "1790.5")
    by_province = {cell.province.code: cell.value for cell in conventions.ranked}
    assert by_province == {"66": d("83.33"), "12": d(10)}
    # (5 + 1) / (6 + 10) conventions, whereas the mean of the two provinces' rates would be 46,67 %.
    assert (conventions.numerator, conventions.denominator) == (d(6), d(16))
    assert conventions.value == d("37.50") and conventions.pooled


@pytest.mark.usefixtures("scenario")
def test_provinces_are_ranked_best_first_with_their_quartiles_and_those_off_track(
    plan,
    laichau,
):
    _laichau(laichau)
    sessions = _item(national_results(2026), "1790.1")
    assert [c.province.code for c in sessions.ranked] == ["66", "12"]
    assert sessions.quartiles == (d(0), d("12.50"), d(25), d("37.50"), d(50))
    assert sessions.value == d(25)  # (3 + 0) / (6 + 6) units
    # both below 100 % of units holding two sessions: off track against their plans' yearly target
    assert [c.province.code for c in sessions.off_track] == ["66", "12"]
    assert all(c.status == "off_track" for c in sessions.off_track)


@pytest.mark.usefixtures("scenario")
def test_a_value_entered_alone_is_the_mean_of_the_provinces_and_says_so(plan, laichau):
    _laichau(laichau)
    awareness = _item(national_results(2026), "1790.3")
    assert not awareness.pooled
    assert [c.province.code for c in awareness.without_value] == ["12"]  # no survey in Lai Châu
    assert awareness.value == d(0) and awareness.provinces == 2


def test_a_rate_per_100000_entered_as_two_figures_is_pooled_with_its_scale(daklak, laichau):
    plans = []
    for province, slug, figures in ((daklak, "cl-66", ("30", "100000")), (laichau, "cl-12", ("90", "50000"))):
        strategy = make_plan(province.root, slug=slug, program="strategy", focal=province.noi_vu)
        add_indicator(
            strategy,
            "3.1",
            "NQ28.3.1",
            1,
            {"kind": "max", "value": d(42), "year": 2030},
            unit="/100.000 trẻ sinh sống",
            direction="decrease",
        )
        period = services.open_period(strategy, 2026, None)
        submission = services.get_or_create_submission(period, province.health)
        values = {("NQ28.3.1", "NUMERATOR"): figures[0], ("NQ28.3.1", "DENOMINATOR"): figures[1]}
        services.save_draft(submission, values, {}, None, expected_version=None)
        services.submit(submission, None)
        plans.append(strategy)
    rate = _item(national_results(2026), "NQ28.3.1")
    assert [c.value for c in rate.ranked] == [d(30), d(180)]  # lower is better: best first
    assert rate.value == d(80)  # (30 + 90) x 100 000 / 150 000, not the mean 105


def test_a_range_ranks_first_the_province_nearest_to_its_range(daklak, laichau):
    for province, slug, value in ((daklak, "cl-66", "111"), (laichau, "cl-12", "106")):
        strategy = make_plan(province.root, slug=slug, program="strategy", focal=province.noi_vu)
        add_sex_ratio_indicator(strategy)
        period = services.open_period(strategy, 2026, None)
        submission = services.get_or_create_submission(period, province.health)
        services.save_draft(submission, {("NQ28.4.1", "VALUE"): value}, {}, None, expected_version=None)
        services.submit(submission, None)
    ratio = _item(national_results(2026), "NQ28.4.1")
    assert [(c.province.code, c.value) for c in ratio.ranked] == [("12", d(106)), ("66", d(111))]
    assert ratio.value == d("108.50") and not ratio.pooled  # entered as values: their mean
