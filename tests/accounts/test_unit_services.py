"""Adding, renaming, deactivating and reactivating units: validation, permissions, history."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from binhdang.accounts import unit_services as services
from binhdang.orgunits.models import OrgUnit


def add(user, province, **overrides):
    data = {"type": "department", "code": "66-SCT", "name": "Sở Công Thương"} | overrides
    return services.add_unit(user=user, province=province, **data)


def test_focal_officer_adds_a_unit_to_their_province_with_history(focal_officer, daklak):
    unit = add(focal_officer, daklak.root, valid_from=datetime.date(2026, 1, 1))
    assert (unit.province, unit.parent, unit.type, unit.is_active) == (
        daklak.root,
        daklak.root,
        "department",
        True,
    )
    record = unit.history.get()
    assert (record.history_type, record.history_user) == ("+", focal_officer)


def test_a_commune_needs_its_division(focal_officer, daklak):
    with pytest.raises(ValidationError) as caught:
        add(focal_officer, daklak.root, type="commune", code="24999", name="Xã Mới")
    assert "division" in caught.value.message_dict
    unit = add(focal_officer, daklak.root, type="commune", code="24999", name="Xã Mới", division="Xã")
    assert unit.division == "Xã"


def test_a_duplicate_code_is_refused_naming_the_code(focal_officer, daklak, laichau):
    with pytest.raises(ValidationError) as caught:
        add(focal_officer, daklak.root, code="12-d02")  # Lai Châu's Sở Nội vụ, in another case
    assert "12-d02" in caught.value.message_dict["code"][0]
    assert "Mã" in caught.value.message_dict["code"][0]
    assert not OrgUnit.objects.filter(name="Sở Công Thương").exists()


def test_a_second_active_unit_with_the_same_name_is_refused(focal_officer, daklak):
    with pytest.raises(ValidationError) as caught:
        add(focal_officer, daklak.root, name="Sở Y tế tỉnh Đắk Lắk")
    assert daklak.health.code in caught.value.message_dict["name"][0]


@pytest.mark.parametrize("code", ["", "66 SCT", "66/SCT", "-66", "x" * 33])
def test_a_malformed_code_is_refused(focal_officer, daklak, code):
    with pytest.raises(ValidationError) as caught:
        add(focal_officer, daklak.root, code=code)
    assert "code" in caught.value.message_dict


def test_a_province_cannot_be_added_by_hand(focal_officer, daklak):
    with pytest.raises(ValidationError) as caught:
        add(focal_officer, daklak.root, type="province", code="99")
    assert "type" in caught.value.message_dict


@pytest.mark.parametrize("persona", ["leader", "commune_a_reporter", "ministry_viewer", "outsider"])
def test_others_cannot_add_units(request, persona, daklak):
    with pytest.raises(PermissionDenied):
        add(request.getfixturevalue(persona), daklak.root)
    assert not OrgUnit.objects.filter(code="66-SCT").exists()


def test_rename_keeps_the_code_and_records_old_and_new(focal_officer, daklak):
    services.rename_unit(user=focal_officer, unit=daklak.commune_a, name="Xã  Ea Kar Mới")
    unit = OrgUnit.objects.get(pk=daklak.commune_a.pk)
    assert (unit.code, unit.name, unit.search_name) == ("66-C001", "Xã Ea Kar Mới", "xa ea kar moi")
    latest, previous = unit.history.all()[:2]
    assert (latest.history_user, previous.name, latest.name) == (focal_officer, "Xã Ea Kar", "Xã Ea Kar Mới")


def test_renaming_to_the_same_name_writes_nothing(focal_officer, daklak):
    services.rename_unit(user=focal_officer, unit=daklak.commune_a, name="Xã Ea Kar")
    assert daklak.commune_a.history.count() == 1


def test_deactivate_sets_the_end_date_and_never_deletes(focal_officer, daklak):
    services.deactivate_unit(user=focal_officer, unit=daklak.newspaper, valid_to=datetime.date(2026, 6, 30))
    unit = OrgUnit.objects.get(pk=daklak.newspaper.pk)
    assert (unit.is_active, unit.valid_to) == (False, datetime.date(2026, 6, 30))
    with pytest.raises(ValidationError):
        services.deactivate_unit(user=focal_officer, unit=unit)
    services.reactivate_unit(user=focal_officer, unit=unit)
    unit.refresh_from_db()
    assert (unit.is_active, unit.valid_to) == (True, None)
    assert [h.history_type for h in unit.history.all()] == ["~", "~", "+"]


def test_the_end_date_cannot_precede_the_start(focal_officer, daklak):
    unit = add(focal_officer, daklak.root, valid_from=datetime.date(2026, 3, 1))
    with pytest.raises(ValidationError) as caught:
        services.deactivate_unit(user=focal_officer, unit=unit, valid_to=datetime.date(2026, 2, 1))
    assert "valid_to" in caught.value.message_dict
    assert OrgUnit.objects.get(pk=unit.pk).is_active


def test_the_province_itself_is_not_changed_by_hand(focal_officer, daklak):
    with pytest.raises(ValidationError):
        services.rename_unit(user=focal_officer, unit=daklak.root, name="Tỉnh Khác")
    with pytest.raises(ValidationError):
        services.deactivate_unit(user=focal_officer, unit=daklak.root)
    assert OrgUnit.objects.get(pk=daklak.root.pk).name == "Tỉnh Đắk Lắk"


@pytest.mark.parametrize("persona", ["leader", "commune_a_reporter", "outsider"])
def test_others_cannot_rename_or_deactivate(request, persona, daklak):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        services.rename_unit(user=user, unit=daklak.commune_a, name="Xã Khác")
    with pytest.raises(PermissionDenied):
        services.deactivate_unit(user=user, unit=daklak.commune_a)
    assert OrgUnit.objects.get(pk=daklak.commune_a.pk).name == "Xã Ea Kar"
