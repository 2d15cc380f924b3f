"""reporting.notifications: the reporters of units and their in-app notifications."""

from __future__ import annotations

from django.urls import reverse

from binhdang.accounts.models import Role
from binhdang.reporting import notifications, services
from binhdang.reporting.models import Notification
from tests.factories import make_user


def test_the_reporters_of_units_are_their_active_reporters_only(
    daklak, commune_a_reporter, commune_b_reporter, focal_officer
):
    gone = make_user("reporter_gone", Role.REPORTER, daklak.commune_a, is_active=False)
    reporters = set(notifications.reporters_of([daklak.commune_a]))
    assert reporters == {commune_a_reporter}
    assert gone not in reporters


def test_notify_creates_one_notification_per_user_and_cuts_the_text_at_500_characters(
    commune_a_reporter, commune_b_reporter
):
    count = notifications.notify([commune_a_reporter, commune_b_reporter], "x" * 600, "/reporting/")
    assert count == 2
    texts = list(
        Notification.objects.values_list("user__username", "text", "link").order_by("user__username")
    )
    assert texts == [("reporter_a", "x" * 500, "/reporting/"), ("reporter_b", "x" * 500, "/reporting/")]


def test_notify_unit_tells_the_units_reporters_with_a_link_to_the_report(
    daklak, period, commune_a_reporter, commune_b_reporter
):
    submission = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    notifications.notify_unit(submission, "Báo cáo đã được tiếp nhận.")
    note = Notification.objects.get()
    assert note.user == commune_a_reporter
    assert note.text == f"{daklak.commune_a.name}: Báo cáo đã được tiếp nhận."
    assert note.link == reverse("reporting:submission", args=[submission.pk])
