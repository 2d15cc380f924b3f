"""The corpus scorer (tests/plans/scoring.py): 1 for a perfect extraction, less for each fact lost or wrong."""

from __future__ import annotations

import copy

import pytest

from tests.plans import extractions
from tests.plans.scoring import explain, part_scores, score


@pytest.fixture
def expected() -> dict:
    return extractions.strategy(number="12/KH-UBND", date="2026-03-05")


def test_an_extraction_equal_to_the_expected_one_scores_1(expected):
    assert score(copy.deepcopy(expected), expected) == 1.0


def test_texts_are_compared_after_white_space_folding(expected):
    found = copy.deepcopy(expected)
    found["indicators"][0]["text"] = "  " + found["indicators"][0]["text"].replace(" ", "  ")
    assert score(found, expected) == 1.0


def test_an_indicator_lost_costs_its_facts(expected):
    found = copy.deepcopy(expected)
    del found["indicators"][0]
    assert score(found, expected) < 0.95
    assert "indicators missing: ('4.1', 'text'" in explain(found, expected)


def test_shifted_responsible_agencies_and_a_wrong_target_lower_the_score(expected):
    found = copy.deepcopy(expected)
    found["indicators"][0]["responsible"], found["indicators"][1]["responsible"] = (
        found["indicators"][1]["responsible"],
        found["indicators"][0]["responsible"],
    )
    found["indicators"][0]["targets"][0]["max"] = 108
    assert part_scores(found, expected)["indicators"] < 0.8


def test_a_locality_read_as_its_first_word_only_lowers_the_header(expected):
    found = copy.deepcopy(expected)
    found["locality"] = "Đắk"
    assert part_scores(found, expected)["header"] == pytest.approx(1 - 1 / 9)
    assert score(found, expected) < 1.0


def test_task_agencies_count_only_where_the_expected_extraction_states_them(expected):
    expected["tasks"] = [{"code": "1", "title": "Tập huấn"}]
    found = copy.deepcopy(expected)
    found["tasks"][0]["lead"] = "Sở Nội vụ"
    assert score(found, expected) == 1.0
    expected["tasks"][0]["lead"] = "Sở Y tế"
    assert part_scores(found, expected)["tasks"] == 0.5
