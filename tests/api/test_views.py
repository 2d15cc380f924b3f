"""Read endpoints: filters, pagination, what each persona sees, results."""

from __future__ import annotations


def test_org_units_filtered_by_province_and_type(clients, api_world):
    found = clients["ministry"].get("/api/v1/orgunits/", {"province": "12", "type": "commune"}).json()
    assert {u["code"] for u in found["results"]} == {"12-C001", "12-C002"}


def test_outsider_sees_only_their_province(clients, api_world):
    codes = {
        u["code"] for u in clients["outsider"].get("/api/v1/orgunits/", {"page_size": 200}).json()["results"]
    }
    assert codes and all(code.startswith("12") for code in codes)
    assert clients["outsider"].get(f"/api/v1/plans/{api_world.plan.pk}/").status_code == 404


def test_pagination_with_page_size(clients, api_world):
    first = clients["ministry"].get("/api/v1/orgunits/", {"page_size": 5}).json()
    assert first["count"] == 14
    assert len(first["results"]) == 5
    assert "page=2" in first["next"]


def test_plan_filters_are_checked(clients, api_world):
    assert clients["focal"].get("/api/v1/plans/", {"status": "active"}).json()["count"] == 1
    bad = clients["focal"].get("/api/v1/plans/", {"status": "nope"})
    assert bad.status_code == 400
    assert "status" in bad.json()["errors"]


def test_indicators_of_a_plan(clients, api_world):
    indicators = clients["reporter_a"].get(f"/api/v1/plans/{api_world.plan.pk}/indicators/").json()
    assert indicators[0]["code"] == "1"
    assert indicators[0]["targets"][0]["value"] == 2


def test_results_for_readers_of_the_province(clients, api_world):
    url = f"/api/v1/results/{api_world.plan.pk}/2026/"
    body = clients["leader"].get(url).json()
    assert body["plan"] == api_world.plan.pk
    assert body["indicators"][0]["indicator"] == "1"
    assert clients["reporter_a"].get(url).status_code == 403
    assert clients["outsider"].get(url).status_code == 404
    assert clients["leader"].get(f"/api/v1/results/{api_world.plan.pk}/2040/").status_code == 404


def test_periods_carry_their_kind_and_are_filtered_by_it(clients, api_world, daklak):
    import datetime as dt

    from binhdang.reporting import services

    services.open_request(
        api_world.plan,
        None,
        title="Báo cáo nhanh",
        deadline=dt.date(2026, 12, 20),
        units=[daklak.commune_a],
        questions=[{"label": "Số vụ", "type": "number", "unit": "vụ"}],
    )
    adhoc = clients["focal"].get("/api/v1/periods/", {"kind": "adhoc"}).json()["results"]
    assert [(p["kind"], p["title"], p["iso_period"]) for p in adhoc] == [("adhoc", "Báo cáo nhanh", "")]
    assert adhoc[0]["questions"] == [{"code": "Q1", "label": "Số vụ", "type": "number", "unit": "vụ"}]
    annual = clients["focal"].get("/api/v1/periods/", {"kind": "annual"}).json()["results"]
    assert [(p["kind"], p["iso_period"]) for p in annual] == [("annual", "2026")]


def test_periods_filtered_by_year(clients, api_world):
    assert clients["focal"].get("/api/v1/periods/", {"year": 2026}).json()["count"] == 1
    assert clients["focal"].get("/api/v1/periods/", {"year": 2027}).json()["count"] == 0


def test_a_period_exports_one_dhis2_data_value_set_by_code_or_by_uid(api_world, clients):
    """Issue 19: DHIS2's own JSON over the API, checked against DHIS2's dataValueSet schema."""
    import json
    from pathlib import Path

    import jsonschema

    from binhdang.orgunits.models import OrgUnit

    schema = json.loads(
        (
            Path(__file__).parent.parent / "reporting" / "dhis2_schemas" / "dataValueSet.schema.json"
        ).read_text()
    )
    url = f"/api/v1/periods/{api_world.period.pk}/dhis2/"
    data = clients["focal"].get(url).json()
    jsonschema.validate(data, schema)
    assert {(v["orgUnit"], v["period"], v["dataSet"]) for v in data["dataValues"]} == {
        ("66-C001", "2026", "TT1790")
    }
    refused = clients["focal"].get(url + "?idScheme=UID")
    assert refused.status_code == 400 and "idScheme" in refused.json()["errors"]
    OrgUnit.objects.filter(code="66-C001").update(dhis2_uid="EaKar000001")
    by_uid = clients["focal"].get(url + "?idScheme=uid").json()
    assert {v["orgUnit"] for v in by_uid["dataValues"]} == {"EaKar000001"}
    assert clients["reporter_a"].get(url).status_code == 403
