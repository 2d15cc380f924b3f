"""The annual report's sections on tasks and inspections (``documents/work_sections.py``): counts and
statuses as of the year's end (or today), the latest progress notes, the inspections done in the year
with their findings and open follow-up items; in the synthesis, the Word file and the editor."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
import time_machine
from docx import Document

from binhdang.documents import annual_docx, services, synthesis, work_sections
from binhdang.documents.annual import collect
from binhdang.plans.models import Task
from binhdang.work import inspections, task_followup
from tests.documents.conftest import DAY


@pytest.fixture
def work(plan, daklak, focal_officer, department_reporter):
    done = Task.objects.create(
        plan=plan, code="1.a", title="Tuyên truyền trên báo chí", lead=daklak.newspaper, order=1
    )
    late = Task.objects.create(
        plan=plan, code="1.b", title="Xây dựng kế hoạch triển khai", lead=daklak.health,
        timeframe="Trước ngày 20/6/2026", order=2,
    )  # fmt: skip
    Task.objects.create(plan=plan, code="2.a", title="Tập huấn", lead=daklak.womens_union, order=3)
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)):
        task_followup.add_update(done, focal_officer, status="in_progress", note="Đã đăng 4 tin.")
    task_followup.add_update(done, focal_officer, status="done", note="Đã đăng 24 tin, bài.")
    task_followup.add_update(
        late, department_reporter, status="in_progress", note="Đang xin ý kiến các phòng."
    )
    inspection = inspections.record(
        plan,
        focal_officer,
        {"kind": "inspection", "title": "Kiểm tra xã Ea Kar", "units": [daklak.commune_a],
         "planned_date": dt.date(2026, 9, 1), "done_date": dt.date(2026, 9, 2),
         "findings": "Hương ước thôn 3 chưa bảo đảm bình đẳng giới."},
        [{"text": "Sửa hương ước thôn 3", "unit": daklak.commune_a, "deadline": dt.date(2026, 10, 30)},
         {"text": "Lưu biên bản truyền thông", "unit": daklak.commune_a, "deadline": dt.date(2026, 12, 20)}],
    )  # fmt: skip
    inspections.update_follow_up(inspection.follow_ups.get(text="Lưu biên bản truyền thông"), focal_officer,
                                 {"status": "done"})  # fmt: skip
    inspections.record(
        plan,
        focal_officer,
        {"kind": "interagency", "title": "Kiểm tra liên ngành", "units": [daklak.health],
         "planned_date": dt.date(2026, 12, 15)},
    )  # fmt: skip
    return inspection


def by_key(content) -> dict:
    return {s.key: s for s in synthesis.sections(content)}


def test_the_task_section_counts_statuses_and_gives_the_latest_note(plan, work):
    section = by_key(collect(plan, 2026))["task-progress"]
    assert section.heading == "3. Tiến độ thực hiện các nhiệm vụ của Kế hoạch"
    assert section.figures == [
        "Kế hoạch có 3 nhiệm vụ; đến ngày 04/12/2026: 1 nhiệm vụ đã hoàn thành, 0 đang thực hiện, 1 chậm, "
        "1 chưa thực hiện."
    ]
    rows = section.table.rows
    assert rows[0][:4] == [
        "1.a",
        "Tuyên truyền trên báo chí",
        "Báo và Phát thanh, Truyền hình tỉnh",
        "Hoàn thành",
    ]
    assert rows[0][4] == "04/12/2026: Đã đăng 24 tin, bài."
    assert rows[1][3] == "Chậm" and rows[2][4] == "Chưa có báo cáo tiến độ"
    assert section.after == ["Các nhiệm vụ chậm: 1.b (Sở Y tế): Đang xin ý kiến các phòng."]


def test_an_earlier_year_reads_the_tasks_as_they_stood_at_its_end(plan, work):
    summary = work_sections.collect(plan, 2026, today=dt.date(2026, 3, 31))
    first = summary.tasks[0]
    assert (first.status, first.note) == ("in_progress", "Đã đăng 4 tin.")


def test_the_inspection_section_names_the_findings_and_the_open_follow_ups(plan, work):
    section = by_key(collect(plan, 2026))["inspections"]
    assert section.heading == "4. Công tác kiểm tra, giám sát"
    assert section.figures == [
        "Năm 2026 đã tổ chức 1 cuộc kiểm tra, giám sát (1 cuộc kiểm tra) tại 1 đơn vị; "
        "1 cuộc theo kế hoạch chưa thực hiện.",
        "- Ngày 02/09/2026, Kiểm tra xã Ea Kar (Xã Ea Kar): Hương ước thôn 3 chưa bảo đảm bình đẳng giới.",
    ]
    assert section.after == [
        "Sau kiểm tra, giám sát đã giao 2 việc khắc phục: 1 việc đã hoàn thành, 0 đang thực hiện, "
        "0 chưa thực hiện, 1 quá hạn.",
        "Các việc khắc phục chưa hoàn thành: Sửa hương ước thôn 3 (Xã Ea Kar, hạn 30/10/2026, quá hạn).",
    ]


def test_a_year_without_tasks_or_inspections_says_so(plan):
    sections = by_key(collect(plan, 2026))
    assert sections["task-progress"].figures == ["Kế hoạch chưa có nhiệm vụ được theo dõi."]
    assert sections["inspections"].figures == [
        "Năm 2026 chưa ghi nhận cuộc kiểm tra, giám sát nào đã thực hiện."
    ]


def test_the_word_report_has_both_sections_in_chapter_one(plan, work, reports):
    document = Document(BytesIO(annual_docx.build(collect(plan, 2026), DAY)))
    lines = [p.text for p in document.paragraphs]
    tasks, checks, chapter_two = (
        lines.index("3. Tiến độ thực hiện các nhiệm vụ của Kế hoạch"),
        lines.index("4. Công tác kiểm tra, giám sát"),
        lines.index("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"),
    )
    assert tasks < checks < chapter_two
    assert any("Các nhiệm vụ chậm: 1.b" in line for line in lines[tasks:checks])
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Số hiệu")
    assert table.rows[1].cells[3].text == "Hoàn thành"


def test_the_officer_edits_the_prose_of_the_task_section_in_the_editor(plan, work, reports, focal_officer):
    blocks = {b.section.key: b for b in services.editor_blocks(plan, 2026)}
    assert blocks["task-progress"].table_rows[0][0] == ("1.a", False)
    services.save_section(
        focal_officer, plan, 2026, "task-progress", "Nhiệm vụ 1.b sẽ hoàn thành trong quý I."
    )
    document = Document(BytesIO(services.annual_report(plan, 2026).content))
    assert "Nhiệm vụ 1.b sẽ hoàn thành trong quý I." in [p.text for p in document.paragraphs]
