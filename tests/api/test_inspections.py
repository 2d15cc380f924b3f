"""Inspections in the API (``api/inspections.py``): list with filters, create with follow-up items,
PATCH by the focal officer and by the responsible unit, refusals with their Vietnamese message."""

from __future__ import annotations

from binhdang.work.inspection_models import FollowUp, Inspection


def test_inspections_are_listed_with_their_follow_ups_and_filtered_by_plan_unit_and_year(api_world, clients):
    client = clients["leader"]
    rows = client.get("/api/v1/inspections/", {"plan": api_world.plan.pk}).json()["results"]
    assert [(r["title"], [u["code"] for u in r["units"]]) for r in rows] == [
        ("Kiểm tra xã Ea Kar", [api_world.daklak.commune_a.code])
    ]
    # the deadline 31/12/2026 has not passed on 04/12/2026
    assert [(f["text"], f["status"]) for f in rows[0]["follow_ups"]] == [("Rà soát hương ước", "not_started")]
    assert client.get("/api/v1/inspections/", {"unit": api_world.daklak.commune_a.code}).json()["count"] == 1
    assert client.get("/api/v1/inspections/", {"unit": api_world.daklak.commune_b.code}).json()["count"] == 0
    assert client.get("/api/v1/inspections/", {"year": 2027}).json()["count"] == 0
    assert clients["reporter_b"].get("/api/v1/inspections/").json()["count"] == 0
    assert clients["outsider"].get("/api/v1/inspections/").json()["count"] == 0


def test_the_focal_officer_creates_an_inspection_with_a_follow_up(api_world, clients):
    response = clients["focal"].post(
        "/api/v1/inspections/",
        {
            "plan": api_world.plan.pk,
            "kind": "supervision",
            "title": "Giám sát phường",
            "units": [api_world.daklak.commune_b.code],
            "planned_date": "2026-11-10",
            "done_date": "2026-11-12",
            "lead_agency": api_world.daklak.noi_vu.code,
            "findings": "Chưa bố trí kinh phí",
            "follow_ups": [
                {"text": "Bố trí kinh phí", "unit": api_world.daklak.commune_b.code, "deadline": "2026-12-31"}
            ],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["lead_agency"]["code"] == api_world.daklak.noi_vu.code
    assert body["follow_ups"][0]["unit"]["code"] == api_world.daklak.commune_b.code
    assert Inspection.objects.get(pk=body["id"]).history.first().history_user == api_world.users["focal"]


def test_a_deadline_before_the_inspection_is_refused_in_vietnamese_and_nothing_is_saved(api_world, clients):
    response = clients["focal"].post(
        "/api/v1/inspections/",
        {
            "plan": api_world.plan.pk,
            "kind": "inspection",
            "title": "Kiểm tra",
            "units": [api_world.daklak.commune_b.code],
            "planned_date": "2026-11-10",
            "done_date": "2026-11-12",
            "follow_ups": [
                {"text": "Sửa", "unit": api_world.daklak.commune_b.code, "deadline": "2026-11-01"}
            ],
        },
        format="json",
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert response.status_code == 400
    assert "Hạn hoàn thành 01/11/2026 trước ngày kiểm tra 12/11/2026" in str(response.json())
    assert Inspection.objects.count() == 1


def test_the_inspected_unit_sets_its_follow_up_done_but_cannot_correct_the_findings(api_world, clients):
    item = api_world.inspection.follow_ups.get()
    url = f"/api/v1/inspections/{api_world.inspection.pk}/"
    client = clients["reporter_a"]
    response = client.patch(
        url, {"follow_ups": [{"id": item.pk, "status": "done", "note": "Xong"}]}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["follow_ups"][0]["status"] == "done"
    assert client.patch(url, {"findings": "Không có gì"}, format="json").status_code == 403
    response = client.patch(url, {"follow_ups": [{"id": item.pk, "deadline": "2027-06-30"}]}, format="json")
    assert response.status_code == 403
    assert FollowUp.objects.get(pk=item.pk).deadline.isoformat() == "2026-12-31"
    assert Inspection.objects.get().findings == "Chưa rà soát hương ước"


def test_the_focal_officer_corrects_the_findings_and_adds_a_follow_up_in_one_patch(api_world, clients):
    response = clients["focal"].patch(
        f"/api/v1/inspections/{api_world.inspection.pk}/",
        {
            "findings": "Hương ước 2 thôn chưa rà soát",
            "follow_ups": [
                {"text": "Báo cáo kết quả", "unit": api_world.daklak.commune_a.code, "deadline": "2026-12-20"}
            ],
        },
        format="json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["findings"] == "Hương ước 2 thôn chưa rà soát"
    assert sorted(f["text"] for f in body["follow_ups"]) == ["Báo cáo kết quả", "Rà soát hương ước"]


def test_a_patch_refused_half_way_changes_nothing(api_world, clients):
    response = clients["focal"].patch(
        f"/api/v1/inspections/{api_world.inspection.pk}/",
        {
            "findings": "Đã sửa",
            "follow_ups": [
                {"text": "Sai hạn", "unit": api_world.daklak.commune_a.code, "deadline": "2026-01-01"}
            ],
        },
        format="json",
    )
    assert response.status_code == 400
    assert Inspection.objects.get().findings == "Chưa rà soát hương ước"
    assert FollowUp.objects.count() == 1
