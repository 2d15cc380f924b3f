"""Who is expected to report follows the plan's reporting section (reporting.expected): the strategy
plan's "Các sở, ban, ngành, đoàn thể tỉnh và UBND các xã, phường ... trước ngày 10/12 hằng năm"
expects every department, mass organisation and commune, by 10/12."""

from __future__ import annotations

from collections import Counter

import pytest

from binhdang.orgunits.loader import load_province
from binhdang.orgunits.models import OrgUnit
from binhdang.plans.extraction import extract_file
from binhdang.plans.importing import import_plan
from binhdang.reporting import services
from tests.plans.samples import seed_path

pytestmark = pytest.mark.django_db


@pytest.fixture
def dak_lak():
    return load_province("Đắk Lắk").provinces[0]


def _import(province, path):
    return import_plan(extract_file(path), province, path, None, status="active")


def _kinds(period) -> Counter:
    return Counter(period.expected_reporters.values_list("unit__type", flat=True))


def _active(province, kind) -> int:
    return OrgUnit.objects.filter(province=province, type=kind, is_active=True).count()


def test_the_strategy_seed_expects_every_department_mass_organisation_and_commune_by_10_12(dak_lak):
    plan = _import(dak_lak, seed_path("003"))
    period = services.open_period(plan, 2026, None)
    assert period.deadline.isoformat() == "2026-12-10"
    kinds = _kinds(period)
    assert kinds["department"] == _active(dak_lak, "department") >= 13
    assert kinds["mass_org"] == _active(dak_lak, "mass_org")
    assert kinds["commune"] == _active(dak_lak, "commune") == 102
    assert kinds["media"] == 0  # the section does not name the media
    codes = set(period.expected_reporters.values_list("unit__name", flat=True))
    assert {"Thống kê tỉnh", "Sở Y tế", "Sở Nội vụ", "Hội Liên hiệp Phụ nữ tỉnh", "Tỉnh đoàn"} <= codes


def test_the_communication_seed_still_expects_every_kind_by_30_11(dak_lak):
    plan = _import(dak_lak, seed_path("000"))
    period = services.open_period(plan, 2026, None)
    assert period.deadline.isoformat() == "2026-11-30"
    kinds = _kinds(period)
    assert set(kinds) == {"department", "mass_org", "media", "commune"}
    assert kinds["commune"] == 102 and kinds["media"] == _active(dak_lak, "media")


VARIANT = """KẾ HOẠCH
Thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2026 - 2030 trên địa bàn tỉnh Đắk Lắk

Căn cứ Nghị quyết số 28/NQ-CP ngày 03/3/2021 của Chính phủ ban hành Chiến lược quốc gia về bình đẳng giới.

I. MỤC TIÊU, CHỈ TIÊU
1. Mục tiêu 1: Tăng cường sự tham gia của phụ nữ
- Chỉ tiêu 1: Tỷ lệ cơ quan quản lý nhà nước có lãnh đạo chủ chốt là nữ đạt 60% vào năm 2030.

II. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ
Chủ trì theo dõi và báo cáo kết quả thực hiện chỉ tiêu 1 của mục tiêu 1.

2. Các cơ quan báo chí và UBND các xã, phường
Định kỳ tổng hợp báo cáo kết quả thực hiện gửi về UBND tỉnh (qua Sở Nội vụ) trước ngày 25/11 hằng năm.
"""


def test_a_variant_naming_media_and_communes_expects_them_and_the_responsible_agency(dak_lak, tmp_path):
    path = tmp_path / "bien-the.txt"
    path.write_text(VARIANT, encoding="utf-8")
    extracted = extract_file(path)
    reporting = [r for r in extracted["reporting"] if r["recurrence"] == "annual"]
    assert reporting[0]["reporter_kinds"] == ["media", "commune"]
    plan = import_plan(extracted, dak_lak, path, None, status="active")
    period = services.open_period(plan, 2026, None)
    assert period.deadline.isoformat() == "2026-11-25"
    kinds = _kinds(period)
    assert kinds["media"] == _active(dak_lak, "media") and kinds["commune"] == 102
    assert kinds["mass_org"] == 0
    responsible = set(plan.indicators.values_list("responsible__name", flat=True)) - {None}
    named = set(
        period.expected_reporters.filter(unit__type="department").values_list("unit__name", flat=True)
    )
    assert named == responsible == {"Sở Nội vụ"}


def test_corrected_kinds_on_the_plan_change_who_is_expected_next_time(dak_lak):
    plan = _import(dak_lak, seed_path("003"))
    obligation = plan.obligations.get(recurrence="annual")
    obligation.reporter_kinds = ["commune"]
    obligation.save()
    period = services.open_period(plan, 2027, None)
    kinds = _kinds(period)
    assert kinds["commune"] == 102 and kinds["mass_org"] == 0
    # the responsible agencies of the indicators still record their figures
    assert 0 < kinds["department"] < _active(dak_lak, "department")
