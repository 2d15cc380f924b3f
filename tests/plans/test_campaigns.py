"""A plan's campaigns (``plans.campaigns``): the usual days added at import when the plan names none,
and the focal officer's add / change / remove, checked, in one transaction, in the history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile

from binhdang.plans import campaigns
from binhdang.plans.errors import EditError
from binhdang.plans.importing import import_plan
from binhdang.plans.models import Campaign
from binhdang.work import activities
from tests.plans import extractions

pytestmark = pytest.mark.django_db

ACTION_MONTH = (11, 15, 12, 15)


def imported(extraction, province):
    return import_plan(extraction, province, ContentFile(b"x", name="kh.txt"), None, status="active")


def dates(plan):
    return {(c.start_month, c.start_day, c.end_month, c.end_day): c.origin for c in plan.campaigns.all()}


def test_a_plan_naming_no_campaign_gets_the_action_month_and_the_usual_days(daklak):
    plan = imported(extractions.strategy(), daklak.root)

    assert dates(plan) == {
        ACTION_MONTH: "default",
        (3, 8, None, None): "default",
        (6, 1, None, None): "default",
        (6, 28, None, None): "default",
        (7, 11, None, None): "default",
        (10, 20, None, None): "default",
        (11, 25, None, None): "default",
    }
    assert plan.campaigns.get(start_month=6, start_day=28).name == "Ngày Gia đình Việt Nam"


def test_a_plan_naming_only_the_action_month_keeps_it_and_gets_the_usual_days(daklak):
    extraction = extractions.strategy(
        campaigns=[{"name": "Tháng hành động vì bình đẳng giới", "start": "11-15", "end": "12-15"}]
    )
    plan = imported(extraction, daklak.root)

    found = dates(plan)
    assert found[ACTION_MONTH] == "plan"  # not a second Action Month
    assert len(found) == 7
    assert found[(3, 8, None, None)] == "default"


def test_a_plan_naming_its_days_gets_nothing_added(daklak):
    plan = imported(extractions.communication(), daklak.root)

    assert set(dates(plan).values()) == {"plan"}
    assert plan.campaigns.count() == len(extractions.communication()["campaigns"])


def test_the_focal_officer_adds_a_day_recorded_in_the_history(daklak, focal_officer):
    plan = imported(extractions.communication(), daklak.root)

    added = campaigns.add(
        plan, focal_officer, {"name": " Ngày Phụ nữ Việt Nam ", "start": "20/10", "end": ""}
    )

    assert (added.name, added.start_month, added.start_day, added.end_month) == (
        "Ngày Phụ nữ Việt Nam",
        10,
        20,
        None,
    )
    assert added.origin == "officer"
    assert added.dates_in(2026) == (dt.date(2026, 10, 20), dt.date(2026, 10, 20))
    assert added.history.get().history_user == focal_officer


def test_a_period_is_saved_with_its_last_day(daklak, focal_officer):
    plan = imported(extractions.communication(), daklak.root)

    added = campaigns.add(
        plan, focal_officer, {"name": "Tháng hành động quốc gia", "start": "01/06", "end": "30/06"}
    )

    assert added.dates_in(2027) == (dt.date(2027, 6, 1), dt.date(2027, 6, 30))


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": "", "start": "08/03"}, "name", "Nhập tên đợt hoặc ngày."),
        (
            {"name": "Ngày X", "start": "31/02"},
            "start",
            'Ngày bắt đầu: "31/02" không phải là một ngày trong năm',
        ),
        ({"name": "Ngày X", "start": "8 tháng 3"}, "start", "không phải là một ngày trong năm"),
        ({"name": "Ngày X", "start": "15/11", "end": "15/13"}, "end", 'Ngày kết thúc: "15/13"'),
        ({"name": "Đợt X", "start": "20/12", "end": "10/01"}, "end", "Ngày kết thúc đứng trước ngày bắt đầu"),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_nothing_changes(
    daklak, focal_officer, data, field, message
):
    plan = imported(extractions.communication(), daklak.root)
    before = plan.campaigns.count()

    with pytest.raises(EditError) as refused:
        campaigns.add(plan, focal_officer, data)

    assert message in refused.value.errors[field]
    assert plan.campaigns.count() == before


def test_only_the_focal_officer_of_the_province_changes_campaigns(
    daklak, commune_a_reporter, leader, ministry_viewer, outsider
):
    plan = imported(extractions.communication(), daklak.root)
    campaign = plan.campaigns.first()
    for user in (commune_a_reporter, leader, ministry_viewer, outsider):
        with pytest.raises(PermissionDenied):
            campaigns.add(plan, user, {"name": "Ngày X", "start": "01/01"})
        with pytest.raises(PermissionDenied):
            campaigns.change(campaign, user, {"name": "Ngày X", "start": "01/01"})
        with pytest.raises(PermissionDenied):
            campaigns.remove(campaign, user)
    assert plan.campaigns.filter(name="Ngày X").count() == 0


def test_a_change_keeps_the_old_values_in_the_history(daklak, focal_officer):
    plan = imported(extractions.communication(), daklak.root)
    campaign = plan.campaigns.get(start_month=3, start_day=8)

    campaigns.change(
        campaign, focal_officer, {"name": "Ngày Quốc tế Phụ nữ 8/3", "start": "08/03", "end": ""}
    )

    newest, older = campaign.history.order_by("-history_id")[:2]
    assert newest.history_user == focal_officer and newest.name == "Ngày Quốc tế Phụ nữ 8/3"
    assert older.name != newest.name


def test_a_campaign_with_activities_is_not_removed(daklak, focal_officer, commune_a_reporter):
    plan = imported(extractions.communication(), daklak.root)
    campaign = plan.campaigns.get(start_month=11)
    activities.record(
        plan,
        daklak.commune_a,
        commune_a_reporter,
        {"type": "action_month", "date": dt.date(2026, 11, 20), "place": "Xã", "campaign": campaign},
    )

    with pytest.raises(EditError, match="Đã có 1 hoạt động được ghi nhận cho đợt này"):
        campaigns.remove(campaign, focal_officer)
    assert Campaign.objects.filter(pk=campaign.pk).exists()


def test_a_campaign_without_activities_is_removed_and_kept_in_the_history(daklak, focal_officer):
    plan = imported(extractions.communication(), daklak.root)
    campaign = plan.campaigns.get(start_month=3, start_day=8)
    pk = campaign.pk

    campaigns.remove(campaign, focal_officer)

    assert not Campaign.objects.filter(pk=pk).exists()
    assert Campaign.history.filter(id=pk, history_type="-").get().history_user == focal_officer
