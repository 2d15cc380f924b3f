"""The activity log's figures in the report (``reporting/log_figures.py``, the views of
``reporting/views/log.py``): proposed for empty fields, accepted by the reporter (all or one), and the
differences shown to the focal officer on the review page and the status board."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from binhdang.reporting import log_figures, services
from binhdang.reporting.entry import field_name
from binhdang.reporting.models import DataValue, Submission
from binhdang.work.models import Activity, ActivityType
from tests.reporting.conftest import COMMUNE_VALUES, fill

HTMX = {"HTTP_HX_REQUEST": "true"}


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def logged(period, daklak, commune_a_reporter):
    """Commune A's log: 12 communication sessions (10 men, 20 women each) and a training."""
    for day in range(1, 13):
        Activity.objects.create(
            plan=period.plan,
            unit=daklak.commune_a,
            type=ActivityType.COMMUNICATION,
            date=dt.date(2026, 9, day),
            place="Nhà văn hóa",
            male=10,
            female=20,
            budget_state=1_000_000,
            created_by=commune_a_reporter,
        )
    Activity.objects.create(
        plan=period.plan,
        unit=daklak.commune_a,
        type=ActivityType.TRAINING,
        date=dt.date(2026, 10, 2),
        place="UBND xã",
        male=4,
        female=6,
        budget_other=500_000,
        created_by=commune_a_reporter,
    )
    return period


def page_of(client, period, unit):
    return client.get(reverse("reporting:report", args=[period.pk, unit.pk]))


def test_the_form_proposes_the_logs_figures_for_empty_fields_and_opening_it_saves_nothing(
    logged, daklak, commune_a_reporter
):
    page = page_of(client_for(commune_a_reporter), logged, daklak.commune_a)
    assert page.status_code == 200
    assert "Theo sổ hoạt động: <strong>12</strong>" in page.text
    assert "Theo sổ hoạt động: <strong>12.000.000</strong>" in page.text
    assert 'id="btn-accept-log"' in page.text and "Dùng tất cả số liệu của sổ hoạt động" in page.text
    assert "có số liệu cho 9 ô còn trống" in page.text
    assert not Submission.objects.exists() and not DataValue.objects.exists()


def test_without_activities_the_form_proposes_nothing(period, daklak, commune_a_reporter):
    page = page_of(client_for(commune_a_reporter), period, daklak.commune_a)
    assert "Theo sổ hoạt động" not in page.text and 'id="btn-accept-log"' not in page.text


def test_accepting_all_saves_the_logs_figures_through_the_audit_trail_and_keeps_what_was_typed(
    logged, daklak, commune_a_reporter
):
    url = reverse("reporting:report_accept_log", args=[logged.pk, daklak.commune_a.pk])
    typed = {"version": "0", "accept_log": "all", field_name("TT_SESSIONS"): "10", field_name("TT_NEWS"): "3"}
    response = client_for(commune_a_reporter).post(url, typed, **HTMX)
    assert response.status_code == 204
    submission = Submission.objects.get()
    assert response["HX-Redirect"] == submission.get_absolute_url()
    values = submission.value_map()
    assert values[("TT_SESSIONS", "")] == "10" and values[("TT_NEWS", "")] == "3"  # typed values win
    assert values[("TT_PARTICIPANTS", "FEMALE")] == "240" and values[("TT_TRAINEES", "MALE")] == "4"
    assert values[("TT_BUDGET_STATE", "")] == "12000000" and values[("TT_BUDGET_OTHER", "")] == "500000"
    assert ("TT_AM_PLAN", "") not in values  # not in the log
    record = DataValue.history.get(data_element="TT_BUDGET_STATE")
    assert record.history_user == commune_a_reporter and submission.state == "draft"


def test_accepting_one_field_fills_only_that_field(logged, daklak, commune_a_reporter):
    client = client_for(commune_a_reporter)
    url = reverse("reporting:report_accept_log", args=[logged.pk, daklak.commune_a.pk])
    response = client.post(url, {"version": "0", "accept_log": field_name("TT_TRAININGS")})
    submission = Submission.objects.get()
    assert response.status_code == 302 and submission.value_map() == {("TT_TRAININGS", ""): "1"}
    page = client.get(submission.get_absolute_url())
    assert "Đã đưa 1 số liệu của sổ hoạt động vào báo cáo" in page.text
    assert "có số liệu cho 8 ô còn trống" in page.text  # the others are still proposed
    # A second click on the same field puts nothing more: it is no longer empty.
    client.post(
        reverse("reporting:accept_log", args=[submission.pk]),
        {"version": str(submission.version), "accept_log": field_name("TT_TRAININGS")},
    )
    submission.refresh_from_db()
    assert submission.value_map() == {("TT_TRAININGS", ""): "1"}


def test_a_stale_page_accepting_gets_the_conflict_and_nothing_changes(logged, daklak, commune_a_reporter):
    submission = services.get_or_create_submission(logged, daklak.commune_a)
    services.save_draft(submission, {("TT_NEWS", ""): "2"}, {}, commune_a_reporter, expected_version=1)
    client = client_for(commune_a_reporter)
    client.post(reverse("reporting:accept_log", args=[submission.pk]), {"version": "1", "accept_log": "all"})
    submission.refresh_from_db()
    assert submission.value_map() == {("TT_NEWS", ""): "2"}


def test_who_may_not_change_the_report_cannot_accept(logged, daklak, commune_b_reporter, leader):
    url = reverse("reporting:report_accept_log", args=[logged.pk, daklak.commune_a.pk])
    assert client_for(commune_b_reporter).post(url, {"version": "0"}).status_code == 404
    assert client_for(leader).post(url, {"version": "0"}).status_code == 404
    assert not Submission.objects.exists()


def test_the_officer_sees_where_the_submitted_report_differs_from_the_log(
    logged, daklak, commune_a_reporter, focal_officer
):
    submission = services.get_or_create_submission(logged, daklak.commune_a)
    values = COMMUNE_VALUES | {("TT_SESSIONS", ""): "10", ("TT_PARTICIPANTS", "MALE"): "120"}
    fill(submission, commune_a_reporter, values)
    services.submit(submission, commune_a_reporter, confirm_outliers=True)
    diffs = log_figures.differences(submission.value_map(), log_figures.figures(logged, daklak.commune_a))
    # 12 sessions, 120 men and 240 women, 1 training with 4 men and 6 women, 12.000.000 and 500.000 đồng
    assert {(d.code, d.coc) for d in diffs} == {
        ("TT_SESSIONS", ""),
        ("TT_PARTICIPANTS", "FEMALE"),
        ("TT_TRAINEES", "MALE"),
        ("TT_TRAINEES", "FEMALE"),
        ("TT_AM_ACTIVITIES", ""),
        ("TT_BUDGET_STATE", ""),
        ("TT_BUDGET_OTHER", ""),
    }
    officer = client_for(focal_officer)
    page = officer.get(submission.get_absolute_url())
    assert 'id="log-differences"' in page.text
    assert "Báo cáo: 10 · Sổ hoạt động: 12" in page.text
    assert "Báo cáo: 15.000.000 · Sổ hoạt động: 12.000.000" in page.text
    assert "Báo cáo: 120 · Sổ hoạt động: 120" not in page.text  # the same figure is no difference
    board = officer.get(reverse("reporting:board", args=[logged.pk]))
    row = board.text[board.text.index('data-unit="66-C001"') :].split("</tr>")[0]
    assert "≠ Sổ hoạt động 7" in row and "7 số liệu khác với sổ hoạt động của đơn vị" in row
    other = board.text[board.text.index('data-unit="66-C002"') :].split("</tr>")[0]
    assert "log-flag" not in other


def test_the_reporter_editing_sees_the_logs_figure_beside_a_value_that_differs(
    logged, daklak, commune_a_reporter
):
    submission = services.get_or_create_submission(logged, daklak.commune_a)
    services.save_draft(submission, {("TT_SESSIONS", ""): "10"}, {}, commune_a_reporter, expected_version=1)
    page = client_for(commune_a_reporter).get(submission.get_absolute_url())
    assert "Sổ hoạt động: 12" in page.text and "log-difference" not in page.text
