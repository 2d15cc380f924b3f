"""Plan pages per persona: the focal officer uploads, reviews, confirms and edits; others read or see nothing."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from binhdang.plans.importing import import_plan
from binhdang.plans.models import Plan, PlanImport
from binhdang.plans.roadmap import cell_name
from tests.factories import release
from tests.plans import extractions
from tests.plans.samples import seed_path

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(daklak):
    return import_plan(
        extractions.communication(), daklak.root, ContentFile(b"kh", name="kh.txt"), None, status="active"
    )


@pytest.fixture
def draft(daklak):
    return import_plan(extractions.strategy(), daklak.root, ContentFile(b"st", name="st.txt"), None)


def page_urls(plan) -> list[str]:
    indicator = plan.indicators.first()
    return [
        reverse("plans:detail", args=[plan.slug]),
        reverse("plans:indicators", args=[plan.slug]),
        reverse("plans:indicator", args=[plan.slug, indicator.pk]),
        reverse("plans:agencies", args=[plan.slug]),
        reverse("plans:calendar", args=[plan.slug]),
        reverse("plans:source", args=[plan.slug]),
    ]


def test_anonymous_visitors_are_sent_to_the_login_page(client, plan):
    for url in [reverse("plans:list"), reverse("plans:upload"), *page_urls(plan)]:
        response = client.get(url)
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"], url


@pytest.mark.parametrize("persona", ["focal_officer", "leader", "ministry_viewer", "commune_a_reporter"])
def test_people_of_the_province_and_the_ministry_read_every_page_of_a_plan_in_force(
    client, plan, persona, request
):
    client.force_login(request.getfixturevalue(persona))

    for url in page_urls(plan):
        response = client.get(url)
        release(response)  # the source document is streamed from its file
        assert response.status_code == 200, url
    listing = client.get(reverse("plans:list")).content.decode()
    assert plan.title in listing and "Đang thực hiện" in listing


def test_another_provinces_officer_gets_404_on_every_page(client, plan, outsider):
    client.force_login(outsider)

    for url in page_urls(plan):
        assert client.get(url).status_code == 404, url
    assert plan.title not in client.get(reverse("plans:list")).content.decode()


def test_reporters_do_not_see_drafts(client, draft, commune_a_reporter, leader):
    client.force_login(commune_a_reporter)
    assert client.get(reverse("plans:detail", args=[draft.slug])).status_code == 404
    client.force_login(leader)
    assert client.get(reverse("plans:detail", args=[draft.slug])).status_code == 200


@pytest.mark.parametrize(
    "persona", ["leader", "ministry_viewer", "commune_a_reporter", "department_reporter"]
)
def test_read_only_personas_cannot_upload_or_change_anything(client, plan, persona, request):
    client.force_login(request.getfixturevalue(persona))
    srb_cell = cell_name(plan.indicators.get(code="3"), 2028)

    assert client.get(reverse("plans:upload")).status_code == 403
    assert client.post(reverse("plans:indicators", args=[plan.slug]), {srb_cell: "80"}).status_code == 403
    assert client.post(reverse("plans:status", args=[plan.slug]), {"status": "archived"}).status_code == 403
    indicator = plan.indicators.first()
    assert (
        client.post(reverse("plans:indicator", args=[plan.slug, indicator.pk]), {"catalog": ""}).status_code
        == 403
    )
    page = client.get(reverse("plans:indicators", args=[plan.slug])).content.decode()
    assert f'name="{srb_cell}"' not in page
    assert "Tải lên kế hoạch" not in client.get(reverse("plans:list")).content.decode()
    plan.refresh_from_db()
    assert plan.status == "active"


def test_the_focal_officer_uploads_reviews_and_confirms_a_plan(client, daklak, focal_officer):
    client.force_login(focal_officer)
    text = seed_path("000").read_text(encoding="utf-8")

    response = client.post(
        reverse("plans:upload"),
        {
            "province": daklak.root.pk,
            "file": SimpleUploadedFile("ke-hoach-1790.txt", text.encode()),
        },
    )
    pending = PlanImport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("plans:review", args=[pending.pk])

    review = client.get(response["Location"])
    page = review.content.decode()
    assert review.status_code == 200
    assert "Hằng năm, các cơ quan, tổ chức, doanh nghiệp và người dân được truyền thông" in page  # a source
    assert "khớp cụm từ" in page and "1790.1" in page
    assert "Số kế hoạch để trống" in page  # a warning of the extractor, highlighted

    data = review_post(review, action="confirm")
    data["h-title"] = "Kế hoạch truyền thông bình đẳng giới 2026 - 2030 (đã rà soát)"
    data["c-status"] = "active"
    confirmed = client.post(response["Location"], data)

    plan = Plan.objects.get()
    assert confirmed.status_code == 302 and confirmed["Location"] == plan.get_absolute_url()
    assert plan.title == "Kế hoạch truyền thông bình đẳng giới 2026 - 2030 (đã rà soát)"
    assert (plan.status, plan.created_by, plan.indicators.count()) == ("active", focal_officer, 5)
    assert plan.title in client.get(confirmed["Location"]).content.decode()


def review_post(response, action: str) -> dict:
    """The review form as the browser would submit it, unchanged, with ``action``."""
    forms = response.context["forms"]
    data = {}
    for form in (forms.header, *[f for fs in forms.all[1:] for f in [fs.management_form, *fs.forms]]):
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            data[field.html_name] = (
                "on"
                if value is True
                else field.field.widget.format_value(value)
                if hasattr(field.field.widget, "format_value")
                else value
            )
    data["action"] = action
    data["c-status"] = "draft"
    return {k: v for k, v in data.items() if v is not None}


def test_review_edits_are_saved_and_shown_again(client, daklak, focal_officer):
    client.force_login(focal_officer)
    pending = upload_seed(client, daklak, "003")
    url = reverse("plans:review", args=[pending.pk])
    data = review_post(client.get(url), action="save")
    data["ind-8-catalog"] = ""  # 4.1: direct entry instead of NQ28.4.1
    data["rp-0-deadline"] = "25/06"

    assert client.post(url, data).status_code == 302

    pending.refresh_from_db()
    assert pending.extraction["indicators"][8]["catalog"] == ""
    assert pending.extraction["reporting"][0]["deadline"] == "06-25"
    assert not Plan.objects.exists()


def test_the_officer_adds_an_indicator_the_extraction_missed_then_its_target(client, daklak, focal_officer):
    client.force_login(focal_officer)
    pending = upload_seed(client, daklak, "000")
    url = reverse("plans:review", args=[pending.pk])
    review = client.get(url)
    new = len(pending.extraction["indicators"])  # the blank "add an indicator" row comes last
    assert "Thêm chỉ tiêu mà hệ thống chưa đọc được" in review.content.decode()
    data = review_post(review, action="save")
    data[f"ind-{new}-code"] = "6"
    data[f"ind-{new}-text"] = "100% cơ quan báo chí có chuyên mục về bình đẳng giới"

    assert client.post(url, data).status_code == 302
    pending.refresh_from_db()
    added = pending.extraction["indicators"][new]
    assert (added["code"], added["targets"], added["catalog"]) == ("6", [], "")

    review = client.get(url)
    blank = next(
        f
        for f in review.context["forms"].targets.forms
        if f.initial.get("new") and f.initial["indicator"] == new
    )
    data = review_post(review, action="confirm")
    data["c-status"] = "active"
    data[f"{blank.prefix}-kind"] = "min"
    data[f"{blank.prefix}-value"] = "100"
    data[f"{blank.prefix}-unit"] = "%"
    data[f"{blank.prefix}-year"] = "2030"
    assert client.post(url, data).status_code == 302

    indicator = Plan.objects.get().indicators.get(code="6")
    target = indicator.targets.get()
    assert (target.kind, target.value, target.unit, target.year) == ("min", 100, "%", 2030)


def test_blank_add_rows_change_nothing(client, daklak, focal_officer):
    client.force_login(focal_officer)
    pending = upload_seed(client, daklak, "000")
    before = pending.extraction
    url = reverse("plans:review", args=[pending.pk])

    assert client.post(url, review_post(client.get(url), action="save")).status_code == 302

    pending.refresh_from_db()
    assert [i["code"] for i in pending.extraction["indicators"]] == [i["code"] for i in before["indicators"]]
    assert [len(i["targets"]) for i in pending.extraction["indicators"]] == [
        len(i["targets"]) for i in before["indicators"]
    ]


def test_a_half_filled_new_target_is_refused_with_its_field_named(client, daklak, focal_officer):
    client.force_login(focal_officer)
    pending = upload_seed(client, daklak, "000")
    url = reverse("plans:review", args=[pending.pk])
    review = client.get(url)
    blank = next(f for f in review.context["forms"].targets.forms if f.initial.get("new"))
    data = review_post(review, action="save")
    data[f"{blank.prefix}-kind"] = "max"

    response = client.post(url, data)

    assert response.status_code == 400
    assert "Hãy nhập giá trị của mức cần đạt này" in response.content.decode()


def test_bad_review_input_is_named_and_nothing_is_saved(client, daklak, focal_officer):
    client.force_login(focal_officer)
    pending = upload_seed(client, daklak, "000")
    url = reverse("plans:review", args=[pending.pk])
    data = review_post(client.get(url), action="confirm")
    data["rp-0-deadline"] = "31/02"
    data["tg-0-value"] = "hai"

    response = client.post(url, data)

    page = response.content.decode()
    assert response.status_code == 400
    assert "“31/02” không phải là một ngày trong năm" in page
    assert "“hai” không phải là số" in page
    assert not Plan.objects.exists()
    pending.refresh_from_db()
    assert pending.extraction["reporting"][0]["deadline"] == "11-30"


def upload_seed(client, daklak, number: str) -> PlanImport:
    text = seed_path(number).read_text(encoding="utf-8")
    client.post(
        reverse("plans:upload"),
        {"province": daklak.root.pk, "file": SimpleUploadedFile(f"{number}.txt", text.encode())},
    )
    return PlanImport.objects.latest("pk")


def test_a_duplicate_upload_links_the_plan_and_offers_a_new_version_only_when_it_differs(
    client, daklak, focal_officer
):
    client.force_login(focal_officer)
    first = upload_seed(client, daklak, "000")
    client.post(
        reverse("plans:review", args=[first.pk]),
        review_post(client.get(reverse("plans:review", args=[first.pk])), action="confirm"),
    )
    plan = Plan.objects.get()
    second = upload_seed(client, daklak, "000")
    url = reverse("plans:review", args=[second.pk])

    page = client.get(url).content.decode()
    assert "Tệp này đã được nhập thành kế hoạch" in page and f'href="{plan.get_absolute_url()}"' in page
    assert "không khác gì kế hoạch đó" in page and "c-as_new_version" not in page
    refused = client.post(url, review_post(client.get(url), action="confirm"), follow=True)
    assert "đã được nhập cho Tỉnh Đắk Lắk" in refused.content.decode()
    copy = review_post(client.get(url), action="confirm")
    copy["c-as_new_version"] = "on"
    assert "bản sao" in client.post(url, copy, follow=True).content.decode()
    assert Plan.objects.count() == 1

    corrected = review_post(client.get(url), action="save")
    corrected["h-title"] = "Kế hoạch đã sửa đổi, bổ sung"
    client.post(url, corrected)
    page = client.get(url).content.decode()
    assert "c-as_new_version" in page and "không khác gì" not in page
    data = review_post(client.get(url), action="confirm")
    data["c-as_new_version"] = "on"
    client.post(url, data)

    assert sorted(Plan.objects.values_list("version", flat=True)) == [1, 2]


def test_discarding_an_upload_creates_nothing(client, daklak, focal_officer):
    client.force_login(focal_officer)
    pending = upload_seed(client, daklak, "000")

    response = client.post(reverse("plans:review", args=[pending.pk]), {"action": "discard"})

    pending.refresh_from_db()
    assert response.status_code == 302
    assert pending.status == "discarded" and not Plan.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("ke-hoach.pdf", b"%PDF-1.7 ...", "không được chấp nhận"),
        ("anh-chup.jpg", b"\xff\xd8\xff\xe0 JFIF", "không được chấp nhận"),
        ("ke-hoach.docx", b"\xff\xd8\xff\xe0 JFIF", "là hình ảnh"),
        ("ke-hoach.docx", b"PK\x03\x04 broken", "bị hỏng"),
        ("ke-hoach.txt", b"", "trống"),
    ],
)
def test_bad_uploads_get_a_vietnamese_message_and_nothing_is_created(
    client, daklak, focal_officer, name, content, message
):
    client.force_login(focal_officer)

    response = client.post(
        reverse("plans:upload"), {"province": daklak.root.pk, "file": SimpleUploadedFile(name, content)}
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PlanImport.objects.exists() and not Plan.objects.exists()


def test_uploads_are_reviewed_only_by_the_focal_officer_of_their_province(
    client, daklak, focal_officer, leader, outsider
):
    client.force_login(focal_officer)
    pending = upload_seed(client, daklak, "000")
    for user in (leader, outsider):
        client.force_login(user)
        assert client.get(reverse("plans:review", args=[pending.pk])).status_code == 404
        assert (
            client.post(reverse("plans:review", args=[pending.pk]), {"action": "discard"}).status_code == 404
        )


def test_the_focal_officer_edits_the_roadmap_with_vietnamese_numbers(client, plan, focal_officer):
    client.force_login(focal_officer)
    media = plan.indicators.get(code="3")

    response = client.post(reverse("plans:indicators", args=[plan.slug]), {cell_name(media, 2028): "80,5"})

    assert response.status_code == 302
    assert str(media.milestones.get(year=2028).value) == "80.5000"
    page = client.get(reverse("plans:indicators", args=[plan.slug])).content.decode()
    assert 'value="80,5"' in page


def test_roadmap_errors_name_the_cell_and_keep_what_was_typed(client, plan, focal_officer):
    client.force_login(focal_officer)
    media = plan.indicators.get(code="3")

    response = client.post(
        reverse("plans:indicators", args=[plan.slug]),
        {cell_name(media, 2028): "tám mươi", cell_name(media, 2029): "85"},
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "Chỉ tiêu 3, năm 2028: “tám mươi” không phải là số" in page
    assert 'value="tám mươi"' in page and 'aria-invalid="true"' in page
    assert not media.milestones.filter(year__in=[2028, 2029]).exists()


def test_the_focal_officer_changes_the_status_and_a_binding(client, plan, focal_officer):
    client.force_login(focal_officer)
    indicator = plan.indicators.get(code="1")

    client.post(reverse("plans:status", args=[plan.slug]), {"status": "archived"})
    client.post(reverse("plans:indicator", args=[plan.slug, indicator.pk]), {"catalog": "1790.2"})

    plan.refresh_from_db()
    indicator.refresh_from_db()
    assert plan.status == "archived"
    assert (indicator.catalog.code, indicator.binding_manual) == ("1790.2", True)


def test_the_focal_officer_ticks_the_responsible_agencies_on_the_indicator_page(
    client, plan, daklak, focal_officer
):
    client.force_login(focal_officer)
    indicator = plan.indicators.get(code="1")
    url = reverse("plans:indicator", args=[plan.slug, indicator.pk])
    page = client.get(url).content.decode()
    assert "Cơ quan chịu trách nhiệm" in page and "Sở Y tế" in page
    assert "Xã Ea Kar" not in page.split("responsible-title")[1]  # communes are named as a group, in words

    response = client.post(
        url, {"form": "responsible", "units": [daklak.health.pk], "others": "UBND các xã, phường\n"}
    )

    assert response.status_code == 302
    indicator.refresh_from_db()
    assert list(indicator.responsible.all()) == [daklak.health]
    assert indicator.responsible_text == ["UBND các xã, phường"]


def test_a_unit_outside_the_choices_is_refused_on_the_indicator_page(client, plan, laichau, focal_officer):
    client.force_login(focal_officer)
    indicator = plan.indicators.get(code="1")
    before = set(indicator.responsible.all())

    response = client.post(
        reverse("plans:indicator", args=[plan.slug, indicator.pk]),
        {"form": "responsible", "units": [laichau.health.pk]},
    )

    assert response.status_code == 400
    assert "không phải là một trong các lựa chọn" in response.content.decode()
    assert set(indicator.responsible.all()) == before


def test_the_leader_sees_no_responsible_form_and_cannot_post_it(client, plan, daklak, leader):
    client.force_login(leader)
    indicator = plan.indicators.get(code="1")
    url = reverse("plans:indicator", args=[plan.slug, indicator.pk])

    assert "responsible-title" not in client.get(url).content.decode()
    assert client.post(url, {"form": "responsible", "units": [daklak.health.pk]}).status_code == 403


def test_the_calendar_lists_the_years_dates_the_vietnamese_way(client, plan, leader):
    client.force_login(leader)

    page = client.get(reverse("plans:calendar", args=[plan.slug]), {"year": "2027"}).content.decode()

    assert page.index("08/03/2027") < page.index("15/11/2027 - 15/12/2027") < page.index("30/11/2027")
    assert "05/12/2027" in page


def test_who_does_what_shows_duties_by_agency_and_group_phrases(client, plan, leader):
    client.force_login(leader)

    page = client.get(reverse("plans:agencies", args=[plan.slug])).content.decode()

    assert "Tổng hợp báo cáo hằng năm" in page
    assert "Ủy ban nhân dân các xã, phường" in page and "nhóm cơ quan" in page
    assert "Báo và Phát thanh, Truyền hình tỉnh" in page  # responsible for indicator 3


def test_the_indicator_page_shows_the_expected_value_each_year(client, plan, leader):
    client.force_login(leader)
    media = plan.indicators.get(code="3")

    page = client.get(reverse("plans:indicator", args=[plan.slug, media.pk])).content.decode()

    assert "≥ 70%" in page and "≥ 90%" in page and "khớp cụm từ" in page
    assert "đường thẳng từ năm gốc đến mục tiêu" in page  # 2028-2029 follow the path


def test_putting_a_second_plan_in_force_under_the_same_number_is_refused_with_the_reason(
    client, daklak, focal_officer
):
    first = import_plan(
        extractions.communication(number="15/KH-UBND", date="2026-01-15"),
        daklak.root,
        ContentFile(b"a", name="a.txt"),
        None,
        status="active",
    )
    second = import_plan(
        extractions.communication(number="15/KH-UBND", date="2026-03-01"),
        daklak.root,
        ContentFile(b"b", name="b.txt"),
        None,
    )
    client.force_login(focal_officer)
    response = client.post(reverse("plans:status", args=[second.slug]), {"status": "active"}, follow=True)
    assert "Kế hoạch số 15/KH-UBND đang có hiệu lực tại Tỉnh Đắk Lắk" in response.content.decode()
    second.refresh_from_db()
    first.refresh_from_db()
    assert (first.status, second.status) == ("active", "draft")


def test_a_decompression_bomb_uploaded_as_a_plan_is_refused_quickly_and_keeps_nothing(
    client, daklak, focal_officer, settings, tmp_path
):
    import time

    from tests.db_snapshot import changes, snapshot
    from tests.hostile import docx_bomb

    settings.MEDIA_ROOT = tmp_path
    client.force_login(focal_officer)
    upload = SimpleUploadedFile("ke-hoach.docx", docx_bomb())
    before = snapshot(tmp_path)
    started = time.monotonic()
    response = client.post(reverse("plans:upload"), {"province": daklak.root.pk, "file": upload})
    assert time.monotonic() - started < 2
    assert response.status_code == 400
    assert "Tệp “ke-hoach.docx” bị từ chối: phần word/document.xml khi giải nén" in response.content.decode()
    assert not changes(before, snapshot(tmp_path))
