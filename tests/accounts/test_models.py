"""Rules about one account (``accounts.models.User``)."""

from __future__ import annotations

from django.test import Client

from binhdang.accounts.models import Session


def test_an_account_deactivated_anywhere_keeps_no_session(client, commune_a_reporter, commune_b_reporter):
    client.force_login(commune_a_reporter)
    other = Client()
    other.force_login(commune_b_reporter)
    commune_a_reporter.is_active = False
    commune_a_reporter.save()  # as the admin site saves it
    assert not Session.objects.filter(user_id=commune_a_reporter.pk).exists()
    assert Session.objects.filter(user_id=commune_b_reporter.pk).exists()
    commune_a_reporter.is_active = True
    commune_a_reporter.save()
    assert client.get("/reporting/").status_code == 302  # the old cookie opens nothing
    assert other.get("/reporting/").status_code == 200


def test_saving_an_active_account_keeps_its_sessions(client, commune_a_reporter):
    client.force_login(commune_a_reporter)
    commune_a_reporter.full_name = "Hà Thị Lan"
    commune_a_reporter.save()
    assert client.get("/reporting/").status_code == 200
