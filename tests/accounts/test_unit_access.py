"""Which units each persona may see and change."""

from __future__ import annotations

from binhdang.accounts.unit_access import (
    browsable_provinces,
    can_add_units,
    can_browse,
    can_manage_unit,
    manageable_units,
    visible_units,
)


def codes(queryset) -> set[str]:
    return set(queryset.values_list("code", flat=True))


def province_codes(province) -> set[str]:
    return {u.code for u in vars(province).values()}


def test_focal_officer_sees_and_manages_exactly_their_province(focal_officer, daklak, laichau):
    assert codes(visible_units(focal_officer)) == province_codes(daklak)
    assert codes(manageable_units(focal_officer)) == province_codes(daklak)
    assert can_manage_unit(focal_officer, daklak.commune_a)
    assert not can_manage_unit(focal_officer, laichau.commune_a)
    assert can_add_units(focal_officer, daklak.root)
    assert not can_add_units(focal_officer, daklak.commune_a)  # units are added to a province
    assert codes(browsable_provinces(focal_officer)) == {"66"}


def test_leader_sees_their_province_but_manages_nothing(leader, daklak, laichau):
    assert codes(visible_units(leader)) == province_codes(daklak)
    assert not manageable_units(leader).exists()
    assert not can_manage_unit(leader, daklak.commune_a)
    assert not can_add_units(leader, daklak.root)
    assert can_browse(leader)


def test_reporter_sees_only_their_unit_and_their_province_root(commune_a_reporter, daklak, laichau):
    assert codes(visible_units(commune_a_reporter)) == {daklak.commune_a.code, daklak.root.code}
    assert not manageable_units(commune_a_reporter).exists()
    assert not can_manage_unit(commune_a_reporter, daklak.commune_a)
    assert not can_browse(commune_a_reporter)
    assert not browsable_provinces(commune_a_reporter).exists()


def test_ministry_viewer_sees_every_province_and_changes_none(ministry_viewer, daklak, laichau):
    assert codes(visible_units(ministry_viewer)) == province_codes(daklak) | province_codes(laichau)
    assert not manageable_units(ministry_viewer).exists()
    assert not can_add_units(ministry_viewer, daklak.root)
    assert codes(browsable_provinces(ministry_viewer)) == {"66", "12"}


def test_admin_sees_and_manages_everything(admin_user, daklak, laichau):
    everything = province_codes(daklak) | province_codes(laichau)
    assert codes(visible_units(admin_user)) == everything
    assert codes(manageable_units(admin_user)) == everything
    assert can_add_units(admin_user, laichau.root)


def test_outsider_sees_nothing_of_another_province(outsider, daklak, laichau):
    assert codes(visible_units(outsider)) == province_codes(laichau)
    assert not can_manage_unit(outsider, daklak.commune_a)
    assert not can_add_units(outsider, daklak.root)


def test_an_inactive_account_sees_nothing(focal_officer, daklak):
    focal_officer.is_active = False
    focal_officer.save()
    assert not visible_units(focal_officer).exists()
    assert not manageable_units(focal_officer).exists()
    assert not can_browse(focal_officer)


def test_may_the_user_browse_units_is_answered_from_the_roles_without_a_query(
    focal_officer, leader, commune_a_reporter, ministry_viewer, django_assert_num_queries
):
    from binhdang.accounts import access as base
    from binhdang.accounts import unit_access

    users = (focal_officer, leader, commune_a_reporter, ministry_viewer)
    with base.roles_read_once():
        for user in users:
            base.grants(user)
        with django_assert_num_queries(0):
            assert [unit_access.can_browse(u) for u in users] == [True, True, False, True]
            assert [base.reads_any_province(u) for u in users] == [True, True, False, True]
