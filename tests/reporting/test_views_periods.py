"""The focal officer's period pages (reporting/views/periods.py): the status board's overdue units."""

from __future__ import annotations

import datetime as dt
import re

from django.test import Client
from django.urls import reverse

from binhdang.reporting import services

from .conftest import fill, local


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def row(page: str, code: str) -> str:
    match = re.search(rf'<tr data-unit="{code}".*?</tr>', page, re.S)
    assert match, f"no row for {code}"
    return match.group(0)


def test_after_the_deadline_the_board_shows_counts_and_filters_the_overdue_units(
    period, daklak, focal_officer, commune_a_reporter
):
    # 30/11 deadline, the suite runs on 04/12: a commune submitted on time, another late, the rest nothing.
    report = services.get_or_create_submission(period, daklak.commune_a)
    fill(report, commune_a_reporter)
    services.submit(report, commune_a_reporter, at=local(2026, 11, 20))
    late = services.get_or_create_submission(period, daklak.commune_b)
    fill(late, None)
    services.submit(late, None, at=local(2026, 12, 2))
    client = client_for(focal_officer)
    page = client.get(reverse("reporting:board", args=[period.pk])).text
    assert 'id="stat-overdue"' in page and re.search(r'id="stat-overdue"[^>]*>4<', page)
    assert "1 nộp trễ hạn" in page
    nothing = row(page, "66-D06")
    assert "Chưa bắt đầu" in nothing and "Quá hạn" in nothing and 'data-overdue="1"' in nothing
    assert "Đúng hạn" in row(page, "66-C001") and "Quá hạn" not in row(page, "66-C001")
    assert "Trễ hạn" in row(page, "66-C002") and "Quá hạn" not in row(page, "66-C002")
    assert '<option value="overdue"' in page and "Quá hạn (4)" in page

    filtered = client.get(reverse("reporting:board", args=[period.pk]), {"state": "overdue"}).text
    shown = set(re.findall(r'<tr data-unit="([^"]+)"', filtered))
    assert shown == {"66-D02", "66-D06", "66-M02", "66-T01"}
    assert '<option value="overdue" selected' in filtered


def test_before_the_deadline_no_unit_is_called_overdue(period, focal_officer):
    period.deadline = dt.date(2026, 12, 10)
    period.save()
    page = client_for(focal_officer).get(reverse("reporting:board", args=[period.pk])).text
    assert re.search(r'id="stat-overdue"[^>]*>0<', page) and "trước hạn 10/12/2026" in page
    assert 'data-overdue="1"' not in page
    assert "Quá hạn" not in row(page, "66-D06")


def test_the_board_reads_each_kind_of_row_once_however_many_units(
    period, daklak, focal_officer, django_assert_max_num_queries
):
    """Session with user and roles, the period, its expected units, their reports (without their texts), the
    activity log's figures, the quarters; the rest is the menu. No query per unit or per report."""
    for unit in (daklak.commune_a, daklak.commune_b):
        report = services.get_or_create_submission(period, unit)
        fill(report, None)
        services.submit(report, None, at=local(2026, 11, 20))
    client = client_for(focal_officer)
    client.get(reverse("reporting:board", args=[period.pk]))
    with django_assert_max_num_queries(11):
        page = client.get(reverse("reporting:board", args=[period.pk])).text
    assert "Đúng hạn" in row(page, "66-C001") and "Đúng hạn" in row(page, "66-C002")
