"""``binhdang runperiodic``: the single cron entry point (enqueue the periodic jobs, or run them now)."""

from __future__ import annotations

import io
import signal

import pytest
from django.core.management import CommandError, call_command
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from binhdang.reporting.models import ReminderLog
from binhdang.reporting.tasks import PERIODIC_JOBS

REPORTER_A_EMAIL = "ybih.nie@eakar.daklak.gov.vn"


def run(*args) -> str:
    out = io.StringIO()
    call_command("runperiodic", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def reporter_with_email(commune_a_reporter):
    commune_a_reporter.email = REPORTER_A_EMAIL
    commune_a_reporter.save()
    return commune_a_reporter


def test_without_options_every_periodic_job_is_queued_for_the_worker(db):
    output = run()
    paths = sorted(DBTaskResult.objects.values_list("task_path", flat=True))
    assert paths == sorted(job.task.module_path for job in PERIODIC_JOBS)
    assert "binhdang.work.tasks.send_campaign_reminders_task" in paths  # the work app's daily job
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {TaskResultStatus.READY}
    assert "reminders: đã đưa vào hàng đợi" in output
    assert "prune_task_results: đã đưa vào hàng đợi" in output


def test_date_is_passed_to_the_reminders_job(db):
    run("--job", "reminders", "--date", "2026-11-29")
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "binhdang.reporting.tasks.send_reminders_task"
    assert queued.args_kwargs == {"args": [], "kwargs": {"day": "2026-11-29"}}


def test_now_runs_the_reminders_here_and_sends_them(period, reporter_with_email, mailoutbox):
    output = run("--now", "--job", "reminders", "--date", "2026-11-27")
    assert not DBTaskResult.objects.exists()
    (message,) = mailoutbox
    assert message.to == [REPORTER_A_EMAIL]
    assert ReminderLog.objects.get(recipient=REPORTER_A_EMAIL).status == "sent"
    assert 'reminders: đã chạy xong {"units": 6, "notifications": 1, "emails_sent": 1' in output


def test_now_on_a_day_without_reminders_sends_nothing(period, reporter_with_email, mailoutbox):
    run("--now", "--job", "reminders", "--date", "2026-11-26")
    assert mailoutbox == []
    assert not ReminderLog.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_queued_jobs_are_run_by_the_worker(period, reporter_with_email, mailoutbox):
    run("--date", "2026-11-23")
    names = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]
    saved = {name: signal.getsignal(name) for name in names}
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    finally:
        for name, handler in saved.items():
            signal.signal(name, handler)
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {TaskResultStatus.SUCCESSFUL}
    assert [m.to for m in mailoutbox] == [[REPORTER_A_EMAIL]]


def test_list_names_the_jobs(db):
    output = run("--list")
    assert output.splitlines()[0].startswith("reminders: ")
    assert not DBTaskResult.objects.exists()


def test_an_unknown_job_is_refused_in_vietnamese(db):
    with pytest.raises(CommandError, match="Không có tác vụ: backup"):
        run("--job", "backup")
    assert not DBTaskResult.objects.exists()


def test_a_bad_date_is_refused_in_vietnamese(db):
    with pytest.raises(CommandError, match='--date: "30/11/2026" không phải là ngày hợp lệ'):
        run("--date", "30/11/2026")
