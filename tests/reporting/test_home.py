"""What the home pages show: the reporter's due reports and the officer's periods."""

from __future__ import annotations

from binhdang.reporting import services
from binhdang.reporting.home import due_items, period_summaries

from .conftest import fill


def test_a_reporter_sees_the_reports_due_with_deadline_state_and_link(period, daklak, commune_a_reporter):
    [item] = due_items(commune_a_reporter)
    assert (item.unit, item.deadline.isoformat(), item.state, item.is_done) == (
        daklak.commune_a,
        "2026-11-30",
        "not_started",
        False,
    )
    assert item.url == f"/reporting/periods/{period.pk}/units/{daklak.commune_a.pk}/"
    report = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    fill(report, commune_a_reporter)
    services.submit(report, commune_a_reporter)
    [item] = due_items(commune_a_reporter)
    assert item.state == "submitted" and item.is_done and str(item.state_label) == "Đã nộp"


def test_closed_periods_are_left_out_unless_asked(period, commune_a_reporter, focal_officer):
    services.close_period(period, focal_officer)
    assert due_items(commune_a_reporter) == []
    assert len(due_items(commune_a_reporter, include_closed=True)) == 1


def test_officers_and_leaders_follow_their_provinces_periods(
    period, laichau_period, focal_officer, leader, outsider
):
    assert [b.period for b in period_summaries(focal_officer)] == [period]
    assert [b.period for b in period_summaries(leader)] == [period]
    assert [b.period for b in period_summaries(outsider)] == [laichau_period]
    assert period_summaries(focal_officer)[0].expected == 6


def test_a_reporter_follows_no_board_and_an_officer_has_no_report_due_without_a_query(
    period, commune_a_reporter, focal_officer, django_assert_num_queries
):
    from binhdang.accounts import access

    with access.roles_read_once():
        access.grants(commune_a_reporter)  # the roles, read once per request
        access.grants(focal_officer)
        with django_assert_num_queries(0):
            assert period_summaries(commune_a_reporter) == []
            assert due_items(focal_officer) == []
    assert [b.period for b in period_summaries(focal_officer)] == [period]
    assert len(due_items(commune_a_reporter)) == 1


def test_a_one_unit_reporter_reads_its_reports_due_their_states_and_its_unit_in_one_query(
    period, daklak, commune_a_reporter, django_assert_num_queries
):
    from binhdang.accounts import access
    from binhdang.reporting.home import due_and_units

    services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    with access.roles_read_once():
        access.grants(commune_a_reporter)
        with django_assert_num_queries(1):
            due, units = due_and_units(commune_a_reporter)
            assert [(i.state, i.unit.name, i.period.plan.title) for i in due] == [
                ("draft", "Xã Ea Kar", period.plan.title)
            ]
            assert [(u.name, u.province.name) for u in units] == [("Xã Ea Kar", "Tỉnh Đắk Lắk")]


def test_the_reports_due_read_in_one_statement_hold_what_the_orm_reads_of_periods_plans_and_units(
    period, daklak, commune_a_reporter, focal_officer
):
    from binhdang.accounts.models import Role, RoleAssignment
    from binhdang.reporting.models import ExpectedReporter

    RoleAssignment.objects.create(user=commune_a_reporter, role=Role.REPORTER, org_unit=daklak.commune_b)
    services.get_or_create_submission(period, daklak.commune_b, commune_a_reporter)
    services.close_period(period, focal_officer)
    items = due_items(commune_a_reporter, include_closed=True)
    expected = {
        (e.period_id, e.unit_id): e
        for e in ExpectedReporter.objects.filter(unit__in=[daklak.commune_a, daklak.commune_b])
    }
    assert len(items) == len(expected) == 2
    for item in items:
        e = expected[(item.period.pk, item.unit.pk)]
        shown = (
            str(item.period.plan),
            item.period.label,
            item.deadline,
            item.period.status,
            item.unit.name,
            item.unit.get_type_display(),
            item.unit.is_active,
            item.unit.province.name,
        )
        assert shown == (
            str(e.period.plan),
            e.period.label,
            e.period.deadline,
            e.period.status,
            e.unit.name,
            e.unit.get_type_display(),
            e.unit.is_active,
            e.unit.province.name,
        )
        assert item.period.form_code == e.period.form_code  # a column not read is read when asked
    states = {i.unit.pk: i.state for i in items}
    assert states == {daklak.commune_a.pk: "not_started", daklak.commune_b.pk: "draft"}
    assert [i.unit.name for i in items] == sorted(i.unit.name for i in items)  # same deadline: by name
