"""The world of the access matrices (``tests/test_access_matrix.py``; the API's reuses the URL walk):
the personas, the objects the URLs point at (:class:`World`, :func:`build_world`), a row of the table
(:class:`Row`, :func:`expect`), the kwargs and payload factories of the rows, and the usual status sets.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from binhdang.ministry.models import ProvinceReport
from binhdang.plans.models import Campaign, Indicator, Plan, Task
from binhdang.plans.models.imports import PlanImport
from binhdang.reporting import attachments as reporting_attachments
from binhdang.reporting import services as reporting_services
from binhdang.reporting.entry import field_name
from binhdang.work import activities as work_activities
from binhdang.work import inspections as work_inspections
from binhdang.work import task_followup
from tests.factories import PASSWORD, units_report_yearly

PERSONAS = ("focal", "reporter_a", "reporter_b", "leader", "outsider", "ministry", "disabled", "anonymous")
#: Methods web pages refuse (``core.methods``): 405 for every persona on every URL.
REFUSED_METHODS = ("put", "patch", "delete")
#: URL names (or namespaces, ending with ":") left out of the matrix, with the reason.
EXCLUDED = {
    "admin:": "the Django admin has its own staff-only login",
    "set_language": "i18n language switch (POST, no data)",
    "api:": "REST API: tests/api/test_permission_matrix.py",
}
#: Unnamed routes under these prefixes are left out: the admin's catch-all and object URLs, the i18n
#: view, and static/media files (served in DEBUG only).
EXCLUDED_ROUTE_PREFIXES = ("admin/", "i18n/", settings.STATIC_URL.lstrip("/"), settings.MEDIA_URL.lstrip("/"))


@dataclass
class World:
    daklak: object
    laichau: object
    users: dict
    plan: Plan
    indicator: Indicator
    period: object
    submission: object
    attachment: object
    plan_import: PlanImport
    #: Đắk Lắk's report of 2026 sent to the ministry (state: sent).
    ministry_report: object = None
    #: the year's work (``work`` app): a task led by commune A with one update, an activity of commune A
    task: object = None
    task_update: object = None
    activity: object = None
    #: the plan's campaigns: the Action Month (commune A's activity is for it) and a day with nothing
    campaign: object = None
    spare_campaign: object = None
    #: a done inspection of commune A with one follow-up item addressed to commune A
    inspection: object = None
    follow_up: object = None
    #: a figure of Đắk Lắk's gender statistics (NQ28.2.1, 2026, total), recorded by the focal officer
    statistic: object = None


@dataclass(frozen=True)
class Row:
    """One URL: its kwargs, the status of a GET per persona, and what a POST does.

    ``post``: the status of a POST per persona; None means "the view treats a POST like a GET"
    (same statuses as ``statuses``). ``data``: the form payload of the POST (a factory taking the
    world; a valid-ish form, so that a persona allowed to act would really act). ``writes``: the
    personas whose POST may change the database; for every other persona the database must be the
    same after the POST as before.
    """

    kwargs: Callable[[World], dict]
    statuses: dict[str, int]
    post: dict[str, int] | None = None
    data: Callable[[World], dict] | None = None
    writes: frozenset[str] = frozenset()

    def post_statuses(self) -> dict[str, int]:
        return self.post if self.post is not None else self.statuses


def expect(
    *, focal, reporter_a, reporter_b, leader, outsider, ministry, anonymous=302, disabled=None
) -> dict[str, int]:
    """The status for each persona (every persona must be given, except anonymous and disabled).

    ``disabled`` (a deactivated account whose session is still open) gets what anonymous gets unless
    told otherwise: Django no longer loads an inactive user, so the request is anonymous.
    """
    return {
        "focal": focal,
        "reporter_a": reporter_a,
        "reporter_b": reporter_b,
        "leader": leader,
        "outsider": outsider,
        "ministry": ministry,
        "anonymous": anonymous,
        "disabled": anonymous if disabled is None else disabled,
    }


def everyone(status: int, anonymous: int = 302) -> dict[str, int]:
    """The same status for every logged-in persona."""
    return expect(
        focal=status,
        reporter_a=status,
        reporter_b=status,
        leader=status,
        outsider=status,
        ministry=status,
        anonymous=anonymous,
    )


def writers(*personas: str) -> frozenset[str]:
    """The personas whose POST may write (see ``Row.writes``)."""
    unknown = set(personas) - set(PERSONAS)
    assert not unknown, f"unknown personas {unknown}"
    return frozenset(personas)


def none(world: World) -> dict:
    return {}


def user_a(world: World) -> dict:
    return {"pk": world.users["reporter_a"].pk}


def plan_slug(world: World) -> dict:
    return {"slug": world.plan.slug}


def period_pk(world: World) -> dict:
    return {"pk": world.period.pk}


def submission_pk(world: World) -> dict:
    return {"pk": world.submission.pk}


def plan_year(world: World) -> dict:
    return {"pk": world.plan.pk, "year": 2026}


def plan_pk(world: World) -> dict:
    return {"pk": world.plan.pk}


def province_code(world: World) -> dict:
    return {"code": world.daklak.root.code}


def commune_a_code(world: World) -> dict:
    return {"code": world.daklak.commune_a.code}


def indicator_of_plan(world: World) -> dict:
    return {"slug": world.plan.slug, "pk": world.indicator.pk}


def indicator_edit(world: World) -> dict:
    """The review page's edit of the plan's indicator (``plans:review_item``)."""
    return {"slug": world.plan.slug, "kind": "indicator", "pk": world.indicator.pk, "action": "edit"}


def corrected_indicator(world: World) -> dict:
    return {"code": "1", "text": "Chỉ tiêu 1 đã sửa"}


def indicator_year(world: World) -> dict:
    return {"pk": world.indicator.pk, "year": 2026}


def task_pk(world: World) -> dict:
    return {"pk": world.task.pk}


def task_update_pk(world: World) -> dict:
    return {"pk": world.task.pk, "update_pk": world.task_update.pk}


def activity_pk(world: World) -> dict:
    return {"pk": world.activity.pk}


def activity_file_pk(world: World) -> dict:
    return {"pk": world.activity.pk, "file_pk": world.activity.files.get().pk}


def plan_import_pk(world: World) -> dict:
    return {"pk": world.plan_import.pk}


def report_of_commune_a(world: World) -> dict:
    return {"period_pk": world.period.pk, "unit_pk": world.daklak.commune_a.pk}


def attachment_of_report(world: World) -> dict:
    return {"pk": world.submission.pk, "attachment_pk": world.attachment.pk}


def plan_year_commune_a(world: World) -> dict:
    return {"pk": world.plan.pk, "year": 2026, "unit_pk": world.daklak.commune_a.pk}


# ---- POST payloads: valid-ish forms, so that a persona allowed to act would really act


def login_as_disabled(world: World) -> dict:
    """The deactivated account's own, correct password: the login must still be refused."""
    return {"username": "disabled", "password": PASSWORD}


def new_reporter_of_commune_b(world: World) -> dict:
    return {
        "username": "nguoi.moi",
        "full_name": "Người Mới",
        "role": "reporter",
        "units": [world.daklak.commune_b.pk],
    }


def bulk_for_commune_b(world: World) -> dict:
    return {"units": [world.daklak.commune_b.pk], "style": "name"}


def edit_reporter_a(world: World) -> dict:
    return {"full_name": "Y Bih Niê (sửa)", "email": "", "phone": "", "units": [world.daklak.commune_b.pk]}


def new_commune(world: World) -> dict:
    return {"type": "commune", "code": "66-C999", "name": "Xã Thử Nghiệm", "division": "Xã"}


def rename_commune(world: World) -> dict:
    return {"name": "Xã Ea Kar Mới"}


def deactivate_commune(world: World) -> dict:
    return {"valid_to": "2026-07-01"}


def archive_plan(world: World) -> dict:
    return {"status": "archived"}


def open_2027(world: World) -> dict:
    return {"plan": world.plan.pk, "year": 2027, "deadline": "2027-11-30"}


def new_dates(world: World) -> dict:
    return {
        "form": "dates",
        "deadline": "2026-12-10",
        "cutoff_start": "2025-12-15",
        "cutoff_end": "2026-12-14",
    }


def close_period(world: World) -> dict:
    return {"action": "close", "confirm": "yes"}


def remind_commune_b(world: World) -> dict:
    return {"units": [world.daklak.commune_b.pk], "message": "Đề nghị gửi báo cáo"}


def report_values(world: World) -> dict:
    return {"version": str(world.submission.version), field_name("TT_SESSIONS"): "3"}


def review_comment(world: World) -> dict:
    return {"comment": "Đề nghị bổ sung số liệu", "version": str(world.submission.version)}


def evidence_file(world: World) -> dict:
    return {"file": SimpleUploadedFile("anh.pdf", b"%PDF-1.4 anh"), "description": "Ảnh hội nghị"}


def data_of_commune_a(world: World) -> dict:
    data = {
        "dataSet": "TT1790",
        "period": "2026",
        "orgUnit": world.daklak.commune_a.code,
        "dataValues": [{"dataElement": "TT_SESSIONS", "value": "5"}],
    }
    return {"file": SimpleUploadedFile("du-lieu.json", json.dumps(data).encode())}


#: A POST-only URL opened with GET by anyone logged in.
POST_ONLY = everyone(405)
#: Pages of the focal officers of a province (and admins); ``outsider`` manages Lai Châu, so pages
#: without an object open for them too.
FOCAL_PAGE = expect(focal=200, reporter_a=403, reporter_b=403, leader=403, outsider=200, ministry=403)
#: Only the focal officer of Đắk Lắk (and admins) manage Đắk Lắk's users; outsiders get 404.
MANAGE_DAKLAK_USER = expect(focal=200, reporter_a=403, reporter_b=403, leader=403, outsider=404, ministry=403)
#: Changing Đắk Lắk's plan (its review page): its focal officer; those who read it get 403, outsiders 404.
MANAGE_DAKLAK_PLAN = expect(focal=200, reporter_a=403, reporter_b=403, leader=403, outsider=404, ministry=403)
#: A Đắk Lắk object every Đắk Lắk persona and the ministry read; the outsider gets 404.
DAKLAK_READ = expect(focal=200, reporter_a=200, reporter_b=200, leader=200, outsider=404, ministry=200)
#: Commune A's report: its reporter, the province's readers and the ministry; not commune B.
COMMUNE_A_REPORT = expect(focal=200, reporter_a=200, reporter_b=404, leader=200, outsider=404, ministry=200)
#: Province-wide results: readers of the province, not its reporters.
DAKLAK_RESULTS = expect(focal=200, reporter_a=403, reporter_b=403, leader=200, outsider=404, ministry=200)
#: A POST of the focal officer of Đắk Lắk acting on a Đắk Lắk user (then sent back to a page).
ACT_ON_DAKLAK_USER = expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=404, ministry=403)
#: A POST of the focal officer acting on a Đắk Lắk period or report (reporters do not see the period).
ACT_ON_DAKLAK_PERIOD = expect(
    focal=302, reporter_a=404, reporter_b=404, leader=403, outsider=404, ministry=403
)
#: The focal officer reviewing commune A's report: its reporter may not, commune B does not see it.
REVIEW_COMMUNE_A = expect(focal=302, reporter_a=403, reporter_b=404, leader=403, outsider=404, ministry=403)
#: Editing commune A's report: its reporter and the focal officer.
EDIT_COMMUNE_A = expect(focal=302, reporter_a=302, reporter_b=404, leader=403, outsider=404, ministry=403)
#: A GET-only download asked with POST.
GET_ONLY = everyone(405)
FOCAL = writers("focal")


def build_world(daklak, laichau, users: dict) -> World:
    plan = Plan.objects.create(
        province=daklak.root,
        org_unit=daklak.root,
        issuer="UBND tỉnh Đắk Lắk",
        program="communication",
        title="Kế hoạch thực hiện Chương trình Truyền thông về bình đẳng giới giai đoạn 2026 - 2030",
        period_start=2026,
        period_end=2030,
        status="active",
        slug="kh-1790-daklak",
        focal_agency=daklak.noi_vu,
        source_file=SimpleUploadedFile("kh-1790.pdf", b"%PDF-1.4 ke hoach"),
        source_name="kh-1790.pdf",
    )
    units_report_yearly(plan)
    indicator = Indicator.objects.create(plan=plan, code="1", text="Chỉ tiêu 1", order=1, unit="%")
    period = reporting_services.open_period(plan, 2026, users["focal"])
    submission = reporting_services.get_or_create_submission(period, daklak.commune_a, users["reporter_a"])
    attachment = reporting_attachments.add_attachment(
        submission, SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 bien ban"), users["reporter_a"]
    )
    plan_import = PlanImport.objects.create(
        province=daklak.root,
        file=SimpleUploadedFile("kh.txt", b"KE HOACH"),
        original_name="kh.txt",
        sha256="0" * 64,
        created_by=users["focal"],
    )
    ministry_report = ProvinceReport.objects.create(
        plan=plan,
        province=daklak.root,
        year=2026,
        report_file=SimpleUploadedFile("bao-cao-kh-1790-daklak-2026.docx", b"PK\x03\x04 bao cao"),
        signed_file=SimpleUploadedFile("bao-cao-da-ky.pdf", b"%PDF-1.4 da ky"),
        signed_name="bao-cao-da-ky.pdf",
        signed_content_type="application/pdf",
        sent_by=users["focal"],
    )
    world = World(
        daklak, laichau, users, plan, indicator, period, submission, attachment, plan_import, ministry_report
    )
    add_work(world)
    add_inspection(world)
    add_statistics(world)
    return world


def ministry_report_pk(world: World) -> dict:
    return {"pk": world.ministry_report.pk}


def signed_report(world: World) -> dict:
    return {"signed": SimpleUploadedFile("bao-cao-da-ky.pdf", b"%PDF-1.4 da ky"), "note": ""}


def ministry_deadline(world: World) -> dict:
    return {"year": 2026, "deadline": "01/12/2026"}


def remind_daklak(world: World) -> dict:
    return {"year": 2026, "program": "communication", "plan": [world.plan.pk]}


def ministry_return(world: World) -> dict:
    return {"comment": "Bổ sung phụ lục"}


#: A POST of the ministry on a report it received; Đắk Lắk's readers 403, the outsider 404.
MINISTRY_ACTS = expect(focal=403, reporter_a=403, reporter_b=403, leader=403, outsider=404, ministry=302)
#: A POST of the ministry on its board; every other role 403.
MINISTRY_BOARD_ACTS = expect(
    focal=403, reporter_a=403, reporter_b=403, leader=403, outsider=403, ministry=302
)
MINISTRY = writers("ministry")
#: The ministry's own pages (the national results and their files): every province's user 403.
MINISTRY_ONLY = expect(focal=403, reporter_a=403, reporter_b=403, leader=403, outsider=403, ministry=200)


def national_year(world: World) -> dict:
    return {"year": 2026}


def add_work(world: World) -> None:
    """A task of the plan led by commune A (so its reporter may update it) with the focal officer's update
    carrying evidence, a campaign, and an activity of commune A with a photo."""
    daklak, users = world.daklak, world.users
    world.task = Task.objects.create(
        plan=world.plan, code="1.a", title="Tuyên truyền", lead=daklak.commune_a, timeframe="Hằng năm"
    )
    world.task_update = task_followup.add_update(
        world.task,
        users["focal"],
        status="in_progress",
        note="Đang triển khai",
        file=SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 tien do"),
    )
    campaign = Campaign.objects.create(
        plan=world.plan, name="Tháng hành động", start_month=11, start_day=15, end_month=12, end_day=15
    )
    world.campaign = campaign
    world.spare_campaign = Campaign.objects.create(
        plan=world.plan, name="Ngày Gia đình Việt Nam", start_month=6, start_day=28
    )
    world.activity = work_activities.record(
        world.plan,
        daklak.commune_a,
        users["reporter_a"],
        {
            "type": "action_month",
            "date": dt.date(2026, 11, 20),
            "place": "Thôn 1",
            "campaign": campaign,
            "male": 10,
            "female": 12,
            "budget_state": 1_000_000,
            "budget_other": 0,
            "description": "",
        },
        [SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\nxx")],
    )


def add_inspection(world: World) -> None:
    """A done inspection of commune A by the focal officer, with a follow-up item for commune A."""
    daklak, users = world.daklak, world.users
    world.inspection = work_inspections.record(
        world.plan,
        users["focal"],
        {
            "kind": "inspection",
            "title": "Kiểm tra xã Ea Kar",
            "units": [daklak.commune_a],
            "planned_date": dt.date(2026, 10, 1),
            "done_date": dt.date(2026, 10, 2),
            "lead_agency": daklak.noi_vu,
            "findings": "Chưa rà soát hương ước",
        },
        [{"text": "Rà soát hương ước", "unit": daklak.commune_a, "deadline": dt.date(2026, 12, 31)}],
    )
    world.follow_up = world.inspection.follow_ups.get()


def inspection_pk(world: World) -> dict:
    return {"pk": world.inspection.pk}


def follow_up_pk(world: World) -> dict:
    return {"pk": world.follow_up.pk}


def new_inspection(world: World) -> dict:
    return {
        "kind": "supervision",
        "title": "Giám sát phường Buôn Ma Thuột",
        "units": [world.daklak.commune_b.pk],
        "planned_date": "2026-12-10",
    }


def corrected_inspection(world: World) -> dict:
    return {
        "kind": "inspection",
        "title": "Kiểm tra xã Ea Kar (sửa)",
        "units": [world.daklak.commune_a.pk],
        "planned_date": "2026-10-01",
        "done_date": "2026-10-02",
        "findings": "Đã rà soát một phần",
    }


def new_follow_up(world: World) -> dict:
    return {"text": "Báo cáo kết quả khắc phục", "unit": world.daklak.commune_a.pk, "deadline": "2026-12-20"}


def follow_up_done(world: World) -> dict:
    return new_follow_up(world) | {"text": "Rà soát hương ước", "status": "done", "note": "Đã rà soát xong"}


def new_task(world: World) -> dict:
    return {
        "code": "9.a",
        "title": "Nhiệm vụ bổ sung",
        "lead": world.daklak.health.pk,
        "timeframe": "Năm 2026",
    }


def corrected_task(world: World) -> dict:
    return {"code": "1.a", "title": "Tuyên truyền (sửa)", "timeframe": "Hằng năm", "due_date": "2026-12-31"}


def confirmed_removal(world: World) -> dict:
    return {"confirm": "on"}


def work_update(world: World) -> dict:
    return {"status": "done", "note": "Đã hoàn thành"}


def new_activity_of_commune_a(world: World) -> dict:
    return {
        "unit": world.daklak.commune_a.pk,
        "type": "communication",
        "date": "2026-11-25",
        "place": "Nhà văn hoá xã",
        "male": "5",
        "female": "9",
        "budget_state": "0",
        "budget_other": "0",
    }


def corrected_activity(world: World) -> dict:
    return new_activity_of_commune_a(world) | {"female": "30"}


def campaign_pk(world: World) -> dict:
    return {"pk": world.campaign.pk}


def spare_campaign_pk(world: World) -> dict:
    return {"pk": world.spare_campaign.pk}


def new_campaign(world: World) -> dict:
    return {"name": "Ngày Phụ nữ Việt Nam", "start": "20/10", "end": ""}


def corrected_campaign(world: World) -> dict:
    return {"name": "Tháng hành động vì bình đẳng giới", "start": "15/11", "end": "15/12"}


def plan_slug_year(world: World) -> dict:
    return {"slug": world.plan.slug, "year": 2026}


def planned_funds_of_commune_a(world: World) -> dict:
    return {"unit": str(world.daklak.commune_a.pk), "central": "1.000.000", "mobilised": "250000"}


def add_statistics(world: World) -> None:
    """A figure of Đắk Lắk's gender statistics, recorded by its focal officer."""
    from decimal import Decimal

    from binhdang.plans.catalog import sync_catalog
    from binhdang.plans.models import CatalogIndicator
    from binhdang.results.genderstats import services as statistics

    if not CatalogIndicator.objects.exists():
        sync_catalog(CatalogIndicator)
    (world.statistic,) = statistics.record(
        world.daklak.root,
        "NQ28.2.1",
        2026,
        {"_T": Decimal("48.6")},
        source="Cục Thống kê tỉnh, niên giám 2026",
        user=world.users["focal"],
    )


def statistics_csv(world: World) -> dict:
    return {"fmt": "csv"}


def new_statistic(world: World) -> dict:
    return {
        "series": "NQ28.2.1",
        "year": "2025",
        "total": "47,5",
        "source": "Cục Thống kê tỉnh, niên giám 2025",
    }


def statistics_file(world: World) -> dict:
    text = "Chỉ tiêu,Năm,Giới tính,Giá trị,Nguồn\nNQ28.2.1,2025,Nữ,44,Cục Thống kê tỉnh\n"
    return {"file": SimpleUploadedFile("thong-ke.csv", text.encode("utf-8"))}


#: The gender statistics of one's province: its readers (and the Lai Châu officer, his own province);
#: a commune reporter records none (403); the ministry first chooses a province.
STATISTICS_READ = expect(focal=200, reporter_a=403, reporter_b=403, leader=200, outsider=200, ministry=200)
#: Recording or importing: the focal officers, each for their own province.
STATISTICS_WRITE = expect(focal=200, reporter_a=403, reporter_b=403, leader=403, outsider=200, ministry=404)
STATISTICS_SAVED = expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=302, ministry=404)
