import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from binhdang.ministry import access, services
from tests.ministry.conftest import signed_pdf


def test_the_board_is_for_the_ministry_and_admins(ministry_viewer, admin_user, focal_officer, leader):
    assert access.sees_board(ministry_viewer) and access.sees_board(admin_user)
    assert not access.sees_board(focal_officer) and not access.sees_board(leader)


def test_only_the_ministry_role_acts_on_reports(ministry_viewer, admin_user, focal_officer, leader):
    assert access.acts_for_ministry(ministry_viewer)
    assert not any(access.acts_for_ministry(u) for u in (admin_user, focal_officer, leader))


def test_only_the_focal_officer_of_the_province_sends(
    daklak_plan, focal_officer, leader, outsider, ministry_viewer
):
    assert access.can_send(focal_officer, daklak_plan)
    assert not any(access.can_send(u, daklak_plan) for u in (leader, outsider, ministry_viewer))


def test_a_province_sendings_are_read_by_its_officers_leaders_and_the_ministry_only(
    daklak_plan, focal_officer, leader, ministry_viewer, outsider, commune_a_reporter
):
    report = services.send_report(daklak_plan, 2026, focal_officer, signed_pdf())
    for user in (focal_officer, leader, ministry_viewer):
        assert access.get_plan(user, daklak_plan.pk) == daklak_plan
        assert access.get_report(user, report.pk) == report
    with pytest.raises(Http404):
        access.get_report(outsider, report.pk)
    with pytest.raises(PermissionDenied):
        access.get_report(commune_a_reporter, report.pk)
    with pytest.raises(PermissionDenied):
        access.get_report_to_act_on(leader, report.pk)
    assert access.get_report_to_act_on(ministry_viewer, report.pk) == report
