import datetime as dt

from binhdang.ministry import board, services
from binhdang.ministry.board import NOT_SENT
from binhdang.plans.models import Plan
from tests.factories import make_province, make_unit, tt1790_year
from tests.ministry.conftest import signed_pdf


def _row(found, province):
    return next(row for row in found.rows if row.province == province)


def test_every_province_has_a_row_with_its_plan_status_told_truthfully(daklak_plan, laichau, daklak):
    draft_province = make_province("Tỉnh Cao Bằng", "04")
    Plan.objects.create(
        province=draft_province, org_unit=draft_province, program="communication", title="KH", status="draft"
    )
    found = board.build(2026, "communication")
    assert {row.province.name for row in found.rows} == {"Tỉnh Đắk Lắk", "Tỉnh Lai Châu", "Tỉnh Cao Bằng"}
    assert _row(found, daklak.root).plan_status == "active" and _row(found, daklak.root).plan == daklak_plan
    assert _row(found, draft_province).plan_status == "draft" and _row(found, draft_province).plan is None
    assert _row(found, laichau.root).plan_status == "" and _row(found, laichau.root).results is None


def test_states_sent_dates_and_lateness_against_the_deadline(
    daklak_plan, laichau_plan, daklak, laichau, focal_officer, ministry_viewer
):
    report = services.send_report(daklak_plan, 2026, focal_officer, signed_pdf())
    services.return_report(report, ministry_viewer, "Sửa")
    services.send_report(daklak_plan, 2026, focal_officer, signed_pdf())
    on_time = board.build(2026, "communication", today=dt.date(2026, 12, 6))
    daklak_row, laichau_row = _row(on_time, daklak.root), _row(on_time, laichau.root)
    assert daklak_row.state == "sent" and daklak_row.report.version == 2
    assert daklak_row.sent_day == dt.date(2026, 12, 4) and not daklak_row.late
    assert laichau_row.state == NOT_SENT and laichau_row.late  # 06/12, after 05/12
    assert on_time.filtered(late=True) == [laichau_row]
    assert on_time.filtered(state="sent") == [daklak_row]
    services.set_deadline(2026, dt.date(2026, 12, 3), ministry_viewer)
    after = board.build(2026, "communication", today=dt.date(2026, 12, 4))
    assert _row(after, daklak.root).late  # first sent on 04/12, after the deadline of 03/12
    before = board.build(2026, "communication", today=dt.date(2026, 12, 2))
    assert not _row(before, laichau.root).late


def test_the_completeness_of_the_province_units_comes_from_the_results_engine(daklak_plan, daklak):
    row = _row(board.build(2026, "communication"), daklak.root)
    assert row.results.expected == 6 and row.results.submitted == 0
    assert row.results.completeness == 0


def test_the_board_reads_a_fixed_number_of_queries_whatever_the_number_of_provinces(
    daklak_plan, laichau_plan, focal_officer, django_assert_max_num_queries
):
    services.send_report(daklak_plan, 2026, focal_officer, signed_pdf())
    # the plans in force, their periods, the engine's counts, the provinces, the plan statuses, the
    # deadline (2), the reports with their first sending (one statement), the reminders (10 before)
    with django_assert_max_num_queries(9) as few:
        board.build(2026, "communication")
    for number in range(3):
        province = make_province(f"Tỉnh Thử {number}", f"9{number}")
        agency = make_unit(province, "Sở Nội vụ", f"9{number}-D02", type="department")
        tt1790_year(province, agency)
    with django_assert_max_num_queries(len(few.captured_queries)):
        board.build(2026, "communication")


def test_a_reminded_province_shows_when_it_was_reminded(laichau_plan, laichau, ministry_viewer):
    assert _row(board.build(2026, "communication"), laichau.root).reminded_at is None
    services.send_reminders(2026, [laichau_plan], ministry_viewer, dt.date(2026, 12, 5))
    reminded = _row(board.build(2026, "communication"), laichau.root).reminded_at
    assert reminded is not None and reminded.date() == dt.date(2026, 12, 4)


def test_a_resent_report_shows_its_latest_version_and_its_first_sending_and_the_last_reminder(
    daklak_plan, laichau_plan, daklak, laichau, focal_officer, ministry_viewer
):
    from django.utils import timezone

    from binhdang.ministry.models import MinistryReminder

    first = services.send_report(daklak_plan, 2026, focal_officer, signed_pdf())
    services.return_report(first, ministry_viewer, "Sửa")
    services.send_report(daklak_plan, 2026, focal_officer, signed_pdf())
    earlier = timezone.now() - dt.timedelta(days=3)
    type(first).objects.filter(pk=first.pk).update(sent_at=earlier)
    services.send_reminders(2026, [laichau_plan], ministry_viewer, dt.date(2026, 12, 5))
    MinistryReminder.objects.create(
        year=2026, province=laichau.root, text="Nhắc lần trước", sent_by=ministry_viewer, sent_at=earlier
    )
    found = board.build(2026, "communication", today=dt.date(2026, 12, 6))
    row = _row(found, daklak.root)
    assert (row.report.version, row.report.state, row.first_sent_at) == (2, "sent", earlier)
    assert row.sent_day == timezone.localdate(earlier)
    assert _row(found, laichau.root).reminded_at.date() == dt.date(2026, 12, 4)  # the latest reminder
    assert board.build(2027, "communication").rows[0].report is None  # another year: nothing sent
