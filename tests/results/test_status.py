"""The status rule (domain §8, ``results.status``), branch by branch, with hand-computed numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from binhdang.results.status import Bar, assess, meets, progress_ratio


def d(text) -> Decimal:
    return Decimal(str(text))


AT_LEAST_90 = Bar("min", d(90), d(90))
BELOW_42 = Bar("max", d(42), d(42), strict=True)
AT_MOST_25 = Bar("max", d(25), d(25))
RANGE_104_107 = Bar("range", d(104), d(107))
PLUS_10_15 = Bar("increase", d(10), d(15))


def test_an_upper_bound_below_42_is_achieved_at_40_but_not_at_42():
    assert meets(d(40), BELOW_42)
    assert not meets(d(42), BELOW_42)
    assert assess(d(40), BELOW_42, BELOW_42).status == "achieved"
    assert assess(d(42), BELOW_42, BELOW_42).status != "achieved"


def test_a_non_strict_upper_bound_is_met_at_the_bound():
    assert meets(d(25), AT_MOST_25) and not meets(d("25.1"), AT_MOST_25)


def test_a_strict_lower_bound_is_met_only_above_it():
    above_50 = Bar("min", d(50), d(50), strict=True)
    assert meets(d("50.01"), above_50) and not meets(d(50), above_50)


def test_a_range_includes_its_bounds():
    assert meets(d(104), RANGE_104_107) and meets(d(107), RANGE_104_107)
    assert not meets(d("103.9"), RANGE_104_107) and not meets(d("107.1"), RANGE_104_107)


def test_an_increase_is_met_from_its_lower_bound():
    assert meets(d(10), PLUS_10_15) and meets(d(20), PLUS_10_15) and not meets(d("9.9"), PLUS_10_15)


def test_no_value_is_no_data():
    assert assess(None, AT_LEAST_90, AT_LEAST_90).status == "no_data"


def test_no_target_at_all_is_no_data():
    assert assess(d(50), None, None).status == "no_data"


def test_meeting_the_final_target_early_is_achieved():
    milestone_2027 = Bar("min", d(60), d(60))
    assert assess(d(92), milestone_2027, AT_LEAST_90).status == "achieved"


def test_meeting_the_target_of_the_year_but_not_the_final_one_is_on_track():
    milestone_2027 = Bar("min", d(60), d(60))
    assert assess(d(61), milestone_2027, AT_LEAST_90).status == "on_track"


@pytest.mark.parametrize(
    ("value", "status", "ratio"),
    [
        (d(57), "on_track", d("0.95")),  # 57 / 60 = 0.95: within 5 % of the milestone
        (d(50), "at_risk", d(50) / d(60)),  # 0.833
        (d(36), "at_risk", d("0.6")),  # 36 / 60 = 0.6, the lower edge of "at risk"
        (d(35), "off_track", d(35) / d(60)),  # 0.583
    ],
)
def test_without_a_baseline_the_share_of_the_bar_reached_decides(value, status, ratio):
    result = assess(value, Bar("min", d(60), d(60)), AT_LEAST_90)
    assert (result.status, result.ratio) == (status, ratio)


def test_with_a_baseline_progress_is_measured_from_it():
    # Baseline 45 %, bar 57 % for the year: 12 points required. 54 % is 9 points: 9 / 12 = 0.75.
    result = assess(d(54), Bar("min", d(57), d(57)), Bar("min", d(75), d(75)), baseline=d(45))
    assert (result.status, result.ratio) == ("at_risk", d("0.75"))
    # 49 % is 4 points: 4 / 12 = 0.33 -> off track, although 49 / 57 = 0.86 would have said "at risk".
    assert (
        assess(d(49), Bar("min", d(57), d(57)), Bar("min", d(75), d(75)), baseline=d(45)).status
        == "off_track"
    )


def test_lower_is_better_progress_is_the_fall_achieved_over_the_fall_required():
    # Maternal mortality: baseline 52, bar 48 for the year (fall of 4), value 49 (fall of 3): 0.75.
    result = assess(d(49), Bar("max", d(48), d(48)), BELOW_42, baseline=d(52))
    assert (result.status, result.ratio) == ("at_risk", d("0.75"))
    # Without a baseline: bar / value = 48 / 50 = 0.96 -> on track.
    assert assess(d(50), Bar("max", d(48), d(48)), BELOW_42).status == "on_track"


def test_a_value_worse_than_the_baseline_is_off_track():
    result = assess(d(40), Bar("min", d(57), d(57)), Bar("min", d(75), d(75)), baseline=d(45))
    assert result.status == "off_track" and result.ratio < 0


def test_a_bar_asking_no_progress_over_the_baseline_and_missed_means_the_value_went_backwards():
    assert progress_ratio(d(55), Bar("min", d(58), d(58)), baseline=d(60)) == -1


def test_outside_a_range_progress_goes_towards_the_nearest_bound():
    # Sex ratio at birth 110, baseline 112, range 104-107: fell 2 of the 5 needed -> 0.4, off track.
    assert assess(d(110), RANGE_104_107, RANGE_104_107, baseline=d(112)).status == "off_track"
    # Without a baseline: 107 / 110 = 0.97 -> on track; below the range 100 / 104 = 0.96 -> on track.
    assert assess(d(110), RANGE_104_107, RANGE_104_107).status == "on_track"
    assert progress_ratio(d(100), RANGE_104_107, None) == d(100) / d(104)


def test_an_increase_is_judged_on_the_points_gained_over_the_baseline():
    # Awareness +2 points in 2027 where the path asks +2.5: 2 / 2.5 = 0.8 -> at risk.
    result = assess(d(2), Bar("increase", d("2.5"), d("3.75")), PLUS_10_15, baseline=d(0))
    assert (result.status, result.ratio) == ("at_risk", d("0.8"))


def test_yes_no_indicators_are_achieved_or_off_track():
    yes_no = Bar("boolean")
    assert assess(d(1), yes_no, yes_no).status == "achieved"
    assert assess(d(0), yes_no, yes_no).status == "off_track"
