"""Fixtures of the orgunits tests."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Personas are created with a password; Argon2 costs about a second each on a busy machine.

    These tests log in with ``force_login`` and never check a password, so a cheap hasher is enough.
    """
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
