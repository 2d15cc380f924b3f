"""Access matrix: for every URL of the project and every persona, the expected status of a GET.

How it works:

- :func:`url_patterns` walks ``get_resolver()`` and lists every named URL of the project (the Django
  admin and the i18n/static URLs are left out on purpose, see ``EXCLUDED``).
- ``EXPECTED`` is the table: ``url name -> Row(kwargs factory, statuses)``. The kwargs factory takes
  the :class:`World` (two provinces, the personas, a plan of Đắk Lắk with an indicator, its 2026
  reporting period, a report of commune A with one evidence file, a pending plan upload) and returns
  the URL's kwargs; the statuses give, for each persona, the status code of a GET.
- A URL without a row makes ``test_every_url_has_a_row`` fail: **every new URL must get a row here**.

Adding a row: give the url name, a kwargs factory (``none`` when the URL takes no argument; objects come
from ``World``, add what you need in :func:`build_world`) and ``expect(...)`` with one status per
persona. Conventions: ``302`` for anonymous means "sent to the login page" (checked); ``404`` means
the object is outside the persona's reach (other province, other unit); ``403`` means the persona's
role may never do this; ``405`` for a POST-only URL opened with GET.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from binhdang.plans.models import Indicator, Plan, ReportingObligation
from binhdang.plans.models.imports import PlanImport
from binhdang.reporting import attachments as reporting_attachments
from binhdang.reporting import services as reporting_services
from tests.factories import release

PERSONAS = ("focal", "reporter_a", "reporter_b", "leader", "outsider", "ministry", "anonymous")
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


@dataclass(frozen=True)
class Row:
    kwargs: Callable[[World], dict]
    statuses: dict[str, int]


def expect(*, focal, reporter_a, reporter_b, leader, outsider, ministry, anonymous=302) -> dict[str, int]:
    """The status of a GET for each persona (every persona must be given, except anonymous)."""
    return {
        "focal": focal,
        "reporter_a": reporter_a,
        "reporter_b": reporter_b,
        "leader": leader,
        "outsider": outsider,
        "ministry": ministry,
        "anonymous": anonymous,
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


def indicator_year(world: World) -> dict:
    return {"pk": world.indicator.pk, "year": 2026}


def plan_import_pk(world: World) -> dict:
    return {"pk": world.plan_import.pk}


def report_of_commune_a(world: World) -> dict:
    return {"period_pk": world.period.pk, "unit_pk": world.daklak.commune_a.pk}


def attachment_of_report(world: World) -> dict:
    return {"pk": world.submission.pk, "attachment_pk": world.attachment.pk}


def plan_year_commune_a(world: World) -> dict:
    return {"pk": world.plan.pk, "year": 2026, "unit_pk": world.daklak.commune_a.pk}


#: A POST-only URL opened with GET by anyone logged in.
POST_ONLY = everyone(405)
#: Pages of the focal officers of a province (and admins); ``outsider`` manages Lai Châu, so pages
#: without an object open for them too.
FOCAL_PAGE = expect(focal=200, reporter_a=403, reporter_b=403, leader=403, outsider=200, ministry=403)
#: Only the focal officer of Đắk Lắk (and admins) manage Đắk Lắk's users; outsiders get 404.
MANAGE_DAKLAK_USER = expect(focal=200, reporter_a=403, reporter_b=403, leader=403, outsider=404, ministry=403)
#: A Đắk Lắk object every Đắk Lắk persona and the ministry read; the outsider gets 404.
DAKLAK_READ = expect(focal=200, reporter_a=200, reporter_b=200, leader=200, outsider=404, ministry=200)
#: Commune A's report: its reporter, the province's readers and the ministry; not commune B.
COMMUNE_A_REPORT = expect(focal=200, reporter_a=200, reporter_b=404, leader=200, outsider=404, ministry=200)
#: Province-wide results: readers of the province, not its reporters.
DAKLAK_RESULTS = expect(focal=200, reporter_a=403, reporter_b=403, leader=200, outsider=404, ministry=200)

EXPECTED: dict[str, Row] = {
    # core
    "core:home": Row(none, everyone(200)),
    "core:healthz": Row(none, everyone(200, anonymous=200)),
    # accounts: sign-in pages
    "accounts:login": Row(none, everyone(302, anonymous=200)),
    "accounts:logout": Row(none, everyone(405, anonymous=405)),
    "accounts:password_change": Row(none, everyone(200)),
    "accounts:profile": Row(none, everyone(200)),
    # accounts: two-factor login (offered to focal officers and admins; removal by admins only)
    "accounts:two_factor": Row(none, everyone(200)),
    "accounts:two_factor_setup": Row(
        none, expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=302, ministry=403)
    ),
    "accounts:two_factor_verify": Row(none, everyone(302)),
    "accounts:two_factor_disable": Row(none, POST_ONLY),
    "accounts:two_factor_remove": Row(user_a, everyone(403)),
    # accounts: user management (focal officers of the province)
    "accounts:user_list": Row(none, FOCAL_PAGE),
    "accounts:user_create": Row(none, FOCAL_PAGE),
    "accounts:user_bulk_create": Row(none, FOCAL_PAGE),
    # nothing to show: back to the user list
    "accounts:credentials": Row(
        none, expect(focal=302, reporter_a=403, reporter_b=403, leader=403, outsider=302, ministry=403)
    ),
    "accounts:user_detail": Row(user_a, MANAGE_DAKLAK_USER),
    "accounts:user_edit": Row(user_a, MANAGE_DAKLAK_USER),
    "accounts:user_deactivate": Row(user_a, POST_ONLY),
    "accounts:user_reactivate": Row(user_a, POST_ONLY),
    "accounts:user_reset_password": Row(user_a, POST_ONLY),
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
    ),
    "orgunits:unit": Row(
        commune_a_code,
        expect(focal=200, reporter_a=200, reporter_b=404, leader=200, outsider=404, ministry=200),
    ),
    "orgunits:rename": Row(
        commune_a_code,
        expect(focal=200, reporter_a=403, reporter_b=404, leader=403, outsider=404, ministry=403),
    ),
    "orgunits:deactivate": Row(
        commune_a_code,
        expect(focal=200, reporter_a=403, reporter_b=404, leader=403, outsider=404, ministry=403),
    ),
    "orgunits:reactivate": Row(commune_a_code, POST_ONLY),
    # plans
    "plans:list": Row(none, everyone(200)),
    "plans:upload": Row(none, FOCAL_PAGE),
    "plans:review": Row(
        plan_import_pk,
        expect(focal=200, reporter_a=404, reporter_b=404, leader=404, outsider=404, ministry=404),
    ),
    "plans:detail": Row(plan_slug, DAKLAK_READ),
    "plans:indicators": Row(plan_slug, DAKLAK_READ),
    "plans:indicator": Row(indicator_of_plan, DAKLAK_READ),
    "plans:agencies": Row(plan_slug, DAKLAK_READ),
    "plans:calendar": Row(plan_slug, DAKLAK_READ),
    "plans:source": Row(plan_slug, DAKLAK_READ),
    "plans:status": Row(plan_slug, POST_ONLY),
    # reporting
    "reporting:index": Row(none, everyone(200)),
    "reporting:period_open": Row(none, FOCAL_PAGE),
    "reporting:board": Row(
        period_pk, expect(focal=200, reporter_a=404, reporter_b=404, leader=200, outsider=404, ministry=200)
    ),
    "reporting:period_settings": Row(
        period_pk, expect(focal=200, reporter_a=404, reporter_b=404, leader=403, outsider=404, ministry=403)
    ),
    "reporting:period_status": Row(period_pk, POST_ONLY),
    "reporting:remind": Row(period_pk, POST_ONLY),
    "reporting:data_export": Row(
        period_pk, expect(focal=200, reporter_a=404, reporter_b=404, leader=200, outsider=404, ministry=200)
    ),
    # the unit's report of the period: sent on to the submission page
    "reporting:report": Row(
        report_of_commune_a,
        expect(focal=302, reporter_a=302, reporter_b=404, leader=302, outsider=404, ministry=302),
    ),
    "reporting:submission": Row(submission_pk, COMMUNE_A_REPORT),
    "reporting:history": Row(submission_pk, COMMUNE_A_REPORT),
    "reporting:save": Row(submission_pk, POST_ONLY),
    "reporting:submit": Row(submission_pk, POST_ONLY),
    "reporting:return": Row(submission_pk, POST_ONLY),
    "reporting:accept": Row(submission_pk, POST_ONLY),
    "reporting:reopen": Row(submission_pk, POST_ONLY),
    "reporting:attachment_upload": Row(submission_pk, POST_ONLY),
    "reporting:attachment_download": Row(
        attachment_of_report,
        expect(focal=200, reporter_a=200, reporter_b=404, leader=200, outsider=404, ministry=404),
    ),
    "reporting:attachment_delete": Row(attachment_of_report, POST_ONLY),
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
        none, expect(focal=200, reporter_a=200, reporter_b=200, leader=403, outsider=200, ministry=403)
    ),
    "reporting:data_import": Row(
        none, expect(focal=200, reporter_a=200, reporter_b=200, leader=403, outsider=200, ministry=403)
    ),
    "reporting:notifications": Row(none, everyone(200)),
    "reporting:notifications_read": Row(none, POST_ONLY),
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
    "results:data_csv": Row(plan_year, DAKLAK_RESULTS),
    "results:data_json": Row(plan_year, DAKLAK_RESULTS),
    "results:data_sdmx": Row(plan_year, DAKLAK_RESULTS),
    "results:unit": Row(
        plan_year_commune_a,
        expect(focal=200, reporter_a=200, reporter_b=403, leader=200, outsider=404, ministry=200),
    ),
    "results:indicator": Row(indicator_year, DAKLAK_RESULTS),
    # documents: the annual report and its annex for the plan's results readers; the unit report for
    # those who read the report's narrative (the ministry opens the report but not its narrative: 403)
    "documents:annual_report": Row(plan_year, DAKLAK_RESULTS),
    "documents:annual_annex": Row(plan_year, DAKLAK_RESULTS),
    "documents:unit_report": Row(
        submission_pk,
        expect(focal=200, reporter_a=200, reporter_b=404, leader=200, outsider=404, ministry=403),
    ),
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
    return build_world(
        daklak,
        laichau,
        {
            "focal": focal_officer,
            "reporter_a": commune_a_reporter,
            "reporter_b": commune_b_reporter,
            "leader": leader,
            "outsider": outsider,
            "ministry": ministry_viewer,
        },
    )


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
    ReportingObligation.objects.create(
        plan=plan,
        reporter_text="Các cơ quan, đơn vị, địa phương",
        reporter_kinds=["department", "commune"],
        receivers=["UBND tỉnh", "Sở Nội vụ"],
        deadline_month=11,
        deadline_day=30,
        recurrence="annual",
    )
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
    return World(daklak, laichau, users, plan, indicator, period, submission, attachment, plan_import)


def _status(client: Client, url: str) -> tuple[int, str]:
    response = client.get(url)
    release(response)  # file downloads: close the file
    return response.status_code, response.get("Location", "")


def _check_row(url_name: str, row: Row, world: World, clients: dict[str, Client]) -> list[str]:
    """The mismatches of one row (empty when every persona gets its expected status)."""
    url = reverse(url_name, kwargs=row.kwargs(world))
    wrong = []
    for persona in PERSONAS:
        expected = row.statuses[persona]
        try:
            status, location = _status(clients[persona], url)
        except Exception as error:  # a crashing view is a finding too; report it with the others
            wrong.append(f"{persona}: raised {type(error).__name__}: {error}"[:300])
            continue
        if status != expected:
            wrong.append(f"{persona}: got {status}, expected {expected}")
        elif persona == "anonymous" and status == 302 and not location.startswith(reverse("accounts:login")):
            wrong.append(f"anonymous: redirected to {location}, not to the login page")
    return [f"GET {url} ({url_name}) {w}" for w in wrong]


def test_every_persona_gets_the_expected_status_for_every_url(world):
    """One world for all rows (building it hashes seven passwords); every mismatch is listed."""
    clients = {}
    for persona in PERSONAS:
        clients[persona] = Client(raise_request_exception=True)
        if persona != "anonymous":
            clients[persona].force_login(world.users[persona])
    wrong = [w for name, row in sorted(EXPECTED.items()) for w in _check_row(name, row, world, clients)]
    assert not wrong, f"{len(wrong)} unexpected statuses:\n" + "\n".join(wrong)


def test_the_world_is_what_the_rows_assume(world):
    assert world.submission.unit == world.daklak.commune_a
    assert world.period.deadline == dt.date(2026, 11, 30)
    assert world.attachment.submission == world.submission
