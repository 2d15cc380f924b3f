"""Agency names in plans: groups, several agencies in one heading, type guesses, matching."""

from __future__ import annotations

import pytest

from binhdang.orgunits.models import OrgUnit
from binhdang.plans.agencies import (
    AgencyResolver,
    clean_name,
    ensure_local_unit,
    fix_locality,
    guess_type,
    is_group,
    reporter_kinds,
    split_agencies,
)


@pytest.mark.parametrize(
    "name",
    [
        "Các Sở, ban, ngành",
        "Ủy ban nhân dân các xã, phường",
        "UBND các xã, thị trấn",
        "Các sở, ban, ngành, đoàn thể tỉnh và UBND các xã, phường",
        "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội tỉnh",
        "Các cơ quan, đơn vị có liên quan",
    ],
)
def test_group_phrases_are_not_units(name):
    assert is_group(name)
    assert split_agencies(name) == []


@pytest.mark.parametrize(
    "name",
    [
        "Sở Nội vụ",
        "Sở Nông nghiệp và Môi trường",
        "Báo và Phát thanh, Truyền hình Đắk Lắk",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Văn phòng HĐND và UBND huyện",
        "Hội Liên hiệp Phụ nữ tỉnh",
    ],
)
def test_single_agencies_stay_whole_even_with_commas_and_va(name):
    assert not is_group(name)
    assert split_agencies(name) == [name]


def test_a_heading_naming_distinct_agencies_is_split():
    assert split_agencies("Sở Y tế, Sở Tư pháp và Công an tỉnh") == ["Sở Y tế", "Sở Tư pháp", "Công an tỉnh"]


def test_request_words_and_trailing_punctuation_are_dropped():
    assert clean_name("Đề nghị Hội Nông dân tỉnh:") == "Hội Nông dân tỉnh"


@pytest.mark.parametrize(
    ("name", "unit_type"),
    [
        ("Sở Khoa học và Công nghệ", "department"),
        ("Công an tỉnh", "department"),
        ("Thanh tra tỉnh", "department"),
        ("Văn phòng UBND tỉnh", "department"),
        ("Hội Cựu chiến binh tỉnh", "mass_org"),
        ("Tỉnh đoàn Đắk Lắk", "mass_org"),
        ("Ủy ban MTTQ Việt Nam tỉnh", "mass_org"),
        ("Liên đoàn Lao động tỉnh", "mass_org"),
        ("Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh", "mass_org"),
        ("Báo Đắk Lắk", "media"),
        ("Đài Phát thanh - Truyền hình tỉnh", "media"),
        ("Trường Đại học Tây Nguyên", "department"),
        ("Hội đồng phối hợp phổ biến, giáo dục pháp luật", "department"),
    ],
)
def test_the_type_of_a_new_agency_is_guessed_from_its_name(name, unit_type):
    assert guess_type(name) == unit_type


def test_a_misspelt_province_name_at_the_end_is_corrected():
    assert fix_locality("Báo và Phát thanh, Truyền hình Đắc Lắc", "Đắk Lắk") == (
        "Báo và Phát thanh, Truyền hình Đắk Lắk"
    )
    assert fix_locality("Sở Y tế", "Đắk Lắk") == "Sở Y tế"


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Các cơ quan, đơn vị, địa phương", ["department", "mass_org", "media", "commune"]),
        ("Các sở, ban, ngành, đoàn thể tỉnh và UBND các xã, phường", ["department", "mass_org", "commune"]),
        ("UBND các xã, phường", ["commune"]),
        ("Các cơ quan báo chí", ["media"]),
        (None, ["department", "mass_org", "media", "commune"]),
    ],
)
def test_who_reports_is_read_as_kinds_of_units(text, kinds):
    assert reporter_kinds(text) == kinds


@pytest.mark.django_db
def test_the_resolver_matches_abbreviations_and_creates_what_is_missing(daklak):
    resolver = AgencyResolver(daklak.root)

    assert resolver.resolve("Hội LHPN tỉnh") == [daklak.womens_union]
    assert resolver.resolve("Sở Y tế tỉnh Đắk Lắk") == [daklak.health]
    created = resolver.resolve("Sở Tư pháp")
    again = resolver.resolve("Sở Tư pháp tỉnh")

    assert created == again == resolver.created
    assert (created[0].type, created[0].province, created[0].code.startswith("66-P")) == (
        "department",
        daklak.root,
        True,
    )


@pytest.mark.django_db
def test_the_resolver_never_returns_the_province_or_creates_a_group(daklak):
    resolver = AgencyResolver(daklak.root)
    before = OrgUnit.objects.count()

    assert resolver.resolve("UBND tỉnh") == []
    assert resolver.resolve("Các Sở, ban, ngành") == []
    assert OrgUnit.objects.count() == before


@pytest.mark.django_db
def test_a_resolver_without_creation_only_matches(daklak):
    resolver = AgencyResolver(daklak.root, create=False)

    assert resolver.resolve("Sở Tài chính") == []
    assert resolver.resolve_one("Sở Nội vụ") == daklak.noi_vu


@pytest.mark.django_db
def test_the_issuing_district_is_created_once_inactive_under_the_province(daklak):
    district = ensure_local_unit(daklak.root, "UBND huyện Krông Pắc", "Krông Pắc", "district")
    again = ensure_local_unit(daklak.root, "Ủy ban nhân dân huyện Krông Pắc", "Krông Pắc", "district")
    town = ensure_local_unit(daklak.root, "UBND thị xã Buôn Hồ", "Buôn Hồ", "district")

    assert district == again
    assert (district.name, district.type, district.parent, district.is_active) == (
        "Huyện Krông Pắc",
        "district",
        daklak.root,
        False,
    )
    assert town.name == "Thị xã Buôn Hồ"
