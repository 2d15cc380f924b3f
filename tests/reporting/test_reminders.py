"""Reminders (reporting.reminders): who is due when, real e-mail through a local SMTP server
(aiosmtpd), in-app notifications, the log of every delivery, once a day."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import socket

import pytest
from django.urls import reverse

from binhdang.reporting import reminders, services
from binhdang.reporting.models import Notification, ReminderLog, ReminderRequest
from tests.factories import PASSWORD
from tests.reporting.conftest import fill

# The Đắk Lắk plan's units report by 30/11/2026 (tests/reporting/conftest.py).
SEVEN_DAYS_BEFORE = dt.date(2026, 11, 23)
THREE_DAYS_BEFORE = dt.date(2026, 11, 27)
DAY_AFTER = dt.date(2026, 12, 1)
REPORTER_A_EMAIL = "ybih.nie@eakar.daklak.gov.vn"
COMMUNE_B_EMAIL = "ubnd@buonmathuot.daklak.gov.vn"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """An aiosmtpd handler keeping what the server received."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd calls this hook by name
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def messages_to(self, address: str) -> list:
        return [
            email.message_from_bytes(e.original_content or e.content, policy=email.policy.default)
            for e in self.envelopes
            if address in e.rcpt_tos
        ]


def use_smtp(settings, port: int) -> None:
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 10},
        }
    }


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on 127.0.0.1 (aiosmtpd, in a thread); the default mailer points at it."""
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    use_smtp(settings, controller.port)
    yield inbox
    controller.stop()


@pytest.fixture
def addresses(daklak, commune_a_reporter):
    commune_a_reporter.email = REPORTER_A_EMAIL
    commune_a_reporter.save()
    daklak.commune_b.email = COMMUNE_B_EMAIL
    daklak.commune_b.save()


def test_due_reminders_name_the_units_that_have_not_submitted(period, daklak, department_reporter):
    submission = services.get_or_create_submission(period, daklak.health, department_reporter)
    fill(submission, department_reporter)
    services.submit(submission, department_reporter)
    due = reminders.due_reminders(SEVEN_DAYS_BEFORE)
    assert {item.unit for item in due} == {
        daklak.commune_a,
        daklak.commune_b,
        daklak.noi_vu,
        daklak.womens_union,
        daklak.newspaper,
    }
    assert {(item.kind, item.days_to_deadline, item.period) for item in due} == {
        ("before_deadline", 7, period)
    }


def test_a_draft_or_returned_report_is_still_reminded(period, daklak, commune_a_reporter):
    services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    states = {item.unit: item.state for item in reminders.due_reminders(THREE_DAYS_BEFORE)}
    assert states[daklak.commune_a] == "draft"
    assert states[daklak.commune_b] == "not_started"


def test_reminders_go_out_only_on_the_configured_days(settings, period):
    assert reminders.due_reminders(dt.date(2026, 11, 22)) == []
    assert reminders.due_reminders(dt.date(2026, 11, 29))[0].days_to_deadline == 1
    assert reminders.due_reminders(dt.date(2026, 11, 30)) == []
    settings.REMINDER_DAYS_BEFORE = [5, 0]
    assert reminders.due_reminders(SEVEN_DAYS_BEFORE) == []
    assert reminders.due_reminders(dt.date(2026, 11, 25))[0].days_to_deadline == 5
    assert reminders.due_reminders(dt.date(2026, 11, 30))[0].days_to_deadline == 0


def test_overdue_reminders_the_day_after_the_deadline_then_every_interval(settings, period):
    kinds = {day: {i.kind for i in reminders.due_reminders(dt.date(2026, 12, day))} for day in range(1, 16)}
    assert {day for day, found in kinds.items() if found} == {1, 8, 15}
    assert kinds[1] == {"overdue"}
    settings.REMINDER_OVERDUE_EVERY_DAYS = 3
    assert reminders.due_reminders(dt.date(2026, 12, 4))[0].days_to_deadline == -4


def test_no_reminder_for_a_closed_period(period, focal_officer):
    services.close_period(period, focal_officer)
    assert reminders.due_reminders(THREE_DAYS_BEFORE) == []
    assert reminders.due_reminders(DAY_AFTER) == []


def test_reminder_email_is_really_sent_to_the_smtp_server_and_logged(
    smtp_server, period, daklak, commune_a_reporter, addresses
):
    summary = reminders.send_due_reminders(THREE_DAYS_BEFORE)
    (message,) = smtp_server.messages_to(REPORTER_A_EMAIL)
    assert (
        message["Subject"] == "Nhắc nộp báo cáo năm 2026 của Xã Ea Kar: còn 3 ngày đến hạn nộp (30/11/2026)"
    )
    assert message["To"] == REPORTER_A_EMAIL
    body = message.get_content()
    assert "Kính gửi: Xã Ea Kar" in body
    assert "có hạn nộp ngày 30/11/2026 (còn 3 ngày) nhưng đơn vị chưa gửi báo cáo" in body
    assert "Tình trạng báo cáo: Chưa bắt đầu" in body
    assert (
        f"http://localhost:8000{reverse('reporting:report', args=[period.pk, daklak.commune_a.pk])}" in body
    )
    log = ReminderLog.objects.get(channel="email", recipient=REPORTER_A_EMAIL)
    assert (log.status, log.kind, log.unit, log.period, log.user) == (
        "sent",
        "before_deadline",
        daklak.commune_a,
        period,
        commune_a_reporter,
    )
    assert (log.day, log.days_to_deadline, log.error) == (THREE_DAYS_BEFORE, 3, "")
    assert log.subject == message["Subject"]
    (unit_message,) = smtp_server.messages_to(COMMUNE_B_EMAIL)
    assert "Phường Buôn Ma Thuột" in unit_message["Subject"]
    assert summary.emails_sent == 2


def test_reporters_get_an_in_app_notification_that_is_logged(smtp_server, period, daklak, commune_a_reporter):
    reminders.send_due_reminders(THREE_DAYS_BEFORE)
    note = Notification.objects.get(user=commune_a_reporter)
    assert note.text == "Xã Ea Kar: nhắc nộp báo cáo năm 2026, hạn nộp ngày 30/11/2026."
    assert note.link == reverse("reporting:report", args=[period.pk, daklak.commune_a.pk])
    assert note.reminder.kind == ReminderRequest.Kind.AUTOMATIC
    log = ReminderLog.objects.get(channel="in_app", user=commune_a_reporter)
    assert (log.recipient, log.status, log.kind) == ("reporter_a", "sent", "before_deadline")


def test_a_unit_without_any_address_is_logged_as_failed_once_a_day(smtp_server, period, daklak):
    summary = reminders.send_due_reminders(THREE_DAYS_BEFORE)
    log = ReminderLog.objects.get(unit=daklak.womens_union)
    assert (log.channel, log.recipient, log.status) == ("email", "", "failed")
    assert log.error == "Đơn vị và người báo cáo của đơn vị đều chưa có địa chỉ thư điện tử."
    assert summary.without_address == 6
    assert smtp_server.envelopes == []
    assert reminders.send_due_reminders(THREE_DAYS_BEFORE).without_address == 0
    assert ReminderLog.objects.filter(unit=daklak.womens_union).count() == 1


def test_running_twice_the_same_day_sends_once(smtp_server, period, daklak, commune_a_reporter, addresses):
    first = reminders.send_due_reminders(THREE_DAYS_BEFORE)
    logs = ReminderLog.objects.count()
    second = reminders.send_due_reminders(THREE_DAYS_BEFORE)
    assert len(smtp_server.envelopes) == 2
    assert Notification.objects.count() == 1
    assert ReminderLog.objects.count() == logs
    assert (first.emails_sent, first.notifications) == (2, 1)
    assert (second.emails_sent, second.notifications, second.skipped) == (0, 0, 3)
    assert ReminderRequest.objects.filter(kind="automatic").count() == 1
    reminders.send_due_reminders(dt.date(2026, 11, 29))
    assert len(smtp_server.envelopes) == 4  # another day, another reminder


def test_overdue_reminder_says_how_late_the_report_is(
    smtp_server, period, daklak, commune_a_reporter, addresses
):
    reminders.send_due_reminders(dt.date(2026, 12, 8))
    (message,) = smtp_server.messages_to(REPORTER_A_EMAIL)
    assert message["Subject"] == "Quá hạn: báo cáo năm 2026 của Xã Ea Kar đã chậm 8 ngày (hạn nộp 30/11/2026)"
    assert "đã chậm 8 ngày. Đề nghị đơn vị khẩn trương hoàn thành và gửi báo cáo." in message.get_content()
    log = ReminderLog.objects.get(recipient=REPORTER_A_EMAIL)
    assert (log.kind, log.days_to_deadline) == ("overdue", -8)
    note = Notification.objects.get(user=commune_a_reporter)
    assert (
        note.text
        == "Xã Ea Kar: báo cáo năm 2026 đã quá hạn nộp (30/11/2026); đề nghị khẩn trương gửi báo cáo."
    )


def test_a_failed_email_is_logged_with_its_error_and_retried_by_the_next_run(
    settings, period, daklak, commune_a_reporter, addresses
):
    use_smtp(settings, free_port())  # nothing listens there
    summary = reminders.send_due_reminders(THREE_DAYS_BEFORE)
    failed = ReminderLog.objects.get(recipient=REPORTER_A_EMAIL)
    assert failed.status == "failed"
    assert "ConnectionRefusedError" in failed.error
    assert (summary.emails_failed, summary.without_address) == (2, 4)
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        use_smtp(settings, controller.port)
        retry = reminders.send_due_reminders(THREE_DAYS_BEFORE)
    finally:
        controller.stop()
    assert len(inbox.messages_to(REPORTER_A_EMAIL)) == 1
    assert retry.emails_sent == 2
    assert retry.notifications == 0  # the in-app notification had gone out the first time
    statuses = list(ReminderLog.objects.filter(recipient=REPORTER_A_EMAIL).values_list("status", flat=True))
    assert sorted(statuses) == ["failed", "sent"]


def test_manual_reminder_emails_the_units_with_the_officers_message(
    smtp_server, period, daklak, focal_officer, commune_a_reporter, addresses
):
    request = services.request_reminders(
        period, [daklak.commune_a, daklak.commune_b], focal_officer, "Đề nghị gửi trước ngày 25/11."
    )
    summary = reminders.send_manual_reminders(request.pk)
    (message,) = smtp_server.messages_to(REPORTER_A_EMAIL)
    assert (
        message["Subject"] == "Cơ quan đầu mối nhắc nộp báo cáo năm 2026 của Xã Ea Kar (hạn nộp 30/11/2026)"
    )
    assert "Ý kiến của cơ quan đầu mối: Đề nghị gửi trước ngày 25/11." in message.get_content()
    assert len(smtp_server.messages_to(COMMUNE_B_EMAIL)) == 1
    assert summary.emails_sent == 2
    request.refresh_from_db()
    assert request.emailed_at is not None
    logged = set(
        ReminderLog.objects.filter(request=request).values_list("kind", "channel", "recipient", "status")
    )
    assert logged == {
        ("manual", "in_app", "reporter_a", "sent"),
        ("manual", "in_app", "", "failed"),  # commune B has no reporter account
        ("manual", "email", REPORTER_A_EMAIL, "sent"),
        ("manual", "email", COMMUNE_B_EMAIL, "sent"),
    }
    again = reminders.send_manual_reminders(request.pk)
    assert (again.emails_sent, len(smtp_server.envelopes)) == (0, 2)


def test_a_unit_that_submitted_since_the_manual_request_gets_no_email(
    smtp_server, period, daklak, focal_officer, commune_a_reporter, addresses
):
    request = services.request_reminders(period, [daklak.commune_a], focal_officer)
    submission = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    fill(submission, commune_a_reporter)
    services.submit(submission, commune_a_reporter)
    assert reminders.send_manual_reminders(request.pk).emails_sent == 0
    assert smtp_server.envelopes == []


def test_daily_run_sends_manual_requests_whose_emails_never_went_out(
    smtp_server, period, daklak, focal_officer, commune_a_reporter, addresses
):
    request = services.request_reminders(period, [daklak.commune_a], focal_officer)  # no worker ran
    reminders.send_due_reminders(dt.date(2026, 11, 24))  # no automatic reminder that day
    assert [m["Subject"] for m in smtp_server.messages_to(REPORTER_A_EMAIL)] == [
        "Cơ quan đầu mối nhắc nộp báo cáo năm 2026 của Xã Ea Kar (hạn nộp 30/11/2026)"
    ]
    request.refresh_from_db()
    assert request.emailed_at is not None


def test_reminder_log_page_lists_every_delivery_for_the_focal_officer(
    client, smtp_server, period, daklak, focal_officer, commune_a_reporter, addresses
):
    reminders.send_due_reminders(THREE_DAYS_BEFORE)
    client.login(username="focal", password=PASSWORD)
    page = client.get(reverse("reporting:reminder_log", args=[period.pk])).content.decode()
    assert "Nhật ký nhắc nhở năm 2026" in page
    assert REPORTER_A_EMAIL in page
    assert "Thư điện tử" in page and "Thông báo trong hệ thống" in page
    assert "Trước hạn nộp" in page
    failed = client.get(
        reverse("reporting:reminder_log", args=[period.pk]), {"status": "failed"}
    ).content.decode()
    assert REPORTER_A_EMAIL not in failed
    assert "Hội Liên hiệp Phụ nữ tỉnh" in failed


def test_the_reminder_log_is_the_focal_officers(client, period, leader):
    client.login(username="leader", password=PASSWORD)
    assert client.get(reverse("reporting:reminder_log", args=[period.pk])).status_code == 403


def test_a_manual_request_is_logged_at_once_with_its_emails_queued_for_the_worker(
    smtp_server, period, daklak, focal_officer, commune_a_reporter, addresses
):
    request = services.request_reminders(period, [daklak.commune_a, daklak.commune_b], focal_officer)
    logged = {
        (log.unit.code, log.channel, log.recipient, log.status, log.error)
        for log in ReminderLog.objects.filter(request=request)
    }
    assert logged == {
        ("66-C001", "in_app", "reporter_a", "sent", ""),
        ("66-C001", "email", REPORTER_A_EMAIL, "queued", ""),
        ("66-C002", "in_app", "", "failed", "Đơn vị chưa có tài khoản người báo cáo."),
        ("66-C002", "email", COMMUNE_B_EMAIL, "queued", ""),
    }
    assert smtp_server.envelopes == []

    reminders.send_manual_reminders(request.pk)  # the worker
    statuses = set(ReminderLog.objects.filter(channel="email").values_list("recipient", "status"))
    assert statuses == {(REPORTER_A_EMAIL, "sent"), (COMMUNE_B_EMAIL, "sent")}


def test_units_without_reporters_are_those_with_no_active_reporter_account(
    daklak, commune_a_reporter, commune_b_reporter
):
    commune_b_reporter.is_active = False
    commune_b_reporter.save()
    units = [daklak.commune_a, daklak.commune_b, daklak.health]
    assert reminders.units_without_reporters(units) == [daklak.commune_b, daklak.health]


def test_the_log_page_says_what_waits_for_the_worker(
    client, period, daklak, focal_officer, commune_a_reporter, addresses
):
    services.request_reminders(period, [daklak.commune_a], focal_officer, "Đề nghị nộp sớm")
    client.login(username="focal", password=PASSWORD)
    page = client.get(reverse("reporting:reminder_log", args=[period.pk])).content.decode()
    assert "1 e-mail đang chờ tiến trình nền (binhdang db_worker) gửi." in page
    assert "Đang chờ tiến trình nền gửi" in page and REPORTER_A_EMAIL in page
    assert "Cơ quan đầu mối nhắc nộp báo cáo năm 2026 của Xã Ea Kar" in page and "Đề nghị nộp sớm" in page
