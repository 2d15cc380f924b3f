"""Who issues the reports, where they are dated, how plans are named."""

from __future__ import annotations

from binhdang.documents.issuers import (
    initials,
    place_name,
    plan_issuer,
    plan_name,
    province_body,
    report_subject,
    unit_issuer,
)
from binhdang.plans.models import Plan


def test_a_title_starting_with_ke_hoach_is_kept():
    plan = Plan(title="Kế hoạch thực hiện Chương trình Truyền thông")
    assert plan_name(plan) == "Kế hoạch thực hiện Chương trình Truyền thông"


def test_a_title_starting_otherwise_gets_ke_hoach_and_a_lower_case_first_letter():
    plan = Plan(title="Thực hiện  Chương trình Truyền thông")
    assert plan_name(plan) == "Kế hoạch thực hiện Chương trình Truyền thông"
    assert (
        report_subject(plan, 2026)
        == "Kết quả thực hiện Kế hoạch thực hiện Chương trình Truyền thông năm 2026"
    )
    assert "Thực hiện Thực hiện" not in report_subject(plan, 2026)


def test_symbols_and_places_are_derived_from_names(daklak):
    assert initials("Sở Nội vụ") == "SNV"
    assert initials("Sở Y tế") == "SYT"
    assert initials("Đoàn Thanh niên") == "DTN"
    assert place_name(daklak.root) == "Đắk Lắk"
    assert place_name(daklak.commune_a) == "Ea Kar"
    assert province_body(daklak.root) == "UBND TỈNH ĐẮK LẮK"


def test_the_annual_report_is_issued_by_the_focal_agency_under_the_province(plan):
    issuer = plan_issuer(plan)
    assert (issuer.parent, issuer.body, issuer.symbol, issuer.place) == (
        "UBND TỈNH ĐẮK LẮK",
        "Sở Nội vụ",
        "SNV",
        "Đắk Lắk",
    )
    assert issuer.authority == "KT. GIÁM ĐỐC"
    assert issuer.recipients[-1].startswith("Lưu: VT")


def test_without_a_focal_agency_the_province_committee_issues_it(plan):
    plan.focal_agency = None
    issuer = plan_issuer(plan)
    assert issuer.body == "ỦY BAN NHÂN DÂN tỉnh Đắk Lắk"
    assert issuer.authority == "TM. ỦY BAN NHÂN DÂN"


def test_a_commune_issues_its_own_report_to_the_focal_agency(plan, daklak):
    commune = unit_issuer(daklak.commune_a, plan)
    assert (commune.parent, commune.body, commune.place) == ("", "ỦY BAN NHÂN DÂN\nXã Ea Kar", "Ea Kar")
    assert commune.recipients == ["Sở Nội vụ", "Lưu: VT"]
    department = unit_issuer(daklak.health, plan)
    assert (department.parent, department.symbol) == ("UBND TỈNH ĐẮK LẮK", "SYT")
    assert unit_issuer(daklak.womens_union, plan).parent == ""
