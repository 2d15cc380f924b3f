"""A unit's history as people read it: who changed what, when, old -> new."""

from __future__ import annotations

import datetime

from binhdang.accounts import unit_services as services
from binhdang.orgunits.history import unit_history


def test_history_lists_changes_newest_first_with_old_and_new_values(focal_officer, daklak):
    services.rename_unit(user=focal_officer, unit=daklak.commune_a, name="Xã Ea Kar Mới")
    services.deactivate_unit(user=focal_officer, unit=daklak.commune_a, valid_to=datetime.date(2026, 12, 31))
    entries = unit_history(daklak.commune_a)
    assert [e.action for e in entries] == ["Sửa đổi", "Sửa đổi", "Tạo mới"]
    assert entries[0].user == focal_officer
    assert {(c.field, c.old, c.new) for c in entries[0].changes} == {
        ("Đang hoạt động", "Có", "Không"),
        ("Hiệu lực đến ngày", "—", "31/12/2026"),
    }
    assert [(c.field, c.old, c.new) for c in entries[1].changes] == [("Tên", "Xã Ea Kar", "Xã Ea Kar Mới")]
    assert entries[2].changes == []


def test_a_change_of_parent_shows_unit_names_not_ids(daklak):
    unit = daklak.newspaper
    unit.parent = daklak.noi_vu
    unit.save()
    change = unit_history(unit)[0].changes[0]
    assert (change.field, change.old, change.new) == ("Đơn vị cấp trên", "Tỉnh Đắk Lắk", "Sở Nội vụ")
