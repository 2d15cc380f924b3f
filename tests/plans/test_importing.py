"""Importing an extraction into a plan: everything created in one transaction, agencies matched."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from binhdang.orgunits.models import OrgUnit
from binhdang.plans.importing import DuplicatePlanError, InvalidExtractionError, import_plan
from binhdang.plans.models import (
    AgencyDuty,
    Campaign,
    Indicator,
    Milestone,
    Plan,
    ReportingObligation,
    Target,
    Task,
    TaskGroup,
)
from tests.plans import extractions
from tests.plans.samples import schema

pytestmark = pytest.mark.django_db


def source(content: bytes = b"Ke hoach thu", name: str = "ke-hoach.txt") -> ContentFile:
    return ContentFile(content, name=name)


@pytest.mark.parametrize("build", [extractions.communication, extractions.strategy, extractions.district])
def test_the_hand_made_extractions_follow_the_contract(build):
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(build(), schema())


def test_import_creates_the_plan_and_all_its_parts(daklak, focal_officer):
    plan = import_plan(extractions.communication(), daklak.root, source(), focal_officer, status="active")

    assert plan.title.startswith("Thực hiện Chương trình Truyền thông")
    assert (plan.province, plan.org_unit, plan.level, plan.program) == (
        daklak.root,
        daklak.root,
        "province",
        "communication",
    )
    assert (plan.period_start, plan.period_end, plan.status, plan.version) == (2026, 2030, "active", 1)
    assert plan.focal_agency == daklak.noi_vu
    assert plan.legal_bases[0]["number"] == "1790/QĐ-TTg"
    assert plan.signer["name"] == "Đào Mỹ"
    assert plan.warnings == ["Không đọc được số và ngày của văn bản"]
    assert plan.slug == "dak-lak-truyen-thong-2026-2030"
    assert plan.created_by == focal_officer
    assert [i.code for i in plan.indicators.all()] == ["1", "2", "3"]
    assert Target.objects.filter(indicator__plan=plan).count() == 4
    assert [(g.code, [t.code for t in g.tasks.all()]) for g in TaskGroup.objects.filter(plan=plan)] == [
        ("1", ["1.a"]),
        ("2", []),
    ]
    assert Task.objects.filter(plan=plan).count() == 1
    assert ReportingObligation.objects.filter(plan=plan).count() == 2
    assert Campaign.objects.filter(plan=plan).first().name == "Ngày Quốc tế Phụ nữ"


def test_the_source_file_is_kept_with_its_hash(daklak, focal_officer):
    plan = import_plan(extractions.communication(), daklak.root, source(b"noi dung"), focal_officer)

    assert plan.source_sha256 == hashlib.sha256(b"noi dung").hexdigest()
    assert plan.source_file.name.startswith("plans/66/")
    with plan.source_file.open("rb") as handle:
        assert handle.read() == b"noi dung"
    assert plan.source_name == "ke-hoach.txt"


def test_indicators_are_bound_to_the_catalog_with_confidence_and_reason(daklak):
    plan = import_plan(extractions.communication(), daklak.root, source(), None)
    first, second, third = plan.indicators.select_related("catalog")

    assert (first.catalog.code, second.catalog.code, third.catalog.code) == ("1790.1", "1790.3", "1790.4")
    assert first.binding_confidence > 0.5
    assert first.binding_reason.startswith("khớp cụm từ")
    assert not first.binding_manual


def test_an_officer_binding_in_the_extraction_wins(daklak):
    data = extractions.communication()
    data["indicators"][0]["catalog"] = "1790.2"
    data["indicators"][1]["catalog"] = ""

    plan = import_plan(data, daklak.root, source(), None)
    first, second, _third = plan.indicators.select_related("catalog")

    assert first.catalog.code == "1790.2" and first.binding_manual and first.binding_confidence == 1.0
    assert second.catalog is None and second.binding_manual


def test_direction_unit_and_baseline_come_from_the_targets(daklak):
    plan = import_plan(extractions.strategy(), daklak.root, source(), None)
    srb, mmr = plan.indicators.all()

    assert (srb.direction, srb.unit, srb.goal.code, srb.goal.title) == (
        "range",
        "bé trai/100 bé gái",
        "4",
        "Trong lĩnh vực y tế",
    )
    assert (mmr.direction, mmr.unit) == ("decrease", "/100.000 trẻ sinh sống")
    communication = import_plan(extractions.communication(), daklak.root, source(b"other"), None)
    assert communication.indicators.get(code="2").baseline_year == 2026


def test_each_dated_target_becomes_a_milestone(daklak):
    plan = import_plan(extractions.communication(), daklak.root, source(), None)
    media = plan.indicators.get(code="3")

    assert [(m.year, m.value) for m in media.milestones.all()] == [(2027, Decimal(70)), (2030, Decimal(90))]
    assert media.target_for(2028).basis == "path"


def test_a_yearly_target_becomes_a_milestone_for_every_year_of_the_roadmap(daklak):
    plan = import_plan(extractions.communication(), daklak.root, source(), None)
    sessions = plan.indicators.get(code="1")

    assert [(m.year, m.value) for m in sessions.milestones.all()] == [
        (y, Decimal(2)) for y in range(2026, 2031)
    ]


def test_range_and_increase_targets_become_range_milestones(daklak):
    plan = import_plan(extractions.strategy(), daklak.root, source(), None)
    awareness = import_plan(extractions.communication(), daklak.root, source(b"x"), None).indicators.get(
        code="2"
    )
    srb = plan.indicators.get(code="4.1")

    assert [(m.year, m.min, m.max) for m in srb.milestones.all()] == [(2030, Decimal(104), Decimal(107))]
    assert [(m.year, m.min, m.max) for m in awareness.milestones.all()] == [(2030, Decimal(10), Decimal(15))]


def test_a_roadmap_table_in_the_extraction_gives_the_milestones(daklak):
    data = extractions.strategy(
        roadmap=[
            {"indicator": "4.1", "year": 2027, "value": 110},
            {"indicator": "4.1", "year": 2030, "min": 105, "max": 108},
        ]
    )

    srb = import_plan(data, daklak.root, source(), None).indicators.get(code="4.1")

    assert [(m.year, m.value, m.min, m.max) for m in srb.milestones.all()] == [
        (2027, Decimal(110), None, None),
        (2030, None, Decimal(105), Decimal(108)),
    ]


def test_agencies_are_matched_to_the_provinces_units(daklak):
    plan = import_plan(extractions.communication(), daklak.root, source(), None)

    noi_vu = AgencyDuty.objects.get(plan=plan, agency_name="Sở Nội vụ")
    assert noi_vu.agency == daklak.noi_vu
    assert noi_vu.duties == ["Chủ trì triển khai Kế hoạch", "Tổng hợp báo cáo hằng năm"]
    media = plan.indicators.get(code="3").responsible.all()
    # "Đắc Lắc" is a misspelling of the province name; the unit is the existing media agency.
    assert daklak.newspaper in media


def test_missing_agencies_are_created_with_a_type_guessed_from_the_name(daklak):
    plan = import_plan(extractions.communication(), daklak.root, source(), None)

    culture = OrgUnit.objects.get(province=daklak.root, name="Sở Văn hóa, Thể thao và Du lịch")
    farmers = OrgUnit.objects.get(province=daklak.root, name="Hội Nông dân tỉnh")
    assert (culture.type, farmers.type) == ("department", "mass_org")
    assert culture.parent == daklak.root and culture.is_active
    assert AgencyDuty.objects.get(plan=plan, agency=farmers).agency_name == "Đề nghị Hội Nông dân tỉnh"
    # Matched once, used twice: the indicator's responsible agency is the same unit.
    assert culture in plan.indicators.get(code="3").responsible.all()
    assert OrgUnit.objects.filter(province=daklak.root, name="Sở Văn hóa, Thể thao và Du lịch").count() == 1


def test_groups_of_agencies_are_kept_as_text_not_units(daklak):
    before = OrgUnit.objects.count()
    plan = import_plan(extractions.communication(), daklak.root, source(), None)

    groups = AgencyDuty.objects.filter(plan=plan, is_group=True)
    assert sorted(d.agency_name for d in groups) == ["Các Sở, ban, ngành", "Ủy ban nhân dân các xã, phường"]
    assert all(d.agency is None for d in groups)
    assert not OrgUnit.objects.filter(name__icontains="các").exists()
    assert OrgUnit.objects.count() == before + 2  # the culture department and the farmers' union


def test_reporting_obligations_cover_kinds_of_units_or_one_unit(daklak):
    plan = import_plan(extractions.communication(), daklak.root, source(), None)
    units, focal = ReportingObligation.objects.filter(plan=plan).order_by("deadline_month", "deadline_day")

    assert (units.deadline_month, units.deadline_day, units.recurrence) == (11, 30, "annual")
    assert units.reporter_kinds == ["department", "mass_org", "media", "commune"]
    assert units.receivers == ["UBND tỉnh", "Sở Nội vụ"]
    assert (focal.reporter_unit, focal.reporter_kinds) == (daklak.noi_vu, [])


def test_a_district_plan_is_stored_under_a_legacy_district_unit(daklak):
    plan = import_plan(extractions.district(), daklak.root, source(), None, status="archived")

    district = plan.org_unit
    assert (district.name, district.type, district.parent, district.province) == (
        "Huyện Triệu Sơn",
        "district",
        daklak.root,
        daklak.root,
    )
    assert not district.is_active
    assert (plan.level, plan.status, plan.province) == ("district", "archived", daklak.root)
    # The district's offices are created under the district, not under the province.
    office = AgencyDuty.objects.get(plan=plan, agency_name="Phòng Tư pháp").agency
    assert office.parent == district
    assert plan.focal_agency.name == "Phòng Lao động - Thương binh và Xã hội"
    # A second district plan reuses the district unit.
    again = import_plan(extractions.district(), daklak.root, source(b"v2"), None)
    assert again.org_unit == district


def test_the_same_file_twice_for_a_province_is_refused(daklak):
    first = import_plan(extractions.communication(), daklak.root, source(b"same"), None)

    with pytest.raises(DuplicatePlanError) as caught:
        import_plan(extractions.communication(), daklak.root, source(b"same"), None)

    assert caught.value.plan == first
    assert "đã được nhập" in str(caught.value)
    assert Plan.objects.count() == 1


def test_the_same_file_in_another_province_is_not_a_duplicate(daklak, laichau):
    import_plan(extractions.communication(), daklak.root, source(b"same"), None)

    other = import_plan(extractions.communication(locality="Lai Châu"), laichau.root, source(b"same"), None)

    assert other.province == laichau.root and other.version == 1


def test_a_new_version_is_linked_to_the_previous_and_archives_it_when_in_force(daklak):
    first = import_plan(extractions.communication(), daklak.root, source(b"same"), None, status="active")

    second = import_plan(
        extractions.communication(), daklak.root, source(b"same"), None, status="active", as_new_version=True
    )

    first.refresh_from_db()
    assert (second.version, second.previous) == (2, first)
    assert second.slug == "dak-lak-truyen-thong-2026-2030-v2"
    assert (first.status, second.status) == ("archived", "active")


def test_a_draft_new_version_leaves_the_plan_in_force_alone(daklak):
    first = import_plan(extractions.communication(), daklak.root, source(b"a"), None, status="active")

    second = import_plan(extractions.communication(), daklak.root, source(b"b"), None, as_new_version=True)

    first.refresh_from_db()
    assert (second.previous, second.version, first.status) == (first, 2, "active")


def test_a_broken_extraction_creates_nothing(daklak):
    data = extractions.communication()
    del data["indicators"][1]["text"]
    before = (Plan.objects.count(), Indicator.objects.count(), OrgUnit.objects.count())

    with pytest.raises(InvalidExtractionError) as caught:
        import_plan(data, daklak.root, source(), None)

    assert "Chỉ tiêu thứ 2" in str(caught.value)
    assert (Plan.objects.count(), Indicator.objects.count(), OrgUnit.objects.count()) == before


def test_unreadable_deadlines_and_years_become_warnings_and_the_rest_is_imported(daklak):
    data = extractions.communication()
    data["indicators"][2]["targets"][0]["year"] = "not a year"
    data["reporting"].append({"from": None, "to": [], "deadline": "13-45", "recurrence": "annual"})

    plan = import_plan(data, daklak.root, source(), None)

    assert plan.obligations.count() == 2
    assert any("13-45" in str(w) for w in plan.warnings)
    assert [m.year for m in plan.indicators.get(code="3").milestones.all()] == [2030]


def test_a_failure_midway_rolls_everything_back(daklak, monkeypatch, settings):
    from binhdang.plans import plan_builder

    def fail(self):
        raise RuntimeError("disk full")

    monkeypatch.setattr(plan_builder.PlanBuilder, "_campaigns", fail)
    before = (Plan.objects.count(), Indicator.objects.count(), OrgUnit.objects.count())

    with pytest.raises(RuntimeError):
        import_plan(extractions.communication(), daklak.root, source(), None)

    assert (Plan.objects.count(), Indicator.objects.count(), OrgUnit.objects.count()) == before
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.txt"))


@pytest.mark.parametrize(
    ("seed", "province_code", "level", "catalog"),
    [
        ("000", "66", "province", ["1790.1", "1790.2", "1790.3", "1790.4", "1790.5"]),
        ("002", "38", "district", ["1790.1", "1790.2", "1790.3", "1790.4", "1790.5"]),
        ("003", "66", "province", None),
    ],
)
def test_each_seed_plan_imports_end_to_end_through_the_extractor(seed, province_code, level, catalog):
    from binhdang.plans.extraction import extract_file
    from tests.factories import make_province
    from tests.plans.samples import seed_path

    province = make_province("Tỉnh Đắk Lắk" if province_code == "66" else "Tỉnh Thanh Hóa", province_code)
    path = seed_path(seed)

    plan = import_plan(extract_file(path), province, path, None, status="active")

    bound = [i.catalog.code if i.catalog else None for i in plan.indicators.select_related("catalog")]
    assert plan.level == level
    assert plan.source_name == path.name
    if catalog is not None:
        assert bound == catalog
    else:  # the strategy plan: 20 indicators, each bound to its NQ 28 entry
        assert len(bound) == 20 and all(code and code.startswith("NQ28.") for code in bound)
        assert bound[8] == "NQ28.4.1"
    assert plan.obligations.exists() and plan.campaigns.exists() and plan.duties.exists()
    assert plan.focal_agency is not None
    assert all(m.year for m in Milestone.objects.filter(indicator__plan=plan))


def test_tasks_get_their_lead_cooperating_agencies_and_time_frame(daklak):
    tasks = [
        {"code": "1", "title": "Truyền thông"},
        {
            "code": "1.a",
            "title": "Tháng hành động",
            "lead": "Sở Nội vụ",
            "cooperating": ["Sở Y tế", "Hội Liên hiệp Phụ nữ tỉnh", "các cơ quan liên quan"],
            "timeframe": "Tháng 11 hằng năm",
        },
        {
            "code": "2",
            "title": "Tập huấn",
            "lead": "Các sở, ban, ngành",
            "cooperating": [],
            "timeframe": None,
        },
        {"code": "3", "title": "Tổng kết", "lead": None, "cooperating": [], "timeframe": None},
    ]
    plan = import_plan(extractions.communication(tasks=tasks), daklak.root, source(), None)

    task = Task.objects.get(plan=plan, code="1.a")
    assert task.group.code == "1"
    assert task.lead == daklak.noi_vu
    assert set(task.cooperating.all()) == {daklak.health, daklak.womens_union}
    assert task.cooperating_text == ["các cơ quan liên quan"]
    assert task.timeframe == "Tháng 11 hằng năm"
    alone = Task.objects.get(plan=plan, code="2")  # a numbered task of its own, led by a group
    assert (alone.group, alone.lead, alone.lead_text) == (None, None, "Các sở, ban, ngành")
    assert [g.code for g in TaskGroup.objects.filter(plan=plan)] == ["1", "3"]


def test_every_target_of_an_indicator_with_several_targets_is_created(daklak):
    from binhdang.plans.extraction import extract_file
    from tests.plans.samples import seed_path

    path = seed_path("003")
    plan = import_plan(extract_file(path), daklak.root, path, None)

    def targets(code):
        indicator = plan.indicators.get(code=code)
        return [(t.kind, t.value, t.unit, t.year) for t in indicator.targets.order_by("order")]

    assert targets("3.2") == [("min", Decimal(90), "%", 2030), ("min", Decimal(70), "%", 2030)]
    assert targets("5.2") == [("min", Decimal(99), "%", 2030), ("min", Decimal(90), "%", 2030)]
    assert targets("6.3") == [("min", Decimal(100), "%", None), ("min", Decimal(4), "tin, bài", None)]


def test_a_plan_annexed_to_a_decision_imports_with_the_decisions_number_date_and_signer(daklak, tmp_path):
    from binhdang.plans.extraction import extract_file
    from tests.plans.corpus import LAYOUTS, render

    layout = next(layout for layout in LAYOUTS if layout.name == "decision-annex-tables")
    path = tmp_path / "quyet-dinh.docx"
    path.write_bytes(render("003", layout))
    plan = import_plan(extract_file(path), daklak.root, path, None)

    assert (plan.number, str(plan.date), plan.signer["name"]) == ("2345/QĐ-UBND", "2026-05-20", "Đào Mỹ")
    assert plan.indicators.count() == 20
