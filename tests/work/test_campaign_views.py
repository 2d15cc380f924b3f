"""The campaign calendar's pages (``work.campaign_views``) for each persona, the activity form opened
for a campaign, and the focal officer's add / change / remove of a campaign."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from binhdang.plans.models import Campaign
from binhdang.work import activities, campaign_reminders

pytestmark = pytest.mark.django_db


def calendar(client, user, plan, year=2026):
    client.force_login(user)
    response = client.get(reverse("work:campaigns", args=[plan.slug]), {"year": year})
    assert response.status_code == 200
    return response.text


def record_for_a(plan, daklak, user):
    return activities.record(
        plan,
        daklak.commune_a,
        user,
        {
            "type": "action_month",
            "date": dt.date(2026, 11, 20),
            "place": "Nhà văn hoá",
            "campaign": plan.campaigns.get(start_month=11),
            "male": 12,
            "female": 30,
            "budget_state": 2_000_000,
        },
    )


def test_the_focal_officer_sees_every_unit_and_those_with_nothing(client, plan, daklak, focal_officer):
    record_for_a(plan, daklak, focal_officer)

    page = calendar(client, focal_officer, plan)

    assert "Lịch đợt cao điểm 2026" in page
    assert "đang diễn ra, còn 11 ngày" in page
    assert "1 / 6 đơn vị đã ghi nhận hoạt động" in page
    assert "Xã Ea Kar" in page and "2.000.000" in page
    assert "5 đơn vị chưa ghi nhận hoạt động nào" in page and "Phường Buôn Ma Thuột" in page
    assert (
        "Thêm đợt hoặc ngày kỷ niệm" in page
        and reverse("work:campaign_edit", args=[plan.campaigns.first().pk]) in page
    )


def test_a_reporter_sees_their_unit_and_a_button_to_record_for_the_campaign(
    client, plan, daklak, commune_a_reporter, focal_officer
):
    activities.record(
        plan, daklak.commune_b, focal_officer,
        {"type": "communication", "date": dt.date(2026, 11, 20), "place": "P", "campaign": plan.campaigns.get(start_month=11)},
    )  # fmt: skip

    page = calendar(client, commune_a_reporter, plan)

    month = plan.campaigns.get(start_month=11)
    assert f"{reverse('work:activity_new', args=[plan.slug])}?campaign={month.pk}" in page
    assert "Đơn vị của bạn chưa ghi nhận hoạt động nào" in page
    assert "Phường Buôn Ma Thuột" not in page  # another unit's work
    assert "Thêm đợt hoặc ngày kỷ niệm" not in page and "đơn vị đã ghi nhận hoạt động" not in page


def test_the_leader_reads_without_any_button_to_change(client, plan, daklak, leader, focal_officer):
    record_for_a(plan, daklak, focal_officer)

    page = calendar(client, leader, plan)

    assert "1 / 6 đơn vị đã ghi nhận hoạt động" in page
    assert "Ghi nhận hoạt động cho đợt này" not in page and "Thêm đợt hoặc ngày kỷ niệm" not in page
    assert "/work/campaigns/" not in page  # no edit link


def test_a_year_outside_the_plan_shows_this_year(client, plan, focal_officer):
    assert "Lịch đợt cao điểm 2026" in calendar(client, focal_officer, plan, year=1999)


def test_the_activity_form_opened_for_a_campaign_has_it_chosen_and_goes_back_to_the_calendar(
    client, plan, daklak, commune_a_reporter
):
    month = plan.campaigns.get(start_month=11)
    client.force_login(commune_a_reporter)
    url = f"{reverse('work:activity_new', args=[plan.slug])}?campaign={month.pk}"

    form = client.get(url).context["form"]
    assert form.initial["campaign"] == month and form.initial["type"] == "action_month"
    assert form.initial["date"] == dt.date(2026, 12, 4)
    response = client.post(
        url,
        {"type": "action_month", "date": "2026-12-03", "place": "Thôn 3", "campaign": month.pk,
         "male": "4", "female": "6", "budget_state": "0", "budget_other": "0"},
    )  # fmt: skip

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('work:campaigns', args=[plan.slug])}?year=2026"
    assert daklak.commune_a.activities.get().campaign == month


def test_a_commemorative_day_opens_the_form_as_a_commemorative_day_event(client, plan, commune_a_reporter):
    day = plan.campaigns.get(start_month=6)
    client.force_login(commune_a_reporter)

    form = client.get(reverse("work:activity_new", args=[plan.slug]), {"campaign": day.pk}).context["form"]

    assert form.initial["type"] == "commemoration"


def test_the_focal_officer_adds_a_day_and_finds_it_on_the_calendar(client, plan, focal_officer):
    client.force_login(focal_officer)

    response = client.post(
        reverse("work:campaign_new", args=[plan.slug]), {"name": "Ngày Phụ nữ Việt Nam", "start": "20/10"}
    )

    assert response.status_code == 302
    assert plan.campaigns.get(name="Ngày Phụ nữ Việt Nam").origin == "officer"
    assert "20/10/2026" in calendar(client, focal_officer, plan)


def test_a_wrong_day_is_refused_on_the_form_with_nothing_saved(client, plan, focal_officer):
    client.force_login(focal_officer)

    response = client.post(
        reverse("work:campaign_new", args=[plan.slug]), {"name": "Ngày X", "start": "30/02", "end": ""}
    )

    assert response.status_code == 200
    assert "Ngày bắt đầu: &quot;30/02&quot; không phải là một ngày trong năm" in response.text
    assert response.context["form"]["name"].value() == "Ngày X"  # what was typed is kept
    assert not plan.campaigns.filter(name="Ngày X").exists()


def test_the_focal_officer_corrects_the_dates_of_a_campaign(client, plan, focal_officer):
    day = plan.campaigns.get(start_month=6)
    client.force_login(focal_officer)
    page = client.get(reverse("work:campaign_edit", args=[day.pk])).text
    assert 'value="28/06"' in page

    client.post(reverse("work:campaign_edit", args=[day.pk]), {"name": day.name, "start": "29/06", "end": ""})

    day.refresh_from_db()
    assert (day.start_month, day.start_day) == (6, 29)
    assert day.history.first().history_user == focal_officer


def test_removing_a_campaign_with_activities_is_refused_with_the_reason(client, plan, daklak, focal_officer):
    record_for_a(plan, daklak, focal_officer)
    month = plan.campaigns.get(start_month=11)
    client.force_login(focal_officer)

    response = client.post(reverse("work:campaign_delete", args=[month.pk]), follow=True)

    assert "Đã có 1 hoạt động được ghi nhận cho đợt này: không thể xóa." in response.text
    assert Campaign.objects.filter(pk=month.pk).exists()


def test_the_focal_officer_removes_a_campaign_without_activities(client, plan, focal_officer):
    day = plan.campaigns.get(start_month=6)
    client.force_login(focal_officer)

    response = client.post(reverse("work:campaign_delete", args=[day.pk]), follow=True)

    assert "Đã xóa đợt Ngày Gia đình Việt Nam." in response.text
    assert not Campaign.objects.filter(pk=day.pk).exists()


def test_the_work_home_links_to_the_campaign_calendar(client, plan, commune_a_reporter):
    client.force_login(commune_a_reporter)

    assert reverse("work:campaigns", args=[plan.slug]) in client.get(reverse("work:index")).text


def test_the_plans_calendar_links_to_the_campaign_calendar_of_the_same_year(client, plan, leader):
    client.force_login(leader)

    page = client.get(reverse("plans:calendar", args=[plan.slug]), {"year": 2027}).text

    assert f"{reverse('work:campaigns', args=[plan.slug])}?year=2027" in page
    assert "Kết quả các đơn vị thực hiện trong từng đợt cao điểm" in page


def test_the_focal_officer_sees_when_the_units_were_reminded_of_a_campaign(
    client, plan, focal_officer, commune_a_reporter
):
    campaign_reminders.send_campaign_reminders(dt.date(2027, 6, 14))

    page = calendar(client, focal_officer, plan, year=2027)

    assert "Đã nhắc 6 đơn vị ngày 14/06/2027" in page
    assert "Đã nhắc" not in calendar(client, commune_a_reporter, plan, year=2027)
