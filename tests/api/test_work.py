"""The year's work in the API (``api/work.py``): tasks with their progress, the activity log."""

from __future__ import annotations

from binhdang.plans.models import Campaign, Task
from binhdang.work.models import Activity, TaskUpdate


def test_tasks_are_listed_with_their_status_and_filtered_by_lead_and_year(api_world, clients):
    client = clients["leader"]
    rows = client.get("/api/v1/tasks/", {"plan": api_world.plan.pk}).json()["results"]
    assert [(r["code"], r["status"]) for r in rows] == [("1.a", "not_started")]
    assert client.get("/api/v1/tasks/", {"unit": api_world.daklak.commune_a.code}).json()["count"] == 1
    assert client.get("/api/v1/tasks/", {"unit": api_world.daklak.commune_b.code}).json()["count"] == 0
    assert client.get("/api/v1/tasks/", {"year": 2031}).json()["count"] == 0
    assert clients["outsider"].get("/api/v1/tasks/").json()["count"] == 0


def test_the_lead_units_reporter_adds_a_progress_update(api_world, clients):
    response = clients["reporter_a"].patch(
        f"/api/v1/tasks/{api_world.task.pk}/", {"status": "done", "note": "Đã xong"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == "done"
    assert TaskUpdate.objects.get().author == api_world.users["reporter_a"]


def test_an_activity_outside_the_plans_period_is_refused_with_its_vietnamese_message(api_world, clients):
    response = clients["reporter_a"].post(
        "/api/v1/activities/",
        {
            "plan": api_world.plan.pk,
            "unit": api_world.daklak.commune_a.code,
            "type": "training",
            "date": "2031-01-05",
            "place": "Xã",
        },
        format="json",
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert response.status_code == 400
    assert "nằm ngoài thời gian của kế hoạch" in str(response.json())
    assert Activity.objects.count() == 1  # the world's own


def test_activities_are_filtered_by_unit_and_year_and_a_reporter_sees_its_own(api_world, clients):
    focal = clients["focal"]
    assert focal.get("/api/v1/activities/", {"unit": api_world.daklak.commune_a.code}).json()["count"] == 1
    assert focal.get("/api/v1/activities/", {"year": 2027}).json()["count"] == 0
    assert clients["reporter_b"].get("/api/v1/activities/").json()["count"] == 0
    assert focal.get("/api/v1/activities/", {"year": 0}).status_code == 400


def test_a_task_past_its_date_is_late_and_the_list_does_not_query_per_task(
    api_world, clients, django_assert_max_num_queries
):

    for n in range(20):
        Task.objects.create(plan=api_world.plan, code=f"9.{n}", title="Hạn", timeframe="Trước ngày 20/6/2026")
    with django_assert_max_num_queries(12):
        rows = clients["focal"].get("/api/v1/tasks/", {"page_size": 50}).json()["results"]
    assert {r["status"] for r in rows if r["code"].startswith("9.")} == {"late"}


def test_campaigns_are_listed_with_their_dates_in_the_year_asked(api_world, clients):
    Campaign.objects.create(
        plan=api_world.plan, name="Tháng hành động", start_month=11, start_day=15, end_month=12, end_day=15
    )
    Campaign.objects.create(plan=api_world.plan, name="Ngày Gia đình Việt Nam", start_month=6, start_day=28)
    rows = clients["reporter_b"].get("/api/v1/campaigns/", {"plan": api_world.plan.pk, "year": 2027}).json()
    by_name = {r["name"]: r for r in rows["results"]}
    month = by_name["Tháng hành động"]
    assert (month["year"], month["start"], month["end"]) == (2027, "2027-11-15", "2027-12-15")
    day = by_name["Ngày Gia đình Việt Nam"]
    assert (day["start"], day["end"], day["end_month"]) == ("2027-06-28", "2027-06-28", None)
    assert [r["name"] for r in rows["results"]] == ["Ngày Gia đình Việt Nam", "Tháng hành động"]  # by date
    assert clients["focal"].get("/api/v1/campaigns/", {"year": 2031}).json()["count"] == 0  # after the plan
    assert clients["outsider"].get("/api/v1/campaigns/").json()["count"] == 0


def test_a_bad_year_of_the_campaigns_is_refused(api_world, clients):
    response = clients["focal"].get("/api/v1/campaigns/", {"year": 99999}, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 400
    assert "year" in str(response.json())
