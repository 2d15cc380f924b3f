"""The review page: upload -> a draft plan reviewed item by item (htmx fragments, or plain form posts
without JavaScript) -> in force; refused edits are named beside their field and change nothing."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from binhdang.plans.models import Plan, PlanImport
from tests.plans.samples import seed_path

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def upload_seed(client, daklak, number: str):
    text = seed_path(number).read_text(encoding="utf-8")
    return client.post(
        reverse("plans:upload"),
        {"province": daklak.root.pk, "file": SimpleUploadedFile(f"{number}.txt", text.encode())},
    )


@pytest.fixture
def strategy(client, daklak, focal_officer) -> Plan:
    client.force_login(focal_officer)
    upload_seed(client, daklak, "003")
    return Plan.objects.get()


def item_url(plan: Plan, kind: str, pk: int, action: str) -> str:
    return reverse("plans:review_item", args=[plan.slug, kind, pk, action])


def form_fields(html: str) -> list[str]:
    """The visible form fields of a page (inputs that are not hidden, selects, text areas)."""
    fields = re.findall(r"<(input|select|textarea)\b([^>]*)>", html)
    return [tag for tag, attrs in fields if 'type="hidden"' not in attrs]


def test_an_upload_opens_the_review_page_of_its_draft_plan(client, daklak, focal_officer):
    client.force_login(focal_officer)

    response = upload_seed(client, daklak, "000")

    plan = Plan.objects.get()
    assert plan.status == "draft" and PlanImport.objects.get().plan == plan
    assert response.status_code == 302 and response["Location"] == reverse(
        "plans:review_plan", args=[plan.slug]
    )
    page = client.get(response["Location"]).content.decode()
    assert "<mark>02</mark>" in page and "<mark>100%</mark>" in page  # values highlighted in the words
    header = page[page.index(f'id="plan-{plan.pk}"') : page.index('id="indicators"')]
    assert "Số kế hoạch để trống" in header  # the warning beside the plan's number, not in a list


def test_the_review_page_of_the_strategy_plan_is_a_summary_with_few_fields(client, strategy):
    page = client.get(reverse("plans:review_plan", args=[strategy.slug])).content.decode()

    assert page.count('class="review-indicator') == 20
    assert len(form_fields(page)) <= 2, form_fields(page)  # the language switch; edit forms load on demand
    five_one = page[page.index(f'id="indicator-{strategy.indicators.get(code="5.1").pk}"') :]
    assert "không đọc được số liệu của chỉ tiêu 5.1" in five_one[: five_one.index("</article>")]
    assert not re.search(r'<span class="code">[^<]*</span>\s*-?\s*Chỉ tiêu', page)


def test_an_indicator_is_edited_in_place_with_htmx(client, strategy, focal_officer):
    indicator = strategy.indicators.get(code="4.1")
    url = item_url(strategy, "indicator", indicator.pk, "edit")

    form = client.get(url, **HTMX)
    assert form.status_code == 200 and 'name="text"' in form.content.decode()
    assert "<html" not in form.content.decode()  # a fragment
    saved = client.post(
        url, {"code": "4.1", "text": "- Chỉ tiêu 1: Tỷ số giới tính khi sinh 104 - 107"}, **HTMX
    )

    assert saved.status_code == 200
    assert "Tỷ số giới tính khi sinh <mark>104 - 107</mark>" in saved.content.decode()
    assert 'name="text"' not in saved.content.decode()
    indicator.refresh_from_db()
    assert indicator.text == "Tỷ số giới tính khi sinh 104 - 107"
    assert indicator.history.first().history_user == focal_officer


def test_without_javascript_the_edit_link_opens_the_page_with_the_form_and_saving_goes_back(client, strategy):
    indicator = strategy.indicators.get(code="4.1")
    url = item_url(strategy, "indicator", indicator.pk, "edit")

    page = client.get(url)
    assert (
        page.status_code == 200
        and "<html" in page.content.decode()
        and 'name="text"' in page.content.decode()
    )
    saved = client.post(url, {"code": "4.1", "text": "Tỷ số giới tính khi sinh"})

    review = reverse("plans:review_plan", args=[strategy.slug])
    assert saved.status_code == 302 and saved["Location"] == f"{review}#indicator-{indicator.pk}"


@pytest.mark.parametrize("htmx", [True, False])
def test_an_empty_text_is_refused_beside_the_field_and_nothing_changes(client, strategy, htmx):
    indicator = strategy.indicators.get(code="4.1")
    before = indicator.text

    response = client.post(
        item_url(strategy, "indicator", indicator.pk, "edit"),
        {"code": "4.1", "text": "  "},
        **(HTMX if htmx else {}),
    )

    assert response.status_code == (200 if htmx else 400)
    assert (
        "Trường này là bắt buộc" in response.content.decode()
        or "không được để trống" in response.content.decode()
    )
    indicator.refresh_from_db()
    assert indicator.text == before


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"value": "hai"}, "“hai” không phải là số"),
        ({"year": "2035"}, "Năm 2035 nằm ngoài thời gian của kế hoạch (2026 - 2030)"),
    ],
)
def test_a_refused_target_shows_its_message_and_nothing_changes(client, strategy, changes, message):
    target = strategy.indicators.get(code="2.1").targets.get()
    data = {"kind": "min", "value": "45", "unit": "%", "year": "2030", **changes}

    response = client.post(item_url(strategy, "target", target.pk, "edit"), data, **HTMX)

    assert message in response.content.decode()
    target.refresh_from_db()
    assert (target.value, target.year) == (45, 2030)


def test_targets_are_changed_added_and_removed(client, strategy):
    indicator = strategy.indicators.get(code="5.4")
    first, second = indicator.targets.all()

    client.post(
        item_url(strategy, "target", first.pk, "edit"),
        {"kind": "min", "value": "55", "unit": "%", "year": "2030"},
        **HTMX,
    )
    added = client.post(
        item_url(strategy, "indicator", indicator.pk, "add_target"),
        {"kind": "min", "value": "40,5", "unit": "%", "year": "2028"},
        **HTMX,
    )
    assert "≥ 40,5%" in added.content.decode()
    assert (
        "Xóa mức cần đạt này?"
        in client.get(item_url(strategy, "target", second.pk, "delete"), **HTMX).content.decode()
    )
    client.post(item_url(strategy, "target", second.pk, "delete"), {}, **HTMX)

    assert [(str(t.value), t.year) for t in indicator.targets.all()] == [("55.0000", 2030), ("40.5000", 2028)]


def test_an_indicator_is_added_to_a_goal_and_another_removed(client, strategy):
    goal = strategy.goals.get(code="4")
    removed = strategy.indicators.get(code="4.4")

    added = client.post(
        item_url(strategy, "goal", goal.pk, "add_indicator"),
        {"code": "4.5", "text": "100% trạm y tế có tư vấn"},
        **HTMX,
    )
    gone = client.post(item_url(strategy, "indicator", removed.pk, "delete"), {}, **HTMX)

    assert added.status_code == 200 and 'id="goal-' in added.content.decode()
    assert "<mark>100%</mark> trạm y tế có tư vấn" in added.content.decode()
    assert gone.status_code == 200 and gone.content == b""
    assert list(goal.indicators.values_list("code", flat=True)) == ["4.1", "4.2", "4.3", "4.5"]


def test_agencies_responsible_agencies_and_task_leads_are_edited(client, strategy, daklak):
    duty = strategy.duties.first()
    indicator = strategy.indicators.get(code="4.2")
    task = strategy.tasks.exclude(group=None).first()

    client.post(
        item_url(strategy, "duty", duty.pk, "edit"),
        {"agency": daklak.noi_vu.pk, "name": "Sở Nội vụ", "duties": "Tổng hợp báo cáo\nHướng dẫn"},
        **HTMX,
    )
    responsible = client.post(
        item_url(strategy, "indicator", indicator.pk, "responsible"),
        {"units": [daklak.health.pk, daklak.womens_union.pk], "others": "UBND các xã, phường"},
        **HTMX,
    )
    lead = client.post(item_url(strategy, "task", task.pk, "lead"), {"lead": daklak.womens_union.pk}, **HTMX)

    duty.refresh_from_db()
    task.refresh_from_db()
    indicator.refresh_from_db()
    assert (duty.agency, duty.duties) == (daklak.noi_vu, ["Tổng hợp báo cáo", "Hướng dẫn"])
    assert set(indicator.responsible.all()) == {daklak.health, daklak.womens_union}
    assert indicator.responsible_text == ["UBND các xã, phường"]
    assert "Hội Liên hiệp Phụ nữ tỉnh" in responsible.content.decode()
    assert task.lead == daklak.womens_union and "Hội Liên hiệp Phụ nữ tỉnh" in lead.content.decode()


def test_putting_the_reviewed_plan_in_force_confirms_its_upload(client, strategy):
    response = client.post(reverse("plans:status", args=[strategy.slug]), {"status": "active"})

    strategy.refresh_from_db()
    assert response.status_code == 302 and strategy.status == "active"
    assert PlanImport.objects.get().status == "confirmed"


def test_another_file_of_a_plan_already_imported_is_offered_as_a_new_version(client, daklak, focal_officer):
    client.force_login(focal_officer)
    text = seed_path("003").read_text(encoding="utf-8").replace("Số: /KH-UBND", "Số: 88/KH-UBND", 1)
    text = text.replace("ngày tháng năm", "ngày 10 tháng 3 năm", 1)
    client.post(
        reverse("plans:upload"),
        {"province": daklak.root.pk, "file": SimpleUploadedFile("a.txt", text.encode())},
    )
    strategy = Plan.objects.get()
    client.post(reverse("plans:status", args=[strategy.slug]), {"status": "active"})
    again = text.replace("KẾ HOẠCH", "KẾ HOẠCH (bản chụp lại)", 1)  # another file, the same number
    client.post(
        reverse("plans:upload"),
        {"province": daklak.root.pk, "file": SimpleUploadedFile("b.txt", again.encode())},
    )
    second = PlanImport.objects.latest("pk")
    url = reverse("plans:review", args=[second.pk])

    assert second.plan is None and "Kế hoạch số 88/KH-UBND" in client.get(url).content.decode()
    response = client.post(url, {"action": "new_version"})

    draft = Plan.objects.get(version=2)
    assert response["Location"] == reverse("plans:review_plan", args=[draft.slug])
    assert (draft.status, draft.previous) == ("draft", strategy)


def test_discarding_an_upload_drops_its_draft(client, daklak, strategy):
    pending = PlanImport.objects.get()

    response = client.post(reverse("plans:review", args=[pending.pk]), {"action": "discard"})

    pending.refresh_from_db()
    assert response.status_code == 302 and pending.status == "discarded"
    assert not Plan.objects.exists()


@pytest.mark.parametrize(
    ("persona", "status"), [("leader", 403), ("outsider", 404), ("commune_a_reporter", 404)]
)
def test_only_the_focal_officer_reviews(client, strategy, persona, status, request):
    client.force_login(request.getfixturevalue(persona))
    indicator = strategy.indicators.first()

    assert client.get(reverse("plans:review_plan", args=[strategy.slug])).status_code == status
    refused = client.post(item_url(strategy, "indicator", indicator.pk, "edit"), {"code": "x", "text": "y"})
    assert refused.status_code == status
    assert strategy.indicators.filter(code="x").count() == 0


def test_an_item_of_another_plan_or_an_unknown_action_is_404(client, strategy, daklak):
    assert client.get(item_url(strategy, "indicator", 999999, "edit")).status_code == 404
    assert (
        client.get(item_url(strategy, "indicator", strategy.indicators.first().pk, "explode")).status_code
        == 404
    )


def test_the_title_number_date_and_period_are_corrected_and_a_reversed_period_refused(client, strategy):
    url = item_url(strategy, "plan", strategy.pk, "edit")
    data = {"title": "Kế hoạch thực hiện Chiến lược", "number": "45/KH-UBND", "date": "20/03/2026"}

    refused = client.post(url, {**data, "period_start": "2030", "period_end": "2026"}, **HTMX)
    saved = client.post(url, {**data, "period_start": "2026", "period_end": "2030"}, **HTMX)

    assert "Năm kết thúc giai đoạn đứng trước năm bắt đầu" in refused.content.decode()
    assert "45/KH-UBND" in saved.content.decode() and "20/03/2026" in saved.content.decode()
    strategy.refresh_from_db()
    assert (strategy.title, strategy.number, str(strategy.date)) == (
        "Kế hoạch thực hiện Chiến lược",
        "45/KH-UBND",
        "2026-03-20",
    )
    assert client.get(item_url(strategy, "plan", strategy.pk + 1, "edit")).status_code == 404


def test_an_indicator_is_added_to_a_plan_without_goals(client, daklak, focal_officer):
    client.force_login(focal_officer)
    upload_seed(client, daklak, "000")  # the communication plan: five indicators, no goals
    plan = Plan.objects.get()
    url = item_url(plan, "plan", plan.pk, "add_indicator")

    assert 'name="text"' in client.get(url, **HTMX).content.decode()
    added = client.post(url, {"code": "6", "text": "100% cơ quan báo chí có chuyên mục"}, **HTMX)

    assert added.status_code == 200 and 'id="goal-none"' in added.content.decode()
    assert added.content.decode().count('class="review-indicator') == 6
    assert plan.indicators.get(code="6").goal is None
    page = client.get(reverse("plans:review_plan", args=[plan.slug])).content.decode()
    assert "<h3>Chỉ tiêu không thuộc mục tiêu nào</h3>" not in page  # no goal heading without goals


def test_the_page_lists_who_changed_what_with_old_and_new_values(client, strategy, focal_officer, daklak):
    indicator = strategy.indicators.get(code="2.1")
    target = indicator.targets.get()
    task = strategy.tasks.exclude(group=None).first()
    review = reverse("plans:review_plan", args=[strategy.slug])
    first = client.get(review).content.decode()
    assert "Chưa có thay đổi nào từ khi nhập kế hoạch" in first

    client.post(
        item_url(strategy, "target", target.pk, "edit"),
        {"kind": "min", "value": "47,5", "unit": "%", "year": "2030"},
    )
    client.post(item_url(strategy, "task", task.pk, "lead"), {"lead": daklak.health.pk})

    page = client.get(review).content.decode()
    changes = page[page.index('id="changes"') :]
    assert "Mức cần đạt của chỉ tiêu 2.1: sửa" in changes and str(focal_officer) in changes
    assert "<del>45</del> → <ins>47,5</ins>" in changes
    assert f"Nhiệm vụ {task.code}: sửa" in changes and "<ins>Sở Y tế</ins>" in changes


def test_the_catalog_binding_is_changed_in_place(client, strategy):
    indicator = strategy.indicators.get(code="4.1")
    assert indicator.catalog.code == "NQ28.4.1"

    saved = client.post(item_url(strategy, "indicator", indicator.pk, "binding"), {"catalog": ""}, **HTMX)

    indicator.refresh_from_db()
    assert indicator.catalog is None and indicator.binding_manual
    assert "nhập trực tiếp" in saved.content.decode()


def test_without_javascript_a_target_is_removed_after_a_confirmation_page(client, strategy):
    indicator = strategy.indicators.get(code="3.2")
    second = indicator.targets.last()
    url = item_url(strategy, "target", second.pk, "delete")

    confirm = client.get(url)
    assert confirm.status_code == 200 and "Xóa mức cần đạt này?" in confirm.content.decode()
    assert indicator.targets.count() == 2
    removed = client.post(url)

    assert removed.status_code == 302 and removed["Location"].endswith(f"#indicator-{indicator.pk}")
    assert indicator.targets.count() == 1


def test_the_plan_page_links_the_review_page_for_its_focal_officer_only(client, strategy, leader):
    review = reverse("plans:review_plan", args=[strategy.slug])
    assert review in client.get(strategy.get_absolute_url()).content.decode()
    client.force_login(leader)
    assert review not in client.get(strategy.get_absolute_url()).content.decode()


def test_the_review_page_names_the_usual_days_added_and_links_to_their_editing(client, strategy):
    page = client.get(reverse("plans:review_plan", args=[strategy.slug])).content.decode()

    deadlines = page[page.index('id="deadlines"') :]
    assert (
        'Ngày Gia đình Việt Nam: <mark>28/06</mark> <span class="muted">(ngày thường niên, thêm khi nạp kế hoạch)'
        in deadlines
    )
    assert reverse("work:campaigns", args=[strategy.slug]) in deadlines


def test_who_must_report_is_corrected_on_the_review_page_and_kept_in_the_history(
    client, strategy, focal_officer
):
    obligation = strategy.obligations.get(recurrence="annual")
    assert obligation.reporter_kinds == ["department", "mass_org", "commune"]
    page = client.get(reverse("plans:review_plan", args=[strategy.slug])).content.decode()
    assert "Sở, ban, ngành" in page or "department" not in page  # kinds shown in words, never as codes
    url = item_url(strategy, "obligation", obligation.pk, "edit")
    assert 'name="kinds"' in client.get(url, **HTMX).content.decode()

    no_kinds = client.post(url, {"deadline_day": "10", "deadline_month": "12"}, **HTMX).content.decode()
    assert "Chọn loại đơn vị phải báo cáo, hoặc một đơn vị." in no_kinds
    refused = client.post(url, {"kinds": ["commune"], "deadline_day": "31", "deadline_month": "2"}, **HTMX)
    assert "31/2 không phải là một ngày trong năm" in refused.content.decode()
    obligation.refresh_from_db()
    assert obligation.reporter_kinds == ["department", "mass_org", "commune"]

    saved = client.post(
        url,
        {"kinds": ["department", "media", "commune"], "deadline_day": "5", "deadline_month": "12"},
        **HTMX,
    )
    assert saved.status_code == 200
    obligation.refresh_from_db()
    assert obligation.reporter_kinds == ["department", "media", "commune"]
    assert (obligation.deadline_day, obligation.deadline_month) == (5, 12)
    last = obligation.history.first()
    assert last.history_user == focal_officer and last.history_change_reason == "sửa trên trang kiểm tra"
    assert obligation.history.count() == 2
    changes = client.get(reverse("plans:review_plan", args=[strategy.slug])).content.decode()
    assert "Đơn vị phải báo cáo: Các sở, ban, ngành, đoàn thể tỉnh và UBND các xã, phường" in changes
    assert "Cơ quan báo chí" in changes and "10" in changes
