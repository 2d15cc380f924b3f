"""The accounts.manage_users permission, with and without a user object."""

from __future__ import annotations


def test_focal_officer_may_open_user_management(focal_officer):
    assert focal_officer.has_perm("accounts.manage_users")


def test_reporter_leader_and_ministry_may_not(commune_a_reporter, leader, ministry_viewer):
    for user in (commune_a_reporter, leader, ministry_viewer):
        assert not user.has_perm("accounts.manage_users")


def test_focal_officer_may_manage_a_user_of_the_province_but_not_of_another(
    focal_officer, commune_a_reporter, outsider
):
    assert focal_officer.has_perm("accounts.manage_users", commune_a_reporter)
    assert not focal_officer.has_perm("accounts.manage_users", outsider)
    assert not outsider.has_perm("accounts.manage_users", commune_a_reporter)


def test_admin_may_manage_anyone(admin_user, outsider):
    assert admin_user.has_perm("accounts.manage_users")
    assert admin_user.has_perm("accounts.manage_users", outsider)
