"""Who sees and changes which reports (reporting.access), per persona."""

from __future__ import annotations

import pytest

from binhdang.reporting import access, services

from .conftest import fill


@pytest.fixture
def report_a(period, daklak):
    return services.get_or_create_submission(period, daklak.commune_a)


@pytest.fixture
def report_b(period, daklak):
    return services.get_or_create_submission(period, daklak.commune_b)


def test_a_reporter_sees_and_edits_only_their_units_report(report_a, report_b, commune_a_reporter):
    assert list(access.visible_submissions(commune_a_reporter)) == [report_a]
    assert access.can_edit_submission(commune_a_reporter, report_a)
    assert not access.can_edit_submission(commune_a_reporter, report_b)
    assert not access.can_view_board(commune_a_reporter, report_a.period)
    assert list(access.visible_periods(commune_a_reporter)) == [report_a.period]


def test_the_focal_officer_sees_edits_and_reviews_everything_of_the_province(
    report_a, report_b, focal_officer, laichau_period
):
    assert set(access.visible_submissions(focal_officer)) == {report_a, report_b}
    assert access.can_edit_submission(focal_officer, report_b)
    assert access.can_review_submission(focal_officer, report_b)
    assert access.can_manage_period(focal_officer, report_a.period)
    assert not access.can_manage_period(focal_officer, laichau_period)
    assert list(access.board_periods(focal_officer)) == [report_a.period]


def test_a_leader_reads_everything_and_changes_nothing(report_a, leader):
    assert list(access.visible_submissions(leader)) == [report_a]
    assert access.can_view_board(leader, report_a.period)
    assert access.can_see_narrative(leader, report_a)
    assert not access.can_edit_submission(leader, report_a)
    assert not access.can_review_submission(leader, report_a)
    assert not access.can_manage_period(leader, report_a.period)


def test_a_ministry_viewer_reads_figures_but_not_narratives(report_a, ministry_viewer):
    assert access.can_view_submission(ministry_viewer, report_a)
    assert access.can_view_board(ministry_viewer, report_a.period)
    assert not access.can_see_narrative(ministry_viewer, report_a)
    assert not access.can_edit_submission(ministry_viewer, report_a)


def test_an_officer_of_another_province_sees_nothing(report_a, outsider):
    assert not access.visible_submissions(outsider).exists()
    assert not access.visible_periods(outsider).exists()
    assert not access.can_view_board(outsider, report_a.period)
    assert not access.can_edit_submission(outsider, report_a)
    assert not access.can_see_narrative(outsider, report_a)


def test_nobody_edits_a_submitted_report_until_it_is_returned(report_a, commune_a_reporter, focal_officer):
    fill(report_a, commune_a_reporter)
    services.submit(report_a, commune_a_reporter)
    assert not access.can_edit_submission(commune_a_reporter, report_a)
    assert not access.can_edit_submission(focal_officer, report_a)
    services.return_submission(report_a, focal_officer, "Sửa")
    assert access.can_edit_submission(commune_a_reporter, report_a)


def test_rules_permissions_follow_the_access_helpers(report_a, commune_a_reporter, leader, focal_officer):
    assert commune_a_reporter.has_perm("reporting.change_submission", report_a)
    assert not leader.has_perm("reporting.change_submission", report_a)
    assert leader.has_perm("reporting.view_board", report_a.period)
    assert focal_officer.has_perm("reporting.open_period")
    assert not leader.has_perm("reporting.open_period")
    assert focal_officer.has_perm("reporting.review_submission", report_a)
