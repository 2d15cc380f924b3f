"""Who sees and changes which plans (plans.access and the rules permissions)."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.http import Http404

from binhdang.plans import access
from binhdang.plans.importing import import_plan
from tests.plans import extractions

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans(daklak, laichau):
    active = import_plan(
        extractions.communication(), daklak.root, ContentFile(b"a", name="a.txt"), None, status="active"
    )
    draft = import_plan(extractions.strategy(), daklak.root, ContentFile(b"b", name="b.txt"), None)
    other = import_plan(
        extractions.communication(locality="Lai Châu"),
        laichau.root,
        ContentFile(b"c", name="c.txt"),
        None,
        status="active",
    )
    return active, draft, other


def test_each_persona_sees_the_plans_it_should(
    plans, focal_officer, leader, ministry_viewer, commune_a_reporter, outsider, admin_user
):
    active, draft, other = plans

    assert set(access.visible_plans(focal_officer)) == {active, draft}
    assert set(access.visible_plans(leader)) == {active, draft}
    assert set(access.visible_plans(ministry_viewer)) == {active, draft, other}
    assert set(access.visible_plans(admin_user)) == {active, draft, other}
    assert set(access.visible_plans(commune_a_reporter)) == {active}
    assert set(access.visible_plans(outsider)) == {other}


def test_only_focal_officers_of_the_province_and_admins_manage_a_plan(
    plans, focal_officer, leader, ministry_viewer, outsider, admin_user, department_reporter
):
    active, _draft, other = plans

    assert access.can_manage_plan(focal_officer, active)
    assert access.can_manage_plan(admin_user, other)
    for user in (leader, ministry_viewer, department_reporter):
        assert not access.can_manage_plan(user, active)
    assert not access.can_manage_plan(outsider, active)
    assert access.can_manage_plan(outsider, other)


def test_the_rules_permissions_follow_the_access_helpers(plans, focal_officer, leader, outsider):
    active, _draft, _other = plans

    assert focal_officer.has_perm("plans.manage_plan", active)
    assert focal_officer.has_perm("plans.upload_plan")
    assert leader.has_perm("plans.read_plan", active)
    assert not leader.has_perm("plans.manage_plan", active)
    assert not leader.has_perm("plans.upload_plan")
    assert not outsider.has_perm("plans.read_plan", active)


def test_an_inactive_account_sees_nothing(plans, focal_officer):
    focal_officer.is_active = False
    focal_officer.save()

    assert not access.visible_plans(focal_officer).exists()
    assert not access.can_upload(focal_officer)


def test_plan_or_404_hides_other_provinces_plans(plans, outsider):
    active, _draft, other = plans

    assert access.plan_or_404(outsider, other.slug) == other
    with pytest.raises(Http404):
        access.plan_or_404(outsider, active.slug)


def test_a_reporter_of_units_in_two_provinces_sees_the_plans_in_force_of_both(plans, daklak, laichau):
    from binhdang.accounts.models import Role, RoleAssignment
    from tests.factories import make_user

    active, _draft, other = plans
    both = make_user("both", Role.REPORTER, daklak.commune_a)
    RoleAssignment.objects.create(user=both, role=Role.REPORTER, org_unit=laichau.commune_b)
    assert set(access.visible_plans(both)) == {active, other}
    assert not access.manageable_plans(both).exists()


def test_the_plans_of_a_user_are_filtered_by_id_lists_and_nobody_without_a_role_sees_any(
    plans, focal_officer, commune_a_reporter, django_assert_num_queries
):
    from binhdang.accounts import access as base
    from tests.factories import make_user

    nobody = make_user("nobody")
    assert not access.visible_plans(nobody).exists()
    for user in (focal_officer, commune_a_reporter):
        where = str(access.visible_plans(user).order_by().query).upper().split("WHERE")[1]
        assert "SELECT" not in where, user  # no subquery of units or provinces
    with base.roles_read_once():
        base.grants(nobody)
        with django_assert_num_queries(0):
            assert not access.visible_plans(nobody).exists()
            assert not access.can_upload(nobody)


def test_who_may_upload_a_plan_is_answered_from_the_roles(
    daklak, focal_officer, leader, commune_a_reporter, admin_user, django_assert_num_queries
):
    from binhdang.accounts import access as base

    with base.roles_read_once():
        for user in (focal_officer, leader, commune_a_reporter):
            base.grants(user)
        with django_assert_num_queries(0):
            assert access.can_upload(focal_officer)
            assert not access.can_upload(leader)
            assert not access.can_upload(commune_a_reporter)
    assert access.can_upload(admin_user)
