"""Finding a unit of a province by the way a plan names it."""

from __future__ import annotations

import pytest

from binhdang.orgunits.loader import load_province
from binhdang.orgunits.matching import UnitMatcher, match_unit, name_key
from binhdang.orgunits.models import OrgUnit
from tests.factories import make_unit


@pytest.fixture
def daklak_loaded(db) -> OrgUnit:
    load_province("Đắk Lắk")
    return OrgUnit.objects.get(code="66")


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Xã Ea Kar", "24373"),
        ("UBND xã Ea Kar", "24373"),
        ("Ủy ban nhân dân xã Ea Kar", "24373"),
        ("xa ea kar", "24373"),
        ("Ea Kar", "24373"),
        ("UBND phường Buôn Ma Thuột", "24133"),
        ("P. Buôn Ma Thuột", "24133"),
        ("Sở Văn hóa, Thể thao và Du lịch", "66-SVHTTDL"),
        ("Sở Văn hoá, Thể thao và Du lịch", "66-SVHTTDL"),
        ("Sở Văn hóa - Thể thao và Du lịch", "66-SVHTTDL"),
        ("Sở VH,TT&DL", "66-SVHTTDL"),
        ("Sở Y tế tỉnh Đắk Lắk", "66-SYT"),
        ("Sở Y tế tỉnh Đăk Lăk", "66-SYT"),
        ("so y te", "66-SYT"),
        ("Sở GD&ĐT", "66-SGDDT"),
        ("Hội LHPN tỉnh", "66-HLHPN"),
        ("Hội Liên hiệp Phụ nữ tỉnh Đắk Lắk", "66-HLHPN"),
        ("Uỷ ban MTTQ Việt Nam tỉnh", "66-MTTQ"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "66-MTTQ"),
        ("Đoàn TNCS Hồ Chí Minh tỉnh", "66-DTN"),
        ("Công an tỉnh", "66-CA"),
        ("Báo và Phát thanh, Truyền hình Đắk Lắk", "66-BPTTH"),
        ("Sở Lao động - Thương binh và Xã hội", "66-SNV"),
        ("UBND tỉnh", "66"),
        ("Ủy ban nhân dân tỉnh Đắk Lắk", "66"),
    ],
)
def test_a_unit_is_found_however_the_plan_writes_its_name(daklak_loaded, name, code):
    unit = match_unit(daklak_loaded, name)
    assert unit is not None and unit.code == code


@pytest.mark.parametrize(
    "name", ["Sở Công Thương", "các xã, phường", "Các sở, ban, ngành", "", "   ", "Xã Ea"]
)
def test_no_match_is_returned_for_a_name_that_is_not_one_unit(daklak_loaded, name):
    assert match_unit(daklak_loaded, name) is None


def test_names_that_differ_only_by_diacritics_stay_apart(db):
    load_province("Thái Nguyên")
    province = OrgUnit.objects.get(code="19")
    matcher = UnitMatcher(province)
    assert matcher.match("Xã Văn Lang").code == "02143"
    assert matcher.match("Xã Văn Lăng").code == "05665"
    assert matcher.match("xa van lang") is None  # two communes fit: not confident


def test_a_commune_is_not_matched_to_a_ward_of_the_same_name(daklak):
    make_unit(daklak.root, "Xã Hòa Bình", "66-C010", division="Xã")
    make_unit(daklak.root, "Phường Hòa Bình", "66-C011", division="Phường")
    assert match_unit(daklak.root, "UBND phường Hòa Bình").code == "66-C011"
    assert match_unit(daklak.root, "Hòa Bình") is None


def test_an_active_unit_wins_over_an_inactive_namesake(daklak):
    old = make_unit(daklak.root, "Sở Y tế", "66-OLD", type="department", is_active=False)
    assert match_unit(daklak.root, "Sở Y tế tỉnh") == daklak.health
    assert old != daklak.health


def test_units_of_another_province_are_never_matched(daklak, laichau):
    assert match_unit(daklak.root, "Phường Tân Phong") is None
    assert match_unit(laichau.root, "Phường Tân Phong") == laichau.commune_b


def test_the_key_ignores_tone_mark_placement_but_keeps_vowel_marks():
    assert name_key("Sở Văn hoá").exact == name_key("Sở Văn hóa").exact
    assert name_key("Uỷ ban").exact == name_key("Ủy ban").exact
    assert name_key("Xã Văn Lang").exact != name_key("Xã Văn Lăng").exact
    assert name_key("Xã Văn Lang").folded == name_key("Xã Văn Lăng").folded
