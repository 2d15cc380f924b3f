"""Loading the official provinces, communes and standard agencies into the database."""

from __future__ import annotations

import pytest

from binhdang.orgunits.catalog import STANDARD_AGENCIES, UnknownProvinceError, resolve_province
from binhdang.orgunits.history import unit_history
from binhdang.orgunits.loader import OFFICIAL_FROM, load_all, load_province
from binhdang.orgunits.models import OrgUnit, OrgUnitType

pytestmark = pytest.mark.django_db

HistoricalOrgUnit = OrgUnit.history.model


def snapshot() -> set[tuple]:
    return set(
        OrgUnit.objects.values_list("code", "name", "type", "division", "parent__code", "province__code")
    )


def test_loading_dak_lak_creates_the_province_its_102_communes_and_its_agencies():
    result = load_province("Đắk Lắk")
    province = OrgUnit.objects.get(code="66")
    assert result.provinces == [province]
    assert (province.name, province.type, province.division) == ("Tỉnh Đắk Lắk", "province", "Tỉnh")
    assert province.province_id == province.pk and province.parent is None
    communes = OrgUnit.objects.filter(province=province, type=OrgUnitType.COMMUNE)
    official = {c.code: c.name for c in resolve_province("Đắk Lắk").communes}
    assert len(official) == 102
    assert dict(communes.values_list("code", "name")) == official
    assert set(communes.values_list("division", flat=True)) == {"Xã", "Phường"}
    assert not communes.exclude(parent=province).exists()
    assert not communes.exclude(valid_from=OFFICIAL_FROM).exists()
    assert result.created == 1 + 102 + len(STANDARD_AGENCIES) == OrgUnit.objects.count()
    assert (result.updated, result.unchanged) == (0, 0)


def test_the_communes_keep_their_official_names_and_codes():
    load_province("Đắk Lắk")
    unit = OrgUnit.objects.get(code="24133")
    assert (unit.name, unit.division, unit.search_name) == (
        "Phường Buôn Ma Thuột",
        "Phường",
        "phuong buon ma thuot",
    )


def test_every_province_gets_its_standard_agencies_with_codes_derived_from_its_code():
    load_province("Đắk Lắk")
    agencies = dict(
        OrgUnit.objects.filter(province__code="66")
        .exclude(type__in=["province", "commune"])
        .values_list("code", "name")
    )
    assert agencies["66-SNV"] == "Sở Nội vụ"
    assert agencies["66-SYT"] == "Sở Y tế"
    assert agencies["66-HLHPN"] == "Hội Liên hiệp Phụ nữ tỉnh"
    assert agencies["66-DTN"] == "Tỉnh đoàn"
    assert agencies["66-BPTTH"] == "Báo và Phát thanh, Truyền hình tỉnh"
    assert set(agencies) == {f"66-{spec.suffix}" for spec in STANDARD_AGENCIES}
    types = dict(
        OrgUnit.objects.filter(code__in=["66-SVHTTDL", "66-MTTQ", "66-BPTTH"]).values_list("code", "type")
    )
    assert types == {"66-SVHTTDL": "department", "66-MTTQ": "mass_org", "66-BPTTH": "media"}


def test_a_city_gets_city_names_for_its_agencies():
    load_province("Hà Nội")
    names = dict(
        OrgUnit.objects.filter(code__in=["01", "01-VP", "01-DTN", "01-CA"]).values_list("code", "name")
    )
    assert names == {
        "01": "Thành phố Hà Nội",
        "01-VP": "Văn phòng UBND thành phố",
        "01-DTN": "Thành đoàn",
        "01-CA": "Công an thành phố",
    }
    assert OrgUnit.objects.get(code="01").division == "Thành phố"


@pytest.mark.parametrize(("name", "code", "communes"), [("Lai Châu", "12", 38), ("bac ninh", "24", 99)])
def test_other_provinces_have_their_official_number_of_communes(name, code, communes):
    load_province(name)
    assert OrgUnit.objects.filter(province__code=code, type=OrgUnitType.COMMUNE).count() == communes


def test_loading_again_changes_nothing_and_writes_no_history():
    load_province("Đắk Lắk")
    before, history = snapshot(), HistoricalOrgUnit.objects.count()
    result = load_province("dak lak")
    assert (result.created, result.updated) == (0, 0)
    assert result.unchanged == OrgUnit.objects.count() == 123
    assert snapshot() == before
    assert HistoricalOrgUnit.objects.count() == history == 123


def test_each_created_unit_has_one_history_row_with_the_reason():
    load_province("Lai Châu")
    province = OrgUnit.objects.get(code="12")
    rows = list(province.history.all())
    assert len(rows) == 1 and rows[0].history_type == "+"
    assert rows[0].province_id == province.pk
    assert rows[0].history_change_reason == "official-list"
    assert unit_history(province)[0].reason == "Nạp từ danh mục đơn vị hành chính chính thức"


def test_the_province_name_is_accepted_without_diacritics_or_with_its_level_word():
    assert load_province("lai chau").provinces[0].code == "12"
    assert load_province("Tỉnh Lai Châu").created == 0


def test_an_unknown_province_is_refused_and_nothing_is_created():
    with pytest.raises(UnknownProvinceError, match="Lai Chow"):
        load_province("Lai Chow")
    assert not OrgUnit.objects.exists()
    assert not HistoricalOrgUnit.objects.exists()


def test_loading_restores_the_official_name_of_a_commune_and_records_it():
    load_province("Lai Châu")
    commune = OrgUnit.objects.filter(province__code="12", type="commune").first()
    official = commune.name
    OrgUnit.objects.filter(pk=commune.pk).update(name="Xã Sai Tên", search_name="xa sai ten")
    result = load_province("Lai Châu")
    commune.refresh_from_db()
    assert (result.created, result.updated) == (0, 1)
    assert commune.name == official
    assert commune.search_name != "xa sai ten"
    assert commune.history.first().history_type == "~"


def test_loading_keeps_what_the_province_decided_for_its_units():
    load_province("Lai Châu")
    agency = OrgUnit.objects.get(code="12-SVHTTDL")
    agency.name = "Sở Văn hóa và Thể thao"
    agency.save()
    commune = OrgUnit.objects.filter(province__code="12", type="commune").first()
    commune.is_active = False
    commune.save()
    manual = OrgUnit.objects.create(
        code="12-SCT",
        name="Sở Công Thương",
        type="department",
        parent=agency.province,
        province=agency.province,
    )
    result = load_province("Lai Châu")
    assert (result.created, result.updated) == (0, 0)
    assert OrgUnit.objects.get(code="12-SVHTTDL").name == "Sở Văn hóa và Thể thao"
    assert OrgUnit.objects.get(pk=commune.pk).is_active is False
    assert OrgUnit.objects.filter(pk=manual.pk).exists()


def test_a_province_already_in_the_database_is_completed_not_duplicated(daklak):
    result = load_province("Đắk Lắk")
    assert OrgUnit.objects.provinces().count() == 1
    assert result.provinces == [daklak.root]
    assert OrgUnit.objects.filter(province=daklak.root, type="commune").count() == 102 + 2


def test_load_all_gives_34_provinces_and_3321_communes_and_loading_again_changes_nothing():
    # Speed is measured outside the suite (README: about 1.4 s on an idle 2-core machine).
    result = load_all()
    assert OrgUnit.objects.provinces().count() == len(result.provinces) == 34
    assert OrgUnit.objects.filter(type=OrgUnitType.COMMUNE).count() == 3321
    assert OrgUnit.objects.count() == 34 + 3321 + 34 * len(STANDARD_AGENCIES) == result.created
    assert not OrgUnit.objects.exclude(type="province").filter(province__isnull=True).exists()
    again = load_all()
    assert (again.created, again.updated, again.unchanged) == (0, 0, result.created)
