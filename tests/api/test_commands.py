"""``binhdang token create|revoke USERNAME``."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


def _run(*args) -> str:
    out = StringIO()
    call_command("token", *args, stdout=out)
    return out.getvalue().strip()


def test_create_prints_a_working_token_and_replaces_the_old_one(focal_officer):
    first = _run("create", "focal")
    second = _run("create", "focal")
    assert first != second
    assert list(Token.objects.filter(user=focal_officer).values_list("key", flat=True)) == [second]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {second}")
    assert client.get("/api/v1/plans/").status_code == 200


def test_revoke_deletes_the_token(focal_officer):
    _run("create", "focal")
    assert "thu hồi" in _run("revoke", "focal")
    assert not Token.objects.filter(user=focal_officer).exists()


def test_unknown_user_is_an_error(db):
    with pytest.raises(CommandError, match="nobody"):
        _run("create", "nobody")
