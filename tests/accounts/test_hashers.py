"""Passwords: Argon2id at OWASP's minimum; hashes made with Django's heavier defaults still work."""

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher, check_password, make_password

pytestmark = pytest.mark.argon2


def test_new_passwords_use_argon2id_with_19_mib_two_passes_one_lane():
    encoded = make_password("Mat-khau-2026")
    assert encoded.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert check_password("Mat-khau-2026", encoded)
    assert not check_password("mat-khau-2026", encoded)


def test_a_hash_with_djangos_default_parameters_verifies_and_is_rewritten_at_login():
    old = Argon2PasswordHasher().encode("Mat-khau-2026", "saltsaltsaltsalt")
    assert "m=102400" in old
    rewritten = []
    assert check_password("Mat-khau-2026", old, setter=rewritten.append)
    assert len(rewritten) == 1


def test_a_wrong_password_against_an_old_hash_is_refused_and_not_rewritten():
    old = Argon2PasswordHasher().encode("Mat-khau-2026", "saltsaltsaltsalt")
    rewritten = []
    assert not check_password("khac", old, setter=rewritten.append)
    assert rewritten == []
