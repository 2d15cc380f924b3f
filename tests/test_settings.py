"""The settings read the environment and default to a working local setup."""

from binhdang import settings


def test_vietnamese_is_the_default_language_with_english_available():
    assert settings.LANGUAGE_CODE == "vi"
    assert [code for code, _ in settings.LANGUAGES] == ["vi", "en"]


def test_time_zone_is_vietnam():
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"


def test_passwords_are_hashed_with_argon2id():
    assert settings.PASSWORD_HASHERS[0] == "binhdang.accounts.hashers.Argon2idHasher"
