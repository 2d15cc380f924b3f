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


def test_a_user_object_reads_its_roles_once_however_many_checks_a_page_makes(
    focal_officer, daklak, laichau, django_assert_num_queries
):
    with access.roles_read_once(), django_assert_num_queries(1):
        for _ in range(5):
            assert access.manages_province(focal_officer, daklak.root)
            assert not access.manages_province(focal_officer, laichau.root)
            assert access.reads_province_id(focal_officer, daklak.root.pk)
            assert not access.sees_all_provinces(focal_officer)
            assert not access.reports_for(focal_officer, daklak.commune_a)


def test_a_role_given_during_the_request_counts_at_once(commune_a_reporter, daklak):
    with access.roles_read_once():
        assert not access.reports_for(commune_a_reporter, daklak.commune_b)
        RoleAssignment.objects.create(user=commune_a_reporter, role=Role.REPORTER, org_unit=daklak.commune_b)
        assert access.reports_for(commune_a_reporter, daklak.commune_b)


def test_a_role_taken_away_during_the_request_no_longer_counts(focal_officer, daklak):
    with access.roles_read_once():
        assert access.manages_province(focal_officer, daklak.root)
        RoleAssignment.objects.get(user_id=focal_officer.pk).delete()
        assert not access.manages_province(focal_officer, daklak.root)


def test_outside_a_request_roles_are_read_every_time(focal_officer, daklak, django_assert_num_queries):
    with django_assert_num_queries(2):
        access.manages_province(focal_officer, daklak.root)
        access.manages_province(focal_officer, daklak.root)


def test_a_deactivated_account_has_no_role_even_once_read(leader, daklak):
    assert access.reads_province(leader, daklak.root)
    leader.is_active = False
    assert not access.reads_province(leader, daklak.root)
    assert not access.is_leader(leader)


def test_the_id_helpers_read_the_roles_once_and_then_cost_no_query(
    focal_officer, leader, commune_a_reporter, daklak, laichau, django_assert_num_queries
):
    RoleAssignment.objects.create(user=commune_a_reporter, role=Role.REPORTER, org_unit=laichau.health)
    with access.roles_read_once():
        with django_assert_num_queries(1):
            assert access.reporting_unit_ids(commune_a_reporter) == {daklak.commune_a.pk, laichau.health.pk}
            assert access.reporting_province_ids(commune_a_reporter) == {daklak.root.pk, laichau.root.pk}
            assert access.readable_province_ids(commune_a_reporter) == set()
            assert not access.readable_provinces(commune_a_reporter).exists()  # none(): no query
            assert not access.managed_provinces(commune_a_reporter).exists()
        with django_assert_num_queries(2):
            assert access.managed_province_ids(focal_officer) == {daklak.root.pk}
            assert access.readable_province_ids(leader) == {daklak.root.pk}
            assert access.managed_province_ids(leader) == set()


def test_grants_keep_their_three_fields(commune_a_reporter, daklak):
    assert access.grants(commune_a_reporter) == ((Role.REPORTER, daklak.commune_a.pk, "commune"),)


def test_unit_querysets_built_from_the_grants_are_plain_id_lists(focal_officer, commune_a_reporter, daklak):
    assert list(access.reporting_units(commune_a_reporter)) == [daklak.commune_a]
    assert list(access.readable_provinces(focal_officer)) == [daklak.root]
    where = str(access.readable_provinces(focal_officer).order_by().query).upper().split("WHERE")[1]
    assert "TYPE" not in where  # the unit type is known from the grants: only the id list


def test_a_role_on_a_non_province_unit_grants_no_province(daklak, focal_officer):
    odd = make_user("odd", Role.LEADER, daklak.health)
    assert access.readable_province_ids(odd) == set()
    assert not access.readable_provinces(odd).exists()
    assert not access.reads_province_id(odd, daklak.health.pk)


def test_an_inactive_user_has_no_ids(commune_a_reporter, focal_officer):
    for user in (commune_a_reporter, focal_officer):
        user.is_active = False
        assert access.reporting_unit_ids(user) == set()
        assert access.readable_province_ids(user) == set()
        assert access.reporting_province_ids(user) == set()
        assert not access.readable_provinces(user).exists()


def test_the_roles_of_a_request_are_read_in_one_query_as_the_orm_reads_them(
    focal_officer, commune_a_reporter, ministry_viewer, daklak, django_assert_num_queries
):
    RoleAssignment.objects.create(user=commune_a_reporter, role=Role.REPORTER, org_unit=daklak.commune_b)
    for user in (focal_officer, commune_a_reporter, ministry_viewer):
        expected = set(
            user.role_assignments.values_list(
                "role", "org_unit_id", "org_unit__type", "org_unit__province_id"
            )
        )
        with access.roles_read_once(), django_assert_num_queries(1):
            assert set(access._grant_rows(user)) == expected
            assert access.grants(user) == tuple(row[:3] for row in access._grant_rows(user))
    assert access._grant_rows(ministry_viewer) == ((Role.MINISTRY_VIEWER, None, None, None),)
