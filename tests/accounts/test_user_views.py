"""User management pages of the focal officer: list, create, edit, (de)activate, reset, bulk, sheet."""

from __future__ import annotations

import re

from django.contrib.auth import get_user
from django.test import Client
from django.urls import reverse

from binhdang.accounts.models import Role, User
from binhdang.accounts.user_views import SHEET_KEY
from tests.factories import PASSWORD


def _cards(page: str) -> list[tuple[str, str]]:
    """(username, password) pairs printed on a credentials sheet."""
    secrets = re.findall(r'<dd class="secret">([^<]+)</dd>', page)
    return list(zip(secrets[0::2], secrets[1::2], strict=True))


def test_user_list_shows_the_province_users_with_roles_and_units(
    client, focal_officer, commune_a_reporter, leader, outsider
):
    client.force_login(focal_officer)
    page = client.get(reverse("accounts:user_list")).content.decode()
    assert "reporter_a" in page and "Xã Ea Kar" in page and "leader" in page
    assert "outsider" not in page
    assert "Tài khoản người dùng – Tỉnh Đắk Lắk" in page


def test_user_list_search_finds_a_unit_without_diacritics(
    client, focal_officer, commune_a_reporter, commune_b_reporter
):
    client.force_login(focal_officer)
    page = client.get(reverse("accounts:user_list"), {"q": "ea kar"}).content.decode()
    assert "reporter_a" in page and "reporter_b" not in page


def test_user_list_filters_by_role(client, focal_officer, commune_a_reporter, leader):
    client.force_login(focal_officer)
    page = client.get(reverse("accounts:user_list"), {"role": Role.LEADER}).content.decode()
    assert ">leader<" in page and ">reporter_a<" not in page


def test_reporter_cannot_manage_users(client, commune_a_reporter, commune_b_reporter):
    client.force_login(commune_a_reporter)
    assert client.get(reverse("accounts:user_list")).status_code == 403
    assert client.get(reverse("accounts:user_detail", args=[commune_b_reporter.pk])).status_code == 403
    assert (
        client.post(reverse("accounts:user_reset_password", args=[commune_b_reporter.pk])).status_code == 403
    )


def test_outsider_cannot_touch_daklak_users(client, outsider, commune_a_reporter):
    client.force_login(outsider)
    for name in ("accounts:user_detail", "accounts:user_edit"):
        assert client.get(reverse(name, args=[commune_a_reporter.pk])).status_code == 404
    for name in ("accounts:user_deactivate", "accounts:user_reset_password"):
        assert client.post(reverse(name, args=[commune_a_reporter.pk])).status_code == 404
    commune_a_reporter.refresh_from_db()
    assert commune_a_reporter.is_active and commune_a_reporter.check_password(PASSWORD)


def test_creating_a_user_shows_the_temporary_password_once(client, focal_officer, daklak):
    client.force_login(focal_officer)
    response = client.post(
        reverse("accounts:user_create"),
        {
            "username": "tran.thi.b",
            "full_name": "Trần Thị B",
            "role": Role.REPORTER,
            "units": [daklak.health.pk],
        },
    )
    assert response["Location"] == reverse("accounts:credentials")
    page = client.get(reverse("accounts:credentials")).content.decode()
    ((username, password),) = _cards(page)
    assert username == "tran.thi.b"
    assert User.objects.get(username="tran.thi.b").check_password(password)
    assert "Sở Y tế" in page and "Đổi mật khẩu khi đăng nhập lần đầu" in page
    again = client.get(reverse("accounts:credentials"))
    assert again["Location"] == reverse("accounts:user_list")
    assert password not in client.get(again["Location"]).content.decode()


def test_duplicate_username_shows_a_vietnamese_message_and_creates_nothing(
    client, focal_officer, commune_a_reporter, daklak
):
    client.force_login(focal_officer)
    before = User.objects.count()
    response = client.post(reverse("accounts:user_create"), {"username": "reporter_a", "role": Role.LEADER})
    assert response.status_code == 200
    assert "Tên đăng nhập “reporter_a” đã có người dùng" in response.content.decode()
    assert User.objects.count() == before


def test_create_form_offers_no_ministry_or_admin_role_to_a_focal_officer(client, focal_officer):
    client.force_login(focal_officer)
    page = client.get(reverse("accounts:user_create")).content.decode()
    assert f'value="{Role.REPORTER}"' in page
    assert f'value="{Role.MINISTRY_VIEWER}"' not in page and f'value="{Role.ADMIN}"' not in page


def test_create_form_refuses_a_unit_of_another_province(client, focal_officer, daklak, laichau):
    client.force_login(focal_officer)
    response = client.post(
        reverse("accounts:user_create"),
        {"username": "x9", "role": Role.REPORTER, "units": [laichau.commune_a.pk]},
    )
    assert "không thuộc tỉnh của bạn" in response.content.decode()
    assert not User.objects.filter(username="x9").exists()


def test_focal_officer_resets_a_password_and_the_user_must_change_it(
    client, focal_officer, commune_a_reporter
):
    client.force_login(focal_officer)
    response = client.post(reverse("accounts:user_reset_password", args=[commune_a_reporter.pk]))
    assert response["Location"] == reverse("accounts:credentials")
    ((username, password),) = _cards(client.get(reverse("accounts:credentials")).content.decode())
    assert username == "reporter_a"
    reporter = Client()
    reporter.post(reverse("accounts:login"), {"username": "reporter_a", "password": password})
    assert get_user(reporter).pk == commune_a_reporter.pk
    assert reporter.get(reverse("core:home"))["Location"] == reverse("accounts:password_change")


def test_deactivated_user_cannot_log_in_and_can_be_reactivated(client, focal_officer, commune_a_reporter):
    client.force_login(focal_officer)
    client.post(reverse("accounts:user_deactivate", args=[commune_a_reporter.pk]))
    other = Client()
    other.post(reverse("accounts:login"), {"username": "reporter_a", "password": PASSWORD})
    assert not get_user(other).is_authenticated
    client.post(reverse("accounts:user_reactivate", args=[commune_a_reporter.pk]))
    other.post(reverse("accounts:login"), {"username": "reporter_a", "password": PASSWORD})
    assert get_user(other).is_authenticated


def test_deactivate_needs_a_post(client, focal_officer, commune_a_reporter):
    client.force_login(focal_officer)
    assert client.get(reverse("accounts:user_deactivate", args=[commune_a_reporter.pk])).status_code == 405


def test_edit_changes_roles_and_the_detail_page_shows_the_history(
    client, focal_officer, commune_a_reporter, daklak
):
    client.force_login(focal_officer)
    response = client.post(
        reverse("accounts:user_edit", args=[commune_a_reporter.pk]),
        {
            "full_name": "Y Bih Niê",
            "email": "",
            "phone": "",
            "units": [daklak.commune_a.pk, daklak.commune_b.pk],
        },
    )
    assert response["Location"] == reverse("accounts:user_detail", args=[commune_a_reporter.pk])
    assert commune_a_reporter.role_assignments.count() == 2
    page = client.get(response["Location"]).content.decode()
    assert "Phường Buôn Ma Thuột" in page
    assert "Giao vai trò" in page and "Nguyễn Thị Hoa" in page


def test_edit_form_shows_a_vietnamese_message_when_no_role_is_left(client, focal_officer, commune_a_reporter):
    client.force_login(focal_officer)
    response = client.post(
        reverse("accounts:user_edit", args=[commune_a_reporter.pk]),
        {"full_name": "", "email": "", "phone": ""},
    )
    assert "ít nhất một vai trò" in response.content.decode()
    assert commune_a_reporter.role_assignments.count() == 1


def test_bulk_page_preselects_the_units_without_a_reporter(client, focal_officer, commune_a_reporter, daklak):
    client.force_login(focal_officer)
    page = client.get(reverse("accounts:user_bulk_create"), {"select": "missing"}).content.decode()
    assert f'value="{daklak.commune_b.pk}" id="unit-{daklak.commune_b.pk}" checked' in page
    assert f'value="{daklak.commune_a.pk}" id="unit-{daklak.commune_a.pk}">' in page


def test_bulk_page_preselects_all_units_of_a_type(client, focal_officer, daklak):
    client.force_login(focal_officer)
    page = client.get(reverse("accounts:user_bulk_create"), {"select": "commune"}).content.decode()
    assert f'id="unit-{daklak.commune_a.pk}" checked' in page
    assert f'id="unit-{daklak.health.pk}" checked' not in page


def test_bulk_creation_prints_a_sheet_kept_only_for_one_view(client, focal_officer, daklak):
    client.force_login(focal_officer)
    response = client.post(
        reverse("accounts:user_bulk_create"),
        {"units": [daklak.commune_a.pk, daklak.commune_b.pk], "style": "name"},
    )
    assert response["Location"] == reverse("accounts:credentials")
    page = client.get(reverse("accounts:credentials")).content.decode()
    cards = dict(_cards(page))
    assert set(cards) == {"xa-ea-kar", "phuong-buon-ma-thuot"}
    assert User.objects.get(username="xa-ea-kar").check_password(cards["xa-ea-kar"])
    assert page.count("Đổi mật khẩu khi đăng nhập lần đầu") == 2
    assert "http://testserver/accounts/login/" in page
    assert SHEET_KEY not in client.session
    assert not any(cards["xa-ea-kar"] in str(v) for v in client.session.values())


def test_bulk_creation_with_no_unit_says_so_in_vietnamese(client, focal_officer, daklak):
    client.force_login(focal_officer)
    response = client.post(reverse("accounts:user_bulk_create"), {"style": "name"})
    assert "Chưa chọn đơn vị nào" in response.content.decode()


def test_bulk_creation_with_another_provinces_unit_creates_nothing(client, focal_officer, daklak, laichau):
    client.force_login(focal_officer)
    before = User.objects.count()
    response = client.post(
        reverse("accounts:user_bulk_create"),
        {"units": [daklak.commune_a.pk, laichau.commune_a.pk], "style": "name"},
    )
    assert response.status_code == 200
    assert "không thuộc tỉnh của bạn" in response.content.decode()
    assert User.objects.count() == before


def test_outsider_bulk_page_lists_only_their_province(client, outsider, daklak, laichau):
    client.force_login(outsider)
    page = client.get(reverse("accounts:user_bulk_create")).content.decode()
    assert "Xã Tam Đường" in page and "Xã Ea Kar" not in page
    forced = client.get(reverse("accounts:user_bulk_create"), {"province": daklak.root.pk}).content.decode()
    assert "Xã Ea Kar" not in forced


def test_admin_switches_province(client, admin_user, daklak, laichau):
    client.force_login(admin_user)
    page = client.get(reverse("accounts:user_bulk_create"), {"province": laichau.root.pk}).content.decode()
    assert "Xã Tam Đường" in page and "Xã Ea Kar" not in page


def test_credentials_sheet_without_anything_to_show_redirects(client, focal_officer):
    client.force_login(focal_officer)
    assert client.get(reverse("accounts:credentials"))["Location"] == reverse("accounts:user_list")
