"""Who sees which results (``results.access``, ``results.rules``)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from binhdang.results import access
from tests.factories import make_user


def test_province_readers_see_the_plans_results(plan, focal_officer, leader, ministry_viewer, admin_user):
    for user in (focal_officer, leader, ministry_viewer, admin_user):
        assert access.get_plan(user, plan.pk) == plan
        assert user.has_perm("results.view_plan", plan)


def test_a_reporter_of_the_province_is_refused_not_kept_in_the_dark(plan, commune_a_reporter):
    with pytest.raises(PermissionDenied):
        access.get_plan(commune_a_reporter, plan.pk)
    assert not commune_a_reporter.has_perm("results.view_plan", plan)


def test_an_officer_of_another_province_does_not_learn_the_plan_exists(plan, outsider):
    with pytest.raises(Http404):
        access.get_plan(outsider, plan.pk)
    with pytest.raises(Http404):
        access.get_indicator(outsider, plan.indicators.first().pk)


def test_a_draft_plan_has_no_results(plan, focal_officer):
    plan.status = "draft"
    plan.save()
    with pytest.raises(Http404):
        access.get_plan(focal_officer, plan.pk)


def test_a_reporter_sees_their_own_unit_and_no_other(plan, daklak, commune_a_reporter):
    assert access.get_unit(commune_a_reporter, plan, daklak.commune_a.pk) == daklak.commune_a
    assert commune_a_reporter.has_perm("results.view_unit", daklak.commune_a)
    with pytest.raises(PermissionDenied):
        access.get_unit(commune_a_reporter, plan, daklak.commune_b.pk)


def test_a_unit_of_another_province_is_not_found_through_this_plan(plan, laichau, focal_officer):
    with pytest.raises(Http404):
        access.get_unit(focal_officer, plan, laichau.commune_a.pk)


def test_only_the_ministry_and_admins_see_all_provinces(focal_officer, leader, ministry_viewer, admin_user):
    assert access.can_view_national(ministry_viewer) and access.can_view_national(admin_user)
    assert not access.can_view_national(focal_officer) and not access.can_view_national(leader)


def test_an_account_without_a_role_has_no_results_section(db):
    nobody = make_user("nobody")
    assert not nobody.has_perm("results.view_results")
    assert not access.result_plans(nobody).exists()


def test_the_menu_offers_results_to_every_role(rf, focal_officer, commune_a_reporter, ministry_viewer):
    from binhdang.portal.navigation import menu_for

    for user in (focal_officer, commune_a_reporter, ministry_viewer):
        request = rf.get("/")
        request.user = user
        assert "Kết quả" in [str(item["label"]) for item in menu_for(request)]
