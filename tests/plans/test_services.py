"""Upload -> review -> confirm, status changes and catalog bindings, as the focal officer does them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from binhdang.plans import duplicates, services
from binhdang.plans.importing import DuplicatePlanError, import_plan
from binhdang.plans.models import ImportStatus, Plan, PlanImport, Target
from binhdang.reporting.periods import open_period
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


def test_an_uploaded_plan_waits_for_review_as_a_draft_plan(daklak, focal_officer):
    pending = services.create_upload(daklak.root, seed_upload("000"), focal_officer)

    assert pending.status == ImportStatus.PENDING
    assert pending.extraction["program"] == "communication"
    assert pending.original_name == "ke-hoach-000.txt"
    assert len(pending.sha256) == 64 and pending.size > 1000
    assert pending.created_by == focal_officer
    plan = Plan.objects.get()
    assert (pending.plan, plan.status, plan.created_by) == (plan, "draft", focal_officer)
    assert list(plan.indicators.values_list("code", flat=True)) == ["1", "2", "3", "4", "5"]
    assert plan.history.get().history_user == focal_officer


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


def test_confirming_puts_the_reviewed_draft_in_force(daklak, focal_officer):
    pending = services.create_upload(daklak.root, seed_upload("000"), focal_officer)
    services.edit_indicator(
        pending.plan.indicators.get(code="4"), code="4", text="Chỉ tiêu đã sửa", user=focal_officer
    )

    plan = services.confirm_upload(pending, focal_officer, status="active")

    pending.refresh_from_db()
    assert plan.status == "active" and plan.indicators.get(code="4").text == "Chỉ tiêu đã sửa"
    assert (pending.status, pending.plan, pending.decided_by) == ("confirmed", plan, focal_officer)
    assert plan.source_sha256 == pending.sha256
    assert plan.indicators.count() == 5 and Plan.objects.count() == 1


def test_putting_a_draft_in_force_ends_the_review_of_its_upload(daklak, focal_officer):
    pending = services.create_upload(daklak.root, seed_upload("000"), focal_officer)

    services.set_plan_status(pending.plan, "active", focal_officer)

    pending.refresh_from_db()
    assert (pending.status, pending.decided_by) == ("confirmed", focal_officer)


def test_a_confirmed_upload_cannot_be_confirmed_again(daklak, focal_officer):
    pending = services.create_upload(daklak.root, seed_upload("000"), focal_officer)
    services.confirm_upload(pending, focal_officer)

    with pytest.raises(services.PlanImportError):
        services.confirm_upload(pending, focal_officer)
    assert Plan.objects.count() == 1


def test_the_same_file_again_is_recognised_and_never_made_an_identical_new_version(daklak, focal_officer):
    first = services.confirm_upload(
        services.create_upload(daklak.root, seed_upload("000"), focal_officer), focal_officer, status="active"
    )
    again = services.create_upload(daklak.root, seed_upload("000"), focal_officer)

    assert again.plan is None and Plan.objects.count() == 1  # no draft until the officer chooses
    assert services.find_duplicate(daklak.root, again.sha256) == first
    assert services.upload_duplicate(again) == duplicates.Duplicate(first, same_file=True)
    with pytest.raises(DuplicatePlanError):
        services.confirm_upload(again, focal_officer)
    with pytest.raises(services.PlanImportError, match="không khác gì"):
        services.confirm_upload(again, focal_officer, status="active", as_new_version=True)
    with pytest.raises(services.PlanImportError, match="không khác gì"):
        services.review_as_new_version(again, focal_officer)
    again.refresh_from_db()
    assert again.status == "pending" and Plan.objects.count() == 1


def numbered_plan(
    daklak,
    user,
    *,
    extra: bytes = b"",
    status="active",
    number="123/KH-UBND",
    date="ngày 15 tháng 01 năm 2026",
):
    """Seed plan 000 with its number and date of issue written in (``extra`` appended to the file:
    another file of it), uploaded; and how to confirm it."""
    text = seed_path("000").read_text(encoding="utf-8")
    text = text.replace("Số: /KH-UBND", f"Số: {number}", 1).replace("ngày tháng năm 2026", date, 1)
    upload = services.create_upload(
        daklak.root, SimpleUploadedFile("ke-hoach.txt", text.encode() + extra), user
    )
    return upload, lambda **kw: services.confirm_upload(upload, user, **{"status": status, **kw})


def test_another_file_with_the_same_number_and_date_is_the_same_document(daklak, focal_officer):
    _upload, confirm = numbered_plan(daklak, focal_officer)
    first = confirm()
    rescanned, confirm_again = numbered_plan(daklak, focal_officer, extra=b"\n", number="123/kh-ubnd")

    assert services.upload_duplicate(rescanned) == duplicates.Duplicate(first, same_file=False)
    assert rescanned.plan is None  # no draft until the officer chooses
    with pytest.raises(DuplicatePlanError):
        confirm_again()
    assert Plan.objects.count() == 1
    second = confirm_again(as_new_version=True)  # the content differs (another file): a new version
    first.refresh_from_db()
    assert (second.version, first.status, second.status) == (2, "archived", "active")


def test_two_plans_in_force_under_one_number_are_refused(daklak, focal_officer):
    _upload, confirm = numbered_plan(daklak, focal_officer)
    first = confirm()
    _other, confirm_other = numbered_plan(
        daklak, focal_officer, extra=b"\n", date="ngày 02 tháng 02 năm 2026", status="draft"
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
    assert not Plan.objects.exists()  # the draft went with it, its deletion in the history
    assert Plan.history.filter(history_type="-", history_user=focal_officer).count() == 1


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


# ------------------------------------------------------------------------------ review page edits


@pytest.fixture
def draft(daklak):
    return import_plan(extractions.communication(), daklak.root, ContentFile(b"kh", name="kh.txt"), None)


def test_an_indicators_label_typed_before_its_words_is_dropped_at_import(daklak):
    extraction = extractions.communication()
    extraction["indicators"][0]["text"] = "- Chỉ tiêu 1: Mỗi năm, mỗi cơ quan tổ chức ít nhất 02 cuộc"

    plan = import_plan(extraction, daklak.root, None, None)

    indicator = plan.indicators.get(code="1")
    assert indicator.text == "Mỗi năm, mỗi cơ quan tổ chức ít nhất 02 cuộc"


def test_editing_an_indicator_drops_its_label_and_is_in_its_history(draft, focal_officer):
    indicator = draft.indicators.get(code="3")

    services.edit_indicator(
        indicator, code="3", text="  - Chỉ tiêu 3: 90% cơ quan báo chí ", user=focal_officer
    )

    indicator.refresh_from_db()
    assert indicator.text == "90% cơ quan báo chí"
    latest = indicator.history.first()
    assert (latest.history_user, latest.text, latest.prev_record.text) == (
        focal_officer,
        "90% cơ quan báo chí",
        "Đến năm 2027 đạt 70% và đến năm 2030 đạt 90% cơ quan báo chí áp dụng Bộ chỉ số về giới",
    )


@pytest.mark.parametrize(
    ("code", "text", "field", "message"),
    [
        ("3", "   ", "text", "không được để trống"),
        ("3", "- Chỉ tiêu 3:", "text", None),  # only the label: kept as written, not emptied
        ("1", "90% cơ quan báo chí", "code", "đã có chỉ tiêu 1"),
        ("", "90% cơ quan báo chí", "code", "mã của chỉ tiêu"),
    ],
)
def test_a_refused_indicator_edit_names_the_field_and_changes_nothing(
    draft, focal_officer, code, text, field, message
):
    indicator = draft.indicators.get(code="3")
    before = indicator.history.count()

    if message is None:
        services.edit_indicator(indicator, code=code, text=text, user=focal_officer)
        indicator.refresh_from_db()
        assert indicator.text == "- Chỉ tiêu 3:"
        return
    with pytest.raises(services.EditError) as caught:
        services.edit_indicator(indicator, code=code, text=text, user=focal_officer)

    assert list(caught.value.errors) == [field] and message in caught.value.errors[field]
    indicator.refresh_from_db()
    assert indicator.code == "3" and indicator.text.startswith("Đến năm 2027")
    assert indicator.history.count() == before


def test_a_target_is_changed_added_and_removed_with_its_history(draft, focal_officer):
    indicator = draft.indicators.get(code="3")
    first, second = indicator.targets.all()
    second_id = second.pk

    services.save_target(
        indicator,
        first,
        services.TargetData(kind="min", value=Decimal("75"), unit="%", year=2027),
        focal_officer,
    )
    added = services.save_target(
        indicator,
        None,
        services.TargetData(kind="min", value=Decimal("80"), unit="%", year=2028),
        focal_officer,
    )
    services.remove_target(second, focal_officer)

    assert [(t.value, t.year) for t in indicator.targets.all()] == [(75, 2027), (80, 2028)]
    assert first.history.first().history_user == focal_officer
    assert first.history.first().prev_record.value == 70
    assert added.order == 3 and added.history.get().history_type == "+"
    deleted = Target.history.model.objects.get(id=second_id, history_type="-")
    assert (deleted.history_user, deleted.value) == (focal_officer, 90)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            services.TargetData(kind="min", value=Decimal(90), year=2035),
            "year",
            "ngoài thời gian của kế hoạch",
        ),
        (services.TargetData(kind="min", year=2030), "value", "giá trị"),
        (
            services.TargetData(kind="range", min=Decimal(107), max=Decimal(104)),
            "max",
            "Cận trên nhỏ hơn cận dưới",
        ),
    ],
)
def test_a_refused_target_edit_names_the_field_and_changes_nothing(
    draft, focal_officer, data, field, message
):
    indicator = draft.indicators.get(code="3")
    first = indicator.targets.first()

    with pytest.raises(services.EditError) as caught:
        services.save_target(indicator, first, data, focal_officer)

    assert message in caught.value.errors[field]
    first.refresh_from_db()
    assert (first.value, first.year, first.history.count()) == (70, 2027, 1)


def test_indicators_are_added_to_a_goal_and_removed_until_reporting_starts(daklak, focal_officer):
    plan = import_plan(extractions.strategy(), daklak.root, None, None)
    goal = plan.goals.first()

    added = services.add_indicator(
        plan, goal=goal, code="4.9", text="Chỉ tiêu 9: 100% trạm y tế xã có tư vấn", user=focal_officer
    )

    assert (added.goal, added.text, added.history.get().history_user) == (
        goal,
        "100% trạm y tế xã có tư vấn",
        focal_officer,
    )
    services.remove_indicator(added, focal_officer)
    assert not plan.indicators.filter(code="4.9").exists()
    open_period(plan, 2026, None)
    with pytest.raises(services.EditError) as caught:
        services.remove_indicator(plan.indicators.first(), focal_officer)
    assert "đã bắt đầu" in caught.value.errors["indicator"]


def test_an_agencys_duties_and_unit_are_corrected(draft, daklak, focal_officer, laichau):
    duty = draft.duties.get(agency_name="Sở Nội vụ")

    services.edit_duty(
        duty,
        agency=daklak.health,
        name="Sở Y tế",
        duties=["Chủ trì mục tiêu 4", " ", "Báo cáo"],
        user=focal_officer,
    )

    duty.refresh_from_db()
    assert (duty.agency, duty.agency_name, duty.duties) == (
        daklak.health,
        "Sở Y tế",
        ["Chủ trì mục tiêu 4", "Báo cáo"],
    )
    assert duty.history.first().history_user == focal_officer
    with pytest.raises(services.EditError) as caught:
        services.edit_duty(duty, agency=laichau.health, name="", duties=[], user=focal_officer)
    assert "không phải là đơn vị của Tỉnh Đắk Lắk" in caught.value.errors["agency"]
    duty.refresh_from_db()
    assert duty.agency == daklak.health


def test_a_tasks_lead_agency_is_set_and_an_outsider_refused(draft, daklak, focal_officer, laichau):
    task = draft.tasks.get(code="1.a")

    services.set_task_lead(task, daklak.womens_union, focal_officer)

    task.refresh_from_db()
    assert task.lead == daklak.womens_union
    assert task.history.first().history_user == focal_officer
    with pytest.raises(services.EditError):
        services.set_task_lead(task, laichau.womens_union, focal_officer)
    task.refresh_from_db()
    assert task.lead == daklak.womens_union


def test_responsible_agencies_changes_are_in_the_indicators_history(draft, daklak, focal_officer):
    indicator = draft.indicators.get(code="1")

    services.set_indicator_responsible(indicator, [daklak.health, daklak.newspaper], [], focal_officer)

    latest = indicator.history.first()
    assert latest.history_user == focal_officer
    assert {r.orgunit for r in latest.responsible.all()} == {daklak.health, daklak.newspaper}


@pytest.mark.parametrize("persona", ["leader", "commune_a_reporter", "outsider"])
def test_only_the_plans_managers_edit_its_items(draft, daklak, persona, request):
    user = request.getfixturevalue(persona)
    indicator = draft.indicators.get(code="1")
    with pytest.raises(PermissionDenied):
        services.edit_indicator(indicator, code="1", text="Khác", user=user)
    with pytest.raises(PermissionDenied):
        services.set_task_lead(draft.tasks.first(), daklak.health, user)
    indicator.refresh_from_db()
    assert indicator.text.startswith("Mỗi năm")
