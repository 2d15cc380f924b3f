"""Access matrix: for every URL of the project, every persona and every method, the expected status,
and for every refused POST the proof that nothing changed.

How it works:

- :func:`url_patterns` walks ``get_resolver()`` and lists every named URL of the project (the Django
  admin and the i18n/static URLs are left out on purpose, see ``EXCLUDED``).
- ``EXPECTED`` is the table: ``url name -> Row(kwargs factory, statuses, post=, data=, writes=)``. The
  kwargs factory takes the :class:`World` (two provinces, the personas, a plan of Đắk Lắk with an
  indicator, its 2026 reporting period, a report of commune A with one evidence file, a pending plan
  upload) and returns the URL's kwargs; ``statuses`` give, for each persona, the status of a GET;
  ``post`` the status of a POST (default: the same as the GET, for a page that treats a POST like a
  GET), sent with the payload ``data`` (a valid-ish form); ``writes`` the personas whose POST may
  change the database.
- Personas: the focal officer, the leader and two commune reporters of Đắk Lắk, the ministry viewer,
  ``outsider`` (the focal officer of Lai Châu), ``disabled`` (a deactivated former reporter of commune
  A whose session is still open: treated as anonymous) and ``anonymous``.
- Every test is parametrized per persona (one world per test, not per cell): GET of every row; POST of
  every row, each in a savepoint rolled back afterwards, comparing a snapshot of every app table
  (``tests/db_snapshot.py``) for each persona not in ``writes``; PUT, PATCH and DELETE, 405 everywhere
  (``core.methods``).
- A URL without a row makes ``test_every_url_has_a_row`` fail: **every new URL must get a row here**.

Adding a row: give the url name, a kwargs factory (``none`` when the URL takes no argument; objects come
from ``World``, add what you need in ``tests/access_world.py``) and ``expect(...)`` with one status per
persona; for a URL that acts on POST, ``post=expect(...)``, a ``data=`` payload and ``writes=``.
Conventions: ``302`` for anonymous means "sent to the login page" (checked); ``404`` means the object
is outside the persona's reach (other province, other unit); ``403`` means the persona's role may never
do this; ``405`` for a POST-only URL opened with GET (or a download posted to).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from binhdang.plans.models import CalendarFeedToken
from binhdang.reporting import services as reporting_services
from tests.access_world import (
    ACT_ON_DAKLAK_PERIOD,
    ACT_ON_DAKLAK_USER,
    COMMUNE_A_REPORT,
    DAKLAK_READ,
    DAKLAK_RESULTS,
    EDIT_COMMUNE_A,
    EXCLUDED,
    EXCLUDED_ROUTE_PREFIXES,
    FOCAL,
    FOCAL_PAGE,
    GET_ONLY,
    MANAGE_DAKLAK_PLAN,
    MANAGE_DAKLAK_USER,
    MINISTRY,
    MINISTRY_ACTS,
    MINISTRY_BOARD_ACTS,
    MINISTRY_ONLY,
    PERSONAS,
    POST_ONLY,
    REFUSED_METHODS,
    REVIEW_COMMUNE_A,
    STATISTICS_READ,
    STATISTICS_SAVED,
    STATISTICS_WRITE,
    Row,
    World,
    activity_file_pk,
    activity_pk,
    archive_plan,
    attachment_of_report,
    build_world,
    bulk_for_commune_b,
    campaign_pk,
    close_period,
    commune_a_code,
    confirmed_removal,
    corrected_activity,
    corrected_campaign,
    corrected_indicator,
    corrected_inspection,
    corrected_task,
    data_of_commune_a,
    deactivate_commune,
    edit_reporter_a,
    everyone,
    evidence_file,
    expect,
    follow_up_done,
    follow_up_pk,
    indicator_edit,
    indicator_of_plan,
    indicator_year,
    inspection_pk,
    login_as_disabled,
    ministry_deadline,
    ministry_report_pk,
    ministry_return,
    national_year,
    new_activity_of_commune_a,
    new_campaign,
    new_commune,
    new_dates,
    new_follow_up,
    new_inspection,
    new_reporter_of_commune_b,
    new_statistic,
    new_task,
    none,
    open_2027,
    period_pk,
    plan_import_pk,
    plan_pk,
    plan_slug,
    plan_slug_year,
    plan_year,
    plan_year_commune_a,
    planned_funds_of_commune_a,
    province_code,
    remind_commune_b,
    remind_daklak,
    rename_commune,
    report_of_commune_a,
    report_values,
    review_comment,
    signed_report,
    spare_campaign_pk,
    statistics_csv,
    statistics_file,
    submission_pk,
    task_pk,
    task_update_pk,
    user_a,
    work_update,
    writers,
)
from tests.db_snapshot import changes, changes_since, snapshot, write_mark
from tests.factories import Role, make_user, release


def plan_year_section(world) -> dict:
    return {"pk": world.plan.pk, "year": 2026, "key": "reporting"}


def plan_span(world: World) -> dict:
    return {"pk": world.plan.pk, "start": 2026, "end": 2028}


def national_span(world: World) -> dict:
    return {"start": 2026, "end": 2028}


#: The ministry's own pages and files: the ministry (and admins); every province role 403.
MINISTRY_PAGE = expect(focal=403, reporter_a=403, reporter_b=403, leader=403, outsider=403, ministry=200)


def feed_key_of_reporter_a(world: World) -> dict:
    return {"key": CalendarFeedToken.objects.get(user=world.users["reporter_a"]).key}


def ad_hoc_request(world) -> dict:
    return {
        "plan": world.plan.pk,
        "kind": "adhoc",
        "title": "Báo cáo nhanh",
        "deadline": "2026-12-20",
        "units": [world.daklak.commune_a.pk],
        "question_1": "Số vụ bạo lực gia đình",
        "question_1_type": "number",
    }


def fourth_quarter(world) -> dict:
    return {
        "plan": world.plan.pk,
        "kind": "quarterly",
        "year": 2026,
        "numbers": [4],
        "elements": ["TT_NEWS"],
        "deadline_days": 10,
    }


EXPECTED: dict[str, Row] = {
    # core
    "core:home": Row(none, everyone(200)),
    "core:healthz": Row(none, everyone(200, anonymous=200)),
    # the SDMX structure of the open data: codes and names only, public for SDMX registries
    "results:sdmx_structure": Row(none, everyone(200, anonymous=200), post=everyone(405, anonymous=405)),
    # accounts: sign-in pages
    "accounts:login": Row(
        none,
        everyone(302, anonymous=200),
        # the deactivated account with its right password: refused, the form again (a failure recorded)
        data=login_as_disabled,
        writes=writers("anonymous", "disabled"),
    ),
    "accounts:logout": Row(none, everyone(405, anonymous=405), post=everyone(302)),
    "accounts:password_change": Row(none, everyone(200)),
    "accounts:profile": Row(none, everyone(200)),
    # accounts: two-factor login (offered to focal officers and admins; removal by admins only)
    "accounts:two_factor": Row(none, everyone(200)),
    "accounts:two_factor_setup": Row(
        none,
        expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=302, ministry=403),
        writes=writers("focal", "outsider"),  # their own (unconfirmed) device
    ),
    "accounts:two_factor_verify": Row(none, everyone(302)),
    "accounts:two_factor_disable": Row(none, POST_ONLY, post=everyone(400)),  # nothing to disable
    "accounts:two_factor_remove": Row(user_a, everyone(403)),
    # accounts: user management (focal officers of the province)
    "accounts:user_list": Row(none, FOCAL_PAGE),
    "accounts:user_create": Row(
        none,
        FOCAL_PAGE,
        post=expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=200, ministry=403),
        data=new_reporter_of_commune_b,  # the outsider: Đắk Lắk's commune is not a choice, form again
        writes=FOCAL,
    ),
    "accounts:user_bulk_create": Row(
        none,
        FOCAL_PAGE,
        post=expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=200, ministry=403),
        data=bulk_for_commune_b,
        writes=FOCAL,
    ),
    # nothing to show: back to the user list
    "accounts:credentials": Row(
        none, expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=302, ministry=403)
    ),
    "accounts:user_detail": Row(user_a, MANAGE_DAKLAK_USER),
    "accounts:user_edit": Row(
        user_a, MANAGE_DAKLAK_USER, post=ACT_ON_DAKLAK_USER, data=edit_reporter_a, writes=FOCAL
    ),
    "accounts:user_deactivate": Row(user_a, POST_ONLY, post=ACT_ON_DAKLAK_USER, writes=FOCAL),
    "accounts:user_reactivate": Row(user_a, POST_ONLY, post=ACT_ON_DAKLAK_USER, writes=FOCAL),
    "accounts:user_reset_password": Row(user_a, POST_ONLY, post=ACT_ON_DAKLAK_USER, writes=FOCAL),
    # orgunits
    "orgunits:browse": Row(
        none, expect(focal=302, reporter_a=403, reporter_b=403, leader=302, outsider=302, ministry=200)
    ),
    "orgunits:province": Row(
        province_code,
        expect(focal=200, reporter_a=403, reporter_b=403, leader=200, outsider=404, ministry=200),
    ),
    "orgunits:add": Row(
        province_code,
        expect(focal=200, reporter_a=403, reporter_b=403, leader=403, outsider=404, ministry=403),
        post=expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=404, ministry=403),
        data=new_commune,
        writes=FOCAL,
    ),
    "orgunits:unit": Row(
        commune_a_code,
        expect(focal=200, reporter_a=200, reporter_b=404, leader=200, outsider=404, ministry=200),
    ),
    "orgunits:rename": Row(
        commune_a_code,
        expect(focal=200, reporter_a=403, reporter_b=404, leader=403, outsider=404, ministry=403),
        post=expect(focal=302, reporter_a=403, reporter_b=404, leader=403, outsider=404, ministry=403),
        data=rename_commune,
        writes=FOCAL,
    ),
    # the DHIS2 uid mapping of a unit (a province too): its focal officer
    "orgunits:dhis2_uid": Row(
        province_code,
        expect(focal=200, reporter_a=403, reporter_b=403, leader=403, outsider=404, ministry=403),
        post=expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=404, ministry=403),
        data=lambda world: {"uid": "DakLak00001"},
        writes=FOCAL,
    ),
    "orgunits:deactivate": Row(
        commune_a_code,
        expect(focal=200, reporter_a=403, reporter_b=404, leader=403, outsider=404, ministry=403),
        post=expect(focal=302, reporter_a=403, reporter_b=404, leader=403, outsider=404, ministry=403),
        data=deactivate_commune,
        writes=FOCAL,
    ),
    "orgunits:reactivate": Row(
        commune_a_code,
        POST_ONLY,
        post=expect(focal=302, reporter_a=403, reporter_b=404, leader=403, outsider=404, ministry=403),
        writes=FOCAL,
    ),
    # plans
    "plans:list": Row(none, everyone(200)),
    # the calendar feed: its key is the secret (no login); creating and revoking it, any logged-in user
    "plans:calendar_feed": Row(
        feed_key_of_reporter_a, everyone(200, anonymous=200), post=everyone(405, anonymous=405)
    ),
    "plans:calendar_feed_create": Row(
        none,
        POST_ONLY,
        post=everyone(302),
        writes=writers("focal", "reporter_a", "reporter_b", "leader", "outsider", "ministry"),
    ),
    "plans:calendar_feed_revoke": Row(
        none,
        POST_ONLY,
        post=everyone(302),
        writes=writers("focal", "reporter_a", "reporter_b", "leader", "outsider", "ministry"),
    ),
    "plans:upload": Row(none, FOCAL_PAGE),
    "plans:review": Row(
        plan_import_pk,
        expect(focal=200, reporter_a=404, reporter_b=404, leader=404, outsider=404, ministry=404),
    ),
    "plans:detail": Row(plan_slug, DAKLAK_READ),
    "plans:review_plan": Row(
        plan_slug,
        MANAGE_DAKLAK_PLAN,
        post=GET_ONLY,
    ),
    "plans:review_item": Row(
        indicator_edit,
        MANAGE_DAKLAK_PLAN,
        post=expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=404, ministry=403),
        data=corrected_indicator,
        writes=FOCAL,
    ),
    "plans:indicators": Row(
        plan_slug,
        DAKLAK_READ,
        post=expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=404, ministry=403),
        writes=FOCAL,
    ),
    "plans:indicator": Row(
        indicator_of_plan,
        DAKLAK_READ,
        post=expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=404, ministry=403),
        writes=FOCAL,
    ),
    "plans:agencies": Row(plan_slug, DAKLAK_READ),
    "plans:calendar": Row(plan_slug, DAKLAK_READ),
    "plans:source": Row(plan_slug, DAKLAK_READ),
    "plans:status": Row(
        plan_slug,
        POST_ONLY,
        post=expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=404, ministry=403),
        data=archive_plan,
        writes=FOCAL,
    ),
    # reporting
    "reporting:index": Row(none, everyone(200)),
    "reporting:period_open": Row(
        none,
        FOCAL_PAGE,
        post=expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=200, ministry=403),
        data=open_2027,  # the outsider: Đắk Lắk's plan is not a choice, the form again
        writes=FOCAL,
    ),
    "reporting:board": Row(
        period_pk, expect(focal=200, reporter_a=404, reporter_b=404, leader=200, outsider=404, ministry=200)
    ),
    # reports at other rhythms: the focal officer asks units for a report or opens quarters; the
    # outsider sees the page (no Đắk Lắk plan to choose) and cannot post for Đắk Lắk's plan (404)
    "reporting:request_open": Row(
        none,
        FOCAL_PAGE,
        post=expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=404, ministry=403),
        data=ad_hoc_request,
        writes=FOCAL,
    ),
    "reporting:subannual_open": Row(
        none,
        FOCAL_PAGE,
        post=expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=404, ministry=403),
        data=fourth_quarter,
        writes=FOCAL,
    ),
    "reporting:answers_xlsx": Row(
        period_pk, expect(focal=200, reporter_a=404, reporter_b=404, leader=200, outsider=404, ministry=200)
    ),
    "reporting:period_settings": Row(
        period_pk,
        expect(focal=200, reporter_a=404, reporter_b=404, leader=403, outsider=404, ministry=403),
        post=ACT_ON_DAKLAK_PERIOD,
        data=new_dates,
        writes=FOCAL,
    ),
    # GET: the confirmation page of closing the period; POST with confirm=yes closes it
    "reporting:period_status": Row(
        period_pk,
        expect(focal=200, reporter_a=404, reporter_b=404, leader=403, outsider=404, ministry=403),
        post=ACT_ON_DAKLAK_PERIOD,
        data=close_period,
        writes=FOCAL,
    ),
    "reporting:remind": Row(
        period_pk, POST_ONLY, post=ACT_ON_DAKLAK_PERIOD, data=remind_commune_b, writes=FOCAL
    ),
    "reporting:data_export": Row(
        period_pk, expect(focal=200, reporter_a=404, reporter_b=404, leader=200, outsider=404, ministry=200)
    ),
    "reporting:data_export_dhis2": Row(
        period_pk, expect(focal=200, reporter_a=404, reporter_b=404, leader=200, outsider=404, ministry=200)
    ),
    "reporting:data_export_adx": Row(
        period_pk, expect(focal=200, reporter_a=404, reporter_b=404, leader=200, outsider=404, ministry=200)
    ),
    # the unit's report of the period: sent on to the submission page
    "reporting:report": Row(
        report_of_commune_a,
        expect(focal=302, reporter_a=302, reporter_b=404, leader=302, outsider=404, ministry=302),
    ),
    # saving through the unit's report of the period: the report exists, so as its own save and submit
    "reporting:report_save": Row(
        report_of_commune_a,
        POST_ONLY,
        post=EDIT_COMMUNE_A,
        data=report_values,
        writes=writers("focal", "reporter_a"),
    ),
    "reporting:report_submit": Row(
        report_of_commune_a,
        POST_ONLY,
        post=expect(focal=400, reporter_a=400, reporter_b=404, leader=403, outsider=404, ministry=403),
        data=report_values,
        writes=writers("focal", "reporter_a"),
    ),
    # the activity log's figures put in the report's empty fields: a save like any other
    "reporting:report_accept_log": Row(
        report_of_commune_a,
        POST_ONLY,
        post=EDIT_COMMUNE_A,
        data=report_values,
        writes=writers("focal", "reporter_a"),
    ),
    "reporting:accept_log": Row(
        submission_pk,
        POST_ONLY,
        post=EDIT_COMMUNE_A,
        data=report_values,
        writes=writers("focal", "reporter_a"),
    ),
    "reporting:submission": Row(submission_pk, COMMUNE_A_REPORT),
    "reporting:history": Row(submission_pk, COMMUNE_A_REPORT),
    "reporting:save": Row(
        submission_pk,
        POST_ONLY,
        post=EDIT_COMMUNE_A,
        data=report_values,
        writes=writers("focal", "reporter_a"),
    ),
    "reporting:submit": Row(
        submission_pk,
        POST_ONLY,
        # incomplete: refused with the missing fields named (400) even for those who may submit
        post=expect(focal=400, reporter_a=400, reporter_b=404, leader=403, outsider=404, ministry=403),
        data=report_values,
        writes=writers("focal", "reporter_a"),
    ),
    # confirm or explain unusual figures, then submit: for who may change the report (the draft is
    # incomplete, so the POST answers the page again with what prevents submitting)
    "reporting:confirm_outliers": Row(
        submission_pk,
        expect(focal=200, reporter_a=200, reporter_b=404, leader=403, outsider=404, ministry=403),
        data=report_values,
        writes=writers("focal", "reporter_a"),
    ),
    "reporting:return": Row(
        submission_pk, POST_ONLY, post=REVIEW_COMMUNE_A, data=review_comment, writes=FOCAL
    ),
    "reporting:accept": Row(
        submission_pk, POST_ONLY, post=REVIEW_COMMUNE_A, data=review_comment, writes=FOCAL
    ),
    "reporting:reopen": Row(
        submission_pk, POST_ONLY, post=REVIEW_COMMUNE_A, data=review_comment, writes=FOCAL
    ),
    "reporting:attachment_upload": Row(
        submission_pk,
        POST_ONLY,
        post=EDIT_COMMUNE_A,
        data=evidence_file,
        writes=writers("focal", "reporter_a"),
    ),
    "reporting:attachment_download": Row(
        attachment_of_report,
        expect(focal=200, reporter_a=200, reporter_b=404, leader=200, outsider=404, ministry=404),
    ),
    "reporting:attachment_delete": Row(
        attachment_of_report,
        POST_ONLY,
        post=expect(focal=302, reporter_a=302, reporter_b=404, leader=403, outsider=404, ministry=404),
        writes=writers("focal", "reporter_a"),
    ),
    "reporting:reminder_log": Row(
        period_pk, expect(focal=200, reporter_a=404, reporter_b=404, leader=403, outsider=404, ministry=403)
    ),
    "reporting:xlsx_template": Row(
        report_of_commune_a,
        expect(focal=200, reporter_a=200, reporter_b=404, leader=404, outsider=404, ministry=404),
    ),
    "reporting:xlsx_templates_zip": Row(
        period_pk, expect(focal=200, reporter_a=404, reporter_b=404, leader=403, outsider=404, ministry=403)
    ),
    "reporting:xlsx_upload": Row(
        none,
        expect(focal=200, reporter_a=200, reporter_b=200, leader=403, outsider=200, ministry=403),
        post=expect(focal=400, reporter_a=400, reporter_b=400, leader=403, outsider=400, ministry=403),
    ),
    "reporting:data_import": Row(
        none,
        # an officers' tool: reporters fill the form or the Excel template (issue 12)
        expect(focal=200, reporter_a=403, reporter_b=403, leader=403, outsider=200, ministry=403),
        # commune A's figures: the focal officer imports them; the officer of Lai Châu is refused (400,
        # the reason named), nothing written
        post=expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=400, ministry=403),
        data=data_of_commune_a,
        writes=FOCAL,
    ),
    "reporting:notifications": Row(none, everyone(200)),
    "reporting:notifications_read": Row(
        none,
        POST_ONLY,
        post=everyone(302),
        writes=writers("focal", "reporter_a", "reporter_b", "leader", "outsider", "ministry"),  # their own
    ),
    # results
    "results:index": Row(none, everyone(200)),
    "results:help": Row(none, everyone(200)),
    "results:national": Row(
        none, expect(focal=403, reporter_a=403, reporter_b=403, leader=403, outsider=403, ministry=200)
    ),
    # the plan's results: sent on to its latest year
    "results:plan": Row(
        plan_pk,
        expect(focal=302, reporter_a=403, reporter_b=403, leader=302, outsider=404, ministry=302),
    ),
    "results:dashboard": Row(plan_year, DAKLAK_RESULTS),
    "results:summary": Row(plan_year, DAKLAK_RESULTS),
    "results:completeness": Row(plan_year, DAKLAK_RESULTS),
    "results:data_csv": Row(plan_year, DAKLAK_RESULTS, post=GET_ONLY),
    "results:data_json": Row(plan_year, DAKLAK_RESULTS, post=GET_ONLY),
    "results:data_sdmx": Row(plan_year, DAKLAK_RESULTS, post=GET_ONLY),
    "results:unit": Row(
        plan_year_commune_a,
        expect(focal=200, reporter_a=200, reporter_b=403, leader=200, outsider=404, ministry=200),
    ),
    "results:indicator": Row(indicator_year, DAKLAK_RESULTS),
    # documents: the annual report and its annex for the plan's results readers; the unit report for
    # those who read the report's narrative (the ministry opens the report but not its narrative: 403)
    "documents:annual_report": Row(plan_year, DAKLAK_RESULTS),
    "documents:annual_annex": Row(plan_year, DAKLAK_RESULTS),
    "documents:annual_report_pdf": Row(plan_year, DAKLAK_RESULTS),
    # reviews over a span (sơ kết, tổng kết): a plan's for its results readers (the ministry's copy
    # without the narratives), the national one for the ministry only
    "documents:review": Row(plan_pk, DAKLAK_RESULTS, post=GET_ONLY),
    "documents:review_docx": Row(plan_span, DAKLAK_RESULTS, post=GET_ONLY),
    "documents:review_xlsx": Row(plan_span, DAKLAK_RESULTS, post=GET_ONLY),
    "documents:national_review": Row(none, MINISTRY_PAGE, post=GET_ONLY),
    "documents:national_review_docx": Row(national_span, MINISTRY_PAGE, post=GET_ONLY),
    "documents:national_review_xlsx": Row(national_span, MINISTRY_PAGE, post=GET_ONLY),
    # the report editor: the focal officer edits, the leader reads, the ministry has its own copy (403)
    "documents:report_editor": Row(
        plan_year,
        expect(focal=200, reporter_a=403, reporter_b=403, leader=200, outsider=404, ministry=403),
        post=GET_ONLY,
    ),
    "documents:report_section": Row(
        plan_year_section,
        GET_ONLY,
        post=expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=404, ministry=403),
        data=lambda world: {"text": "Nội dung do cán bộ đầu mối sửa."},
        writes=FOCAL,
    ),
    "documents:report_section_reset": Row(
        plan_year_section,
        GET_ONLY,
        post=expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=404, ministry=403),
        writes=FOCAL,
    ),
    "documents:unit_report": Row(
        submission_pk,
        expect(focal=200, reporter_a=200, reporter_b=404, leader=200, outsider=404, ministry=403),
    ),
    # ministry: the province sends its report; the ministry reads it and acts only on that report
    # (receive, return, accept), never on the province's data. The index sends the ministry to its board.
    "ministry:index": Row(
        none, expect(focal=200, reporter_a=403, reporter_b=403, leader=200, outsider=200, ministry=302)
    ),
    "ministry:board": Row(
        none, expect(focal=403, reporter_a=403, reporter_b=403, leader=403, outsider=403, ministry=200)
    ),
    "ministry:set_deadline": Row(
        none, POST_ONLY, post=MINISTRY_BOARD_ACTS, data=ministry_deadline, writes=MINISTRY
    ),
    "ministry:remind": Row(none, POST_ONLY, post=MINISTRY_BOARD_ACTS, data=remind_daklak, writes=MINISTRY),
    "ministry:plan_year": Row(plan_year, DAKLAK_RESULTS),
    # the report of 2026 is already sent: the focal officer's POST is refused with a message (302)
    "ministry:send": Row(
        plan_year,
        POST_ONLY,
        post=expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=404, ministry=403),
        data=signed_report,
        writes=FOCAL,
    ),
    "ministry:receive": Row(ministry_report_pk, POST_ONLY, post=MINISTRY_ACTS, writes=MINISTRY),
    "ministry:return": Row(
        ministry_report_pk, POST_ONLY, post=MINISTRY_ACTS, data=ministry_return, writes=MINISTRY
    ),
    "ministry:accept": Row(ministry_report_pk, POST_ONLY, post=MINISTRY_ACTS, writes=MINISTRY),
    "ministry:report_file": Row(ministry_report_pk, DAKLAK_RESULTS, post=GET_ONLY),
    "ministry:signed_file": Row(ministry_report_pk, DAKLAK_RESULTS, post=GET_ONLY),
    # the national results and the national report: the ministry only (never a province's user)
    "ministry:national": Row(none, MINISTRY_ONLY, post=GET_ONLY),
    "ministry:national_csv": Row(national_year, MINISTRY_ONLY, post=GET_ONLY),
    "ministry:national_sdmx": Row(national_year, MINISTRY_ONLY, post=GET_ONLY),
    "ministry:national_xlsx": Row(national_year, MINISTRY_ONLY, post=GET_ONLY),
    "ministry:national_report": Row(national_year, MINISTRY_ONLY, post=GET_ONLY),
    # the year's work: tasks followed (their lead's reporters and the focal officer update them) and the
    # activity log (a unit's reporters and the focal officer record; the province's readers read)
    "work:index": Row(none, everyone(200), post=GET_ONLY),
    "work:tasks": Row(plan_slug, DAKLAK_READ, post=GET_ONLY),
    "work:task": Row(
        task_pk,
        DAKLAK_READ,
        post=expect(focal=302, reporter_a=302, reporter_b=403, leader=403, outsider=404, ministry=403),
        data=work_update,
        writes=writers("focal", "reporter_a"),
    ),
    "work:update_file": Row(task_update_pk, DAKLAK_READ, post=GET_ONLY),
    # the focal officer adds, corrects and removes the plan's tasks (a task with updates: confirmed)
    "work:task_new": Row(plan_slug, MANAGE_DAKLAK_PLAN, post=ACT_ON_DAKLAK_USER, data=new_task, writes=FOCAL),
    "work:task_edit": Row(
        task_pk, MANAGE_DAKLAK_PLAN, post=ACT_ON_DAKLAK_USER, data=corrected_task, writes=FOCAL
    ),
    "work:task_remove": Row(
        task_pk, MANAGE_DAKLAK_PLAN, post=ACT_ON_DAKLAK_USER, data=confirmed_removal, writes=FOCAL
    ),
    # the province's gender statistics (results.genderstats)
    "genderstats:index": Row(none, STATISTICS_READ, post=GET_ONLY),
    "genderstats:record": Row(
        none, STATISTICS_WRITE, post=STATISTICS_SAVED, data=new_statistic, writes=writers("focal", "outsider")
    ),
    "genderstats:import": Row(
        none,
        STATISTICS_WRITE,
        post=STATISTICS_SAVED,
        data=statistics_file,
        writes=writers("focal", "outsider"),
    ),
    "genderstats:export": Row(
        statistics_csv,
        expect(focal=200, reporter_a=403, reporter_b=403, leader=200, outsider=200, ministry=404),
        post=GET_ONLY,
    ),
    "work:activities": Row(plan_slug, DAKLAK_READ, post=GET_ONLY),
    # funds: the province's readers read every unit's, a reporter its units'; a unit's reporters and the
    # focal officer enter planned funds (commune B's reporter may not choose commune A: the form again)
    "work:budget_default": Row(
        plan_slug,
        expect(focal=302, reporter_a=302, reporter_b=302, leader=302, outsider=404, ministry=302),
        post=GET_ONLY,
    ),
    "work:budget": Row(
        plan_slug_year,
        DAKLAK_READ,
        post=expect(focal=302, reporter_a=302, reporter_b=200, leader=403, outsider=404, ministry=403),
        data=planned_funds_of_commune_a,
        writes=writers("focal", "reporter_a"),
    ),
    "work:activity_new": Row(
        plan_slug,
        expect(focal=200, reporter_a=200, reporter_b=200, leader=403, outsider=404, ministry=403),
        # commune B's reporter may not choose commune A: the form again, nothing saved
        post=expect(focal=302, reporter_a=302, reporter_b=200, leader=403, outsider=404, ministry=403),
        data=new_activity_of_commune_a,
        writes=writers("focal", "reporter_a"),
    ),
    "work:activity": Row(
        activity_pk,
        COMMUNE_A_REPORT,
        post=expect(focal=302, reporter_a=302, reporter_b=404, leader=403, outsider=404, ministry=403),
        data=corrected_activity,
        writes=writers("focal", "reporter_a"),
    ),
    "work:activity_file": Row(activity_file_pk, COMMUNE_A_REPORT, post=GET_ONLY),
    # the campaign calendar: read by whoever reads the plan; its campaigns changed by the focal officer
    "work:campaigns": Row(plan_slug, DAKLAK_READ, post=GET_ONLY),
    "work:campaign_new": Row(
        plan_slug,
        MANAGE_DAKLAK_PLAN,
        post=expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=404, ministry=403),
        data=new_campaign,
        writes=FOCAL,
    ),
    "work:campaign_edit": Row(
        campaign_pk,
        MANAGE_DAKLAK_PLAN,
        post=expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=404, ministry=403),
        data=corrected_campaign,
        writes=FOCAL,
    ),
    "work:campaign_delete": Row(
        spare_campaign_pk,
        POST_ONLY,
        post=expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=404, ministry=403),
        writes=FOCAL,
    ),
    # inspections: the focal officer records and corrects them; the inspected commune A reads its own
    # and updates its follow-up item; the province's readers and the ministry read; commune B sees none
    "work:inspections": Row(plan_slug, DAKLAK_READ, post=GET_ONLY),
    "work:inspection_new": Row(
        plan_slug,
        MANAGE_DAKLAK_PLAN,
        post=expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=404, ministry=403),
        data=new_inspection,
        writes=FOCAL,
    ),
    "work:inspection": Row(inspection_pk, COMMUNE_A_REPORT, post=GET_ONLY),
    "work:inspection_edit": Row(
        inspection_pk,
        expect(focal=200, reporter_a=403, reporter_b=404, leader=403, outsider=404, ministry=403),
        post=REVIEW_COMMUNE_A,
        data=corrected_inspection,
        writes=FOCAL,
    ),
    # commune A's inspection has a follow-up item: the focal officer is sent back with the refusal
    "work:inspection_remove": Row(inspection_pk, POST_ONLY, post=REVIEW_COMMUNE_A, writes=FOCAL),
    "work:follow_up_new": Row(
        inspection_pk, POST_ONLY, post=REVIEW_COMMUNE_A, data=new_follow_up, writes=FOCAL
    ),
    "work:follow_up": Row(
        follow_up_pk,
        COMMUNE_A_REPORT,
        post=EDIT_COMMUNE_A,
        data=follow_up_done,
        writes=writers("focal", "reporter_a"),
    ),
    "work:follow_up_remove": Row(follow_up_pk, POST_ONLY, post=REVIEW_COMMUNE_A, writes=FOCAL),
}


def url_patterns() -> dict[str, str]:
    """Every named URL of the project: ``{"namespace:name": "route"}`` (unnamed ones by route)."""

    def walk(resolver, prefix: str, namespace: str | None):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(n for n in (namespace, pattern.namespace) if n) or None
                yield from walk(pattern, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                name = ":".join(n for n in (namespace, pattern.name) if n) if pattern.name else route
                yield name, route

    return dict(walk(get_resolver(), "", None))


def _excluded(name: str) -> bool:
    """Excluded by name, or an unnamed route under an excluded prefix (admin, i18n, static, media)."""
    if any(name == key or (key.endswith(":") and name.startswith(key)) for key in EXCLUDED):
        return True
    return name.lstrip("^").startswith(EXCLUDED_ROUTE_PREFIXES)


def test_every_url_has_a_row():
    urls = {name: route for name, route in url_patterns().items() if not _excluded(name)}
    missing = sorted(set(urls) - set(EXPECTED))
    assert not missing, (
        "These URLs have no row in tests/test_access_matrix.py EXPECTED; add one per URL with the status "
        "each persona must get: " + ", ".join(f"{name} (/{urls[name]})" for name in missing)
    )


def test_no_row_for_a_url_that_no_longer_exists():
    stale = sorted(set(EXPECTED) - set(url_patterns()))
    assert not stale, f"Rows in EXPECTED for URLs that no longer exist, remove them: {stale}"


@pytest.fixture
def world(
    settings,
    tmp_path,
    daklak,
    laichau,
    focal_officer,
    commune_a_reporter,
    commune_b_reporter,
    leader,
    outsider,
    ministry_viewer,
) -> World:
    settings.MEDIA_ROOT = tmp_path / "media"
    disabled = make_user("disabled", Role.REPORTER, daklak.commune_a, full_name="Hồ Thị Lan", is_active=False)
    made = build_world(
        daklak,
        laichau,
        {
            "focal": focal_officer,
            "reporter_a": commune_a_reporter,
            "reporter_b": commune_b_reporter,
            "leader": leader,
            "outsider": outsider,
            "ministry": ministry_viewer,
            "disabled": disabled,
        },
    )
    CalendarFeedToken.objects.create(
        user=commune_a_reporter
    )  # the feed row reads commune A's reporter's feed
    return made


def _clients(world: World, personas=PERSONAS) -> dict[str, Client]:
    clients = {}
    for persona in personas:
        clients[persona] = Client(raise_request_exception=True)
        if persona != "anonymous":
            clients[persona].force_login(world.users[persona])
    return clients


def _send(client: Client, method: str, url: str, data: dict | None = None) -> tuple[int, str]:
    response = getattr(client, method)(url, data or {})
    release(response)  # file downloads: close the file
    return response.status_code, response.get("Location", "")


def _status(client: Client, url: str) -> tuple[int, str]:
    return _send(client, "get", url)


def _compare(persona: str, expected: int, status: int, location: str) -> str | None:
    if status != expected:
        return f"{persona}: got {status}, expected {expected}"
    if (
        persona in ("anonymous", "disabled")
        and status == 302
        and not location.startswith(reverse("accounts:login"))
    ):
        return f"{persona}: redirected to {location}, not to the login page"
    return None


def _check_row(url_name: str, row: Row, world: World, clients: dict[str, Client]) -> list[str]:
    """The mismatches of one row's GET (empty when every persona gets its expected status)."""
    url = reverse(url_name, kwargs=row.kwargs(world))
    wrong = []
    for persona, client in clients.items():
        try:
            status, location = _status(client, url)
        except Exception as error:  # a crashing view is a finding too; report it with the others
            wrong.append(f"{persona}: raised {type(error).__name__}: {error}"[:300])
            continue
        problem = _compare(persona, row.statuses[persona], status, location)
        if problem:
            wrong.append(problem)
    return [f"GET {url} ({url_name}) {w}" for w in wrong]


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_url_gives_the_expected_status_to_a_get(world, persona):
    """One world per persona; every mismatch of every row is listed."""
    clients = _clients(world, [persona])
    wrong = [w for name, row in sorted(EXPECTED.items()) for w in _check_row(name, row, world, clients)]
    assert not wrong, f"{len(wrong)} unexpected statuses:\n" + "\n".join(wrong)


@pytest.mark.parametrize("persona", PERSONAS)
def test_put_patch_and_delete_are_405_on_every_url_and_change_nothing(world, persona, settings):
    [client] = _clients(world, [persona]).values()
    before = snapshot(settings.MEDIA_ROOT)
    wrong = []
    for name, row in sorted(EXPECTED.items()):
        url = reverse(name, kwargs=row.kwargs(world))
        for method in REFUSED_METHODS:
            status, _location = _send(client, method, url)
            if status != 405:
                wrong.append(f"{method.upper()} {url} ({name}) {persona}: got {status}, expected 405")
    assert not wrong, "\n".join(wrong)
    assert not changes(before, snapshot(settings.MEDIA_ROOT))


def _session_key(client: Client) -> str | None:
    cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
    return cookie.value if cookie is not None else None


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_url_gives_the_expected_status_to_a_post_and_a_refused_post_writes_nothing(
    world, persona, settings
):
    """Every row's POST (with its payload) as one persona, each in a savepoint rolled back afterwards,
    so that an allowed write does not change the next cell. A persona not in the row's ``writes`` must
    leave the database (and the stored files) exactly as it was."""
    clients = _clients(world, [persona])
    client = clients[persona]
    session = _session_key(client)
    before = snapshot(settings.MEDIA_ROOT)
    wrong = []
    for name, row in sorted(EXPECTED.items()):
        url = reverse(name, kwargs=row.kwargs(world))
        expected = row.post_statuses()[persona]
        data = row.data(world) if row.data else {}
        with transaction.atomic():
            mark = write_mark()  # the tables are as in ``before``: read them again only if a row is written
            try:
                status, location = _send(client, "post", url, data)
            except Exception as error:
                wrong.append(f"POST {url} ({name}) {persona}: raised {type(error).__name__}: {error}"[:300])
                status, location = expected, ""
            problem = _compare(persona, expected, status, location)
            if problem:
                wrong.append(f"POST {url} ({name}) {problem}")
            written = persona in row.writes
            if not written:
                changed = changes_since(before, mark, settings.MEDIA_ROOT)
                if changed:
                    wrong.append(
                        f"POST {url} ({name}) {persona}: not allowed to write, but changed {changed}"
                    )
            transaction.set_rollback(True)
        if persona != "anonymous" and _session_key(client) != session:  # logged out: log in again
            client.force_login(world.users[persona])
            session = _session_key(client)
            written = True
        if written:  # files are not rolled back with the database; the login updates last_login
            before = snapshot(settings.MEDIA_ROOT)
    assert not wrong, f"{len(wrong)} unexpected POST results:\n" + "\n".join(wrong)


def test_the_world_is_what_the_rows_assume(world):
    assert world.submission.unit == world.daklak.commune_a
    assert world.period.deadline == dt.date(2026, 11, 30)
    assert world.attachment.submission == world.submission
    assert not world.users["disabled"].is_active


def test_a_url_refusing_get_with_405_says_what_a_post_does():
    """A POST-only URL must have its own ``post=`` statuses (the GET's 405 says nothing about a POST)."""
    missing = sorted(
        name
        for name, row in EXPECTED.items()
        if row.post is None
        and any(row.statuses[p] == 405 for p in PERSONAS if p not in ("anonymous", "disabled"))
    )
    assert not missing, f"give these rows post=...: {missing}"


def test_the_snapshot_sees_an_allowed_write(world, settings):
    """The check of the POST matrix can fail: the focal officer closing the period changes a table."""
    client = _clients(world, ["focal"])["focal"]
    before = snapshot(settings.MEDIA_ROOT)
    with transaction.atomic():
        mark = write_mark()
        status, _location = _send(
            client, "post", reverse("reporting:period_status", args=[world.period.pk]), close_period(world)
        )
        assert status == 302
        assert any(name.startswith("reporting_") for name in changes_since(before, mark, settings.MEDIA_ROOT))
        transaction.set_rollback(True)
    assert not changes(before, snapshot(settings.MEDIA_ROOT))


def _cross_province_posts(world: World) -> list[tuple[str, dict, dict]]:
    """(url name, kwargs, payload) of every action on Đắk Lắk's objects an officer could post."""
    submission, user, unit = world.submission, world.users["reporter_a"], world.daklak.commune_a
    comment = review_comment(world)
    return [
        ("reporting:save", {"pk": submission.pk}, report_values(world)),
        ("reporting:submit", {"pk": submission.pk}, report_values(world)),
        ("reporting:return", {"pk": submission.pk}, comment),
        ("reporting:accept", {"pk": submission.pk}, comment),
        ("reporting:reopen", {"pk": submission.pk}, comment),
        ("reporting:attachment_upload", {"pk": submission.pk}, evidence_file(world)),
        ("reporting:attachment_delete", attachment_of_report(world), {}),
        ("reporting:period_status", {"pk": world.period.pk}, close_period(world)),
        ("reporting:remind", {"pk": world.period.pk}, remind_commune_b(world)),
        ("reporting:period_settings", {"pk": world.period.pk}, new_dates(world)),
        ("plans:status", {"slug": world.plan.slug}, archive_plan(world)),
        ("plans:indicator", indicator_of_plan(world), {}),
        ("plans:indicators", {"slug": world.plan.slug}, {}),
        ("accounts:user_deactivate", {"pk": user.pk}, {}),
        ("accounts:user_reset_password", {"pk": user.pk}, {}),
        ("accounts:user_edit", {"pk": user.pk}, edit_reporter_a(world)),
        ("accounts:two_factor_remove", {"pk": user.pk}, {}),
        ("orgunits:rename", {"code": unit.code}, rename_commune(world)),
        ("orgunits:deactivate", {"code": unit.code}, deactivate_commune(world)),
        ("orgunits:add", {"code": world.daklak.root.code}, new_commune(world)),
    ]


def test_an_officer_of_another_province_posting_to_daklak_changes_nothing(world, settings):
    """The focal officer of Lai Châu posts every Đắk Lắk action with a valid payload, on a submitted
    report: each answers 404 (or 403 where the role may never act), and nothing changes; then the same
    review by Đắk Lắk's own officer does change the report (the payloads are real)."""
    from tests.reporting.conftest import fill

    fill(world.submission, world.users["reporter_a"])
    reporting_services.submit(world.submission, world.users["reporter_a"])
    world.submission.refresh_from_db()
    client = _clients(world, ["outsider"])["outsider"]
    before = snapshot(settings.MEDIA_ROOT)
    wrong = []
    for name, kwargs, data in _cross_province_posts(world):
        status, _location = _send(client, "post", reverse(name, kwargs=kwargs), data)
        if status not in (403, 404):
            wrong.append(f"{name}: {status}")
    status, _location = _send(client, "post", reverse("reporting:data_import"), data_of_commune_a(world))
    if status != 400:
        wrong.append(f"reporting:data_import: {status}")
    assert not wrong, wrong
    assert not changes(before, snapshot(settings.MEDIA_ROOT))
    world.submission.refresh_from_db()
    world.period.refresh_from_db()
    assert world.submission.state == "submitted" and world.period.is_open
    assert world.users["reporter_a"].__class__.objects.get(pk=world.users["reporter_a"].pk).is_active

    focal = _clients(world, ["focal"])["focal"]
    _send(focal, "post", reverse("reporting:accept", args=[world.submission.pk]), review_comment(world))
    world.submission.refresh_from_db()
    assert world.submission.state == "accepted"


def test_a_deactivated_account_cannot_sign_in_even_with_its_password(world):
    client = Client()
    response = client.post(reverse("accounts:login"), login_as_disabled(world))
    assert response.status_code == 200
    assert client.get(reverse("core:home")).status_code == 302
