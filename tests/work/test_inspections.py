"""Inspections and their follow-up items (``work/inspections.py``, ``work/inspection_access.py``): the
focal officer records and corrects them, the inspected unit updates its items, bad dates are refused
with the field named and nothing changed, every change is in the audit trail, and each persona sees
exactly its share."""

from __future__ import annotations

import datetime as dt

import pytest

from binhdang.work import inspection_access as access
from binhdang.work import inspections, trail
from binhdang.work.errors import AccessDenied, WorkError
from binhdang.work.inspection_models import FollowUp, FollowUpStatus, Inspection, InspectionKind


def data(daklak, **extra) -> dict:
    return {
        "kind": InspectionKind.INSPECTION,
        "title": "Kiểm tra việc thực hiện Kế hoạch năm 2026 tại xã Ea Kar",
        "units": [daklak.commune_a],
        "planned_date": dt.date(2026, 10, 15),
        "done_date": dt.date(2026, 10, 20),
        "lead_agency": daklak.noi_vu,
        "team": "Bà Nguyễn Thị Hoa (Sở Nội vụ), ông Y Bin (Hội LHPN tỉnh)",
        "findings": "Chưa lồng ghép bình đẳng giới trong hương ước của 2 thôn.",
        "recommendations": "Rà soát hương ước, quy ước.",
    } | extra


def item(daklak, **extra) -> dict:
    return {
        "text": "Rà soát, sửa đổi hương ước thôn 3 và thôn 5",
        "unit": daklak.commune_a,
        "deadline": dt.date(2026, 11, 30),
    } | extra


@pytest.fixture
def inspection(plan, daklak, focal_officer) -> Inspection:
    return inspections.record(plan, focal_officer, data(daklak), [item(daklak)])


def test_the_focal_officer_records_a_done_inspection_with_a_follow_up_item_in_the_audit_trail(
    inspection, daklak, focal_officer
):
    assert list(inspection.units.all()) == [daklak.commune_a]
    follow_up = inspection.follow_ups.get()
    assert follow_up.status == FollowUpStatus.NOT_STARTED and follow_up.updated_by == focal_officer
    assert inspection.history.first().history_user == focal_officer
    assert follow_up.history.get().history_user == focal_officer


def test_a_follow_up_past_its_deadline_and_not_done_shows_overdue(inspection):
    follow_up = inspection.follow_ups.get()
    # the test clock is 04/12/2026; the deadline was 30/11/2026
    assert follow_up.shown_status() == FollowUpStatus.OVERDUE
    assert follow_up.shown_status(dt.date(2026, 11, 30)) == FollowUpStatus.NOT_STARTED
    follow_up.status = FollowUpStatus.DONE
    assert follow_up.shown_status() == FollowUpStatus.DONE


@pytest.mark.parametrize(
    ("extra", "field", "words"),
    [
        ({"done_date": dt.date(2026, 10, 10)}, "done_date", "trước ngày dự kiến 15/10/2026"),
        ({"planned_date": dt.date(2025, 12, 1), "done_date": None, "findings": "", "recommendations": ""},
         "planned_date", "ngoài thời gian của kế hoạch"),
        ({"done_date": dt.date(2031, 1, 5)}, "done_date", "ngoài thời gian của kế hoạch"),
        ({"done_date": dt.date(2026, 12, 20)}, "done_date", "chưa đến"),
        ({"units": []}, "units", "đơn vị được kiểm tra"),
        ({"title": "  "}, "title", "nội dung"),
        ({"done_date": None}, "done_date", "kết quả"),
    ],
)  # fmt: skip
def test_bad_dates_and_missing_values_are_refused_naming_the_field_and_nothing_is_saved(
    plan, daklak, focal_officer, extra, field, words
):
    with pytest.raises(WorkError) as refused:
        inspections.record(plan, focal_officer, data(daklak, **extra))
    assert refused.value.field == field
    assert words in str(refused.value)
    assert not Inspection.objects.exists()


def test_a_deadline_before_the_inspection_is_refused_and_the_inspection_is_not_saved_either(
    plan, daklak, focal_officer
):
    with pytest.raises(WorkError) as refused:
        inspections.record(plan, focal_officer, data(daklak), [item(daklak, deadline=dt.date(2026, 10, 1))])
    assert refused.value.field == "deadline"
    assert "01/10/2026" in str(refused.value) and "20/10/2026" in str(refused.value)
    assert not Inspection.objects.exists() and not FollowUp.objects.exists()


def test_a_unit_of_another_province_cannot_be_inspected(plan, daklak, laichau, focal_officer):
    with pytest.raises(WorkError) as refused:
        inspections.record(plan, focal_officer, data(daklak, units=[laichau.commune_a]))
    assert refused.value.field == "units" and laichau.commune_a.name in str(refused.value)


def test_follow_up_items_need_the_inspection_carried_out(plan, daklak, focal_officer):
    planned = inspections.record(
        plan, focal_officer, data(daklak, done_date=None, findings="", recommendations="")
    )
    with pytest.raises(WorkError) as refused:
        inspections.add_follow_up(planned, focal_officer, item(daklak))
    assert "ngày thực hiện" in str(refused.value)


def test_the_officer_corrects_an_inspection_and_the_trail_keeps_the_old_value(inspection, focal_officer):
    inspections.change(inspection, focal_officer, {"findings": "Đã rà soát lại"})
    inspection.refresh_from_db()
    assert inspection.findings == "Đã rà soát lại"
    found = trail.changes([inspection])
    assert found[0].user == focal_officer
    assert (
        "kết quả kiểm tra",
        "Chưa lồng ghép bình đẳng giới trong hương ước của 2 thôn.",
        "Đã rà soát lại",
    ) in [(label.lower(), old, new) for label, old, new in found[0].fields]


def test_moving_the_inspection_after_a_follow_up_deadline_is_refused(inspection, focal_officer):
    with pytest.raises(WorkError) as refused:
        inspections.change(inspection, focal_officer, {"done_date": dt.date(2026, 12, 2)})
    assert refused.value.field == "done_date" and "30/11/2026" in str(refused.value)
    inspection.refresh_from_db()
    assert inspection.done_date == dt.date(2026, 10, 20)


def test_the_inspected_unit_marks_its_follow_up_done_with_a_note(inspection, commune_a_reporter):
    follow_up = inspection.follow_ups.get()
    inspections.update_follow_up(
        follow_up, commune_a_reporter, {"status": "done", "note": "Đã sửa hương ước"}
    )
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUpStatus.DONE and follow_up.note == "Đã sửa hương ước"
    assert follow_up.updated_by == commune_a_reporter
    assert follow_up.history.first().history_user == commune_a_reporter


def test_the_inspected_unit_cannot_move_its_deadline(inspection, commune_a_reporter):
    follow_up = inspection.follow_ups.get()
    with pytest.raises(AccessDenied):
        inspections.update_follow_up(follow_up, commune_a_reporter, {"deadline": dt.date(2026, 12, 31)})
    follow_up.refresh_from_db()
    assert follow_up.deadline == dt.date(2026, 11, 30)


def test_other_units_and_readers_cannot_update_a_follow_up(
    inspection, commune_b_reporter, leader, ministry_viewer, outsider
):
    follow_up = inspection.follow_ups.get()
    for user in (commune_b_reporter, leader, ministry_viewer, outsider):
        with pytest.raises(AccessDenied):
            inspections.update_follow_up(follow_up, user, {"status": "done"})
    follow_up.refresh_from_db()
    assert follow_up.status == FollowUpStatus.NOT_STARTED


def test_only_the_focal_officer_records_inspections(plan, daklak, commune_a_reporter, leader, outsider):
    for user in (commune_a_reporter, leader, outsider):
        with pytest.raises(AccessDenied):
            inspections.record(plan, user, data(daklak))
    assert not Inspection.objects.exists()


def test_who_sees_an_inspection(
    inspection,
    plan,
    daklak,
    focal_officer,
    leader,
    ministry_viewer,
    commune_a_reporter,
    commune_b_reporter,
    outsider,
):
    for user in (focal_officer, leader, ministry_viewer, commune_a_reporter):
        assert list(access.visible_inspections(user)) == [inspection], user
    for user in (commune_b_reporter, outsider):
        assert not access.visible_inspections(user).exists(), user


def test_a_unit_given_a_follow_up_without_being_inspected_sees_the_inspection(
    inspection, daklak, focal_officer, department_reporter, commune_b_reporter
):
    inspections.add_follow_up(inspection, focal_officer, item(daklak, unit=daklak.health))
    assert list(access.visible_inspections(department_reporter)) == [inspection]
    assert not access.visible_inspections(commune_b_reporter).exists()


def test_filters_by_year_and_status_and_the_overdue_list(inspection, plan, daklak, focal_officer):
    planned = inspections.record(
        plan,
        focal_officer,
        data(daklak, title="Giám sát năm 2027", planned_date=dt.date(2027, 5, 1), done_date=None,
             findings="", recommendations="", kind=InspectionKind.SUPERVISION),
    )  # fmt: skip
    everything = Inspection.objects.all()
    assert list(inspections.filtered(everything, year=2027)) == [planned]
    assert list(inspections.filtered(everything, status="planned")) == [planned]
    assert list(inspections.filtered(everything, status="done")) == [inspection]
    assert list(inspections.filtered(everything, status="open")) == [inspection]
    assert list(inspections.overdue_follow_ups(FollowUp.objects.all())) == [inspection.follow_ups.get()]
    assert list(inspections.of_unit(focal_officer, daklak.commune_a)) == [planned, inspection]
    assert not inspections.of_unit(focal_officer, daklak.commune_b).exists()


def test_the_officer_withdraws_a_follow_up_and_the_trail_keeps_it(inspection, focal_officer):
    follow_up = inspection.follow_ups.get()
    pk = follow_up.pk
    inspections.remove_follow_up(follow_up, focal_officer)
    assert not inspection.follow_ups.exists()
    assert FollowUp.history.filter(id=pk, history_type="-").get().history_user == focal_officer


def test_an_inspection_with_follow_ups_is_not_removed_until_they_are_withdrawn(inspection, focal_officer):
    with pytest.raises(WorkError) as refused:
        inspections.remove(inspection, focal_officer)
    assert "1 việc khắc phục" in str(refused.value)
    assert Inspection.objects.filter(pk=inspection.pk).exists()
    inspections.remove_follow_up(inspection.follow_ups.get(), focal_officer)
    pk = inspection.pk
    inspections.remove(inspection, focal_officer)
    assert not Inspection.objects.filter(pk=pk).exists()
    assert Inspection.history.filter(id=pk, history_type="-").get().history_user == focal_officer


def test_only_the_focal_officer_removes_an_inspection(inspection, commune_a_reporter, leader):
    for user in (commune_a_reporter, leader):
        with pytest.raises(AccessDenied):
            inspections.remove(inspection, user)


def test_who_sees_the_follow_up_items_and_the_query_has_no_nested_subquery_of_inspections(
    inspection,
    daklak,
    focal_officer,
    leader,
    ministry_viewer,
    commune_a_reporter,
    department_reporter,
    outsider,
):
    given = inspections.add_follow_up(inspection, focal_officer, item(daklak, unit=daklak.health))
    items = set(FollowUp.objects.filter(inspection=inspection))
    assert given in items
    for user in (focal_officer, leader, ministry_viewer, commune_a_reporter, department_reporter):
        assert set(access.visible_follow_ups(user)) == items, user
    assert not access.visible_follow_ups(outsider).exists()
    sql = str(access.visible_follow_ups(department_reporter).query).upper()
    assert "DISTINCT" not in sql
    assert 'FROM "WORK_INSPECTION" U0' not in sql  # the items' own inspection, not a subquery of them


def test_a_user_without_roles_or_inactive_sees_no_inspection_nor_item(inspection, commune_a_reporter):
    from tests.factories import make_user

    nobody = make_user("nobody")
    commune_a_reporter.is_active = False
    for user in (nobody, commune_a_reporter):
        assert not access.visible_inspections(user).exists()
        assert not access.visible_follow_ups(user).exists()
