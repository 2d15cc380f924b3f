"""Shared fixtures: two provinces and the named personas of the test suite.

Personas (each a logged-in-able user with the password ``factories.PASSWORD``):

- ``focal_officer``: focal officer of Đắk Lắk (Sở Nội vụ), manages the province.
- ``commune_a_reporter`` / ``commune_b_reporter``: reporters of two communes of Đắk Lắk.
- ``department_reporter``: reporter of Sở Y tế Đắk Lắk.
- ``leader``: a leader (Chủ tịch UBND) reading Đắk Lắk.
- ``ministry_viewer``: reads every province.
- ``outsider``: focal officer of another province (Lai Châu); must see nothing of Đắk Lắk.
- ``admin_user``: superuser.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import settings as hypothesis_settings

from tests.factories import Role, make_province, make_unit, make_user

pytest_plugins = ["tests.browser"]

# The fuzz tests (hypothesis) draw the same examples on every run, so that CI is repeatable and a failure
# reproduces; HYPOTHESIS_PROFILE=explore draws new ones each run (with a larger max_examples, to hunt).
hypothesis_settings.register_profile("repeatable", derandomize=True)
hypothesis_settings.register_profile("explore", derandomize=False)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


def pytest_configure(config):
    config.addinivalue_line("markers", "argon2: keep the production password hasher (Argon2) in this test")
    config.addinivalue_line("markers", "real_clock: run on the real date, not the suite's fixed day")


#: The day the suite runs on (its clock then moves on normally): the day its tests were last checked
#: against. The test data are of the 2026 reporting year: its data cutoff and lock date (14/12) would
#: otherwise make results depend on the day the tests happen to run (a reporter locked out after the lock
#: date, a completeDate "in the future").
#: Processes a test starts read it from BINHDANG_TEST_CLOCK (see ``tests.clock``).
TEST_CLOCK = dt.datetime(2026, 12, 4, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's language (Vietnamese), whatever an earlier test activated."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def fixed_clock(request, monkeypatch):
    if request.node.get_closest_marker("real_clock") is not None:
        yield None
        return
    monkeypatch.setenv("BINHDANG_TEST_CLOCK", TEST_CLOCK.isoformat())
    with time_machine.travel(TEST_CLOCK, tick=True) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def private_file_cache(settings, tmp_path):
    """Generated downloads are kept (core.filecache) in the test's own folder, not in ./var/cache."""
    settings.FILE_CACHE_DIR = tmp_path / "file-cache"


@pytest.fixture(autouse=True)
def fast_password_hashing(request, settings):
    """Argon2 costs about a second per persona on a busy 2-core machine; tests use MD5 unless marked
    ``@pytest.mark.argon2``. Production hashing is checked by tests so marked and by test_settings."""
    if request.node.get_closest_marker("argon2") is None:
        settings.PASSWORD_HASHERS = [
            "django.contrib.auth.hashers.MD5PasswordHasher",
            *settings.PASSWORD_HASHERS,
        ]


# Playwright's sync API runs an event loop in the test thread; Django's ORM is still used synchronously.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@dataclass
class Province:
    root: object
    commune_a: object
    commune_b: object
    noi_vu: object
    health: object
    womens_union: object
    newspaper: object


@pytest.fixture
def daklak(db) -> Province:
    root = make_province("Tỉnh Đắk Lắk", "66")
    return Province(
        root=root,
        commune_a=make_unit(root, "Xã Ea Kar", "66-C001", division="Xã"),
        commune_b=make_unit(root, "Phường Buôn Ma Thuột", "66-C002", division="Phường"),
        noi_vu=make_unit(root, "Sở Nội vụ", "66-D02", type="department"),
        health=make_unit(root, "Sở Y tế", "66-D06", type="department"),
        womens_union=make_unit(root, "Hội Liên hiệp Phụ nữ tỉnh", "66-M02", type="mass_org"),
        newspaper=make_unit(root, "Báo và Phát thanh, Truyền hình tỉnh", "66-T01", type="media"),
    )


@pytest.fixture
def laichau(db) -> Province:
    root = make_province("Tỉnh Lai Châu", "12")
    return Province(
        root=root,
        commune_a=make_unit(root, "Xã Tam Đường", "12-C001", division="Xã"),
        commune_b=make_unit(root, "Phường Tân Phong", "12-C002", division="Phường"),
        noi_vu=make_unit(root, "Sở Nội vụ", "12-D02", type="department"),
        health=make_unit(root, "Sở Y tế", "12-D06", type="department"),
        womens_union=make_unit(root, "Hội Liên hiệp Phụ nữ tỉnh", "12-M02", type="mass_org"),
        newspaper=make_unit(root, "Báo và Phát thanh, Truyền hình tỉnh", "12-T01", type="media"),
    )


@pytest.fixture
def focal_officer(daklak):
    return make_user("focal", Role.FOCAL_OFFICER, daklak.root, full_name="Nguyễn Thị Hoa")


@pytest.fixture
def commune_a_reporter(daklak):
    return make_user("reporter_a", Role.REPORTER, daklak.commune_a, full_name="Y Bih Niê")


@pytest.fixture
def commune_b_reporter(daklak):
    return make_user("reporter_b", Role.REPORTER, daklak.commune_b, full_name="Trần Văn Nam")


@pytest.fixture
def department_reporter(daklak):
    return make_user("reporter_health", Role.REPORTER, daklak.health, full_name="Lê Thu Trang")


@pytest.fixture
def leader(daklak):
    return make_user("leader", Role.LEADER, daklak.root, full_name="Phạm Văn Quang")


@pytest.fixture
def ministry_viewer(db):
    return make_user("ministry", Role.MINISTRY_VIEWER, None, full_name="Bộ Nội vụ")


@pytest.fixture
def outsider(laichau):
    return make_user("outsider", Role.FOCAL_OFFICER, laichau.root, full_name="Lò Văn Pấn")


@pytest.fixture
def admin_user(db):
    from binhdang.accounts.models import User

    return User.objects.create_superuser("admin", "admin@example.org", "Admin-mat-khau-2026")
