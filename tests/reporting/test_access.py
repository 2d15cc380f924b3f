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


# The shape of the queries (issue 20: the load test's costliest statements were these helpers'
# SELECT DISTINCT over OR-ed joins) and the edge cases of the id lists they are now built from.


def _sql(queryset) -> str:
    return str(queryset.query).upper()


def test_a_reporters_periods_and_reports_are_read_without_distinct_or_joins_over_reverse_relations(
    report_a, commune_a_reporter
):
    periods = _sql(access.visible_periods(commune_a_reporter))
    assert "DISTINCT" not in periods
    assert "JOIN" not in periods  # expected reporters and reports are id subqueries, not joins
    reports = _sql(access.visible_submissions(commune_a_reporter))
    assert "DISTINCT" not in reports
    assert 'ORGUNITS_ORGUNIT" U0' not in reports  # the unit list is plain ids, not a subquery


def test_a_focal_officers_reports_are_filtered_by_the_province_id_without_distinct(report_a, focal_officer):
    sql = _sql(access.visible_submissions(focal_officer))
    assert "DISTINCT" not in sql
    assert "SELECT U0" not in sql  # no subquery of the provinces: the id from the role grants
    assert "DISTINCT" not in _sql(access.visible_periods(focal_officer))


def test_opening_a_visible_period_and_its_report_costs_one_query_each_once_the_roles_are_read(
    report_a, commune_a_reporter, django_assert_num_queries
):
    from binhdang.accounts import access as base

    with base.roles_read_once():
        base.grants(commune_a_reporter)
        with django_assert_num_queries(1):
            assert access.visible_periods(commune_a_reporter).get(pk=report_a.period_id) == report_a.period
        with django_assert_num_queries(1):
            found = access.visible_submissions(commune_a_reporter).filter(pk=report_a.pk).first()
            assert found == report_a
        with django_assert_num_queries(0):
            assert not access.board_periods(commune_a_reporter).exists()


def test_a_user_without_roles_sees_nothing_and_costs_no_query_beyond_reading_the_roles(
    report_a, daklak, django_assert_num_queries
):
    from binhdang.accounts import access as base
    from tests.factories import make_user

    nobody = make_user("nobody")
    with base.roles_read_once():
        base.grants(nobody)
        with django_assert_num_queries(0):
            assert not access.visible_periods(nobody).exists()
            assert not access.visible_submissions(nobody).exists()
            assert not access.board_periods(nobody).exists()


def test_a_reporter_of_two_units_in_two_provinces_sees_both_reports_and_no_other(
    report_a, report_b, daklak, laichau, laichau_period
):
    from binhdang.accounts.models import Role, RoleAssignment
    from tests.factories import make_user

    both = make_user("both", Role.REPORTER, daklak.commune_a)
    RoleAssignment.objects.create(user=both, role=Role.REPORTER, org_unit=laichau.commune_a)
    far = services.get_or_create_submission(laichau_period, laichau.commune_a)
    services.get_or_create_submission(laichau_period, laichau.commune_b)
    assert set(access.visible_submissions(both)) == {report_a, far}
    assert set(access.visible_periods(both)) == {report_a.period, laichau_period}
    assert access.visible_periods(both).count() == 2  # each period once
    assert not access.board_periods(both).exists()


def test_a_reporter_sees_a_period_where_their_unit_is_expected_before_starting_its_report(
    period, commune_a_reporter
):
    assert list(access.visible_periods(commune_a_reporter)) == [period]
    assert not access.visible_submissions(commune_a_reporter).exists()


def test_a_reporter_still_sees_the_period_of_their_report_when_their_unit_is_no_longer_expected(
    report_a, commune_a_reporter
):
    report_a.period.expected_reporters.filter(unit=report_a.unit).delete()
    assert list(access.visible_periods(commune_a_reporter)) == [report_a.period]
    assert list(access.visible_submissions(commune_a_reporter)) == [report_a]


def test_a_leader_sees_the_periods_and_every_report_of_their_province_only(
    report_a, report_b, leader, laichau, laichau_period
):
    services.get_or_create_submission(laichau_period, laichau.commune_a)
    assert set(access.visible_submissions(leader)) == {report_a, report_b}
    assert list(access.visible_periods(leader)) == [report_a.period]
    assert list(access.board_periods(leader)) == [report_a.period]


def test_a_focal_officer_who_also_reports_for_a_unit_elsewhere_sees_both_without_duplicates(
    report_a, report_b, focal_officer, laichau, laichau_period
):
    from binhdang.accounts.models import Role, RoleAssignment

    RoleAssignment.objects.create(user=focal_officer, role=Role.REPORTER, org_unit=laichau.commune_b)
    far = services.get_or_create_submission(laichau_period, laichau.commune_b)
    services.get_or_create_submission(laichau_period, laichau.commune_a)
    assert sorted(s.pk for s in access.visible_submissions(focal_officer)) == sorted(
        [report_a.pk, report_b.pk, far.pk]
    )
    assert sorted(p.pk for p in access.visible_periods(focal_officer)) == sorted(
        [report_a.period_id, laichau_period.pk]
    )
    assert list(access.board_periods(focal_officer)) == [report_a.period]


def test_a_ministry_viewer_sees_every_province_s_periods_and_reports(
    report_a, ministry_viewer, laichau, laichau_period
):
    far = services.get_or_create_submission(laichau_period, laichau.commune_a)
    assert set(access.visible_submissions(ministry_viewer)) == {report_a, far}
    assert set(access.visible_periods(ministry_viewer)) == {report_a.period, laichau_period}


def test_an_inactive_reporter_or_officer_sees_nothing(report_a, commune_a_reporter, focal_officer):
    for user in (commune_a_reporter, focal_officer):
        user.is_active = False
        user.save()
        assert not access.visible_submissions(user).exists()
        assert not access.visible_periods(user).exists()
        assert not access.board_periods(user).exists()
        assert not access.can_view_submission(user, report_a)
