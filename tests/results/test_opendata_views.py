"""Open data downloads of the results (``results.opendata_views``): same access as the dashboard, the
engine's figures, the dashboard links to them."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.test import Client
from django.urls import reverse

from tests.results.conftest import file_report

NAMES = ("results:data_csv", "results:data_json", "results:data_sdmx")


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_focal_officer_downloads_the_csv_as_an_attachment_with_a_bom(plan, period, daklak, focal_officer):
    file_report(period, daklak.commune_a, {"TT_SESSIONS": 3})
    response = client_for(focal_officer).get(reverse("results:data_csv", args=[plan.pk, 2026]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == 'attachment; filename="ket-qua-kh-1790-daklak-2026.csv"'
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")  # Excel then reads the Vietnamese text as UTF-8
    rows = list(csv.DictReader(io.StringIO(body.removeprefix("\ufeff"))))
    assert rows[0]["series"] == "1790.1" and rows[0]["value"] == "16.67"


def test_the_json_and_sdmx_downloads(plan, period, leader):
    client = client_for(leader)
    payload = json.loads(client.get(reverse("results:data_json", args=[plan.pk, 2026])).content)
    assert payload["metadata"]["year"] == 2026 and len(payload["data"]) == 5
    sdmx = client.get(reverse("results:data_sdmx", args=[plan.pk, 2026]))
    assert sdmx["Content-Type"].startswith("application/vnd.sdmx.data+csv")
    assert sdmx.content.decode().startswith("STRUCTURE,STRUCTURE_ID,ACTION,SERIES,REF_AREA")


@pytest.mark.parametrize("name", NAMES)
def test_a_reporter_gets_403_and_an_officer_of_another_province_404(
    name, plan, period, commune_a_reporter, outsider, ministry_viewer
):
    url = reverse(name, args=[plan.pk, 2026])
    assert client_for(commune_a_reporter).get(url).status_code == 403
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(ministry_viewer).get(url).status_code == 200
    assert Client().get(url).status_code == 302


def test_a_year_outside_the_plan_is_404(plan, focal_officer):
    assert client_for(focal_officer).get(reverse("results:data_csv", args=[plan.pk, 2040])).status_code == 404


def test_a_post_is_refused(plan, focal_officer):
    assert (
        client_for(focal_officer).post(reverse("results:data_json", args=[plan.pk, 2026])).status_code == 405
    )


def test_the_dashboard_links_the_three_downloads(plan, period, focal_officer):
    html = client_for(focal_officer).get(reverse("results:dashboard", args=[plan.pk, 2026])).content.decode()
    for name in NAMES:
        assert reverse(name, args=[plan.pk, 2026]) in html
