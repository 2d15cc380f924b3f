"""The review steps (reporting/review_steps.py, entered through reporting.services): what a step
leaves of "last saved", the conflict it causes for a page loaded before it, and the queue of reports
waiting for review."""

from __future__ import annotations

import pytest
from django.utils import translation

from binhdang.reporting import services
from binhdang.reporting.errors import ConflictError
from binhdang.reporting.models import State, Submission

from .conftest import fill, local


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def submitted(period, unit, user, at):
    report = services.get_or_create_submission(period, unit)
    fill(report, user)
    return services.submit(report, user, at=at)


def test_returning_or_accepting_keeps_last_saved_as_the_units_last_save(
    period, daklak, commune_a_reporter, focal_officer
):
    report = submitted(period, daklak.commune_a, commune_a_reporter, local(2026, 11, 20))
    saved_at = Submission.objects.get(pk=report.pk).updated_at
    services.return_submission(report, focal_officer, "Số người tham dự nữ chưa khớp")
    report = Submission.objects.get(pk=report.pk)
    assert report.state == State.RETURNED
    assert (report.updated_by, report.updated_at) == (commune_a_reporter, saved_at)
    assert report.state_changes.last().user == focal_officer  # the step itself is recorded
    services.submit(report, commune_a_reporter)
    services.accept(report, focal_officer)
    report = Submission.objects.get(pk=report.pk)
    assert (report.state, report.updated_by, report.updated_at) == (
        State.ACCEPTED,
        commune_a_reporter,
        saved_at,
    )


def test_a_page_loaded_before_a_return_gets_a_conflict_naming_the_return_and_who_did_it(
    period, daklak, commune_a_reporter, focal_officer
):
    report = submitted(period, daklak.commune_a, commune_a_reporter, local(2026, 11, 20))
    loaded = report.version
    services.return_submission(report, focal_officer, "Thiếu biên bản")
    with pytest.raises(ConflictError) as caught:
        services.save_draft(
            report, {("TT_NEWS", ""): "13"}, None, commune_a_reporter, expected_version=loaded
        )
    message = caught.value.messages[0]
    assert "Nguyễn Thị Hoa" in message and "Bị trả lại để sửa" in message
    assert caught.value.saved_by == focal_officer


def test_the_review_queue_offers_the_oldest_other_submitted_report_of_the_period(
    period, daklak, commune_a_reporter, commune_b_reporter, department_reporter, focal_officer, leader
):
    first = submitted(period, daklak.commune_a, commune_a_reporter, local(2026, 11, 20))
    third = submitted(period, daklak.health, department_reporter, local(2026, 11, 28))
    second = submitted(period, daklak.commune_b, commune_b_reporter, local(2026, 11, 25))
    queue = services.review_queue(first, focal_officer)
    assert (queue.next, queue.waiting) == (second, 2)
    services.accept(second, focal_officer)
    assert services.review_queue(first, focal_officer).next == third
    services.return_submission(third, focal_officer, "Sửa số liệu")
    assert services.review_queue(first, focal_officer).next is None
    assert services.review_queue(first, focal_officer).waiting == 0
    # Only a reviewer gets a queue.
    assert services.review_queue(third, leader).next is None
    assert services.review_queue(third, commune_a_reporter).next is None


def test_someone_who_may_not_review_is_refused_before_any_version_check(
    period, daklak, commune_a_reporter, leader
):
    from binhdang.reporting.errors import AccessDenied

    report = submitted(period, daklak.commune_a, commune_a_reporter, local(2026, 11, 20))
    for step in (services.accept, services.return_submission):
        with pytest.raises(AccessDenied):
            step(report, leader, comment="x", expected_version=report.version - 1)
    assert Submission.objects.get(pk=report.pk).state == State.SUBMITTED
