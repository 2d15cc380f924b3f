"""loadtest/check.py: after the load, an acknowledged submission must be in the database exactly once,
submitted once, with the values that were sent; anything else counts as lost."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from binhdang.reporting import services
from binhdang.reporting.entry import field_name
from binhdang.reporting.models import StateChange
from tests.reporting.conftest import COMMUNE_VALUES, fill, make_plan

CHECK = Path(__file__).resolve().parent.parent / "loadtest" / "check.py"


@pytest.fixture(scope="module")
def check():
    spec = importlib.util.spec_from_file_location("loadtest_check", CHECK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def submitted(daklak, focal_officer, commune_a_reporter):
    period = services.open_period(make_plan(daklak.root), 2026, focal_officer)
    report = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    fill(report, commune_a_reporter)
    report.refresh_from_db()
    services.submit(report, commune_a_reporter)
    sent = {field_name(code, coc): value for (code, coc), value in COMMUNE_VALUES.items()}
    return period, report, {"unit": daklak.commune_a.code, "submission": report.pk, "values": sent}


def test_a_submission_stored_once_as_sent_is_not_lost(check, submitted):
    period, _report, ack = submitted
    assert check.lost_submissions(period.pk, [ack]) == []


def test_an_acknowledged_submission_missing_from_the_database_is_lost(check, submitted, daklak):
    period, _report, ack = submitted
    missing = {**ack, "unit": daklak.commune_b.code}
    assert check.lost_submissions(period.pk, [missing]) == [
        f"{daklak.commune_b.code}: 0 reports in the database"
    ]


def test_a_value_that_differs_from_the_one_sent_is_lost(check, submitted):
    period, _report, ack = submitted
    name = next(iter(ack["values"]))
    changed = {**ack, "values": {**ack["values"], name: "999999"}}
    assert check.lost_submissions(period.pk, [changed]) == [
        f"{ack['unit']}: stored values differ from the submitted ones"
    ]


def test_a_submission_recorded_twice_is_reported(check, submitted):
    period, report, ack = submitted
    first = StateChange.objects.get(submission=report, action=StateChange.Action.SUBMIT)
    first.pk = None
    first.save()
    assert check.lost_submissions(period.pk, [ack]) == [f"{ack['unit']}: state submitted, 2 submit events"]
