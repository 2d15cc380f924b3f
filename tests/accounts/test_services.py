"""Account workflows (binhdang.accounts.services): each all-or-nothing, messages in Vietnamese."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from binhdang.accounts import services
from binhdang.accounts.models import Role, RoleAssignment, Session, User
from tests.factories import PASSWORD, make_unit, make_user


def _roles(user) -> set[tuple[str, int | None]]:
    return set(user.role_assignments.values_list("role", "org_unit_id"))


def test_generated_passwords_are_readable_long_and_different():
    passwords = {services.generate_password() for _ in range(50)}
    assert len(passwords) == 50
    for password in passwords:
        assert re.fullmatch(
            r"[a-km-zA-HJ-NP-Z2-9]{4}-[a-km-zA-HJ-NP-Z2-9]{4}-[a-km-zA-HJ-NP-Z2-9]{4}", password
        )


def test_slug_drops_diacritics_and_punctuation():
    assert services.slug("Xã Ea Kar") == "xa-ea-kar"
    assert services.slug("Báo và Phát thanh, Truyền hình tỉnh") == "bao-va-phat-thanh-truyen-hinh-tinh"
    assert services.slug("Phường Đống Đa") == "phuong-dong-da"


def test_focal_officer_creates_a_reporter_with_a_temporary_password(focal_officer, daklak):
    issued = services.create_user(
        focal_officer,
        username="Nguyen.Van.A",
        role=Role.REPORTER,
        province=daklak.root,
        units=[daklak.commune_a, daklak.commune_b],
        full_name="Nguyễn Văn A",
    )
    user = User.objects.get(username="nguyen.van.a")
    assert issued.username == "nguyen.van.a"
    assert user.check_password(issued.password)
    assert user.must_change_password
    assert _roles(user) == {(Role.REPORTER, daklak.commune_a.pk), (Role.REPORTER, daklak.commune_b.pk)}
    assert user.history.get().history_user == focal_officer
    assert RoleAssignment.history.filter(user_id=user.pk, history_user=focal_officer).count() == 2


def test_leader_and_focal_officer_roles_are_held_on_the_province(focal_officer, daklak):
    services.create_user(focal_officer, username="lanhdao", role=Role.LEADER, province=daklak.root)
    assert _roles(User.objects.get(username="lanhdao")) == {(Role.LEADER, daklak.root.pk)}


def test_duplicate_username_is_refused_in_vietnamese_and_nothing_is_created(
    focal_officer, commune_a_reporter, daklak
):
    before = User.objects.count()
    with pytest.raises(services.AccountError, match="Tên đăng nhập “reporter_a” đã có người dùng"):
        services.create_user(
            focal_officer,
            username="Reporter_A",
            role=Role.REPORTER,
            province=daklak.root,
            units=[daklak.health],
        )
    assert User.objects.count() == before


def test_username_with_accents_is_refused(focal_officer, daklak):
    with pytest.raises(services.AccountError, match="không hợp lệ"):
        services.create_user(focal_officer, username="hoà", role=Role.LEADER, province=daklak.root)


def test_reporter_of_another_provinces_unit_is_refused_and_nothing_is_created(focal_officer, daklak, laichau):
    with pytest.raises(services.AccountError, match=r"Xã Tam Đường.*không thuộc Tỉnh Đắk Lắk"):
        services.create_user(
            focal_officer,
            username="nguoi.x",
            role=Role.REPORTER,
            province=daklak.root,
            units=[daklak.commune_a, laichau.commune_a],
        )
    assert not User.objects.filter(username="nguoi.x").exists()


def test_reporter_needs_a_unit(focal_officer, daklak):
    with pytest.raises(services.AccountError, match="ít nhất một đơn vị"):
        services.create_user(focal_officer, username="x1", role=Role.REPORTER, province=daklak.root, units=[])


def test_focal_officer_cannot_grant_the_ministry_or_admin_role(focal_officer, daklak):
    for role in (Role.MINISTRY_VIEWER, Role.ADMIN):
        with pytest.raises(services.AccountError, match="Bạn không được giao vai trò"):
            services.create_user(focal_officer, username="bo", role=role, province=daklak.root)
    assert not User.objects.filter(username="bo").exists()


def test_focal_officer_cannot_create_users_in_another_province(focal_officer, laichau):
    with pytest.raises(PermissionDenied):
        services.create_user(focal_officer, username="x2", role=Role.LEADER, province=laichau.root)


def test_admin_may_create_a_ministry_viewer(admin_user, daklak):
    services.create_user(admin_user, username="bonoivu", role=Role.MINISTRY_VIEWER, province=daklak.root)
    assert _roles(User.objects.get(username="bonoivu")) == {(Role.MINISTRY_VIEWER, None)}


def test_update_user_sets_exactly_the_chosen_roles(focal_officer, commune_a_reporter, daklak):
    services.update_user(
        focal_officer,
        commune_a_reporter,
        full_name="Y Bih Niê",
        email="ybih@example.org",
        phone="",
        roles=services.RoleChoice(province=daklak.root, leader=True, reporter_units=(daklak.commune_b,)),
    )
    commune_a_reporter.refresh_from_db()
    assert commune_a_reporter.email == "ybih@example.org"
    assert _roles(commune_a_reporter) == {(Role.LEADER, daklak.root.pk), (Role.REPORTER, daklak.commune_b.pk)}
    removed = RoleAssignment.history.filter(user_id=commune_a_reporter.pk, history_type="-").get()
    assert (removed.org_unit_id, removed.history_user) == (daklak.commune_a.pk, focal_officer)


def test_update_user_refuses_to_leave_no_role(focal_officer, commune_a_reporter, daklak):
    with pytest.raises(services.AccountError, match="ít nhất một vai trò"):
        services.update_user(
            focal_officer,
            commune_a_reporter,
            full_name="",
            email="",
            phone="",
            roles=services.RoleChoice(province=daklak.root),
        )
    assert _roles(commune_a_reporter) == {(Role.REPORTER, daklak.commune_a.pk)}


def test_update_user_refuses_a_unit_of_another_province(focal_officer, commune_a_reporter, daklak, laichau):
    with pytest.raises(services.AccountError, match="không thuộc"):
        services.update_user(
            focal_officer,
            commune_a_reporter,
            full_name="",
            email="",
            phone="",
            roles=services.RoleChoice(
                province=daklak.root, reporter_units=(daklak.commune_a, laichau.commune_b)
            ),
        )
    assert _roles(commune_a_reporter) == {(Role.REPORTER, daklak.commune_a.pk)}


def test_focal_officer_cannot_make_someone_a_ministry_viewer(focal_officer, commune_a_reporter, daklak):
    with pytest.raises(PermissionDenied):
        services.update_user(
            focal_officer,
            commune_a_reporter,
            full_name="",
            email="",
            phone="",
            roles=services.RoleChoice(
                province=daklak.root, reporter_units=(daklak.commune_a,), ministry_viewer=True
            ),
        )


def test_nobody_changes_their_own_roles(focal_officer, daklak):
    with pytest.raises(services.AccountError, match="vai trò của chính mình"):
        services.update_user(
            focal_officer,
            focal_officer,
            full_name="",
            email="",
            phone="",
            roles=services.RoleChoice(province=daklak.root, leader=True),
        )


def test_outsider_cannot_touch_a_daklak_user(outsider, commune_a_reporter):
    with pytest.raises(PermissionDenied):
        services.reset_password(outsider, commune_a_reporter)
    with pytest.raises(PermissionDenied):
        services.set_active(outsider, commune_a_reporter, False)
    commune_a_reporter.refresh_from_db()
    assert commune_a_reporter.is_active and commune_a_reporter.check_password(PASSWORD)


def test_deactivate_and_reactivate_are_recorded(focal_officer, commune_a_reporter):
    services.set_active(focal_officer, commune_a_reporter, False)
    commune_a_reporter.refresh_from_db()
    assert not commune_a_reporter.is_active
    services.set_active(focal_officer, commune_a_reporter, True)
    reasons = list(
        commune_a_reporter.history.order_by("history_date").values_list("history_change_reason", flat=True)
    )
    assert reasons[-2:] == [services.REASON_DEACTIVATED, services.REASON_REACTIVATED]


def test_deactivating_ends_the_users_sessions_and_reactivating_brings_none_back(
    client, focal_officer, commune_a_reporter, commune_b_reporter
):
    client.force_login(commune_a_reporter)
    assert client.get("/reporting/").status_code == 200
    other = Client()
    other.force_login(commune_b_reporter)
    services.set_active(focal_officer, commune_a_reporter, False)
    assert not Session.objects.filter(user_id=commune_a_reporter.pk).exists()
    assert Session.objects.filter(user_id=commune_b_reporter.pk).exists()  # only that user's
    services.set_active(focal_officer, commune_a_reporter, True)
    assert client.get("/reporting/").status_code == 302  # the old cookie opens nothing: log in again
    assert other.get("/reporting/").status_code == 200


def test_nobody_deactivates_themselves(focal_officer):
    with pytest.raises(services.AccountError, match="chính mình"):
        services.set_active(focal_officer, focal_officer, False)


def test_reset_password_gives_a_new_temporary_password(focal_officer, commune_a_reporter):
    issued = services.reset_password(focal_officer, commune_a_reporter)
    commune_a_reporter.refresh_from_db()
    assert commune_a_reporter.check_password(issued.password)
    assert not commune_a_reporter.check_password(PASSWORD)
    assert commune_a_reporter.must_change_password
    assert issued.unit == "Xã Ea Kar" and issued.province == "Tỉnh Đắk Lắk"
    assert "password" not in {f.name for f in User.history.model._meta.fields}


def test_bulk_creation_makes_one_reporter_per_unit_with_predictable_usernames(focal_officer, daklak):
    issued = services.bulk_create_reporters(
        focal_officer, province=daklak.root, units=[daklak.commune_a, daklak.health, daklak.newspaper]
    )
    by_unit = {c.unit: c for c in issued}
    assert by_unit["Xã Ea Kar"].username == "xa-ea-kar"
    assert by_unit["Sở Y tế"].username == "so-y-te"
    assert by_unit["Báo và Phát thanh, Truyền hình tỉnh"].username == "bao-va-phat-thanh-truyen-hinh-tinh"
    for card in issued:
        user = User.objects.get(username=card.username)
        assert user.check_password(card.password) and user.must_change_password
        assert user.role_assignments.get().role == Role.REPORTER


def test_bulk_creation_adds_the_province_code_when_the_name_is_taken(
    focal_officer, outsider, daklak, laichau
):
    services.bulk_create_reporters(outsider, province=laichau.root, units=[laichau.health])
    issued = services.bulk_create_reporters(focal_officer, province=daklak.root, units=[daklak.health])
    assert issued[0].username == "so-y-te-66"


def test_bulk_creation_by_code(focal_officer, daklak):
    issued = services.bulk_create_reporters(
        focal_officer, province=daklak.root, units=[daklak.commune_a], style="code"
    )
    assert issued[0].username == "66-c001"


def test_bulk_creation_numbers_same_named_units(focal_officer, daklak):
    twin = make_unit(daklak.root, "Xã Ea Kar", "66-C999", division="Xã")
    issued = services.bulk_create_reporters(
        focal_officer, province=daklak.root, units=[daklak.commune_a, twin]
    )
    assert sorted(c.username for c in issued) == ["xa-ea-kar", "xa-ea-kar-66"]


def test_bulk_creation_is_all_or_nothing(focal_officer, daklak, laichau):
    with pytest.raises(services.AccountError, match="Xã Tam Đường"):
        services.bulk_create_reporters(
            focal_officer, province=daklak.root, units=[daklak.commune_a, laichau.commune_a]
        )
    assert not User.objects.filter(username__in=["xa-ea-kar", "xa-tam-duong"]).exists()


def test_bulk_creation_needs_a_selection(focal_officer, daklak):
    with pytest.raises(services.AccountError, match="Chưa chọn đơn vị nào"):
        services.bulk_create_reporters(focal_officer, province=daklak.root, units=[])


def test_bulk_creation_refuses_the_province_itself_and_inactive_units(focal_officer, daklak):
    with pytest.raises(services.AccountError, match="không thể có cán bộ báo cáo"):
        services.bulk_create_reporters(focal_officer, province=daklak.root, units=[daklak.root])
    daklak.commune_b.is_active = False
    daklak.commune_b.save()
    with pytest.raises(services.AccountError, match="không còn hoạt động"):
        services.bulk_create_reporters(focal_officer, province=daklak.root, units=[daklak.commune_b])


def test_reporter_cannot_run_workflows(commune_a_reporter, commune_b_reporter, daklak):
    with pytest.raises(PermissionDenied):
        services.bulk_create_reporters(commune_a_reporter, province=daklak.root, units=[daklak.commune_a])
    with pytest.raises(PermissionDenied):
        services.reset_password(commune_a_reporter, commune_b_reporter)


def test_change_own_password_clears_the_forced_change(commune_a_reporter):
    commune_a_reporter.must_change_password = True
    commune_a_reporter.save()
    services.change_own_password(commune_a_reporter, "Mat-khau-moi-2027")
    commune_a_reporter.refresh_from_db()
    assert commune_a_reporter.check_password("Mat-khau-moi-2027")
    assert not commune_a_reporter.must_change_password


def test_make_user_factory_still_works_with_history(daklak):
    user = make_user("histo", Role.REPORTER, daklak.commune_a)
    assert user.history.count() == 1
