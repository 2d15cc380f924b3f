"""The work log as data value sets in the API (``api/worklog.py``):
``GET /api/v1/worklog/<plan>/<year>/datavaluesets/``, each persona its own units, and the import
refusing a WORKLOG set."""

from __future__ import annotations

import datetime as dt

from binhdang.reporting.models import Submission
from binhdang.work import activities, budget
from tests.db_snapshot import changes, snapshot


def url(world, year=2026) -> str:
    return f"/api/v1/worklog/{world.plan.pk}/{year}/datavaluesets/"


def add_log_of_b(world) -> None:
    """Commune B's activity and planned funds (commune A has the world's training of 4 men, 9 women)."""
    activities.record(
        world.plan,
        world.daklak.commune_b,
        world.users["reporter_b"],
        {
            "type": "communication",
            "date": dt.date(2026, 3, 8),
            "place": "Nhà văn hóa thôn",
            "male": 12,
            "female": 30,
            "budget_state": 1_500_000,
        },
    )
    budget.set_planned(world.plan, world.daklak.commune_b, 2026, world.users["focal"], {"commune": 2_000_000})


def units(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [s["orgUnit"] for s in response.json()["dataValueSets"]]


def test_the_export_gives_each_units_log_totals_under_the_worklog_codes(clients, api_world):
    add_log_of_b(api_world)
    a, b = api_world.daklak.commune_a.code, api_world.daklak.commune_b.code
    sets = {s["orgUnit"]: s for s in clients["focal"].get(url(api_world)).json()["dataValueSets"]}
    assert set(sets) == {a, b}
    assert sets[a]["dataSet"] == "WORKLOG" and sets[a]["period"] == "2026"
    assert {"dataElement": "WL_ACTIVITIES", "categoryOptionCombo": "TRAINING", "value": "1"} in sets[a][
        "dataValues"
    ]
    b_values = {
        (v["dataElement"], v.get("categoryOptionCombo", "")): v["value"] for v in sets[b]["dataValues"]
    }
    assert b_values == {
        ("WL_ACTIVITIES", "COMMUNICATION"): "1",
        ("WL_PARTICIPANTS", "MALE"): "12",
        ("WL_PARTICIPANTS", "FEMALE"): "30",
        ("WL_BUDGET_STATE", ""): "1500000",
        ("WL_BUDGET_OTHER", ""): "0",
        ("WL_PLANNED_FUNDS", "COMMUNE"): "2000000",
    }
    assert units(clients["focal"].get(url(api_world), {"orgUnit": b})) == [b]


def test_each_persona_sees_only_the_units_it_may_read(clients, api_world):
    add_log_of_b(api_world)
    a, b = api_world.daklak.commune_a.code, api_world.daklak.commune_b.code
    assert sorted(units(clients["leader"].get(url(api_world)))) == sorted([a, b])
    assert sorted(units(clients["ministry"].get(url(api_world)))) == sorted([a, b])
    assert units(clients["reporter_a"].get(url(api_world))) == [a]
    assert units(clients["reporter_b"].get(url(api_world))) == [b]
    # another unit's code is refused as unknown, without saying whether it exists
    refused = clients["reporter_b"].get(url(api_world), {"orgUnit": a})
    assert refused.status_code == 400 and "orgUnit" in refused.json()["errors"]
    # another province's focal officer does not see the plan at all
    assert clients["outsider"].get(url(api_world)).status_code == 404
    assert clients["anonymous"].get(url(api_world)).status_code == 401


def test_a_year_outside_the_plans_period_is_not_found(clients, api_world):
    assert clients["focal"].get(url(api_world, 2031)).status_code == 404


def test_importing_a_worklog_set_is_refused_in_vietnamese_and_changes_nothing(clients, api_world):
    exported = clients["focal"].get(url(api_world)).json()
    assert exported["dataValueSets"]
    before = snapshot()
    stored = Submission.objects.get(pk=api_world.submission.pk).value_map()
    for persona in ("focal", "reporter_a"):
        response = clients[persona].post(
            "/api/v1/datavaluesets/", exported, format="json", HTTP_ACCEPT_LANGUAGE="vi"
        )
        assert response.status_code == 400
        message = response.json()["errors"]["dataValueSets"][0]
        assert message.startswith("dataValueSets[0].dataSet: Bộ dữ liệu WORKLOG chỉ để xuất")
    assert not changes(before, snapshot())
    assert Submission.objects.get(pk=api_world.submission.pk).value_map() == stored
