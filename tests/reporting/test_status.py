"""Status board numbers: completeness, timeliness, states, filters."""

from __future__ import annotations

from decimal import Decimal

import pytest

from binhdang.reporting import services
from binhdang.reporting.status import MISSING, NOT_STARTED, build_board, percent

from .conftest import fill, local


@pytest.fixture
def mixed_period(period, daklak, focal_officer):
    """6 expected: 2 on time (one accepted), 1 late, 1 returned, 1 draft, 1 not started."""

    def submitted(unit, moment):
        report = services.get_or_create_submission(period, unit)
        fill(report, None)
        services.submit(report, None, at=moment)
        return report

    services.accept(submitted(daklak.commune_a, local(2026, 11, 20)), focal_officer)
    submitted(daklak.health, local(2026, 11, 30, 23, 0))
    submitted(daklak.commune_b, local(2026, 12, 2))
    services.return_submission(
        submitted(daklak.womens_union, local(2026, 11, 25)), focal_officer, "Thiếu số liệu"
    )
    services.save_draft(
        services.get_or_create_submission(period, daklak.newspaper),
        {("TT_NEWS", ""): "40"},
        None,
        None,
        expected_version=None,
    )
    return period


def test_completeness_and_timeliness_count_against_every_expected_unit(mixed_period):
    board = build_board(mixed_period)
    assert (board.expected, board.submitted, board.on_time, board.late, board.missing) == (6, 3, 2, 1, 3)
    assert board.completeness == Decimal("50.0")
    assert board.timeliness == Decimal("33.3")
    assert dict(board.by_state) == {"accepted": 1, "submitted": 2, "returned": 1, "draft": 1, NOT_STARTED: 1}


def test_each_row_has_state_submit_time_and_on_time(mixed_period):
    rows = {r.unit.code: r for r in build_board(mixed_period).rows}
    assert (rows["66-C001"].state, rows["66-C001"].on_time) == ("accepted", True)
    assert (rows["66-C002"].state, rows["66-C002"].on_time) == ("submitted", False)
    assert rows["66-C002"].submitted_at == local(2026, 12, 2)
    assert (rows["66-D02"].state, rows["66-D02"].on_time, rows["66-D02"].submitted_at) == (
        NOT_STARTED,
        None,
        None,
    )
    assert rows["66-M02"].state == "returned" and not rows["66-M02"].is_complete


def test_filters_narrow_the_rows_but_not_the_totals(mixed_period):
    communes = build_board(mixed_period, unit_type="commune")
    assert [r.unit.code for r in communes.rows] == ["66-C002", "66-C001"]  # by name: Phường..., Xã...
    assert communes.expected == 6
    missing = build_board(mixed_period, state=MISSING)
    assert sorted(r.unit.code for r in missing.rows) == ["66-D02", "66-M02", "66-T01"]
    assert [r.unit.code for r in build_board(mixed_period, state="returned").rows] == ["66-M02"]
    assert [r.unit.code for r in build_board(mixed_period, unit_type="department", state=MISSING).rows] == [
        "66-D02"
    ]


def test_percent_rounds_half_up_and_handles_no_expected_units():
    assert percent(1, 3) == Decimal("33.3") and percent(2, 3) == Decimal("66.7")
    assert percent(0, 0) is None
