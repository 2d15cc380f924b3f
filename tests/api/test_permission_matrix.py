"""API permission matrix (issue 7): every API route x GET/POST/PUT/PATCH/DELETE x every persona.

- The routes are enumerated from the URL resolver (every name in the ``api`` namespace): a new endpoint
  without a row in ``ROUTES`` makes ``test_every_api_route_has_a_row`` fail.
- Personas: the focal officer of Đắk Lắk, reporters of communes A and B, the leader, the focal officer
  of Lai Châu (``outsider``), the ministry viewer, a disabled account (its token made before it was
  disabled) and an anonymous caller. API routes are called with the persona's token; the docs page (a
  browser page) with a logged-in session.
- Writes carry a meaningful body (a value for commune A's report, B's submitted report to return or
  accept, a data value set of commune A...), so an allowed write really succeeds. Every request runs in
  a savepoint rolled back afterwards (each starts from the same world), and for every refused one
  (status >= 400) the test checks that no table changed (``tests/db_snapshot.py``: every app table,
  read again whenever the connection's count of written rows moved during the request).

Conventions: 401 for anonymous and disabled callers; 404 for an object outside the persona's reach;
403 when the persona sees the object but may not do this; 405 for a method the route does not have;
400 for a write naming a unit or period the persona cannot use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.urls import reverse
from rest_framework.test import APIClient

from binhdang.reporting import services
from binhdang.reporting.models import Submission
from tests import access_world
from tests.api.conftest import PERSONAS, ApiWorld
from tests.db_snapshot import changes, changes_since, snapshot, write_mark
from tests.reporting.conftest import COMMUNE_VALUES, fill
from tests.test_access_matrix import url_patterns

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def expect(*, anonymous: int = 401, **statuses: int) -> dict[str, int]:
    """The web matrix's ``expect``, where a caller without a valid login (anonymous, or the disabled
    account) gets a JSON 401 instead of the login page."""
    return access_world.expect(anonymous=anonymous, **statuses)


def everyone(status: int, refused: int = 401) -> dict[str, int]:
    """``status`` for every signed-in persona, ``refused`` for anonymous and the disabled account."""
    return access_world.everyone(status, anonymous=refused)


@dataclass(frozen=True)
class Case:
    kwargs: Callable[[ApiWorld], dict]
    statuses: dict[str, int]
    body: Callable[[ApiWorld], object] | None = None


def none(world):
    return {}


def plan_pk(world):
    return {"pk": world.plan.pk}


def period_pk(world):
    return {"pk": world.period.pk}


def report_a(world):
    return {"pk": world.submission.pk}


def report_b(world):
    return {"pk": world.submitted.pk}


def plan_year(world):
    return {"plan": world.plan.pk, "year": 2026}


def commune_a(world):
    return {"pk": world.daklak.commune_a.pk}


def nowhere(world):
    return {"rest": "v1/nothing-here/"}


def read_only(kwargs, get: dict[str, int]) -> dict[str, Case]:
    """A read-only route: GET as given, every write 405 (401 for anonymous and disabled callers)."""
    return {"GET": Case(kwargs, get), **{m: Case(kwargs, everyone(405)) for m in METHODS[1:]}}


def post_only(kwargs, post: Case) -> dict[str, Case]:
    return {**{m: Case(kwargs, everyone(405)) for m in METHODS if m != "POST"}, "POST": post}


DAKLAK_READ = expect(focal=200, reporter_a=200, reporter_b=200, leader=200, outsider=404, ministry=200)
COMMUNE_A = expect(focal=200, reporter_a=200, reporter_b=404, leader=200, outsider=404, ministry=200)
BOARD = expect(focal=200, reporter_a=403, reporter_b=403, leader=200, outsider=404, ministry=200)
#: Return / accept commune B's submitted report: only the focal officer; B's reporter sees it (403).
REVIEW_B = expect(focal=200, reporter_a=404, reporter_b=403, leader=403, outsider=404, ministry=403)


UPDATE_TASK_OF_A = expect(focal=200, reporter_a=200, reporter_b=403, leader=403, outsider=404, ministry=403)


def task(world):
    return {"pk": world.task.pk}


def activity(world):
    return {"pk": world.activity.pk}


def progress(world):
    return {"status": "in_progress", "note": "Đã đăng 2 tin bài"}


def activity_of_a(world):
    return {
        "plan": world.plan.pk,
        "unit": world.daklak.commune_a.code,
        "type": "communication",
        "date": "2026-11-20",
        "place": "Thôn 2",
        "male": 3,
        "female": 7,
    }


def inspection(world):
    return {"pk": world.inspection.pk}


def new_inspection(world):
    return {
        "plan": world.plan.pk,
        "kind": "interagency",
        "title": "Kiểm tra liên ngành xã Ea Kar",
        "units": [world.daklak.commune_a.code],
        "planned_date": "2026-11-02",
        "done_date": "2026-11-03",
        "findings": "Thiếu số liệu",
        "follow_ups": [
            {"text": "Bổ sung số liệu", "unit": world.daklak.commune_a.code, "deadline": "2026-12-31"}
        ],
    }


def follow_up_done(world):
    item = world.inspection.follow_ups.get()
    return {"follow_ups": [{"id": item.pk, "status": "done", "note": "Đã rà soát"}]}


def new_report_of_health(world):
    return {"period": world.period.pk, "unit": world.daklak.health.pk}


def save_value(world):
    current = Submission.objects.get(pk=world.submission.pk)
    return {"version": current.version, "values": [{"dataElement": "TT_SESSIONS", "value": "9"}]}


def comment(world):
    return {"comment": "Số người tham dự chưa khớp với biên bản."}


def value_set_of_a(world):
    return {
        "dataSet": "TT1790",
        "period": "2026",
        "orgUnit": world.daklak.commune_a.code,
        "dataValues": [{"dataElement": "TT_SESSIONS", "value": "6"}],
    }


ROUTES: dict[str, dict[str, Case]] = {
    "api:orgunit-list": read_only(none, everyone(200)),
    "api:orgunit-detail": read_only(commune_a, COMMUNE_A),
    "api:plan-list": read_only(none, everyone(200)),
    "api:plan-detail": read_only(plan_pk, DAKLAK_READ),
    "api:plan-indicators": read_only(plan_pk, DAKLAK_READ),
    "api:period-list": read_only(none, everyone(200)),
    "api:period-detail": read_only(period_pk, DAKLAK_READ),
    "api:period-datavaluesets": read_only(period_pk, BOARD),
    "api:period-dhis2": read_only(period_pk, BOARD),
    "api:results": read_only(plan_year, BOARD),
    "api:schema": read_only(none, everyone(200)),
    "api:submission-list": {
        "GET": Case(none, everyone(200)),
        # starting Sở Y tế's report: reporters do not see that unit, the outsider not the period (400);
        # leader and ministry see both but may not start a report (403)
        "POST": Case(
            none,
            expect(focal=201, reporter_a=400, reporter_b=400, leader=403, outsider=400, ministry=403),
            new_report_of_health,
        ),
        **{m: Case(none, everyone(405)) for m in ("PUT", "PATCH", "DELETE")},
    },
    "api:submission-detail": {
        "GET": Case(report_a, COMMUNE_A),
        "PATCH": Case(
            report_a,
            expect(focal=200, reporter_a=200, reporter_b=404, leader=403, outsider=404, ministry=403),
            save_value,
        ),
        **{m: Case(report_a, everyone(405)) for m in ("POST", "PUT", "DELETE")},
    },
    "api:submission-submit": post_only(
        report_a,
        Case(
            report_a,
            expect(focal=200, reporter_a=200, reporter_b=404, leader=403, outsider=404, ministry=403),
            lambda world: {},
        ),
    ),
    "api:submission-return": post_only(report_b, Case(report_b, REVIEW_B, comment)),
    "api:submission-accept": post_only(report_b, Case(report_b, REVIEW_B, comment)),
    # B's report is submitted, not accepted: the focal officer is told so (409), nothing changes
    "api:submission-reopen": post_only(
        report_b,
        Case(
            report_b,
            expect(focal=409, reporter_a=404, reporter_b=403, leader=403, outsider=404, ministry=403),
            comment,
        ),
    ),
    # reporter B and the outsider may import, but not for commune A (400, named in the errors)
    "api:datavaluesets": post_only(
        none,
        Case(
            none,
            expect(focal=200, reporter_a=200, reporter_b=400, leader=403, outsider=400, ministry=403),
            value_set_of_a,
        ),
    ),
    # the year's work: tasks (PATCH adds a progress update: commune A leads the task) and activities
    "api:task-list": read_only(none, everyone(200)),
    "api:task-detail": {
        "GET": Case(task, DAKLAK_READ),
        "PATCH": Case(task, UPDATE_TASK_OF_A, progress),
        **{m: Case(task, everyone(405)) for m in ("POST", "PUT", "DELETE")},
    },
    "api:activity-list": {
        "GET": Case(none, everyone(200)),
        # reporter B may not record for commune A; the leader, the ministry and the outsider record
        # under no Đắk Lắk plan (400, named in the errors)
        "POST": Case(
            none,
            expect(focal=201, reporter_a=201, reporter_b=400, leader=400, outsider=400, ministry=400),
            activity_of_a,
        ),
        **{m: Case(none, everyone(405)) for m in ("PUT", "PATCH", "DELETE")},
    },
    "api:activity-detail": {
        "GET": Case(activity, COMMUNE_A),
        "PATCH": Case(
            activity,
            expect(focal=200, reporter_a=200, reporter_b=404, leader=403, outsider=404, ministry=403),
            lambda world: {"female": 11},
        ),
        **{m: Case(activity, everyone(405)) for m in ("POST", "PUT", "DELETE")},
    },
    # the plans' campaigns: a read-only list of those of the plans the caller may see
    "api:campaign-list": read_only(none, everyone(200)),
    # funds by unit, year and source: read only, each persona what it may read
    "api:budget-list": read_only(none, everyone(200)),
    # the work log as data value sets (export only): Đắk Lắk's readers and reporters (their own units)
    "api:worklog-datavaluesets": read_only(plan_year, DAKLAK_READ),
    # inspections: the focal officer records (others name no plan of theirs: 400) and corrects; commune
    # A's reporter sets the status of the item addressed to it; readers read; commune B sees nothing
    "api:inspection-list": {
        "GET": Case(none, everyone(200)),
        "POST": Case(
            none,
            expect(focal=201, reporter_a=400, reporter_b=400, leader=400, outsider=400, ministry=400),
            new_inspection,
        ),
        **{m: Case(none, everyone(405)) for m in ("PUT", "PATCH", "DELETE")},
    },
    "api:inspection-detail": {
        "GET": Case(inspection, COMMUNE_A),
        "PATCH": Case(
            inspection,
            expect(focal=200, reporter_a=200, reporter_b=404, leader=403, outsider=404, ministry=403),
            follow_up_done,
        ),
        **{m: Case(inspection, everyone(405)) for m in ("POST", "PUT", "DELETE")},
    },
    # the gender statistics: read only; a figure of Đắk Lắk for its readers and the ministry
    "api:gender-statistic-list": read_only(none, everyone(200)),
    "api:gender-statistic-detail": read_only(
        lambda world: {"pk": world.statistic.pk},
        expect(focal=200, reporter_a=404, reporter_b=404, leader=200, outsider=404, ministry=200),
    ),
    # any other address under /api/: a JSON 404 for everyone, whatever the method
    "api:not_found": {m: Case(nowhere, everyone(404, refused=404)) for m in METHODS},
    # the browser page, with a session: anonymous and disabled sent to the login page; GET only
    "api:docs": {
        "GET": Case(none, everyone(200, refused=302)),
        **{m: Case(none, everyone(405, refused=405)) for m in METHODS[1:]},
    },
}
SESSION_ROUTES = {"api:docs"}


def api_route_names() -> dict[str, str]:
    return {name: route for name, route in url_patterns().items() if name.startswith("api:")}


def test_every_api_route_has_a_row():
    routes = api_route_names()
    missing = sorted(set(routes) - set(ROUTES))
    assert not missing, "API routes without a row in ROUTES: " + ", ".join(
        f"{n} (/{routes[n]})" for n in missing
    )
    assert not sorted(set(ROUTES) - set(routes)), "rows for API routes that no longer exist"
    assert all(set(cases) == set(METHODS) for cases in ROUTES.values())


@pytest.fixture
def matrix_world(api_world) -> ApiWorld:
    """The API world, commune A's report complete (a draft that can be submitted) and commune B's
    report submitted (to be returned or accepted)."""
    users = api_world.users
    fill(api_world.submission, users["reporter_a"], values=COMMUNE_VALUES)
    submitted = services.get_or_create_submission(
        api_world.period, api_world.daklak.commune_b, users["reporter_b"]
    )
    fill(submitted, users["reporter_b"], values=COMMUNE_VALUES)
    api_world.submitted = services.submit(submitted, users["reporter_b"])  # type: ignore[attr-defined]
    return api_world


def _session_clients(world: ApiWorld) -> dict[str, APIClient]:
    result = {}
    for persona in PERSONAS:
        client = APIClient()
        if persona != "anonymous":
            client.force_login(world.users[persona])
        result[persona] = client
    return result


def _call(client: APIClient, method: str, url: str, body) -> int:
    kwargs = {"format": "json"} if body is not None else {}
    response = (
        getattr(client, method.lower())(url, body, **kwargs)
        if body is not None
        else getattr(client, method.lower())(url)
    )
    return response.status_code


def test_every_persona_gets_the_expected_status_for_every_api_route_and_method(matrix_world, clients):
    world = matrix_world
    sessions = _session_clients(
        world
    )  # the disabled account's session is anonymous, like its token is refused
    before = snapshot()  # every request below is rolled back: the world stays this one
    wrong = []
    for name, cases in ROUTES.items():
        for method, case in cases.items():
            url = reverse(name, kwargs=case.kwargs(world))
            for persona in PERSONAS:
                client = (sessions if name in SESSION_ROUTES else clients)[persona]
                body = case.body(world) if case.body else None
                expected = case.statuses[persona]
                with transaction.atomic():
                    mark = write_mark()
                    try:
                        status = _call(client, method, url, body)
                    except Exception as error:  # a crash is a finding: list it with the others
                        wrong.append(
                            f"{method} {url} {persona}: raised {type(error).__name__}: {error}"[:300]
                        )
                        transaction.set_rollback(True)
                        continue
                    changed = changes_since(before, mark) if status >= 400 else []
                    transaction.set_rollback(True)
                if status != expected:
                    wrong.append(f"{method} {url} ({name}) {persona}: got {status}, expected {expected}")
                if changed:
                    wrong.append(
                        f"{method} {url} ({name}) {persona}: refused with {status} but changed {changed}"
                    )
    assert not wrong, "\n".join(wrong)


def test_the_snapshot_sees_an_allowed_write(matrix_world, clients):
    """The matrix's check can fail: the focal officer's save of commune A's report changes tables."""
    before = snapshot()
    with transaction.atomic():
        mark = write_mark()
        url = reverse("api:submission-detail", kwargs=report_a(matrix_world))
        assert _call(clients["focal"], "GET", url, None) == 200
        assert write_mark() == mark and changes_since(before, mark) == []
        assert _call(clients["focal"], "PATCH", url, save_value(matrix_world)) == 200
        assert any(name.startswith("reporting_") for name in changes_since(before, mark))
        transaction.set_rollback(True)
    assert not changes(before, snapshot())
