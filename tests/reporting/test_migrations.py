"""Data migrations of reporting: reports that were only opened (before opening stopped creating them)
are forgotten; every report with anything saved stays."""

from __future__ import annotations

import importlib

from django.apps import apps

from binhdang.reporting import services
from binhdang.reporting.models import Submission

forget = importlib.import_module("binhdang.reporting.migrations.0004_forget_reports_only_opened")


def test_reports_only_opened_are_forgotten_and_saved_ones_kept(period, daklak, commune_a_reporter):
    opened = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    with_value = services.get_or_create_submission(period, daklak.commune_b)
    services.save_draft(with_value, {("TT_SESSIONS", ""): "2"}, {}, None, expected_version=None)
    cleared = services.get_or_create_submission(period, daklak.health)
    services.save_draft(cleared, {("TT_SESSIONS", ""): "2"}, {}, None, expected_version=None)
    services.save_draft(cleared, {("TT_SESSIONS", ""): ""}, {}, None, expected_version=None)
    with_narrative = services.get_or_create_submission(period, daklak.newspaper)
    Submission.objects.filter(pk=with_narrative.pk).update(results="Đã làm")

    forget.forget_reports_only_opened(apps, None)

    assert not Submission.objects.filter(pk=opened.pk).exists()
    assert set(Submission.objects.values_list("pk", flat=True)) == {
        with_value.pk,
        cleared.pk,
        with_narrative.pk,
    }
