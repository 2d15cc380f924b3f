"""Workflows: opening periods, drafts with optimistic concurrency, the submit/return/accept/reopen
cycle, on-time vs late, reminders."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from binhdang.reporting import services
from binhdang.reporting.errors import (
    AccessDenied,
    ConflictError,
    ReportingError,
    ReportValidationError,
    TransitionError,
)
from binhdang.reporting.models import (
    DataValue,
    Notification,
    Period,
    ReminderRequest,
    State,
    StateChange,
    Submission,
)

from .conftest import COMMUNE_VALUES, fill, local, make_plan


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.fixture
def report_a(period, commune_a_reporter, daklak):
    return services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)


def test_open_period_defaults_follow_decree_09_and_the_plan(period, daklak, focal_officer):
    assert (period.cutoff_start, period.cutoff_end) == (dt.date(2025, 12, 15), dt.date(2026, 12, 14))
    assert period.deadline == dt.date(2026, 11, 30)  # the units' obligation, not the 05/12 consolidation
    assert period.lock_date == dt.date(2026, 12, 14)
    assert period.form_code == "TT1790" and period.province == daklak.root and period.is_open
    expected = set(period.expected_reporters.values_list("unit__code", flat=True))
    assert expected == {"66-C001", "66-C002", "66-D02", "66-D06", "66-M02", "66-T01"}
    assert period.history.first().history_user == focal_officer


def test_open_period_takes_a_given_deadline_and_skips_inactive_units(plan, daklak, focal_officer):
    daklak.health.is_active = False
    daklak.health.save()
    period = services.open_period(plan, 2027, focal_officer, deadline=dt.date(2027, 12, 1))
    assert period.deadline == dt.date(2027, 12, 1)
    assert not period.expected_reporters.filter(unit=daklak.health).exists()


def test_a_year_cannot_be_opened_twice(period, plan, focal_officer):
    with pytest.raises(ReportingError, match="đã được mở"):
        services.open_period(plan, 2026, focal_officer)
    assert Period.objects.count() == 1


def test_a_lock_date_before_the_deadline_is_refused_and_nothing_is_created(plan, focal_officer):
    with pytest.raises(ReportingError, match="Ngày khóa sổ"):
        services.open_period(plan, 2026, focal_officer, lock_date=dt.date(2026, 11, 1))
    assert not Period.objects.exists()


def previous_plan(daklak):
    """The province's plan of 2021-2025, the years before the 2026-2030 plan."""
    return make_plan(daklak.root, slug="kh-1790-daklak-2021", span=(2021, 2025))


@pytest.mark.parametrize("year", [2025, 2031, 2035])
def test_a_year_outside_the_plans_span_is_refused_naming_the_span(plan, focal_officer, year):
    with pytest.raises(ReportingError) as refused:
        services.open_period(plan, year, focal_officer)
    assert f"Năm: {year} nằm ngoài thời kỳ của kế hoạch (2026 - 2030)" in str(refused.value.messages)
    assert not Period.objects.exists()


def test_the_first_and_last_years_of_the_plan_can_be_opened(plan, focal_officer):
    assert services.open_period(plan, 2026, focal_officer).year == 2026
    assert services.open_period(plan, 2030, focal_officer).year == 2030


@pytest.mark.parametrize("persona", ["leader", "outsider", "commune_a_reporter", "ministry_viewer"])
def test_only_the_focal_officer_of_the_province_opens_a_period(plan, persona, request):
    with pytest.raises(AccessDenied):
        services.open_period(plan, 2026, request.getfixturevalue(persona))


def test_save_draft_stores_values_bumps_the_version_and_reports_what_is_missing(report_a, commune_a_reporter):
    result = services.save_draft(
        report_a, {("TT_SESSIONS", ""): "3"}, {"results": "Tốt"}, commune_a_reporter, expected_version=1
    )
    assert result.changed and result.version == 2 and report_a.version == 2
    assert report_a.value_map() == {("TT_SESSIONS", ""): "3"}
    assert report_a.results == "Tốt"
    assert "Số lượt người tham dự (Nam): chưa nhập" in [str(i) for i in result.pending]


def test_saving_nothing_new_keeps_the_version(report_a, commune_a_reporter):
    fill(report_a, commune_a_reporter)
    result = services.save_draft(
        report_a, {("TT_SESSIONS", ""): "4"}, None, commune_a_reporter, expected_version=report_a.version
    )
    assert not result.changed and result.version == 2


def test_a_bad_value_saves_nothing_and_names_the_field(report_a, commune_a_reporter):
    with pytest.raises(ReportValidationError) as caught:
        services.save_draft(
            report_a,
            {("TT_NEWS", ""): "5", ("TT_SESSIONS", ""): "-1"},
            {"results": "x"},
            commune_a_reporter,
            expected_version=1,
        )
    assert caught.value.messages == ["Số cuộc truyền thông: phải là số nguyên không âm"]
    report_a.refresh_from_db()
    assert report_a.version == 1 and report_a.results == "" and not report_a.values.exists()


def test_the_second_of_two_concurrent_saves_gets_a_conflict_and_the_first_value_stays(
    report_a, commune_a_reporter, focal_officer
):
    first_view = Submission.objects.get(pk=report_a.pk)
    second_view = Submission.objects.get(pk=report_a.pk)
    services.save_draft(
        first_view, {("TT_SESSIONS", ""): "7"}, None, commune_a_reporter, expected_version=first_view.version
    )
    with pytest.raises(ConflictError) as caught:
        services.save_draft(second_view, {("TT_SESSIONS", ""): "9"}, None, focal_officer, expected_version=1)
    assert "Y Bih Niê" in caught.value.messages[0] and "lưu lúc" in caught.value.messages[0]
    assert caught.value.saved_by == commune_a_reporter and caught.value.current_version == 2
    assert DataValue.objects.get(submission=report_a, data_element="TT_SESSIONS").value == "7"


def test_a_report_read_in_the_request_is_still_checked_for_a_save_made_since(
    report_a, commune_a_reporter, focal_officer
):
    """The web form's save (``fresh``) locks the report it read by its version alone: a save made after
    that read is the conflict, as when the report is read again under its lock."""
    read_first = Submission.objects.select_related("period", "unit", "updated_by").get(pk=report_a.pk)
    services.save_draft(
        report_a, {("TT_SESSIONS", ""): "7"}, None, commune_a_reporter, expected_version=1, fresh=True
    )
    with pytest.raises(ConflictError) as caught:
        services.save_draft(
            read_first, {("TT_SESSIONS", ""): "9"}, None, focal_officer, expected_version=1, fresh=True
        )
    assert "Y Bih Niê" in caught.value.messages[0] and caught.value.current_version == 2
    assert DataValue.objects.get(submission=report_a, data_element="TT_SESSIONS").value == "7"
    # read before the save but posted with its version: read again under the lock, then saved
    result = services.save_draft(
        read_first, {("TT_SESSIONS", ""): "9"}, None, focal_officer, expected_version=2, fresh=True
    )
    assert result.version == read_first.version == 3 and read_first.value_map()[("TT_SESSIONS", "")] == "9"
    assert result.submission.updated_by == focal_officer


def test_clearing_a_value_deletes_it(report_a, commune_a_reporter):
    fill(report_a, commune_a_reporter)
    services.save_draft(report_a, {("TT_NEWS", ""): ""}, None, commune_a_reporter, expected_version=2)
    assert ("TT_NEWS", "") not in report_a.value_map()


def test_full_cycle_submit_return_resubmit_accept_reopen(report_a, commune_a_reporter, focal_officer):
    fill(report_a, commune_a_reporter)
    services.submit(report_a, commune_a_reporter)
    assert report_a.state == State.SUBMITTED and report_a.submitted_at is not None
    services.return_submission(report_a, focal_officer, "Số lượt tham dự chưa khớp")
    assert report_a.state == State.RETURNED
    services.save_draft(
        report_a,
        {("TT_PARTICIPANTS", "MALE"): "121"},
        None,
        commune_a_reporter,
        expected_version=report_a.version,
    )
    services.submit(report_a, commune_a_reporter)
    services.accept(report_a, focal_officer)
    assert report_a.state == State.ACCEPTED and report_a.accepted_at is not None
    services.reopen(report_a, focal_officer, "Bổ sung minh chứng")
    assert report_a.state == State.RETURNED and report_a.accepted_at is None
    actions = list(report_a.state_changes.values_list("action", "from_state", "to_state", "user__username"))
    assert actions == [
        ("submit", "draft", "submitted", "reporter_a"),
        ("return", "submitted", "returned", "focal"),
        ("resubmit", "returned", "submitted", "reporter_a"),
        ("accept", "submitted", "accepted", "focal"),
        ("reopen", "accepted", "returned", "focal"),
    ]
    assert list(report_a.comments.values_list("text", flat=True)) == [
        "Số lượt tham dự chưa khớp",
        "Bổ sung minh chứng",
    ]


def test_illegal_transitions_are_refused(report_a, commune_a_reporter, focal_officer):
    with pytest.raises(TransitionError):
        services.accept(report_a, focal_officer)
    with pytest.raises(TransitionError):
        services.return_submission(report_a, focal_officer, "x")
    with pytest.raises(TransitionError):
        services.reopen(report_a, focal_officer)
    fill(report_a, commune_a_reporter)
    services.submit(report_a, commune_a_reporter)
    with pytest.raises(TransitionError):
        services.submit(report_a, commune_a_reporter)
    with pytest.raises(TransitionError):
        services.reopen(report_a, focal_officer)
    with pytest.raises(TransitionError):
        services.save_draft(
            report_a, {("TT_NEWS", ""): "1"}, None, commune_a_reporter, expected_version=report_a.version
        )
    services.accept(report_a, focal_officer)
    for action in (
        lambda: services.accept(report_a, focal_officer),
        lambda: services.return_submission(report_a, focal_officer, "x"),
        lambda: services.submit(report_a, focal_officer),
        lambda: services.save_draft(
            report_a, {("TT_NEWS", ""): "1"}, None, focal_officer, expected_version=report_a.version
        ),
    ):
        with pytest.raises(TransitionError):
            action()
    assert report_a.state_changes.count() == 2


def test_returning_needs_a_comment(report_a, commune_a_reporter, focal_officer):
    fill(report_a, commune_a_reporter)
    services.submit(report_a, commune_a_reporter)
    with pytest.raises(ReportingError, match="Ý kiến"):
        services.return_submission(report_a, focal_officer, "  ")
    report_a.refresh_from_db()
    assert report_a.state == State.SUBMITTED


def test_a_reporter_cannot_review_and_a_leader_cannot_edit(report_a, commune_a_reporter, leader):
    fill(report_a, commune_a_reporter)
    services.submit(report_a, commune_a_reporter)
    with pytest.raises(AccessDenied):
        services.accept(report_a, commune_a_reporter)
    with pytest.raises(AccessDenied):
        services.return_submission(report_a, leader, "x")
    draft_b = services.get_or_create_submission(
        report_a.period, report_a.period.province.__class__.objects.get(code="66-C002")
    )
    with pytest.raises(AccessDenied):
        services.save_draft(draft_b, {("TT_NEWS", ""): "1"}, None, leader, expected_version=1)
    with pytest.raises(AccessDenied):
        services.save_draft(draft_b, {("TT_NEWS", ""): "1"}, None, commune_a_reporter, expected_version=1)


def test_submitting_an_incomplete_report_lists_what_is_missing(report_a, commune_a_reporter):
    values = {**COMMUNE_VALUES, ("TT_CONVENTIONS_OK", ""): "9"}
    del values[("TT_NEWS", "")]
    fill(report_a, commune_a_reporter, values)
    with pytest.raises(ReportValidationError) as caught:
        services.submit(report_a, commune_a_reporter)
    assert sorted(i.code for i in caught.value.issues) == ["TT_CONVENTIONS_OK", "TT_NEWS"]
    report_a.refresh_from_db()
    assert report_a.state == State.DRAFT and not StateChange.objects.exists()


def test_submitting_reuses_the_save_just_before_only_while_nothing_changed_the_report_since(
    report_a, commune_a_reporter
):
    """The web form saves then submits: the save's values are not read again, unless the report was
    saved since (then its version differs and the stored values decide)."""
    complete = fill(report_a, commune_a_reporter)
    services.save_draft(  # someone clears a required figure after that save
        report_a, {("TT_NEWS", ""): ""}, None, commune_a_reporter, expected_version=complete.version
    )
    with pytest.raises(ReportValidationError) as caught:
        services.submit(report_a, commune_a_reporter, saved=complete)
    assert [i.code for i in caught.value.issues] == ["TT_NEWS"]
    again = fill(report_a, commune_a_reporter)
    services.submit(report_a, commune_a_reporter, expected_version=again.version, saved=again)
    report_a.refresh_from_db()
    assert report_a.state == State.SUBMITTED


@pytest.mark.parametrize(
    "moment,on_time",
    [
        (local(2026, 11, 30, 23, 59), True),
        (local(2026, 11, 30, 0, 1), True),
        (local(2026, 12, 1, 0, 0), False),
        (local(2026, 12, 5, 9, 0), False),
    ],
)
def test_on_time_means_by_the_end_of_the_deadline_day_in_vietnam(
    report_a, commune_a_reporter, moment, on_time
):
    fill(report_a, commune_a_reporter)
    services.submit(report_a, commune_a_reporter, at=moment)
    assert report_a.on_time is on_time


def test_a_report_first_submitted_on_time_stays_on_time_after_a_late_resubmission(
    report_a, commune_a_reporter, focal_officer
):
    fill(report_a, commune_a_reporter)
    services.submit(report_a, commune_a_reporter, at=local(2026, 11, 28))
    services.return_submission(report_a, focal_officer, "Sửa lại")
    services.submit(report_a, commune_a_reporter, at=local(2026, 12, 3))
    assert report_a.submitted_at == local(2026, 12, 3) and report_a.on_time is True


def test_after_the_lock_date_the_reporter_cannot_edit_but_the_focal_officer_can(
    report_a, commune_a_reporter, focal_officer
):
    period = report_a.period
    period.deadline = period.lock_date = dt.date(2026, 1, 2)
    period.save()
    with pytest.raises(AccessDenied, match="khóa"):
        services.save_draft(report_a, {("TT_NEWS", ""): "1"}, None, commune_a_reporter, expected_version=1)
    result = services.save_draft(report_a, {("TT_NEWS", ""): "1"}, None, focal_officer, expected_version=1)
    assert result.changed


def test_a_closed_period_refuses_every_change(report_a, commune_a_reporter, focal_officer):
    services.close_period(report_a.period, focal_officer)
    with pytest.raises(TransitionError, match="đã đóng"):
        services.save_draft(report_a, {("TT_NEWS", ""): "1"}, None, focal_officer, expected_version=1)


def test_expected_reporters_can_change_but_a_started_unit_stays(period, daklak, focal_officer, report_a):
    keep = [daklak.commune_b, daklak.health]
    with pytest.raises(ReportingError, match="Xã Ea Kar"):
        services.set_expected_reporters(period, keep, focal_officer)
    added, removed = services.set_expected_reporters(period, [*keep, daklak.commune_a], focal_officer)
    assert (added, removed) == (0, 3)
    assert period.expected_reporters.count() == 3


def test_expected_reporters_must_be_of_the_province(period, laichau, focal_officer):
    with pytest.raises(ReportingError, match="Xã Tam Đường"):
        services.set_expected_reporters(period, [laichau.commune_a], focal_officer)


def test_reminders_notify_the_reporters_of_missing_units_only(
    period, daklak, focal_officer, commune_a_reporter, commune_b_reporter, department_reporter, report_a
):
    fill(report_a, commune_a_reporter)
    services.submit(report_a, commune_a_reporter)
    request = services.request_reminders(
        period, [daklak.commune_a, daklak.commune_b, daklak.health], focal_officer, "Đề nghị nộp sớm"
    )
    assert request.notified_count == 2
    assert set(request.units.values_list("code", flat=True)) == {"66-C002", "66-D06"}
    assert ReminderRequest.objects.get().emailed_at is None
    notes = Notification.objects.filter(reminder=request)
    assert set(notes.values_list("user__username", flat=True)) == {"reporter_b", "reporter_health"}
    assert "30/11/2026" in notes.first().text and "Đề nghị nộp sớm" in notes.first().text


def test_returning_notifies_the_units_reporters(report_a, commune_a_reporter, focal_officer):
    fill(report_a, commune_a_reporter)
    services.submit(report_a, commune_a_reporter)
    services.return_submission(report_a, focal_officer, "Thiếu số liệu tập huấn")
    note = Notification.objects.get(user=commune_a_reporter)
    assert "Thiếu số liệu tập huấn" in note.text and note.link == f"/reporting/submissions/{report_a.pk}/"


def test_warnings_are_stored_but_do_not_block(period, daklak, commune_a_reporter, focal_officer, plan):
    last_year = services.open_period(previous_plan(daklak), 2025, focal_officer)
    old = services.get_or_create_submission(last_year, daklak.commune_a)
    services.save_draft(old, {("TT_NEWS", ""): "120"}, None, None, expected_version=None)
    report = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    fill(report, commune_a_reporter)  # 12 news items after 120 last year: a tenth
    assert [w["code"] for w in report.warnings] == ["TT_NEWS"]
    services.submit(report, commune_a_reporter)
    assert report.state == State.SUBMITTED and [w["code"] for w in report.warnings] == ["TT_NEWS"]


def test_the_first_saved_value_creates_the_report_recorded_as_the_users(period, daklak, commune_a_reporter):
    from binhdang.reporting.models import Submission

    assert (
        services.save_new_report(period, daklak.commune_a, {("TT_SESSIONS", ""): ""}, {}, commune_a_reporter)
        is None
    )
    result = services.save_new_report(
        period, daklak.commune_a, {("TT_SESSIONS", ""): "2"}, {}, commune_a_reporter
    )
    report = Submission.objects.get(unit=daklak.commune_a)
    assert result is not None and result.submission == report and report.updated_by == commune_a_reporter
    assert {h.history_user_id for h in report.history.all()} == {commune_a_reporter.pk}
    with pytest.raises(services.ConflictError):
        services.save_new_report(period, daklak.commune_a, {("TT_SESSIONS", ""): "3"}, {}, commune_a_reporter)


def test_each_new_or_changed_value_gets_one_history_row_naming_who_when_and_what(
    period, daklak, commune_a_reporter
):
    """The history rows of a save's values are written together: still one per new ("+") or changed
    ("~") value, with the user, the time, no reason, and the new text; unchanged values get none."""
    from django.utils import timezone

    from binhdang.reporting.models import DataValue

    report = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    started = timezone.now()
    values = {("TT_SESSIONS", ""): "4", ("TT_NEWS", ""): "12"}
    services.save_draft(report, values, None, commune_a_reporter, expected_version=report.version)
    changed = {("TT_SESSIONS", ""): "5", ("TT_NEWS", ""): "12"}
    services.save_draft(report, changed, None, commune_a_reporter, expected_version=report.version)
    rows = list(
        DataValue.history.filter(submission=report)
        .order_by("history_id")
        .values_list(
            "data_element", "value", "history_type", "history_user", "history_change_reason", "history_date"
        )
    )
    assert [row[:5] for row in rows] == [
        ("TT_SESSIONS", "4", "+", commune_a_reporter.pk, None),
        ("TT_NEWS", "12", "+", commune_a_reporter.pk, None),
        ("TT_SESSIONS", "5", "~", commune_a_reporter.pk, None),
    ]
    assert all(started <= row[5] <= timezone.now() for row in rows)
