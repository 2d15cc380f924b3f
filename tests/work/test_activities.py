"""The activity log's services (``work/activities.py``): recording, correcting, filters and totals."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from binhdang.work import activities
from binhdang.work.errors import AccessDenied, WorkError
from binhdang.work.models import Activity, ActivityFile, ActivityType


def data(**extra) -> dict:
    return {
        "type": ActivityType.COMMUNICATION,
        "date": dt.date(2026, 11, 20),
        "place": "Nhà văn hoá thôn 3",
        "campaign": None,
        "male": 20,
        "female": 35,
        "budget_state": 2_000_000,
        "budget_other": 500_000,
        "description": "Nói chuyện chuyên đề",
    } | extra


def test_a_commune_reporter_records_an_activity_of_its_commune_with_a_photo(plan, daklak, commune_a_reporter):
    activity = activities.record(
        plan,
        daklak.commune_a,
        commune_a_reporter,
        data(),
        [SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\nxx"), SimpleUploadedFile("bb.pdf", b"%PDF-1.4 x")],
    )
    assert activity.participants == 55
    assert [f.name for f in activity.files.all()] == ["anh.png", "bb.pdf"]
    assert activity.history.get().history_user == commune_a_reporter
    assert activity.files.first().history.get().history_user == commune_a_reporter


def test_a_renamed_executable_among_the_files_refuses_the_whole_activity(plan, daklak, commune_a_reporter):
    files = [
        SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\nxx"),
        SimpleUploadedFile("virus.jpg", b"MZ\x90"),
    ]
    with pytest.raises(WorkError) as refused:
        activities.record(plan, daklak.commune_a, commune_a_reporter, data(), files)
    assert refused.value.field == "attachments" and "virus.jpg" in str(refused.value)
    assert not Activity.objects.exists() and not ActivityFile.objects.exists()


def test_a_date_outside_the_plans_period_is_refused_in_vietnamese_and_nothing_is_saved(
    plan, daklak, commune_a_reporter
):
    with pytest.raises(WorkError) as refused:
        activities.record(plan, daklak.commune_a, commune_a_reporter, data(date=dt.date(2025, 12, 1)))
    assert refused.value.field == "date"
    assert "01/12/2025" in str(refused.value) and "01/01/2026" in str(refused.value)
    assert "ngoài thời gian" in str(refused.value)
    assert not Activity.objects.exists()


def test_a_future_date_a_negative_count_or_another_plans_campaign_is_refused(
    plan, daklak, commune_a_reporter
):
    with pytest.raises(WorkError, match="05/12/2026"):
        activities.record(plan, daklak.commune_a, commune_a_reporter, data(date=dt.date(2026, 12, 5)))
    with pytest.raises(WorkError) as refused:
        activities.record(plan, daklak.commune_a, commune_a_reporter, data(female=-1))
    assert refused.value.field == "female"
    with pytest.raises(WorkError) as refused:
        activities.record(plan, daklak.commune_a, commune_a_reporter, data(male=10**8))
    assert refused.value.field == "male"
    assert not Activity.objects.exists()


def test_a_reporter_may_not_record_for_another_commune(plan, daklak, commune_b_reporter):
    with pytest.raises(AccessDenied):
        activities.record(plan, daklak.commune_a, commune_b_reporter, data())
    assert not Activity.objects.exists()


def test_a_correction_keeps_the_old_value_in_the_audit_trail(plan, daklak, commune_a_reporter, focal_officer):
    activity = activities.record(plan, daklak.commune_a, commune_a_reporter, data())
    activities.change(activity, focal_officer, {"female": 40})
    activity.refresh_from_db()
    assert activity.female == 40
    old, new = activity.history.order_by("history_date")
    assert (old.female, new.female, new.history_user) == (35, 40, focal_officer)
    latest = activities.changes(activity)[0]
    assert latest.user == focal_officer
    assert latest.fields == [("số người tham gia là nữ", "35", "40")]


def test_the_leader_may_not_change_an_activity(plan, daklak, commune_a_reporter, leader):
    activity = activities.record(plan, daklak.commune_a, commune_a_reporter, data())
    with pytest.raises(AccessDenied):
        activities.change(activity, leader, {"female": 1})


def test_filters_and_totals(plan, daklak, commune_a_reporter, commune_b_reporter):
    month = plan.campaigns.get(start_month=11)
    activities.record(
        plan, daklak.commune_a, commune_a_reporter, data(type=ActivityType.ACTION_MONTH, campaign=month)
    )
    activities.record(
        plan, daklak.commune_a, commune_a_reporter, data(date=dt.date(2026, 6, 28), male=5, female=5)
    )
    activities.record(plan, daklak.commune_b, commune_b_reporter, data(budget_state=0, budget_other=0))
    every = Activity.objects.all()
    assert activities.totals(every) == activities.Totals(3, 45, 75, 4_000_000, 1_000_000)
    assert activities.totals(activities.filtered(every, unit=daklak.commune_a.pk)).count == 2
    assert activities.totals(activities.filtered(every, campaign=month.pk)).count == 1
    assert activities.totals(activities.filtered(every, month=6)).participants == 10
    assert activities.totals(activities.filtered(every, type=ActivityType.ACTION_MONTH, year=2026)).count == 1
    assert activities.totals(Activity.objects.none()) == activities.Totals(0, 0, 0, 0, 0)
