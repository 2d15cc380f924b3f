"""core.views: the health check and the page of a form sent with an outdated security token."""

from django.test import Client


def test_health_check_answers_ok(db, client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_a_form_without_its_security_token_gets_a_vietnamese_page_and_changes_nothing(commune_a_reporter):
    before = commune_a_reporter.password
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(commune_a_reporter)
    response = browser.post(
        "/accounts/password/", {"old_password": "x", "new_password1": "y", "new_password2": "y"}
    )
    assert response.status_code == 403
    text = response.content.decode()
    assert "Biểu mẫu đã hết hạn" in text
    assert "CSRF verification failed" not in text
    commune_a_reporter.refresh_from_db()
    assert commune_a_reporter.password == before


def test_the_expired_form_page_is_in_english_for_english_readers(commune_a_reporter):
    browser = Client(enforce_csrf_checks=True, headers={"Accept-Language": "en"})
    response = browser.post("/accounts/login/", {"username": "reporter_a", "password": "x"})
    assert response.status_code == 403
    assert "The form has expired" in response.content.decode()


def test_healthz_of_a_logged_in_user_reads_the_session_and_the_user_and_nothing_else(
    client, commune_a_reporter, django_assert_max_num_queries
):
    client.force_login(commune_a_reporter)
    with django_assert_max_num_queries(3):  # the session, its user (two-factor step), SELECT 1
        assert client.get("/healthz").json() == {"status": "ok"}
