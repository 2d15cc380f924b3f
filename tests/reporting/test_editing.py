"""The report being edited (reporting.editing): built once per request and handed to validation,
saving and rendering; an autosave stays within a fixed number of queries."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from binhdang.reporting import services
from binhdang.reporting.editing import ReportBeingEdited
from binhdang.reporting.entry import field_name
from binhdang.reporting.forms_catalog import form_for_period
from binhdang.reporting.models import Submission

HTMX = {"HTTP_HX_REQUEST": "true"}


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_an_autosave_stays_within_its_query_budget(
    period, daklak, commune_a_reporter, django_assert_max_num_queries
):
    submission = services.get_or_create_submission(period, daklak.commune_a)
    client = _client(commune_a_reporter)
    client.get(reverse("reporting:submission", args=[submission.pk]))
    data = {field_name("TT_SESSIONS"): "4", field_name("TT_NEWS"): "-1", "version": "1"}
    # Session with user and roles, the report (with its period and unit); the quarters of the year the unit
    # reports in (figures consolidated from quarters, reporting.quarters); a savepoint, the report
    # locked by its version (read in this request: not read again), its values with last year's (one
    # statement: warnings), one value written with its history, the version of the other units'
    # figures of its type (outlier rule: the figures themselves are kept since the page was read), the
    # report written with its history, the savepoint released. Rendering the answer asks nothing more:
    # not even the menu's queries (unread notices, who sees which entry), which the fragment does not
    # show. (15 before: the report locked and read again, its values and last year's apart; 14: the
    # user read apart from the session.)
    with django_assert_max_num_queries(13):
        response = client.post(reverse("reporting:save", args=[submission.pk]), data, **HTMX)
    assert response.status_code == 200 and "Đã lưu bản nháp lúc" in response.text


def test_an_autosave_of_the_whole_form_writes_each_value_once_and_the_history_rows_together(
    period, daklak, commune_a_reporter, django_assert_max_num_queries
):
    from binhdang.reporting.models import DataValue

    from .conftest import COMMUNE_VALUES

    submission = services.get_or_create_submission(period, daklak.commune_a)
    client = _client(commune_a_reporter)
    client.get(reverse("reporting:submission", args=[submission.pk]))
    data = {field_name(code, coc): text for (code, coc), text in COMMUNE_VALUES.items()}
    # As above: the 14 values written in one statement and their 14 history rows in another (28 when
    # each value was written on its own, 43 before that).
    with django_assert_max_num_queries(14):
        response = client.post(
            reverse("reporting:save", args=[submission.pk]), {**data, "version": "1"}, **HTMX
        )
    assert response.status_code == 200
    assert DataValue.objects.filter(submission=submission).count() == len(COMMUNE_VALUES)
    assert DataValue.history.filter(submission=submission, history_type="+").count() == len(COMMUNE_VALUES)


def test_an_autosave_builds_the_units_form_elements_once(period, daklak, commune_a_reporter, monkeypatch):
    submission = services.get_or_create_submission(period, daklak.commune_a)
    calls = []
    import binhdang.reporting.editing as editing

    def counted(p):
        calls.append(p.pk)
        return form_for_period(p)

    monkeypatch.setattr(editing, "form_for_period", counted)
    monkeypatch.setattr(services, "elements_for", lambda s: pytest.fail("elements computed again"))
    response = _client(commune_a_reporter).post(
        reverse("reporting:save", args=[submission.pk]),
        {field_name("TT_SESSIONS"): "4", "version": "1"},
        **HTMX,
    )
    assert response.status_code == 200 and calls == [period.pk]


def test_a_report_nobody_started_is_offered_to_who_may_start_it_and_changes_nothing(
    period, daklak, commune_a_reporter, commune_b_reporter, leader
):
    report = ReportBeingEdited.not_started(commune_a_reporter, period, daklak.commune_a)
    assert report is not None and report.submission is None and report.version == 0
    assert report.values == {} and report.can_edit and not report.can_review
    assert [issue.code for issue in report.pending()][:1] == ["TT_SESSIONS"]
    assert ReportBeingEdited.not_started(commune_b_reporter, period, daklak.commune_a) is None
    assert ReportBeingEdited.not_started(leader, period, daklak.commune_a) is None
    assert not Submission.objects.exists()


def test_saving_nothing_but_empty_fields_does_not_start_the_report(period, daklak, commune_a_reporter):
    report = ReportBeingEdited.not_started(commune_a_reporter, period, daklak.commune_a)
    assert report.save({field_name("TT_SESSIONS"): "  "}, 0) is None
    assert not Submission.objects.exists()
    result = report.save({field_name("TT_SESSIONS"): "3"}, 0)
    assert result is not None and report.submission == Submission.objects.get()
    assert report.values == {("TT_SESSIONS", ""): "3"}


def test_an_autosave_asks_what_the_user_may_do_only_what_it_needs(
    period, daklak, commune_a_reporter, monkeypatch
):
    """Whether the user may read the narrative (what to save) and, on the locked report, change it."""
    from binhdang.reporting import access

    submission = services.get_or_create_submission(period, daklak.commune_a)
    asked: list[str] = []
    for name in ("can_edit_submission", "can_see_narrative", "can_review_submission", "can_view_board"):
        original = getattr(access, name)

        def counted(*args, _name=name, _original=original):
            asked.append(_name)
            return _original(*args)

        monkeypatch.setattr(access, name, counted)
    response = _client(commune_a_reporter).post(
        reverse("reporting:save", args=[submission.pk]),
        {field_name("TT_SESSIONS"): "4", "version": "1"},
        **HTMX,
    )
    assert response.status_code == 200
    assert sorted(asked) == ["can_edit_submission", "can_see_narrative"]
