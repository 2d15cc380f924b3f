"""Report endpoints: create, save with optimistic concurrency, submit, return, accept, import."""

from __future__ import annotations

from binhdang.reporting.models import State, StateChange, Submission
from tests.reporting.conftest import COMMUNE_VALUES


def _values(mapping):
    return [{"dataElement": c, "categoryOptionCombo": coc, "value": v} for (c, coc), v in mapping.items()]


def test_reporter_saves_values_with_the_version_they_loaded(clients, api_world):
    url = f"/api/v1/submissions/{api_world.submission.pk}/"
    loaded = clients["reporter_a"].get(url).json()

    response = clients["reporter_a"].patch(
        url,
        {"version": loaded["version"], "values": [{"dataElement": "TT_SESSIONS", "value": "7"}]},
        format="json",
    )

    assert response.status_code == 200
    body = response.json()
    assert body["changed"] is True
    assert body["submission"]["version"] == loaded["version"] + 1
    assert Submission.objects.get(pk=api_world.submission.pk).value_map()[("TT_SESSIONS", "")] == "7"


def test_save_with_an_old_version_is_a_409_naming_who_saved(clients, api_world):
    url = f"/api/v1/submissions/{api_world.submission.pk}/"
    stale = api_world.submission.version
    clients["focal"].patch(
        url, {"version": stale, "values": [{"dataElement": "TT_NEWS", "value": "2"}]}, format="json"
    )

    response = clients["reporter_a"].patch(
        url, {"version": stale, "values": [{"dataElement": "TT_NEWS", "value": "5"}]}, format="json"
    )

    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "conflict"
    assert "Nguyễn Thị Hoa" in body["detail"] or "focal" in body["detail"]
    assert body["current_version"] == stale + 1
    assert Submission.objects.get(pk=api_world.submission.pk).value_map()[("TT_NEWS", "")] == "2"


def test_invalid_value_is_a_400_naming_the_field_in_vietnamese(clients, api_world):
    url = f"/api/v1/submissions/{api_world.submission.pk}/"
    response = clients["reporter_a"].patch(
        url,
        {"version": api_world.submission.version, "values": [{"dataElement": "TT_SESSIONS", "value": "-3"}]},
        format="json",
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert body["detail"] == "Báo cáo có giá trị không hợp lệ."
    assert "TT_SESSIONS" in body["errors"]


def test_submit_return_resubmit_accept_cycle(clients, api_world):
    sub = api_world.submission
    base = f"/api/v1/submissions/{sub.pk}/"
    saved = clients["reporter_a"].patch(
        base, {"version": sub.version, "values": _values(COMMUNE_VALUES)}, format="json"
    )
    assert saved.status_code == 200, saved.json()

    submitted = clients["reporter_a"].post(base + "submit/", {}, format="json")
    assert submitted.status_code == 200
    assert submitted.json()["state"] == State.SUBMITTED

    assert clients["reporter_a"].post(base + "accept/", {}, format="json").status_code == 403
    no_comment = clients["focal"].post(base + "return/", {"comment": ""}, format="json")
    assert no_comment.status_code == 400
    returned = clients["focal"].post(base + "return/", {"comment": "Thiếu biên bản."}, format="json")
    assert returned.json()["state"] == State.RETURNED

    assert clients["reporter_a"].post(base + "submit/", {}, format="json").json()["state"] == State.SUBMITTED
    accepted = clients["focal"].post(base + "accept/", {"comment": "Đạt."}, format="json")
    assert accepted.json()["state"] == State.ACCEPTED
    again = clients["focal"].post(base + "accept/", {}, format="json")
    assert again.status_code == 409
    assert again.json()["code"] == "invalid_state"


def test_the_focal_officer_reopens_an_accepted_report_and_the_steps_are_recorded_as_api(clients, api_world):
    sub = api_world.submission
    base = f"/api/v1/submissions/{sub.pk}/"
    clients["reporter_a"].patch(
        base, {"version": sub.version, "values": _values(COMMUNE_VALUES)}, format="json"
    )
    clients["reporter_a"].post(base + "submit/", {}, format="json")
    clients["focal"].post(base + "accept/", {}, format="json")

    assert clients["reporter_a"].post(base + "reopen/", {}, format="json").status_code == 403
    reopened = clients["focal"].post(base + "reopen/", {"comment": "Bổ sung minh chứng."}, format="json")
    assert reopened.status_code == 200
    assert reopened.json()["state"] == State.RETURNED
    steps = StateChange.objects.filter(submission=sub).order_by("at", "pk")
    assert [(c.action, c.source) for c in steps] == [
        ("submit", "api"),
        ("accept", "api"),
        ("reopen", "api"),
    ]
    assert steps.last().comment == "Bổ sung minh chứng."


def test_submitting_an_incomplete_report_lists_what_is_missing(clients, api_world):
    response = clients["reporter_a"].post(
        f"/api/v1/submissions/{api_world.submission.pk}/submit/", {}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"]
    assert Submission.objects.get(pk=api_world.submission.pk).state == State.DRAFT


def test_reporter_starts_the_report_of_their_unit_and_gets_it_again(clients, api_world):
    body = {"period": api_world.period.pk, "unit": api_world.daklak.commune_b.pk}
    created = clients["reporter_b"].post("/api/v1/submissions/", body, format="json")
    assert created.status_code == 201
    again = clients["reporter_b"].post("/api/v1/submissions/", body, format="json")
    assert again.status_code == 200
    assert again.json()["id"] == created.json()["id"]


def test_ministry_reads_figures_but_not_the_narrative(clients, api_world):
    url = f"/api/v1/submissions/{api_world.submission.pk}/"
    assert clients["ministry"].get(url).json()["narrative"] is None
    assert clients["leader"].get(url).json()["narrative"]["results"].startswith("Đã tổ chức")


def test_submission_filters(clients, api_world):
    found = clients["focal"].get(
        "/api/v1/submissions/", {"unit": api_world.daklak.commune_a.code, "status": "draft"}
    )
    assert found.json()["count"] == 1
    assert clients["focal"].get("/api/v1/submissions/", {"status": "accepted"}).json()["count"] == 0
    bad = clients["focal"].get("/api/v1/submissions/", {"period": "abc"})
    assert bad.status_code == 400
    assert "period" in bad.json()["errors"]


def test_import_dry_run_checks_without_saving_then_imports(clients, api_world):
    data = {
        "dataSet": "TT1790",
        "period": "2026",
        "orgUnit": api_world.daklak.commune_a.code,
        "dataValues": [{"dataElement": "TT_SESSIONS", "value": "11"}],
    }
    dry = clients["reporter_a"].post("/api/v1/datavaluesets/?dryRun=true", data, format="json")
    assert dry.status_code == 200
    assert dry.json()["dryRun"] is True
    assert Submission.objects.get(pk=api_world.submission.pk).value_map()[("TT_SESSIONS", "")] == "3"

    real = clients["reporter_a"].post("/api/v1/datavaluesets/", data, format="json")
    assert real.json()["submissions"] == [api_world.submission.pk]
    assert Submission.objects.get(pk=api_world.submission.pk).value_map()[("TT_SESSIONS", "")] == "11"


def test_import_for_another_unit_is_refused_with_the_place_named(clients, api_world):
    data = {
        "dataSet": "TT1790",
        "period": "2026",
        "orgUnit": api_world.daklak.commune_a.code,
        "dataValues": [],
    }
    response = clients["reporter_b"].post("/api/v1/datavaluesets/", data, format="json")
    assert response.status_code == 400
    assert response.json()["errors"]["dataValueSets"][0].startswith("orgUnit:")


def test_export_gives_the_periods_data_value_sets(clients, api_world):
    response = clients["focal"].get(f"/api/v1/periods/{api_world.period.pk}/datavaluesets/")
    sets = response.json()["dataValueSets"]
    assert sets[0]["orgUnit"] == api_world.daklak.commune_a.code


def test_a_figure_over_its_hard_limit_is_a_400_naming_the_limit(clients, api_world):
    url = f"/api/v1/submissions/{api_world.submission.pk}/"
    before = Submission.objects.get(pk=api_world.submission.pk).value_map()
    response = clients["reporter_a"].patch(
        url,
        {
            "version": api_world.submission.version,
            "values": [
                {"dataElement": "TT_PARTICIPANTS", "categoryOptionCombo": "FEMALE", "value": "9" * 5000},
                {"dataElement": "TT_BUDGET_STATE", "value": "1" + "0" * 15},
            ],
        },
        format="json",
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert "vượt giới hạn 10.000.000 người" in errors["TT_PARTICIPANTS.FEMALE"][0]
    assert "vượt giới hạn 1.000 tỷ đồng" in errors["TT_BUDGET_STATE"][0]
    assert Submission.objects.get(pk=api_world.submission.pk).value_map() == before


def test_a_reporters_past_complete_date_is_replaced_by_the_servers_time_with_a_notice(clients, api_world):
    from tests.reporting.conftest import COMMUNE_VALUES

    data = {
        "dataSet": "TT1790",
        "period": "2026",
        "orgUnit": api_world.daklak.commune_a.code,
        "completeDate": "2026-11-20",
        "dataValues": [
            {"dataElement": code, **({"categoryOptionCombo": coc} if coc else {}), "value": value}
            for (code, coc), value in COMMUNE_VALUES.items()
        ],
    }
    response = clients["reporter_a"].post("/api/v1/datavaluesets/", data, format="json")
    assert response.status_code == 200 and response.json()["submitted"] == 1
    [notice] = response.json()["notices"]
    assert "được tính là nộp vào lúc này" in notice and "20/11/2026" in notice
    submission = Submission.objects.get(pk=api_world.submission.pk)
    assert submission.first_submitted_at.date() == submission.first_submitted_at.today().date()
    assert submission.on_time is False
