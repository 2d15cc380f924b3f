"""The budget page (``work/budget_views.py``) and the funds panel of the province readers' home page."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from binhdang.work import budget
from binhdang.work.models import Activity, PlannedFunds


def url(plan, year=2026):
    return reverse("work:budget", args=[plan.slug, year])


def test_a_commune_reporter_enters_planned_funds_grouped_by_thousands_and_reads_them_back(
    client, plan, daklak, commune_a_reporter
):
    client.force_login(commune_a_reporter)
    page = client.get(url(plan))
    assert page.status_code == 200 and 'id="planned-funds-form"' in page.text
    response = client.post(
        url(plan), {"unit": daklak.commune_a.pk, "commune": "15.000.000", "mobilised": "2500000"}
    )
    assert response.status_code == 302
    assert dict(PlannedFunds.objects.values_list("source", "amount")) == {
        "commune": 15_000_000,
        "mobilised": 2_500_000,
    }
    assert PlannedFunds.history.filter(history_user=commune_a_reporter).count() == 2
    page = client.get(response["Location"])
    assert "Đã lưu kinh phí dự kiến năm 2026 của Xã Ea Kar." in page.text
    assert 'value="15.000.000"' in page.text  # the form shows what is planned, grouped
    panel = page.text[page.text.index('data-source="commune"') :].split("</tr>")[0]
    assert "15.000.000" in panel and "(85,7%)" in panel  # 15 of 17,5 million


def test_a_bad_amount_is_refused_beside_its_field_and_nothing_is_saved(
    client, plan, daklak, commune_a_reporter
):
    client.force_login(commune_a_reporter)
    response = client.post(
        url(plan), {"unit": daklak.commune_a.pk, "central": "mười triệu", "commune": "5.000.000"}
    )
    assert response.status_code == 200
    assert "Nhập số đồng nguyên, ví dụ 15.000.000 (bạn đã nhập “mười triệu”)." in response.text
    assert not PlannedFunds.objects.exists()


def test_a_reporter_reads_only_its_units_funds_the_leader_all_without_the_form(
    client, plan, daklak, commune_a_reporter, focal_officer, leader
):
    budget.set_planned(plan, daklak.commune_a, 2026, focal_officer, {"central": 1_000_000})
    budget.set_planned(plan, daklak.commune_b, 2026, focal_officer, {"central": 2_000_000})
    client.force_login(commune_a_reporter)
    mine = client.get(url(plan)).text
    assert 'data-unit="66-C001"' in mine and "Phường Buôn Ma Thuột" not in mine.split('id="budget-units"')[1]
    client.force_login(leader)
    read = client.get(url(plan))
    assert 'id="planned-funds-form"' not in read.text and "Phường Buôn Ma Thuột" in read.text
    assert client.post(url(plan), {"unit": daklak.commune_a.pk, "central": "1"}).status_code == 403
    assert client.get(url(plan, 2031)).status_code == 404
    assert client.get(reverse("work:budget_default", args=[plan.slug]))["Location"] == url(plan)


def test_the_leaders_home_page_shows_the_years_funds_by_source(
    client, plan, daklak, leader, commune_a_reporter
):
    budget.set_planned(plan, daklak.commune_a, 2026, commune_a_reporter, {"commune": 4_000_000})
    Activity.objects.create(
        plan=plan,
        unit=daklak.commune_a,
        type="communication",
        date=dt.date(2026, 3, 8),
        place="Xã",
        budget_state=1_000_000,
        budget_other=1_000_000,
        created_by=commune_a_reporter,
    )
    client.force_login(leader)
    home = client.get(reverse("core:home")).text
    panel = home[home.index(f'id="budget-panel-{plan.pk}"') :].split("</section>")[0]
    assert "Kinh phí năm 2026 theo nguồn" in panel and 'data-budget-chart="budget-data-' in panel
    assert '<td class="num" data-total="planned">4.000.000</td>' in panel
    assert '<td class="num" data-total="log">2.000.000</td>' in panel
    assert "(50%)" in panel  # commune budget and mobilised funds, half each of what was spent
