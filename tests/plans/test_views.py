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


def test_a_source_document_lost_from_the_disk_is_not_found_rather_than_an_error(client, plan, focal_officer):
    plan.source_file.storage.delete(plan.source_file.name)  # e.g. a database restored without its files
    client.force_login(focal_officer)
    assert client.get(reverse("plans:source", args=[plan.slug])).status_code == 404
    assert client.get(reverse("plans:detail", args=[plan.slug])).status_code == 200


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


def test_the_same_file_again_links_the_plan_and_offers_no_identical_new_version(
    client, daklak, focal_officer
):
    from tests.plans.test_views_review import upload_seed

    client.force_login(focal_officer)
    upload_seed(client, daklak, "000")
    plan = Plan.objects.get()
    upload_seed(client, daklak, "000")  # the same file again: no second draft
    same = PlanImport.objects.latest("pk")
    url = reverse("plans:review", args=[same.pk])
    page = client.get(url).content.decode()
    assert "Tệp này đã được nhập cho Tỉnh Đắk Lắk thành kế hoạch" in page
    assert f'href="{plan.get_absolute_url()}"' in page and "không khác gì kế hoạch đó" in page
    assert 'value="new_version"' not in page
    refused = client.post(url, {"action": "new_version"}, follow=True).content.decode()
    assert "không khác gì" in refused and Plan.objects.count() == 1


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
