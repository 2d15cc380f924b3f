"""The gender statistics over the API (binhdang.api.statistics): read only, filtered by plan, year,
province, indicator and sex; each caller sees what the web page shows them."""

from __future__ import annotations

from decimal import Decimal

from binhdang.plans.models import CatalogIndicator, Indicator
from binhdang.results.genderstats import services

URL = "/api/v1/gender-statistics/"


def test_the_figures_are_listed_with_their_source_and_filtered(api_world, clients):
    daklak, focal = api_world.daklak, api_world.users["focal"]
    services.record(
        daklak.root,
        "NQ28.2.1",
        2025,
        {"_T": Decimal("47.5"), "F": Decimal("44")},
        source="Niên giám 2025",
        user=focal,
    )
    body = clients["ministry"].get(URL, {"year": 2025}).json()
    assert body["count"] == 2
    first = body["results"][0]
    assert (first["province"], first["series"], first["year"], first["sex"]) == ("66", "NQ28.2.1", 2025, "F")
    assert (first["value"], first["unit"], first["source"]) == (44.0, "%", "Niên giám 2025")
    assert clients["focal"].get(URL, {"sex": "F"}).json()["count"] == 1
    assert clients["outsider"].get(URL).json()["count"] == 0
    assert clients["reporter_a"].get(URL).json()["count"] == 0
    refused = clients["focal"].get(URL, {"sex": "X"})
    assert refused.status_code == 400 and "sex" in refused.json()["errors"]


def test_the_plan_filter_keeps_its_province_and_indicators(api_world, clients):
    plan = api_world.plan
    assert clients["focal"].get(URL, {"plan": plan.pk}).json()["count"] == 0  # no NQ28.2.1 in the 1790 plan
    Indicator.objects.create(
        plan=plan,
        code="9",
        text="Lao động nữ",
        order=9,
        catalog=CatalogIndicator.objects.get(code="NQ28.2.1"),
    )
    assert clients["focal"].get(URL, {"plan": plan.pk}).json()["count"] == 1
    assert clients["focal"].get(URL, {"plan": 999999}).json()["count"] == 0
