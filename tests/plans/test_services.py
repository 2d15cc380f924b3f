"""Upload -> review -> confirm, status changes and catalog bindings, as the focal officer does them."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from binhdang.plans import duplicates, services
from binhdang.plans.importing import DuplicatePlanError, import_plan
from binhdang.plans.models import ImportStatus, Plan, PlanImport
from tests.plans import extractions
from tests.plans.docx_render import render_docx
from tests.plans.samples import seed_path

pytestmark = pytest.mark.django_db


def seed_upload(number: str = "000", suffix: str = ".txt") -> SimpleUploadedFile:
    text = seed_path(number).read_text(encoding="utf-8")
    content = render_docx(text) if suffix == ".docx" else text.encode("utf-8")
    return SimpleUploadedFile(f"ke-hoach-{number}{suffix}", content)


def media_files(settings) -> list[Path]:
    return [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]


def test_an_uploaded_plan_waits_for_review_with_what_was_extracted(daklak, focal_officer):
    pending = services.create_upload(daklak.root, seed_upload("000"), focal_officer)

    assert pending.status == ImportStatus.PENDING
    assert pending.extraction["program"] == "communication"
    assert [i["code"] for i in pending.extraction["indicators"]] == ["1", "2", "3", "4", "5"]
    assert pending.original_name == "ke-hoach-000.txt"
    assert len(pending.sha256) == 64 and pending.size > 1000
    assert pending.created_by == focal_officer
    assert not Plan.objects.exists()


def test_a_word_document_is_read_too(daklak, focal_officer):
    pending = services.create_upload(daklak.root, seed_upload("003", ".docx"), focal_officer)

    assert pending.extraction["program"] == "strategy"
    assert len(pending.extraction["indicators"]) == 20


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("ke-hoach.pdf", b"%PDF-1.4\n...", "không được chấp nhận"),
        ("anh.png", b"\x89PNG\r\n\x1a\n....", "không được chấp nhận"),
        ("ke-hoach.docx", b"%PDF-1.4\n...", "PDF"),
        ("ke-hoach.docx", b"\x89PNG\r\n\x1a\n....", "hình ảnh"),
        ("ke-hoach.docx", b"PK\x03\x04 not really a zip", "hỏng"),
        ("ke-hoach.docx", b"", "trống"),
        ("ke-hoach.txt", "Thư mời họp chi bộ tháng 5".encode(), "không phải là kế hoạch"),
    ],
)
def test_a_file_that_is_not_a_plan_is_refused_in_vietnamese_and_nothing_is_kept(
    daklak, focal_officer, settings, name, content, message
):
    with pytest.raises(services.UploadError) as caught:
        services.create_upload(daklak.root, SimpleUploadedFile(name, content), focal_officer)

    assert message in str(caught.value)
    assert not PlanImport.objects.exists()
    assert media_files(settings) == []


def test_a_file_over_the_size_limit_is_refused(daklak, focal_officer, settings):
    settings.PLANS_UPLOAD_MAX_BYTES = 1000

    with pytest.raises(services.UploadError) as caught:
        services.create_upload(daklak.root, seed_upload("000"), focal_officer)

    assert "quá lớn" in str(caught.value)


def test_only_the_focal_officer_of_the_province_may_upload(daklak, leader, commune_a_reporter, outsider):
    for user in (leader, commune_a_reporter, outsider):
        with pytest.raises(PermissionDenied):
            services.create_upload(daklak.root, seed_upload("000"), user)


def test_confirming_creates_the_plan_from_the_reviewed_content(daklak, focal_officer):
    pending = services.create_upload(daklak.root, seed_upload("000"), focal_officer)
    edited = dict(pending.extraction, title="Kế hoạch truyền thông đã sửa")
    services.save_review(pending, edited, focal_officer)

    plan = services.confirm_upload(pending, focal_officer, status="active")

    pending.refresh_from_db()
    assert plan.title == "Kế hoạch truyền thông đã sửa"
    assert (pending.status, pending.plan, pending.decided_by) == ("confirmed", plan, focal_officer)
    assert plan.source_sha256 == pending.sha256
    assert plan.indicators.count() == 5


def test_a_confirmed_upload_cannot_be_confirmed_again(daklak, focal_officer):
    pending = services.create_upload(daklak.root, seed_upload("000"), focal_officer)
    services.confirm_upload(pending, focal_officer)

    with pytest.raises(services.PlanImportError):
        services.confirm_upload(pending, focal_officer)
    assert Plan.objects.count() == 1


def test_the_same_file_again_is_recognised_and_a_new_version_needs_a_difference(daklak, focal_officer):
    first = services.confirm_upload(
        services.create_upload(daklak.root, seed_upload("000"), focal_officer), focal_officer, status="active"
    )
    again = services.create_upload(daklak.root, seed_upload("000"), focal_officer)

    assert services.find_duplicate(daklak.root, again.sha256) == first
    assert services.upload_duplicate(again) == duplicates.Duplicate(first, same_file=True)
    with pytest.raises(DuplicatePlanError):
        services.confirm_upload(again, focal_officer)
    with pytest.raises(services.PlanImportError, match="bản sao"):
        services.confirm_upload(again, focal_officer, status="active", as_new_version=True)
    again.refresh_from_db()
    assert again.status == "pending" and Plan.objects.count() == 1

    services.save_review(again, {**again.extraction, "title": "Kế hoạch đã sửa đổi"}, focal_officer)
    second = services.confirm_upload(again, focal_officer, status="active", as_new_version=True)

    first.refresh_from_db()
    assert (second.version, second.previous, first.status) == (2, first, "archived")


def numbered_plan(
    daklak, user, *, extra: bytes = b"", status="active", number="123/KH-UBND", date="2026-01-15"
):
    """Seed plan 000 uploaded (``extra`` appended to the file: another file of it), its number and date
    of issue set on the review screen, then confirmed."""
    content = seed_path("000").read_bytes() + extra
    upload = services.create_upload(daklak.root, SimpleUploadedFile("ke-hoach.txt", content), user)
    services.save_review(upload, {**upload.extraction, "number": number, "date": date}, user)
    return upload, lambda **kw: services.confirm_upload(upload, user, **{"status": status, **kw})


def test_another_file_with_the_same_number_and_date_is_the_same_document(daklak, focal_officer):
    _upload, confirm = numbered_plan(daklak, focal_officer)
    first = confirm()
    rescanned, confirm_again = numbered_plan(daklak, focal_officer, extra=b"\n", number=" Số: 123/kh-ubnd ")

    assert services.upload_duplicate(rescanned) == duplicates.Duplicate(first, same_file=False)
    with pytest.raises(DuplicatePlanError, match="Kế hoạch số 123/KH-UBND ngày 15/01/2026 đã được nhập"):
        confirm_again()
    assert Plan.objects.count() == 1
    second = confirm_again(as_new_version=True)  # the content differs (another file): a new version
    first.refresh_from_db()
    assert (second.version, first.status, second.status) == (2, "archived", "active")


def test_two_plans_in_force_under_one_number_are_refused(daklak, focal_officer):
    _upload, confirm = numbered_plan(daklak, focal_officer)
    first = confirm()
    _other, confirm_other = numbered_plan(
        daklak, focal_officer, extra=b"\n", date="2026-02-02", status="draft"
    )
    draft = confirm_other()  # another date of issue: not recognised as the same document

    with pytest.raises(services.PlanImportError, match="Kế hoạch số 123/KH-UBND đang có hiệu lực"):
        services.set_plan_status(draft, "active", focal_officer)
    draft.refresh_from_db()
    assert draft.status == "draft"
    services.set_plan_status(first, "archived", focal_officer)
    assert services.set_plan_status(draft, "active", focal_officer).status == "active"


def test_the_database_refuses_two_plans_in_force_under_one_number(daklak, focal_officer):
    _upload, confirm = numbered_plan(daklak, focal_officer)
    first = confirm()
    twin = Plan.objects.get(pk=first.pk)
    twin.pk, twin.slug = None, "twin"
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()
    twin.status = "draft"
    twin.save()  # a draft under the same number is allowed


def test_discarding_keeps_the_record_and_drops_the_file(
    daklak, focal_officer, settings, django_capture_on_commit_callbacks
):
    pending = services.create_upload(daklak.root, seed_upload("000"), focal_officer)

    with django_capture_on_commit_callbacks(execute=True):
        services.discard_upload(pending, focal_officer)

    pending.refresh_from_db()
    assert pending.status == "discarded"
    assert media_files(settings) == []


@pytest.fixture
def plan(daklak):
    return import_plan(extractions.communication(), daklak.root, ContentFile(b"k", name="k.txt"), None)


def test_putting_a_plan_in_force_archives_its_earlier_versions(daklak, plan, focal_officer):
    services.set_plan_status(plan, "active", focal_officer)
    newer = import_plan(
        extractions.communication(), daklak.root, ContentFile(b"k2", name="k.txt"), None, as_new_version=True
    )

    services.set_plan_status(newer, "active", focal_officer)

    plan.refresh_from_db()
    assert (plan.status, newer.status) == ("archived", "active")
    assert plan.history.first().history_user == focal_officer


def test_leaders_and_other_provinces_cannot_change_a_plan(plan, leader, outsider, commune_a_reporter):
    for user in (leader, outsider, commune_a_reporter):
        with pytest.raises(PermissionDenied):
            services.set_plan_status(plan, "archived", user)
        with pytest.raises(PermissionDenied):
            services.set_indicator_binding(plan.indicators.first(), "1790.2", user)


def test_the_officer_names_the_responsible_agencies_of_an_indicator(plan, daklak, focal_officer):
    indicator = plan.indicators.get(code="1")

    services.set_indicator_responsible(
        indicator,
        [daklak.health, daklak.womens_union],
        ["UBND các  xã, phường", "", "UBND các xã, phường"],
        focal_officer,
    )

    indicator.refresh_from_db()
    assert set(indicator.responsible.all()) == {daklak.health, daklak.womens_union}
    assert indicator.responsible_text == ["UBND các xã, phường"]
    latest = indicator.history.first()
    assert (latest.history_user, latest.history_change_reason) == (
        focal_officer,
        "đã đổi cơ quan chịu trách nhiệm",
    )


def test_a_commune_or_a_unit_of_another_province_cannot_be_made_responsible(
    plan, daklak, laichau, focal_officer
):
    indicator = plan.indicators.get(code="1")
    before = set(indicator.responsible.all())

    for unit in (laichau.health, daklak.commune_a):
        with pytest.raises(services.PlanImportError, match="không phải là cơ quan của Tỉnh Đắk Lắk"):
            services.set_indicator_responsible(indicator, [daklak.health, unit], [], focal_officer)

    assert set(indicator.responsible.all()) == before


def test_only_the_focal_officer_names_responsible_agencies(
    plan, daklak, leader, outsider, commune_a_reporter
):
    indicator = plan.indicators.get(code="1")
    for user in (leader, outsider, commune_a_reporter):
        with pytest.raises(PermissionDenied):
            services.set_indicator_responsible(indicator, [daklak.health], [], user)
    assert not indicator.responsible.filter(pk=daklak.health.pk).exists()


def test_the_officer_rebinds_an_indicator(plan, focal_officer):
    indicator = plan.indicators.get(code="1")

    services.set_indicator_binding(indicator, "1790.2", focal_officer)
    assert (indicator.catalog.code, indicator.binding_manual, indicator.binding_confidence) == (
        "1790.2",
        True,
        1.0,
    )
    services.set_indicator_binding(indicator, None, focal_officer)
    assert indicator.catalog is None
    assert indicator.history.first().history_user == focal_officer
    with pytest.raises(services.PlanImportError):
        services.set_indicator_binding(indicator, "NQ99.1", focal_officer)
