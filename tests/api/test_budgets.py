"""A plan's funds in the API (``api/budgets.py``): ``/api/v1/budgets/?plan=&unit=&year=``."""

from __future__ import annotations

from binhdang.work import budget


def test_budgets_list_planned_and_spent_funds_by_source_with_filters(api_world, clients):
    budget.set_planned(
        api_world.plan, api_world.daklak.commune_a, 2026, api_world.users["focal"], {"central": 7_000_000}
    )
    focal = clients["focal"]
    rows = focal.get("/api/v1/budgets/", {"plan": api_world.plan.pk, "year": 2026}).json()["results"]
    assert len(rows) == 1
    row = rows[0]
    assert row["unit"]["code"] == api_world.daklak.commune_a.code and row["year"] == 2026
    assert row["planned"] == {
        "central": 7_000_000,
        "province": 0,
        "commune": 0,
        "mobilised": 0,
        "total": 7_000_000,
    }
    assert row["spent_log"]["total"] == 0 and row["spent_reported"] is None  # the report is a draft
    # every year of the plan's period when no year is given; the unit filter by code
    assert focal.get("/api/v1/budgets/", {"plan": api_world.plan.pk}).json()["count"] == 1
    assert focal.get("/api/v1/budgets/", {"unit": api_world.daklak.commune_b.code}).json()["count"] == 0
    assert focal.get("/api/v1/budgets/", {"plan": api_world.plan.pk, "year": 2031}).json()["count"] == 0


def test_a_reporter_reads_only_its_units_funds_and_another_province_nothing(api_world, clients):
    for unit in (api_world.daklak.commune_a, api_world.daklak.commune_b):
        budget.set_planned(api_world.plan, unit, 2026, api_world.users["focal"], {"commune": 1_000})
    query = {"plan": api_world.plan.pk, "year": 2026}
    assert clients["leader"].get("/api/v1/budgets/", query).json()["count"] == 2
    mine = clients["reporter_b"].get("/api/v1/budgets/", query).json()["results"]
    assert [r["unit"]["code"] for r in mine] == [api_world.daklak.commune_b.code]
    assert clients["outsider"].get("/api/v1/budgets/", query).json()["count"] == 0
    assert clients["outsider"].get("/api/v1/budgets/", {"year": "abc"}).status_code == 400
