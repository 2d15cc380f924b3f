"""The audit helper: a save made by a service names its user (and why) in the object's history, and
every tracked model reads its history through one manager class made once."""

from __future__ import annotations

from django.apps import apps

from binhdang.core import audit
from binhdang.core.audit import KeptHistoryManager
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


def test_every_tracked_model_reuses_one_history_manager_class():
    tracked = [m for m in apps.get_models() if hasattr(m._meta, "simple_history_manager_attribute")]
    assert len(tracked) >= 20
    for model in tracked:
        first, second = model.history, model.history
        assert isinstance(first, KeptHistoryManager), model
        assert type(first) is type(second), model


def test_the_kept_manager_still_reads_the_history_of_its_object(daklak, focal_officer):
    unit = daklak.commune_a
    audit.by(unit, focal_officer, "renamed").save()
    audit.by(unit, focal_officer, "renamed again").save()

    records = unit.history.all()

    assert [r.history_change_reason for r in records[:2]] == ["renamed again", "renamed"]
    assert {r.id for r in records} == {unit.pk}
    assert type(unit.history) is type(OrgUnit.history)
