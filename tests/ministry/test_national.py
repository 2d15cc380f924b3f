"""Which provinces sent their report to the ministry, for the national report (``ministry.national``),
and the send form's difficulties and proposals kept on the sending."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from binhdang.documents.national import sendings as registered_sendings
from binhdang.ministry import services
from binhdang.ministry.models import ProvinceReport
from binhdang.ministry.national import sendings
from tests.ministry.conftest import signed_pdf


def test_a_sending_is_late_after_the_deadline_and_a_province_not_sent_is_overdue(
    daklak_plan, laichau_plan, daklak, laichau, focal_officer, ministry_viewer
):
    services.send_report(daklak_plan, 2026, focal_officer, signed_pdf(), difficulties="Thiếu kinh phí.")
    found = sendings(2026, "communication")
    assert (found[daklak.root.pk].state, found[daklak.root.pk].late) == ("sent", False)
    assert (found[laichau.root.pk].state, found[laichau.root.pk].late) == ("not_sent", False)
    services.set_deadline(2026, dt.date(2026, 12, 3), ministry_viewer)  # today is 04/12
    found = sendings(2026, "communication")
    assert found[daklak.root.pk].late and found[daklak.root.pk].sent_day == dt.date(2026, 12, 4)
    assert found[laichau.root.pk].late and not found[laichau.root.pk].sent
    assert found[daklak.root.pk].difficulties == "Thiếu kinh phí."


def test_the_site_registers_the_ministry_as_the_source_of_the_national_report(daklak_plan, daklak):
    assert registered_sendings(2026, "communication") == sendings(2026, "communication")
    assert sendings(2026, "strategy") == {}


def test_the_focal_officer_writes_the_provinces_difficulties_and_proposals_when_sending(
    client, daklak_plan, focal_officer, ministry_viewer
):
    client.force_login(focal_officer)
    client.post(
        reverse("ministry:send", args=[daklak_plan.pk, 2026]),
        {"signed": signed_pdf(), "difficulties": " Thiếu cán bộ.\n", "proposals": "Đề nghị tập huấn."},
    )
    report = ProvinceReport.objects.get()
    assert (report.difficulties, report.proposals) == ("Thiếu cán bộ.", "Đề nghị tập huấn.")
    client.force_login(ministry_viewer)
    page = client.get(reverse("ministry:plan_year", args=[daklak_plan.pk, 2026])).text
    assert "Khó khăn, vướng mắc: Thiếu cán bộ." in page and "Kiến nghị, đề xuất: Đề nghị tập huấn." in page
