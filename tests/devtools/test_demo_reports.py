"""Demo reports: a realistic, deterministic mix, built once."""

from __future__ import annotations

import pytest

from binhdang.devtools.demo_reports import RETURN_COMMENTS, build_demo_reports
from binhdang.reporting.datavalue_export import export_data_value_sets
from binhdang.reporting.models import Period, Submission
from binhdang.reporting.status import build_board
from tests.factories import make_unit


@pytest.fixture
def big_daklak(daklak, plan, focal_officer, commune_a_reporter):
    for i in range(3, 43):
        make_unit(daklak.root, f"Xã Thử Nghiệm {i:02d}", f"66-C{i:03d}", division="Xã")
    return daklak


def test_the_demo_year_has_a_realistic_mix_of_reports(big_daklak):
    built = build_demo_reports(big_daklak.root, 2026, seed=7, keep_open=[big_daklak.commune_a])
    period = built["period"]
    counts = built["counts"]
    assert sum(counts.values()) == period.expected_reporters.count() == 46
    assert set(counts) == {"on_time", "accepted", "late", "returned", "draft", "missing"}
    assert counts["on_time"] + counts["accepted"] > 46 / 2
    board = build_board(period)
    assert board.submitted == counts["on_time"] + counts["accepted"] + counts["late"]
    assert board.late == counts["late"]
    assert not Submission.objects.filter(unit=big_daklak.commune_a).exists()
    returned = Submission.objects.filter(state="returned").first()
    assert returned.comments.get().text in RETURN_COMMENTS
    for submission in Submission.objects.filter(state__in=("submitted", "accepted")):
        assert submission.results and submission.value_map()


def test_the_demo_is_deterministic_for_a_seed_and_built_once(big_daklak):
    first = build_demo_reports(big_daklak.root, 2026, seed=3)
    exported = export_data_value_sets(first["period"])
    assert build_demo_reports(big_daklak.root, 2026, seed=3)["counts"] == {}
    assert export_data_value_sets(first["period"]) == exported
    Submission.objects.all().delete()
    Period.objects.all().delete()
    again = build_demo_reports(big_daklak.root, 2026, seed=3)
    assert again["counts"] == first["counts"]
    assert export_data_value_sets(again["period"]) == exported


def test_no_active_communication_plan_means_no_demo_year(daklak):
    assert build_demo_reports(daklak.root, 2026, seed=1) == {"period": None, "counts": {}}
