"""Background jobs (reporting.tasks) through the real django-tasks-db backend and its worker.

These tests commit (``transaction=True``): the worker and ``transaction.on_commit`` need real commits.
"""

from __future__ import annotations

import datetime as dt
import signal

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from binhdang.reporting import services, tasks
from binhdang.reporting.models import ReminderLog
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

REPORTER_A_EMAIL = "ybih.nie@eakar.daklak.gov.vn"


@pytest.fixture
def run_worker():
    """Run ``binhdang db_worker --batch`` (what is queued, then exit); restore the signal handlers it sets."""

    def run() -> None:
        names = [signal.SIGINT, signal.SIGTERM] + ([signal.SIGQUIT] if hasattr(signal, "SIGQUIT") else [])
        saved = {name: signal.getsignal(name) for name in names}
        try:
            call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
        finally:
            for name, handler in saved.items():
                signal.signal(name, handler)

    return run


@pytest.fixture
def reporter_with_email(commune_a_reporter):
    commune_a_reporter.email = REPORTER_A_EMAIL
    commune_a_reporter.save()
    return commune_a_reporter


def test_reminders_task_runs_through_the_database_worker(period, reporter_with_email, run_worker, mailoutbox):
    result = tasks.send_reminders_task.enqueue(day="2026-11-29")
    stored = DBTaskResult.objects.get(id=result.id)
    assert stored.status == TaskResultStatus.READY
    assert stored.task_path == "binhdang.reporting.tasks.send_reminders_task"
    assert mailoutbox == []
    run_worker()
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value["emails_sent"] == 1
    assert result.return_value["notifications"] == 1
    (message,) = mailoutbox
    assert message.to == [REPORTER_A_EMAIL]
    assert message.subject.startswith("Nhắc nộp báo cáo năm 2026 của Xã Ea Kar: còn 1 ngày")
    assert ReminderLog.objects.filter(recipient=REPORTER_A_EMAIL, status="sent").count() == 1


def test_the_status_boards_reminder_enqueues_the_email_task_after_commit(
    client, period, daklak, focal_officer, reporter_with_email, run_worker, mailoutbox
):
    client.login(username="focal", password=PASSWORD)
    response = client.post(
        reverse("reporting:remind", args=[period.pk]),
        {"units": [daklak.commune_a.pk], "message": "Hạn chót là 30/11."},
    )
    assert response.status_code == 302
    queued = DBTaskResult.objects.get(task_path="binhdang.reporting.tasks.send_manual_reminders_task")
    request = period.reminder_requests.get()
    assert queued.args_kwargs == {"args": [request.pk], "kwargs": {}}
    assert request.emailed_at is None
    assert mailoutbox == []
    run_worker()
    queued.refresh_from_db()
    assert queued.status == TaskResultStatus.SUCCESSFUL
    (message,) = mailoutbox
    assert message.to == [REPORTER_A_EMAIL]
    assert "Ý kiến của cơ quan đầu mối: Hạn chót là 30/11." in message.body
    request.refresh_from_db()
    assert request.emailed_at is not None
    assert set(ReminderLog.objects.values_list("kind", "channel", "status")) == {
        ("manual", "email", "sent"),
        ("manual", "in_app", "sent"),
    }


def test_the_reminder_log_is_true_before_and_after_the_worker_runs(
    client, period, daklak, focal_officer, reporter_with_email, run_worker, mailoutbox
):
    client.login(username="focal", password=PASSWORD)
    client.post(reverse("reporting:remind", args=[period.pk]), {"units": [daklak.commune_a.pk]})
    log_url = reverse("reporting:reminder_log", args=[period.pk])
    assert set(ReminderLog.objects.values_list("channel", "recipient", "status")) == {
        ("in_app", "reporter_a", "sent"),
        ("email", REPORTER_A_EMAIL, "queued"),
    }
    assert "1 e-mail đang chờ tiến trình nền" in client.get(log_url).content.decode()
    run_worker()
    assert set(ReminderLog.objects.values_list("channel", "recipient", "status")) == {
        ("in_app", "reporter_a", "sent"),
        ("email", REPORTER_A_EMAIL, "sent"),
    }
    assert "đang chờ tiến trình nền" not in client.get(log_url).content.decode()
    assert len(mailoutbox) == 1


def test_a_refused_reminder_enqueues_nothing(period, daklak, commune_a_reporter, outsider):
    with pytest.raises(services.AccessDenied):
        services.request_reminders(period, [daklak.commune_a], outsider)
    assert not DBTaskResult.objects.exists()


def test_prune_task_deletes_old_finished_results_only(period, run_worker):
    old = tasks.send_reminders_task.enqueue(day="2026-11-24")
    recent = tasks.send_reminders_task.enqueue(day="2026-11-25")
    run_worker()
    DBTaskResult.objects.filter(id=old.id).update(finished_at=timezone.now() - dt.timedelta(days=40))
    waiting = tasks.send_reminders_task.enqueue(day="2026-11-26")
    outcome = tasks.prune_task_results_task.call(min_age_days=30)
    assert outcome == {"deleted": 1}
    assert set(DBTaskResult.objects.values_list("id", flat=True)) == {
        DBTaskResult.objects.get(id=recent.id).id,
        DBTaskResult.objects.get(id=waiting.id).id,
    }
