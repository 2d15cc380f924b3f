"""Who may manage which accounts (binhdang.accounts.access, the user-management part)."""

from __future__ import annotations

from binhdang.accounts import access
from binhdang.accounts.models import Role, RoleAssignment
from tests.factories import make_user


def test_focal_officer_manages_the_accounts_of_their_province_only(
    focal_officer, commune_a_reporter, leader, outsider, ministry_viewer, admin_user
):
    managed = set(access.manageable_users(focal_officer))
    assert managed == {focal_officer, commune_a_reporter, leader}


def test_account_with_a_role_in_another_province_is_not_managed_by_either_focal_officer(
    focal_officer, outsider, daklak, laichau
):
    both = make_user("both", Role.REPORTER, daklak.commune_a)
    RoleAssignment.objects.create(user=both, role=Role.REPORTER, org_unit=laichau.commune_a)
    assert not access.can_manage_user(focal_officer, both)
    assert not access.can_manage_user(outsider, both)


def test_ministry_viewers_and_superusers_are_never_managed_by_a_focal_officer(
    focal_officer, ministry_viewer, admin_user, daklak
):
    RoleAssignment.objects.create(user=ministry_viewer, role=Role.LEADER, org_unit=daklak.root)
    assert not access.can_manage_user(focal_officer, ministry_viewer)
    admin_user.role_assignments.create(role=Role.FOCAL_OFFICER, org_unit=daklak.root)
    assert not access.can_manage_user(focal_officer, admin_user)


def test_admin_manages_everyone(admin_user, focal_officer, outsider, ministry_viewer):
    assert {focal_officer, outsider, ministry_viewer} <= set(access.manageable_users(admin_user))


def test_reporters_leaders_and_ministry_manage_nobody(commune_a_reporter, leader, ministry_viewer):
    for user in (commune_a_reporter, leader, ministry_viewer):
        assert not access.manageable_users(user).exists()
        assert access.grantable_roles(user) == []


def test_deactivated_focal_officer_manages_nobody(focal_officer, commune_a_reporter):
    focal_officer.is_active = False
    focal_officer.save()
    assert not access.manageable_users(focal_officer).exists()


def test_focal_officer_grants_unit_and_province_roles_but_not_ministry_or_admin(focal_officer, admin_user):
    assert set(access.grantable_roles(focal_officer)) == {Role.REPORTER, Role.LEADER, Role.FOCAL_OFFICER}
    assert Role.ADMIN not in access.grantable_roles(admin_user)
    assert Role.MINISTRY_VIEWER in access.grantable_roles(admin_user)


def test_manageable_units_are_those_of_the_managed_province(focal_officer, daklak, laichau):
    units = set(access.manageable_units(focal_officer))
    assert daklak.commune_a in units and daklak.root in units
    assert laichau.commune_a not in units


def test_reporter_units_exclude_the_province_itself(daklak):
    units = set(access.reporter_units_of(daklak.root))
    assert daklak.root not in units
    assert {daklak.commune_a, daklak.health, daklak.womens_union, daklak.newspaper} <= units
