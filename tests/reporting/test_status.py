"""Status board numbers: completeness, timeliness, states, filters."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from binhdang.reporting import services
from binhdang.reporting.status import MISSING, NOT_STARTED, OVERDUE, build_board, percent

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


def test_after_the_deadline_every_unit_not_submitted_is_overdue_and_counted_apart_from_late(mixed_period):
    # The suite runs on 04/12/2026: the deadline (30/11) is over.
    board = build_board(mixed_period)
    assert board.past_deadline
    assert (board.overdue, board.late) == (3, 1)
    rows = {r.unit.code: r for r in board.rows}
    overdue = {code for code, r in rows.items() if r.overdue}
    assert overdue == {"66-D02", "66-M02", "66-T01"}  # not started, returned, draft
    assert {code: r.timeliness for code, r in rows.items()} == {
        "66-C001": "on_time",
        "66-D06": "on_time",
        "66-C002": "late",
        "66-D02": OVERDUE,
        "66-M02": OVERDUE,  # returned: its on-time first submission no longer counts
        "66-T01": OVERDUE,
    }


def test_the_board_filters_the_overdue_units(mixed_period):
    assert sorted(r.unit.code for r in build_board(mixed_period, state=OVERDUE).rows) == [
        "66-D02",
        "66-M02",
        "66-T01",
    ]
    assert [r.unit.code for r in build_board(mixed_period, unit_type="mass_org", state=OVERDUE).rows] == [
        "66-M02"
    ]


def test_before_the_deadline_nothing_is_overdue(mixed_period):
    mixed_period.deadline = dt.date(2026, 12, 10)
    mixed_period.save()
    board = build_board(mixed_period)
    assert not board.past_deadline and board.overdue == 0
    assert build_board(mixed_period, state=OVERDUE).rows == []
    assert {r.unit.code: r.timeliness for r in board.rows if not r.is_complete} == {
        "66-D02": "",
        "66-M02": "",
        "66-T01": "",
    }


def test_the_deadline_day_itself_is_not_overdue_until_its_end_in_vietnam(mixed_period):
    mixed_period.deadline = dt.date(2026, 12, 4)
    assert not mixed_period.is_past_deadline(local(2026, 12, 4, 23, 59))
    assert mixed_period.is_past_deadline(local(2026, 12, 5, 0, 0))


def test_the_boards_units_and_reports_read_in_two_statements_hold_what_the_orm_reads(
    mixed_period, django_assert_num_queries
):
    from binhdang.orgunits.models import OrgUnit
    from binhdang.reporting.models import Submission

    report = Submission.objects.filter(period=mixed_period).first()
    report.warnings = [{"kind": "outlier", "code": "X1", "coc": "", "message": "<b>lạ</b>"}]
    report.outlier_notes = {"X1/": "Đúng số liệu"}
    report.save()
    with django_assert_num_queries(2):  # the units, the reports
        board = build_board(mixed_period)
    expected_ids = mixed_period.expected_reporters.values("unit_id")
    units = OrgUnit.objects.filter(pk__in=expected_ids).order_by("type", "name")
    assert [(r.unit.pk, r.unit.code, r.unit.name, r.unit.type) for r in board.rows] == [
        (u.pk, u.code, u.name, u.type) for u in units
    ]
    reports = {s.unit_id: s for s in Submission.objects.filter(period=mixed_period)}
    for row in board.rows:
        expected = reports.get(row.unit.pk)
        if expected is None:
            assert row.submission is None
            continue
        shown = row.submission
        assert (shown.pk, shown.state, shown.submitted_at, shown.first_submitted_at, shown.version) == (
            expected.pk,
            expected.state,
            expected.submitted_at,
            expected.first_submitted_at,
            expected.version,
        )
        assert (shown.warnings, shown.outlier_notes) == (expected.warnings, expected.outlier_notes)
    flagged = next(r for r in board.rows if r.submission and r.submission.pk == report.pk)
    assert len(flagged.outlier_flags) == 1 and flagged.outliers_explained == 1
    assert flagged.submission.results == report.results  # a column not read is read when asked
