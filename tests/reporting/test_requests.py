"""Ad hoc requests, quarters and one-off collections (``reporting.requests``): they are periods of
another kind that run through the same workflow as the annual reports."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from binhdang.reporting import attachments, services
from binhdang.reporting.errors import ReportingError, ReportValidationError
from binhdang.reporting.forms_catalog import form_for_period
from binhdang.reporting.models import Period, PeriodKind, State
from binhdang.reporting.status import build_board

pytestmark = pytest.mark.django_db

QUESTIONS = [
    {"label": "Số vụ bạo lực gia đình đã xử lý", "type": "number", "unit": "vụ"},
    {"label": "Khó khăn chính", "type": "text"},
]


def ask(plan, officer, daklak, **extra):
    fields = {
        "title": "Báo cáo nhanh phòng, chống bạo lực gia đình",
        "deadline": dt.date(2026, 12, 20),
        "units": [daklak.commune_a, daklak.commune_b, daklak.health],
        "element_codes": ["TT_SESSIONS"],
        "questions": QUESTIONS,
        **extra,
    }
    return services.open_request(plan, officer, **fields)


def test_an_ad_hoc_request_lives_beside_the_annual_period_of_the_same_year(
    plan, period, focal_officer, daklak
):
    request = ask(plan, focal_officer, daklak)
    second = ask(plan, focal_officer, daklak, title="Lần 2")
    assert (request.kind, request.year, request.sequence) == (PeriodKind.AD_HOC, 2026, 1)
    assert second.sequence == 2
    assert Period.objects.filter(plan=plan, year=2026).count() == 3
    assert set(request.expected_reporters.values_list("unit__code", flat=True)) == {
        "66-C001",
        "66-C002",
        "66-D06",
    }


def test_the_request_form_asks_the_chosen_elements_and_the_free_questions_of_every_unit(
    plan, focal_officer, daklak
):
    request = ask(plan, focal_officer, daklak)
    form = form_for_period(request)
    codes = [e.code for e in form.elements_for(daklak.health, request.focal_unit)]
    assert codes == ["TT_SESSIONS", "Q1", "Q2"]
    assert form.element("Q1").unit == "vụ"
    assert form.narrative == ()


def test_a_past_or_out_of_plan_deadline_is_refused_in_vietnamese_and_nothing_is_opened(
    plan, focal_officer, daklak
):
    with pytest.raises(ReportingError) as past:
        ask(plan, focal_officer, daklak, deadline=dt.date(2026, 11, 30))
    assert "Hạn nộp: 30/11/2026 đã qua" in " ".join(past.value.messages)
    with pytest.raises(ReportingError) as outside:
        ask(plan, focal_officer, daklak, deadline=dt.date(2031, 1, 15))
    assert "ngoài thời gian của kế hoạch" in " ".join(outside.value.messages)
    with pytest.raises(ReportingError) as empty:
        ask(plan, focal_officer, daklak, title=" ", units=[], element_codes=[], questions=[])
    text = " ".join(empty.value.messages)
    assert "Tiêu đề" in text and "Đơn vị" in text and "Câu hỏi" in text
    assert not Period.objects.exclude(kind=PeriodKind.ANNUAL).exists()


def test_another_province_focal_officer_cannot_ask_our_units(plan, outsider, daklak):
    with pytest.raises(ReportingError):
        ask(plan, outsider, daklak)
    assert not Period.objects.exists()


def test_a_unit_answers_the_request_through_the_same_workflow_and_the_answers_are_audited(
    plan, focal_officer, commune_a_reporter, daklak
):
    request = ask(plan, focal_officer, daklak)
    values = {("TT_SESSIONS", ""): "2", ("Q1", ""): "3,5", ("Q2", ""): "Thiếu kinh phí"}
    result = services.save_new_report(request, daklak.commune_a, values, {}, commune_a_reporter)
    submission = result.submission
    assert submission.value_map()[("Q1", "")] == "3.5"
    services.submit(submission, commune_a_reporter)
    services.return_submission(submission, focal_officer, "Bổ sung số vụ")
    submission.refresh_from_db()
    assert submission.state == State.RETURNED
    submission.refresh_from_db()
    services.save_draft(
        submission, {("Q1", ""): "4"}, {}, commune_a_reporter, expected_version=submission.version
    )
    services.submit(submission, commune_a_reporter)
    services.accept(submission, focal_officer)
    answer = submission.values.get(data_element="Q1")
    assert [h.value for h in answer.history.order_by("history_date")] == ["3.5", "4"]
    board = build_board(request)
    assert (board.expected, board.submitted) == (3, 1)


def test_a_one_off_collection_needs_the_document_before_it_is_submitted(
    plan, focal_officer, department_reporter, daklak
):
    collection = services.open_request(
        plan,
        focal_officer,
        kind=PeriodKind.ONE_OFF,
        title="Kế hoạch triển khai năm 2027",
        deadline=dt.date(2026, 12, 20),
        units=[daklak.health],
    )
    assert [q["code"] for q in collection.questions] == ["DOC_NUMBER", "DOC_DATE"]
    values = {("DOC_NUMBER", ""): "125/KH-SYT", ("DOC_DATE", ""): "15/12/2026"}
    submission = services.save_new_report(
        collection, daklak.health, values, {}, department_reporter
    ).submission
    assert submission.value_map()[("DOC_DATE", "")] == "2026-12-15"
    with pytest.raises(ReportValidationError) as missing:
        services.submit(submission, department_reporter)
    assert "Văn bản" in " ".join(missing.value.messages)
    upload = SimpleUploadedFile("ke-hoach.pdf", b"%PDF-1.4\n%test\n", content_type="application/pdf")
    attachments.add_attachment(submission, upload, department_reporter)
    assert services.submit(submission, department_reporter).state == State.SUBMITTED


def test_a_date_answer_that_is_not_a_date_is_refused_and_kept(
    plan, focal_officer, department_reporter, daklak
):
    collection = services.open_request(
        plan,
        focal_officer,
        kind=PeriodKind.ONE_OFF,
        title="Kế hoạch triển khai",
        deadline=dt.date(2026, 12, 20),
        units=[daklak.health],
    )
    result = services.save_new_report(
        collection, daklak.health, {("DOC_DATE", ""): "20 tháng 6"}, {}, department_reporter, partial=True
    )
    assert "ngày (dd/mm/yyyy)" in str(result.refused[0])
    assert result.submission.refused_values()[("DOC_DATE", "")] == "20 tháng 6"


def test_quarters_open_for_the_news_items_of_the_media_and_are_refused_twice(
    plan, focal_officer, daklak, time_machine
):
    time_machine.move_to(dt.datetime(2026, 1, 5, 9, 0))
    quarters = services.open_subannual(
        plan, 2026, focal_officer, numbers=[1, 2, 3, 4], element_codes=["TT_NEWS"], targets={"TT_NEWS": 4}
    )
    assert [(q.iso_period, q.start, q.end, q.deadline) for q in quarters[:1]] == [
        ("2026Q1", dt.date(2026, 1, 1), dt.date(2026, 3, 31), dt.date(2026, 4, 10))
    ]
    assert str(quarters[0].label) == "Quý 1/2026"
    # every unit filling the news items in the annual form reports them each quarter
    assert quarters[0].expected_reporters.count() == 7 - 1  # every unit but the province
    with pytest.raises(ReportingError) as again:
        services.open_subannual(plan, 2026, focal_officer, numbers=[2], element_codes=["TT_NEWS"])
    assert "Quý 2/2026 đã được mở" in " ".join(again.value.messages)


def test_a_quarter_whose_deadline_has_passed_is_refused(plan, focal_officer):
    with pytest.raises(ReportingError) as late:
        services.open_subannual(plan, 2026, focal_officer, numbers=[1], element_codes=["TT_NEWS"])
    assert "10/04/2026" in " ".join(late.value.messages)
    assert not Period.objects.exists()


def test_the_units_of_a_request_are_reminded_before_its_deadline_and_named_overdue_after_it(
    plan, focal_officer, daklak
):
    from binhdang.reporting import reminders

    request = ask(plan, focal_officer, daklak)  # due 20/12/2026
    before = reminders.due_reminders(dt.date(2026, 12, 13))
    assert {(i.period, i.unit.code, i.kind) for i in before} == {
        (request, code, "before_deadline") for code in ("66-C001", "66-C002", "66-D06")
    }
    overdue = reminders.due_reminders(dt.date(2026, 12, 21))
    assert {i.kind for i in overdue if i.period == request} == {"overdue"}
    subject = reminders._subject(request, daklak.commune_a, "overdue", 1)
    assert "2026 (Báo cáo nhanh phòng, chống bạo lực gia đình)" in subject


def test_months_open_for_a_plan_that_reports_monthly(plan, focal_officer, daklak):
    months = services.open_subannual(
        plan, 2026, focal_officer, kind=PeriodKind.MONTHLY, numbers=[12], element_codes=["TT_SESSIONS"]
    )
    assert [(m.iso_period, str(m.label), m.end, m.deadline) for m in months] == [
        ("202612", "Tháng 12/2026", dt.date(2026, 12, 31), dt.date(2027, 1, 10))
    ]


def test_a_request_has_an_excel_template_with_its_questions(plan, focal_officer, commune_a_reporter, daklak):
    import io

    from openpyxl import load_workbook

    from binhdang.reporting.excel.template import build_template

    request = ask(plan, focal_officer, daklak)
    content = build_template(request, daklak.commune_a)
    cells = [c.value for row in load_workbook(io.BytesIO(content)).active.iter_rows() for c in row if c.value]
    assert "Số vụ bạo lực gia đình đã xử lý" in " ".join(str(c) for c in cells)


def test_a_strategy_plan_asks_the_communes_their_news_items_each_quarter_with_a_minimum_of_four(
    daklak, focal_officer, commune_a_reporter
):
    from binhdang.reporting import quarters

    from .conftest import make_plan

    strategy = make_plan(daklak.root, program="strategy", slug="kh-nq28-daklak")
    q4 = services.open_subannual(
        strategy,
        2026,
        focal_officer,
        numbers=[4],
        element_codes=[],
        questions=[
            {"label": "Số tin, bài về bình đẳng giới trên hệ thống thông tin cơ sở", "type": "number"}
        ],
        units=[daklak.commune_a, daklak.commune_b],
        targets={"Q1": 4},
    )[0]
    assert (q4.form_code, q4.targets) == ("NQ28", [{"code": "Q1", "minimum": 4}])
    report = services.save_new_report(
        q4, daklak.commune_a, {("Q1", ""): "3"}, {}, commune_a_reporter
    ).submission
    services.submit(report, commune_a_reporter)
    assert [(o.unit, o.value) for o in quarters.off_track(q4)] == [(daklak.commune_a, 3)]
