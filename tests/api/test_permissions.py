"""The API's base permission: active accounts without a pending password change."""

from __future__ import annotations


def test_user_who_must_change_password_gets_403_with_the_reason(clients, api_world):
    user = api_world.users["reporter_a"]
    user.must_change_password = True
    user.save()
    response = clients["reporter_a"].get("/api/v1/plans/")
    assert response.status_code == 403
    assert response.json() == {
        "detail": "Bạn phải đổi mật khẩu trên trang web trước khi dùng API.",
        "code": "password_change_required",
    }


def test_anonymous_caller_gets_401_with_the_token_scheme(clients):
    response = clients["anonymous"].get("/api/v1/submissions/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
