"""``core.methods.WebMethodsMiddleware``: PUT, PATCH and DELETE on web pages are 405, nothing changes."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from django.urls import reverse

from binhdang.core.methods import WebMethodsMiddleware
from binhdang.reporting.models import Period


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_put_patch_delete_on_a_web_page_are_405_for_everyone(method, focal_officer, commune_a_reporter):
    url = reverse("accounts:user_deactivate", args=[commune_a_reporter.pk])
    for client in (Client(), _logged_in(focal_officer)):
        response = getattr(client, method)(url)
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD, POST, OPTIONS"
        assert "không được dùng" in response.content.decode()
    commune_a_reporter.refresh_from_db()
    assert commune_a_reporter.is_active


def test_get_and_post_pass_through(focal_officer):
    client = _logged_in(focal_officer)
    assert client.get(reverse("core:home")).status_code == 200
    assert client.post(reverse("reporting:period_open"), {}).status_code in (200, 400)
    assert not Period.objects.exists()


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE"])
def test_the_api_keeps_its_own_methods(method):
    seen = []
    middleware = WebMethodsMiddleware(lambda request: seen.append(request.method) or "passed")
    request = RequestFactory().generic(method, "/api/v1/submissions/1/")
    assert middleware(request) == "passed" and seen == [method]


def test_the_middleware_is_installed_before_the_session_and_the_user():
    names = settings.MIDDLEWARE
    here = names.index("binhdang.core.methods.WebMethodsMiddleware")
    assert here < names.index("django.contrib.sessions.middleware.SessionMiddleware")


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client
