"""The ``orgunits.browse`` and ``orgunits.manage_units`` permissions per persona."""

from __future__ import annotations


def test_browsing_is_for_officers_leaders_ministry_and_admins(
    focal_officer, leader, ministry_viewer, admin_user, commune_a_reporter, outsider
):
    for user in (focal_officer, leader, ministry_viewer, admin_user, outsider):
        assert user.has_perm("orgunits.browse"), user
    assert not commune_a_reporter.has_perm("orgunits.browse")


def test_a_reporter_may_open_only_their_own_unit(commune_a_reporter, daklak):
    assert commune_a_reporter.has_perm("orgunits.browse", daklak.commune_a)
    assert not commune_a_reporter.has_perm("orgunits.browse", daklak.commune_b)
    assert not commune_a_reporter.has_perm("orgunits.browse", daklak.health)


def test_browsing_a_unit_stops_at_the_province_border(outsider, leader, daklak, laichau):
    assert not outsider.has_perm("orgunits.browse", daklak.commune_a)
    assert outsider.has_perm("orgunits.browse", laichau.commune_a)
    assert leader.has_perm("orgunits.browse", daklak.newspaper)


def test_only_the_provinces_focal_officer_and_admins_manage_its_units(
    focal_officer, leader, ministry_viewer, admin_user, department_reporter, outsider, daklak
):
    assert focal_officer.has_perm("orgunits.manage_units", daklak.commune_a)
    assert focal_officer.has_perm("orgunits.manage_units", daklak.root)
    assert admin_user.has_perm("orgunits.manage_units", daklak.commune_a)
    for user in (leader, ministry_viewer, department_reporter, outsider):
        assert not user.has_perm("orgunits.manage_units", daklak.commune_a), user
        assert not user.has_perm("orgunits.manage_units", daklak.health), user


def test_managing_without_an_object_means_managing_some_province(focal_officer, leader, ministry_viewer):
    assert focal_officer.has_perm("orgunits.manage_units")
    assert not leader.has_perm("orgunits.manage_units")
    assert not ministry_viewer.has_perm("orgunits.manage_units")
