"""The report page's plain statements (reporting/report_reads.py) read what the querysets they replace
read: the same rows, fields, related objects and values, converted as the ORM converts them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from binhdang.reporting import attachments, quarters, report_reads, services
from binhdang.reporting.models import Period, Submission
from binhdang.reporting.models.submissions import COMPLETE_STATES

from .conftest import fill

pytestmark = pytest.mark.django_db


def _fields(obj) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in type(obj)._meta.concrete_fields}


def _submitted(period, unit, user) -> Submission:
    report = services.get_or_create_submission(period, unit, user)
    fill(report, user)
    services.submit(report, user)
    report.refresh_from_db()
    return report


def test_a_report_is_read_with_its_period_plan_focal_unit_unit_and_editor_as_the_orm_reads_them(
    period, daklak, commune_a_reporter, django_assert_num_queries
):
    report = _submitted(period, daklak.commune_a, commune_a_reporter)
    expected = Submission.objects.select_related(
        "period", "period__plan", "period__focal_unit", "unit", "updated_by"
    ).get(pk=report.pk)
    with django_assert_num_queries(1):
        found = report_reads.submission(report.pk)
        assert found is not None
        assert _fields(found) == _fields(expected)
        assert _fields(found.period) == _fields(expected.period)
        assert _fields(found.period.plan) == _fields(expected.period.plan)
        assert found.period.focal_unit == expected.period.focal_unit
        assert _fields(found.unit) == _fields(expected.unit)
        assert _fields(found.updated_by) == _fields(expected.updated_by)
        assert found.warnings == expected.warnings and isinstance(found.warnings, list)


def test_a_report_nobody_saved_has_no_editor_and_a_missing_or_absurd_id_no_report(
    period, daklak, django_assert_num_queries
):
    report = services.get_or_create_submission(period, daklak.commune_a)
    with django_assert_num_queries(1):
        found = report_reads.submission(report.pk)
        assert found is not None and found.updated_by is None
    assert report_reads.submission(report.pk + 1000) is None
    assert report_reads.submission(int("9" * 40)) is None


def test_values_and_last_years_values_are_read_together_as_value_map_and_previous_values(
    plan, period, daklak, focal_officer, commune_a_reporter, time_machine
):
    report = _submitted(period, daklak.commune_a, commune_a_reporter)
    assert report_reads.values_and_previous(report) == (report.value_map(), {})
    time_machine.move_to(dt.datetime(2027, 1, 5, 9, 0))
    next_year = services.open_period(plan, 2027, focal_officer)
    later = services.get_or_create_submission(next_year, daklak.commune_a, commune_a_reporter)
    fill(later, commune_a_reporter, values={("TT_SESSIONS", ""): "7"})
    later.refresh_from_db()
    values, previous = report_reads.values_and_previous(later)
    assert values == later.value_map() == {("TT_SESSIONS", ""): "7"}
    assert previous == services.previous_values(later) == report.value_map()


def test_the_quarters_a_unit_is_expected_in_are_those_the_orm_finds(
    plan, period, daklak, focal_officer, time_machine
):
    time_machine.move_to(dt.datetime(2026, 1, 5, 9, 0))
    services.open_subannual(plan, 2026, focal_officer, numbers=[1, 2], element_codes=["TT_NEWS"])
    for unit in (daklak.newspaper, daklak.commune_a):
        orm = list(quarters.subperiods(period).filter(expected_reporters__unit=unit))
        found = report_reads.expected_parts(plan.pk, 2026, quarters.SUBANNUAL_KINDS, unit.pk)
        assert [_fields(p) for p in found] == [_fields(p) for p in orm]
    assert report_reads.expected_parts(plan.pk, 2025, quarters.SUBANNUAL_KINDS, daklak.newspaper.pk) == []


def test_the_versions_of_the_complete_reports_of_a_unit_type_are_those_the_orm_finds(
    period, daklak, commune_a_reporter, commune_b_reporter
):
    _submitted(period, daklak.commune_a, commune_a_reporter)
    services.get_or_create_submission(period, daklak.commune_b, commune_b_reporter)  # a draft: left out
    orm = dict(
        Submission.objects.filter(period=period, unit__type="commune", state__in=COMPLETE_STATES).values_list(
            "pk", "version"
        )
    )
    assert report_reads.complete_report_versions(period.pk, "commune", COMPLETE_STATES) == orm and orm
    assert report_reads.complete_report_versions(period.pk, "media", COMPLETE_STATES) == {}


def test_workflow_steps_and_evidence_files_are_read_in_order_with_their_users(
    period, daklak, focal_officer, commune_a_reporter
):
    report = _submitted(period, daklak.commune_a, commune_a_reporter)
    services.return_submission(report, focal_officer, "Sửa lại")
    report.refresh_from_db()
    for name in ("a.pdf", "b.pdf"):
        attachments.add_attachment(
            report, SimpleUploadedFile(name, b"%PDF-1.4 x", "application/pdf"), commune_a_reporter, "mô tả"
        )
    steps = report_reads.state_changes(report)
    orm = list(report.state_changes.select_related("user"))
    assert [_fields(s) for s in steps] == [_fields(s) for s in orm] and len(steps) == 2
    assert [str(s.user) for s in steps] == [str(s.user) for s in orm]
    assert [s.get_action_display() for s in steps] == [s.get_action_display() for s in orm]
    files = report_reads.attachments(report)
    assert [_fields(a) for a in files] == [_fields(a) for a in report.attachments.all()]
    assert [a.file.name for a in files] == [a.file.name for a in report.attachments.all()]


def test_a_units_report_page_reads_the_period_the_unit_its_report_and_whether_it_is_expected(
    period, daklak, laichau, commune_a_reporter, django_assert_num_queries
):
    stored = Period.objects.select_related("plan", "focal_unit").get(pk=period.pk)
    with django_assert_num_queries(1):
        found = report_reads.unit_page(period.pk, daklak.commune_a.pk)
        assert found is not None
        read_period, unit, report, expected = found
        assert report is None and expected is True and unit == daklak.commune_a
        assert _fields(read_period) == _fields(stored) and _fields(read_period.plan) == _fields(stored.plan)
        assert read_period.focal_unit == stored.focal_unit
    saved = _submitted(period, daklak.commune_a, commune_a_reporter)
    with django_assert_num_queries(1):
        found = report_reads.unit_page(period.pk, daklak.commune_a.pk)
        assert found is not None
        read_period, unit, report, expected = found
        assert report is not None and _fields(report) == _fields(saved)
        assert (
            report.period is read_period and report.unit is unit and report.updated_by == commune_a_reporter
        )
    assert report_reads.unit_page(period.pk, laichau.root.pk) is None  # another province's unit
    assert report_reads.unit_page(period.pk + 100, daklak.commune_a.pk) is None
    assert report_reads.unit_page(period.pk, int("9" * 40)) is None
