"""Who may download which generated report."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from binhdang.documents import access


def test_narratives_of_a_plan_are_for_its_focal_officers_leaders_and_admins(
    plan, focal_officer, leader, admin_user, ministry_viewer, outsider, commune_a_reporter
):
    assert access.can_read_plan_narratives(focal_officer, plan)
    assert access.can_read_plan_narratives(leader, plan)
    assert access.can_read_plan_narratives(admin_user, plan)
    assert not access.can_read_plan_narratives(ministry_viewer, plan)
    assert not access.can_read_plan_narratives(outsider, plan)
    assert not access.can_read_plan_narratives(commune_a_reporter, plan)


def test_the_annual_report_follows_the_results_access(
    plan, focal_officer, ministry_viewer, commune_a_reporter, outsider
):
    assert access.get_report_plan(focal_officer, plan.pk) == plan
    assert access.get_report_plan(ministry_viewer, plan.pk) == plan
    with pytest.raises(PermissionDenied):
        access.get_report_plan(commune_a_reporter, plan.pk)
    with pytest.raises(Http404):
        access.get_report_plan(outsider, plan.pk)


def test_the_unit_report_is_for_those_who_read_the_submissions_narrative(
    reports, commune_a_reporter, commune_b_reporter, focal_officer, ministry_viewer
):
    submission = reports["a"]
    assert access.get_unit_report_submission(commune_a_reporter, submission.pk) == submission
    assert access.get_unit_report_submission(focal_officer, submission.pk) == submission
    assert access.can_download_unit_report(commune_a_reporter, submission)
    assert not access.can_download_unit_report(ministry_viewer, submission)
    with pytest.raises(PermissionDenied):
        access.get_unit_report_submission(ministry_viewer, submission.pk)
    with pytest.raises(Http404):
        access.get_unit_report_submission(commune_b_reporter, submission.pk)


def test_only_the_ministry_and_admins_read_the_national_review(
    focal_officer, leader, commune_a_reporter, ministry_viewer, admin_user
):
    from binhdang.documents.access import can_read_national_review

    assert [can_read_national_review(u) for u in (ministry_viewer, admin_user)] == [True, True]
    assert [can_read_national_review(u) for u in (focal_officer, leader, commune_a_reporter)] == [False] * 3
