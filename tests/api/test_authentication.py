"""Token and session authentication of the API, two-factor login and disabled accounts."""

from __future__ import annotations

from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from tests.factories import PASSWORD


def test_token_opens_the_api(clients):
    assert clients["focal"].get("/api/v1/plans/").status_code == 200


def test_unknown_token_is_a_json_401_in_vietnamese(db):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token 0000")
    response = client.get("/api/v1/plans/")
    assert response.status_code == 401
    assert response.json() == {"detail": "Token không hợp lệ hoặc đã bị thu hồi.", "code": "invalid_token"}


def test_english_message_with_accept_language_en(db):
    response = APIClient().get("/api/v1/plans/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 401
    assert response.json()["detail"].startswith("Authentication required")


def test_disabled_accounts_token_no_longer_works(clients):
    response = clients["disabled"].get("/api/v1/plans/")
    assert response.status_code == 401
    assert response.json()["code"] == "account_disabled"


def test_browser_session_opens_the_api(client, focal_officer):
    client.post("/accounts/login/", {"username": "focal", "password": PASSWORD})
    assert client.get("/api/v1/plans/").status_code == 200


def test_session_waiting_for_the_two_factor_code_gets_json_401_not_a_redirect(client, focal_officer):
    TOTPDevice.objects.create(user=focal_officer, name="phone", confirmed=True)
    client.post("/accounts/login/", {"username": "focal", "password": PASSWORD})

    response = client.get("/api/v1/plans/")

    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "two_factor_required"


def test_session_write_without_the_csrf_header_is_refused_and_changes_nothing(api_world):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(api_world.users["reporter_a"])
    url = f"/api/v1/submissions/{api_world.submission.pk}/"
    body = {"version": api_world.submission.version, "values": [{"dataElement": "TT_NEWS", "value": "4"}]}

    response = client.patch(url, body, format="json")

    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"
    assert ("TT_NEWS", "") not in api_world.submission.value_map()
