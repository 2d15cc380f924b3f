"""The official list read from the vietnamadminunits package, and province names as people write them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from binhdang.orgunits.catalog import (
    STANDARD_AGENCIES,
    UnknownProvinceError,
    province_records,
    resolve_province,
)


def package_commune_counts() -> dict[str, int]:
    """Commune counts per province straight from the package's own database, independently of catalog."""
    import vietnamadminunits  # the package itself, to find its data file as it does

    db = Path(vietnamadminunits.__file__).parent / "data" / "dataset.db"
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT provinceShort, COUNT(DISTINCT wardCode) FROM admin_units GROUP BY provinceShort"
        )
        return dict(rows.fetchall())


def test_the_list_has_34_provinces_and_3321_communes_as_the_package_says():
    records = province_records()
    counts = package_commune_counts()
    assert len(records) == len(counts) == 34
    assert sum(len(r.communes) for r in records) == sum(counts.values()) == 3321
    assert {r.short_name: len(r.communes) for r in records} == counts


def test_named_provinces_have_their_known_number_of_communes():
    counts = package_commune_counts()
    assert counts["Đắk Lắk"] == len(resolve_province("Đắk Lắk").communes) == 102
    assert counts["Lai Châu"] == len(resolve_province("Lai Châu").communes) == 38
    assert counts["Bắc Ninh"] == len(resolve_province("Bắc Ninh").communes) == 99


def test_codes_are_official_two_and_five_digit_codes():
    for record in province_records():
        assert len(record.code) == 2 and record.code.isdigit()
        assert all(len(c.code) == 5 and c.code.isdigit() for c in record.communes)
    assert resolve_province("Đắk Lắk").code == "66"


def test_names_and_divisions_are_the_official_ones():
    daklak = resolve_province("Đắk Lắk")
    hanoi = resolve_province("Hà Nội")
    assert (daklak.name, daklak.division) == ("Tỉnh Đắk Lắk", "Tỉnh")
    assert (hanoi.name, hanoi.division) == ("Thành phố Hà Nội", "Thành phố")
    divisions = {c.division for r in province_records() for c in r.communes}
    assert divisions == {"Xã", "Phường", "Đặc khu"}
    assert all(c.name.startswith(c.division + " ") for r in province_records() for c in r.communes)


@pytest.mark.parametrize(
    "name", ["Đắk Lắk", "dak lak", "Tỉnh Đắk Lắk", "TINH DAK LAK", "Đăk Lăk", "daklak", "66", " Đắk  Lắk "]
)
def test_a_province_is_found_with_or_without_diacritics_and_level_word(name):
    assert resolve_province(name).name == "Tỉnh Đắk Lắk"


@pytest.mark.parametrize("name", ["TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh", "tp hcm", "ho chi minh"])
def test_a_city_is_found_by_its_usual_names(name):
    assert resolve_province(name).code == "79"


def test_an_unknown_name_is_refused_with_a_vietnamese_message_suggesting_close_names():
    with pytest.raises(UnknownProvinceError) as caught:
        resolve_province("Dak Lac")
    message = str(caught.value)
    assert "“Dak Lac”" in message
    assert "Không có tỉnh, thành phố" in message
    assert "Tỉnh Đắk Lắk" in message
    assert caught.value.suggestions == ["Tỉnh Đắk Lắk"]


def test_a_province_merged_in_2025_points_to_the_province_it_joined():
    with pytest.raises(UnknownProvinceError) as caught:
        resolve_province("Phú Yên")
    assert caught.value.merged_into == "Tỉnh Đắk Lắk"
    assert "sáp nhập" in str(caught.value)


def test_standard_agencies_use_the_city_wording_in_a_city():
    daklak, hanoi = resolve_province("Đắk Lắk"), resolve_province("Hà Nội")
    names = {spec.suffix: (spec.name_for(daklak), spec.name_for(hanoi)) for spec in STANDARD_AGENCIES}
    assert names["VP"] == ("Văn phòng UBND tỉnh", "Văn phòng UBND thành phố")
    assert names["DTN"] == ("Tỉnh đoàn", "Thành đoàn")
    assert names["HLHPN"] == ("Hội Liên hiệp Phụ nữ tỉnh", "Hội Liên hiệp Phụ nữ thành phố")
    assert names["SNV"] == ("Sở Nội vụ", "Sở Nội vụ")
    assert len({spec.suffix for spec in STANDARD_AGENCIES}) == len(STANDARD_AGENCIES) == 20
