"""Errors of the API are JSON {"detail", "code", "errors"} in Vietnamese."""

from __future__ import annotations


def test_validation_error_names_each_field(clients):
    response = clients["focal"].post("/api/v1/submissions/", {"period": "x"}, format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == "Yêu cầu không hợp lệ."
    assert body["code"] == "invalid"
    assert set(body["errors"]) == {"period", "unit"}


def test_not_found_and_method_not_allowed_are_json(clients):
    missing = clients["focal"].get("/api/v1/plans/999999/")
    assert missing.json() == {"detail": "Không tìm thấy, hoặc bạn không có quyền xem.", "code": "not_found"}
    assert clients["focal"].delete("/api/v1/plans/").json()["code"] == "method_not_allowed"
    assert clients["focal"].get("/api/v1/no-such-thing/").json()["code"] == "not_found"


def test_malformed_json_body_is_a_400(clients):
    response = clients["focal"].generic(
        "POST", "/api/v1/datavaluesets/", "{", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_ids_too_large_for_the_database_are_404_not_server_errors(clients):
    huge = "9" * 25
    for url in (f"/api/v1/orgunits/{huge}/", f"/api/v1/submissions/{huge}/", f"/api/v1/results/{huge}/2026/"):
        response = clients["focal"].get(url)
        assert response.status_code == 404, url
    filtered = clients["focal"].get("/api/v1/periods/", {"plan": huge})
    assert filtered.status_code == 400


def test_field_errors_of_the_framework_are_in_vietnamese_too(clients, api_world):
    response = clients["focal"].patch(
        f"/api/v1/submissions/{api_world.submission.pk}/",
        {"version": "một", "values": [{"dataElement": "TT_SESSIONS", "value": True}]},
        format="json",
    )
    errors = response.json()["errors"]
    assert errors["version"] == ["Cần một số nguyên hợp lệ."]
    assert errors["values"]["0"]["value"] == ["Không phải là chuỗi ký tự hợp lệ."]


def test_address_without_its_final_slash(clients):
    redirected = clients["focal"].get("/api/v1/plans?status=active")
    assert redirected.status_code == 301
    assert redirected["Location"] == "/api/v1/plans/?status=active"
    posted = clients["focal"].post("/api/v1/datavaluesets", {}, format="json")
    assert posted.status_code == 404
    assert "/api/v1/datavaluesets/" in posted.json()["detail"]


def test_a_server_error_under_the_api_is_json_in_vietnamese(api_world, monkeypatch):
    from binhdang.api import reports
    from tests.api.conftest import token_client

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(reports, "bool_param", broken)
    client = token_client(api_world.users["focal"])
    client.raise_request_exception = False
    response = client.post("/api/v1/datavaluesets/", {}, format="json")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["code"] == "server_error" and "Lỗi máy chủ" in body["detail"]


def test_a_server_error_outside_the_api_is_still_the_vietnamese_page(focal_officer, monkeypatch):
    from django.test import Client

    from binhdang.portal import views

    def broken(request):
        raise RuntimeError("a bug")

    monkeypatch.setattr(views.home_pages, "render_home", broken)
    client = Client(raise_request_exception=False)
    client.force_login(focal_officer)
    response = client.get("/")
    assert response.status_code == 500 and "text/html" in response["Content-Type"]
    assert "Lỗi hệ thống" in response.text
