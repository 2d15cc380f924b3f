"""The focal officer's review pages (reporting/views/review.py): one view per step, the read-only
report after a return, the next report waiting for review, a refused blank comment; and the report
page's overdue mark."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import resolve, reverse

from binhdang.reporting import services
from binhdang.reporting.models import State, Submission
from binhdang.reporting.views import review

from .conftest import fill, local


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def submitted(period, unit, user, at):
    report = services.get_or_create_submission(period, unit)
    fill(report, user)
    return services.submit(report, user, at=at)


@pytest.fixture
def two_waiting(period, daklak, commune_a_reporter, commune_b_reporter):
    return (
        submitted(period, daklak.commune_a, commune_a_reporter, local(2026, 11, 20)),
        submitted(period, daklak.commune_b, commune_b_reporter, local(2026, 11, 25)),
    )


def test_each_review_step_is_one_view_calling_its_service():
    for name in ("return", "accept", "reopen"):
        match = resolve(reverse(f"reporting:{name}", args=[1]))
        assert match.func is review.review and match.kwargs["action"] == name
    assert set(review.ACTIONS) == {"return", "accept", "reopen"}


def test_after_returning_the_officer_lands_on_the_read_only_report_with_the_next_one_offered(
    two_waiting, focal_officer
):
    first, second = two_waiting
    client = client_for(focal_officer)
    response = client.post(
        reverse("reporting:return", args=[first.pk]),
        {"comment": "Số người tham dự nữ chưa khớp", "version": first.version},
        follow=True,
    )
    page = response.text
    assert response.redirect_chain[-1][0] == reverse("reporting:submission", args=[first.pk])
    assert "Đã trả lại báo cáo cho Xã Ea Kar kèm ý kiến của bạn." in page
    assert 'id="report-form"' not in page and "Nộp lại báo cáo" not in page
    assert "Bị trả lại để sửa" in page and "Số người tham dự nữ chưa khớp" in page
    # "Last saved" still names the commune's reporter, not the officer who returned it.
    assert "Y Bih Niê" in page.split("Lưu lần cuối")[1].split("</dd>")[0]
    assert f'id="next-review" href="{reverse("reporting:submission", args=[second.pk])}"' in page
    assert "Báo cáo tiếp theo chờ duyệt" in page and "Phường Buôn Ma Thuột" in page
    assert 'id="edit-on-behalf"' in page


def test_the_officer_can_still_correct_a_returned_report_on_behalf_of_the_unit(two_waiting, focal_officer):
    first, _second = two_waiting
    services.return_submission(first, focal_officer, "Sửa số liệu")
    page = client_for(focal_officer).get(reverse("reporting:submission", args=[first.pk]), {"edit": "1"})
    assert 'id="report-form"' in page.text


def test_the_reporter_of_a_returned_report_gets_the_form_and_the_comment(
    two_waiting, focal_officer, commune_a_reporter
):
    first, _second = two_waiting
    services.return_submission(first, focal_officer, "Thiếu biên bản")
    page = client_for(commune_a_reporter).get(reverse("reporting:submission", args=[first.pk])).text
    assert 'id="report-form"' in page and "Nộp lại báo cáo" in page and "Thiếu biên bản" in page
    assert 'id="next-review"' not in page and 'id="review"' not in page


def test_after_accepting_the_last_waiting_report_the_page_says_none_is_left(two_waiting, focal_officer):
    first, second = two_waiting
    client = client_for(focal_officer)
    client.post(reverse("reporting:accept", args=[first.pk]), {"version": first.version})
    page = client.post(
        reverse("reporting:accept", args=[second.pk]), {"version": second.version}, follow=True
    ).text
    assert "Đã chấp nhận báo cáo của Phường Buôn Ma Thuột." in page
    assert 'id="next-review"' not in page and "Không còn báo cáo nào khác của kỳ này chờ duyệt." in page
    assert set(Submission.objects.values_list("state", flat=True)) == {State.ACCEPTED}


def test_a_blank_comment_is_refused_in_vietnamese_and_changes_nothing(two_waiting, focal_officer):
    first, _second = two_waiting
    response = client_for(focal_officer).post(
        reverse("reporting:return", args=[first.pk]),
        {"comment": "   ", "version": first.version},
        follow=True,
    )
    assert "Ý kiến: hãy ghi rõ nội dung đơn vị cần sửa." in response.text
    first.refresh_from_db()
    assert first.state == State.SUBMITTED and not first.comments.exists()


def test_return_looks_like_a_warning_and_accept_like_the_main_action(two_waiting, focal_officer):
    first, _second = two_waiting
    page = client_for(focal_officer).get(reverse("reporting:submission", args=[first.pk])).text
    assert 'class="btn btn-warning" id="btn-return"' in page
    assert 'class="btn btn-ok" id="btn-accept"' in page


def test_a_leader_and_a_reporter_get_403_for_every_step(two_waiting, leader, commune_a_reporter):
    first, _second = two_waiting
    for user in (leader, commune_a_reporter):
        for name in ("return", "accept", "reopen"):
            response = client_for(user).post(reverse(f"reporting:{name}", args=[first.pk]), {"comment": "x"})
            assert response.status_code == 403
    first.refresh_from_db()
    assert first.state == State.SUBMITTED


def test_the_report_page_says_overdue_while_the_report_is_missing_after_the_deadline(
    period, daklak, commune_a_reporter, focal_officer
):
    # Deadline 30/11, the suite runs on 04/12.
    report = services.get_or_create_submission(period, daklak.commune_a)
    fill(report, commune_a_reporter)
    page = client_for(commune_a_reporter).get(reverse("reporting:submission", args=[report.pk])).text
    assert 'id="report-overdue"' in page and "Quá hạn" in page
    services.submit(report, commune_a_reporter)
    page = client_for(commune_a_reporter).get(reverse("reporting:submission", args=[report.pk])).text
    assert 'id="report-overdue"' not in page and "Trễ hạn" in page


def test_a_returned_report_past_the_deadline_is_overdue_not_on_time(two_waiting, focal_officer):
    # Submitted on 20/11 (on time), returned on 04/12 after the 30/11 deadline: it is missing again.
    first, _second = two_waiting
    services.return_submission(first, focal_officer, "Sửa số liệu")
    page = client_for(focal_officer).get(reverse("reporting:submission", args=[first.pk])).text
    facts = page.split('class="kv"')[1].split("</dl>")[0]
    assert 'id="report-overdue"' in facts and "Đúng hạn" not in facts
