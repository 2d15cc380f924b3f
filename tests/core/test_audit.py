"""The audit helper: a save made by a service names its user (and why) in the object's history."""

from __future__ import annotations

from binhdang.core import audit
from binhdang.orgunits.models import OrgUnit
from tests.factories import make_unit


def test_a_save_through_by_records_the_user_and_the_reason(daklak, focal_officer):
    unit = make_unit(daklak.root, "Xã Mới", "66-C099")
    unit.name = "Xã Mới Đổi Tên"
    audit.by(unit, focal_officer, reason="renamed in a test").save()

    latest = unit.history.latest()
    assert latest.history_user == focal_officer
    assert latest.history_change_reason == "renamed in a test"
    assert latest.name == "Xã Mới Đổi Tên"


def test_without_a_reason_the_history_keeps_none(daklak, focal_officer):
    unit = make_unit(daklak.root, "Xã Khác", "66-C098")
    audit.by(unit, focal_officer).delete()

    latest = OrgUnit.history.filter(code="66-C098").order_by("-history_date").first()
    assert latest.history_type == "-"
    assert latest.history_user == focal_officer
    assert latest.history_change_reason is None
