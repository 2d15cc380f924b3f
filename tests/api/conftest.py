"""Fixtures of the API tests: a small world (Đắk Lắk's programme-1790 plan with an indicator, its 2026
period, commune A's draft report with a few values; Lai Châu's own plan and period) and API clients
authenticated with a token, one per persona, plus a disabled account and an anonymous client."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from rest_framework.test import APIClient

from binhdang.api.services import create_token
from binhdang.plans.models import Indicator, Plan, Target, Task
from binhdang.reporting import services
from binhdang.work import activities, inspections
from tests.access_world import add_statistics
from tests.factories import Role, make_user
from tests.reporting.conftest import make_plan

PERSONAS = ("focal", "reporter_a", "reporter_b", "leader", "outsider", "ministry", "disabled", "anonymous")


@dataclass
class ApiWorld:
    daklak: object
    laichau: object
    users: dict
    plan: Plan
    indicator: Indicator
    period: object
    submission: object
    laichau_plan: Plan
    laichau_period: object
    #: the year's work: a task led by commune A, an activity of commune A (see ``add_work``)
    task: object = None
    activity: object = None
    #: a done inspection of commune A with a follow-up item for commune A (see ``add_work``)
    inspection: object = None
    #: a figure of Đắk Lắk's gender statistics (``tests.access_world.add_statistics``)
    statistic: object = None


def token_client(user) -> APIClient:
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {create_token(user).key}")
    return client


def build_api_world(daklak, laichau, users: dict) -> ApiWorld:
    plan = make_plan(daklak.root)
    plan.focal_agency = daklak.noi_vu
    plan.save()
    indicator = Indicator.objects.create(plan=plan, code="1", text="Chỉ tiêu 1", order=1, unit="%")
    Target.objects.create(indicator=indicator, kind="min", value=2, unit="cuộc", annual=True, order=1)
    period = services.open_period(plan, 2026, users["focal"])
    submission = services.get_or_create_submission(period, daklak.commune_a, users["reporter_a"])
    services.save_draft(
        submission,
        {("TT_SESSIONS", ""): "3", ("TT_PARTICIPANTS", "FEMALE"): "40"},
        {"results": "Đã tổ chức 3 cuộc truyền thông tại thôn Ea Kar."},
        users["reporter_a"],
        expected_version=submission.version,
    )
    laichau_plan = make_plan(laichau.root, slug="kh-1790-laichau")
    laichau_period = services.open_period(laichau_plan, 2026, users["outsider"])
    world = ApiWorld(
        daklak, laichau, users, plan, indicator, period, submission, laichau_plan, laichau_period
    )
    add_work(world)
    add_statistics(world)  # type: ignore[arg-type]
    return world


def add_work(world: ApiWorld) -> None:
    world.task = Task.objects.create(
        plan=world.plan, code="1.a", title="Tuyên truyền", lead=world.daklak.commune_a, timeframe="Hằng năm"
    )
    world.activity = activities.record(
        world.plan,
        world.daklak.commune_a,
        world.users["reporter_a"],
        {"type": "training", "date": dt.date(2026, 6, 28), "place": "Hội trường xã", "male": 4, "female": 9},
    )
    world.inspection = inspections.record(
        world.plan,
        world.users["focal"],
        {
            "kind": "inspection",
            "title": "Kiểm tra xã Ea Kar",
            "units": [world.daklak.commune_a],
            "planned_date": dt.date(2026, 10, 1),
            "done_date": dt.date(2026, 10, 2),
            "findings": "Chưa rà soát hương ước",
        },
        [{"text": "Rà soát hương ước", "unit": world.daklak.commune_a, "deadline": dt.date(2026, 12, 31)}],
    )


@pytest.fixture
def disabled_user(daklak):
    """A former reporter of commune A whose account was disabled (their token was made before)."""
    return make_user("disabled", Role.REPORTER, daklak.commune_a, full_name="Đinh Văn Cũ")


@pytest.fixture
def api_users(
    focal_officer, commune_a_reporter, commune_b_reporter, leader, outsider, ministry_viewer, disabled_user
) -> dict:
    return {
        "focal": focal_officer,
        "reporter_a": commune_a_reporter,
        "reporter_b": commune_b_reporter,
        "leader": leader,
        "outsider": outsider,
        "ministry": ministry_viewer,
        "disabled": disabled_user,
    }


@pytest.fixture
def api_world(daklak, laichau, api_users) -> ApiWorld:
    return build_api_world(daklak, laichau, api_users)


@pytest.fixture
def clients(api_world) -> dict[str, APIClient]:
    """One token client per persona; the disabled account's token was created before it was disabled."""
    result = {name: token_client(user) for name, user in api_world.users.items()}
    disabled = api_world.users["disabled"]
    disabled.is_active = False
    disabled.save()
    result["anonymous"] = APIClient()
    return result
