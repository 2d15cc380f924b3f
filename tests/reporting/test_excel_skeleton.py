"""A unit's template written from its layout's skeleton (``reporting.excel.skeleton``) is the workbook
openpyxl makes for it (``reporting.excel.workbook``), part by part and cell by cell, and the importer
reads it back."""

from __future__ import annotations

import io
import zipfile

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone, translation
from openpyxl import load_workbook

from binhdang.reporting import log_figures, services
from binhdang.reporting.excel import layout as L
from binhdang.reporting.excel import skeleton
from binhdang.reporting.excel.importer import import_xlsx
from binhdang.reporting.excel.meta import make_meta, read_meta
from binhdang.reporting.excel.template import build_template
from binhdang.reporting.excel.workbook import make_workbook
from binhdang.reporting.forms_catalog import ValueType
from binhdang.reporting.review_steps import return_submission
from tests.conftest import TEST_CLOCK
from tests.reporting.conftest import fill
from tests.reporting.test_xlsx_template import log_sessions


def openpyxl_template(monkeypatch, period, unit, **kwargs) -> bytes:
    """The template as openpyxl makes it as a whole (the way every template was made before)."""
    with monkeypatch.context() as patch:
        patch.setattr(skeleton, "render", lambda *args, **kw: None)
        return build_template(period, unit, **kwargs)


def both(monkeypatch, period, unit, **kwargs) -> tuple[bytes, bytes]:
    """(from the skeleton, from openpyxl as a whole), made at the same instant."""
    with time_machine.travel(TEST_CLOCK, tick=False):
        return build_template(period, unit, **kwargs), openpyxl_template(monkeypatch, period, unit, **kwargs)


def parts(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def cells(content: bytes) -> dict:
    """Everything a user sees of the workbook, cell by cell."""
    book = load_workbook(io.BytesIO(content))
    found: dict = {"sheets": [(s.title, s.sheet_state, s.protection.sheet) for s in book.worksheets]}
    found["locked"] = book.security.lockStructure
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                found[(sheet.title, cell.coordinate)] = (
                    cell.value,
                    cell.data_type,
                    cell.number_format,
                    cell.protection.locked,
                    cell.font.b,
                    cell.fill.fgColor.rgb,
                    cell.alignment.wrap_text,
                    cell.comment.text if cell.comment else None,
                )
        found[(sheet.title, "validations")] = sorted(
            (v.type, v.operator, v.formula1, v.formula2, v.error, v.prompt, str(v.sqref))
            for v in sheet.data_validations.dataValidation
        )
        found[(sheet.title, "merged")] = sorted(str(r) for r in sheet.merged_cells.ranges)
        found[(sheet.title, "widths")] = {k: (d.width, d.hidden) for k, d in sheet.column_dimensions.items()}
        found[(sheet.title, "heights")] = {k: d.height for k, d in sheet.row_dimensions.items() if d.height}
    return found


def assert_same_workbook(fast: bytes, whole: bytes) -> None:
    fast_parts, whole_parts = parts(fast), parts(whole)
    assert list(fast_parts) == list(whole_parts)
    for name in fast_parts:  # made at the same instant: the same times in docProps/core.xml too
        assert fast_parts[name] == whole_parts[name], name
    assert cells(fast) == cells(whole)


@pytest.mark.parametrize(
    "unit_name", ["commune_a", "commune_b", "health", "newspaper", "womens_union", "noi_vu"]
)
def test_each_kind_of_units_template_is_the_workbook_openpyxl_makes(monkeypatch, period, daklak, unit_name):
    fast, whole = both(monkeypatch, period, getattr(daklak, unit_name))
    assert_same_workbook(fast, whole)


def test_a_filled_report_returned_with_a_comment_gives_the_same_workbook(
    monkeypatch, period, daklak, commune_a_reporter, focal_officer
):
    submission = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    fill(submission, commune_a_reporter, narrative={"results": '  Tổ chức 4 buổi <b> & "họp"\r\ndân.  '})
    submission.refresh_from_db()
    submission = services.submit(submission, commune_a_reporter)
    return_submission(submission, focal_officer, "Thiếu số liệu")
    fast, whole = both(monkeypatch, period, daklak.commune_a)
    assert_same_workbook(fast, whole)
    sheet = load_workbook(io.BytesIO(fast))[L.SHEET]
    assert sheet["C15"].value == 4 and sheet["C33"].value.startswith("Tổ chức 4 buổi <b> &")
    fast, whole = both(monkeypatch, period, daklak.commune_a, include_narrative=False)
    assert_same_workbook(fast, whole)


def test_the_activity_logs_figures_are_the_same_notes(monkeypatch, period, daklak, commune_a_reporter):
    log_sessions(period, daklak.commune_a, commune_a_reporter)
    report = services.get_or_create_submission(period, daklak.commune_a)
    services.save_draft(report, {("TT_TRAININGS", ""): "2"}, {}, commune_a_reporter, expected_version=1)
    fast, whole = both(monkeypatch, period, daklak.commune_a)
    assert_same_workbook(fast, whole)
    assert "xl/comments/comment1.xml" in parts(fast)
    notes = [
        c.comment.text
        for row in load_workbook(io.BytesIO(fast))[L.SHEET].iter_rows()
        for c in row
        if c.comment
    ]
    assert "Theo sổ hoạt động: 3" in notes and "Theo sổ hoạt động: 1.500.000" in notes


def test_numbers_too_large_and_texts_of_every_kind_are_written_as_openpyxl_writes_them(period, daklak):
    """Values the forms no longer accept (a number beyond a number cell, stored before a limit) are
    still written: as their digits with a note, like openpyxl does."""
    unit = daklak.commune_a
    with translation.override(settings.LANGUAGE_CODE), time_machine.travel(TEST_CLOCK, tick=False):
        layout = L.build_layout(period, unit)
        by_code = {cell.element.code: cell for cell in layout.value_cells}
        values = {
            by_code["TT_SESSIONS"].key: "4",
            by_code["TT_BUDGET_STATE"].key: "12345678901234567890",
            by_code["TT_AM_PLAN"].key: "true",
        }
        kinds = {cell.key: cell.element.type_for(cell.coc) for cell in layout.value_cells}
        values.update(
            {key: "12.5" for key, kind in kinds.items() if kind in (ValueType.NUMBER, ValueType.PERCENT)}
        )
        values.update({key: " Tổ <dân> phố " for key, kind in kinds.items() if kind == ValueType.TEXT})
        narrative = {"results": "  Đoạn 1\n\tĐoạn 2 ]]> &amp; ", "difficulties": " ", "proposals": "Không"}
        logged = {by_code["TT_NEWS"].key: 7, by_code["TT_SESSIONS"].key: 9}
        meta = make_meta(
            period, unit, layout, layout.content_digest(values, narrative), timezone.now().isoformat()
        )
        fast = skeleton.render(period, unit, layout, values, narrative, logged, meta)
        book = make_workbook(period, unit, layout, values, narrative, logged, meta)
        buffer = io.BytesIO()
        book.save(buffer)
    assert fast is not None
    assert_same_workbook(fast, buffer.getvalue())
    sheet = load_workbook(io.BytesIO(fast))[L.SHEET]
    budget = sheet[by_code["TT_BUDGET_STATE"].ref]
    assert budget.value == "12345678901234567890" and budget.comment is not None
    assert sheet[by_code["TT_SESSIONS"].ref].comment is None  # a value is there: no proposal


@pytest.mark.parametrize("text", ["=1+1", "+84 912", "@SUM(A1)", "bad\x07char"])
def test_a_text_the_skeleton_cannot_carry_is_left_to_openpyxl(period, daklak, text):
    unit = daklak.commune_a
    with translation.override(settings.LANGUAGE_CODE):
        layout = L.build_layout(period, unit)
        meta = make_meta(period, unit, layout, "", "")
        assert skeleton.render(period, unit, layout, {}, {"results": text}, {}, meta) is None


def test_a_template_from_the_skeleton_is_read_back_by_the_importer(
    monkeypatch, period, daklak, commune_a_reporter
):
    submission = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    fill(submission, commune_a_reporter, narrative={"results": "Đã tổ chức các hoạt động."})
    submission.refresh_from_db()
    before = submission.value_map()
    fast, whole = both(monkeypatch, period, daklak.commune_a)
    assert_same_workbook(fast, whole)
    result = import_xlsx(fast, commune_a_reporter, filename="ea-kar.xlsx")
    assert result.accepted, result.errors
    submission.refresh_from_db()
    assert submission.value_map() == before
    assert submission.results == "Đã tổ chức các hoạt động."


def test_a_change_of_the_plan_or_the_unit_is_in_the_next_template_at_once(period, daklak):
    first = load_workbook(io.BytesIO(build_template(period, daklak.commune_b)))
    assert first[L.SHEET][L.CELL_PLAN].value == str(period.plan)
    period.plan.title = "Kế hoạch đã đổi tên"
    period.plan.save(update_fields=["title"])
    daklak.commune_b.name = "Xã mới"
    daklak.commune_b.save(update_fields=["name"])
    period.refresh_from_db()
    second = load_workbook(io.BytesIO(build_template(period, daklak.commune_b)))
    assert second[L.SHEET][L.CELL_PLAN].value == str(period.plan)
    assert "Kế hoạch đã đổi tên" in str(period.plan)
    assert second[L.SHEET][L.CELL_UNIT_NAME].value == "Xã mới"
    assert read_meta(second["_meta"])["unit_code"] == daklak.commune_b.code


def test_figures_read_for_every_unit_give_the_same_templates(period, daklak, commune_a_reporter):
    log_sessions(period, daklak.commune_a, commune_a_reporter, count=1)
    logged = log_figures.figures_by_unit(period, [daklak.commune_a.pk])
    with time_machine.travel(TEST_CLOCK, tick=False):
        given = build_template(period, daklak.commune_a, logged=logged.get(daklak.commune_a.pk, {}))
        looked_up = build_template(period, daklak.commune_a)
    assert parts(given) == parts(looked_up)
    assert "xl/comments/comment1.xml" in parts(given)


def test_a_strategy_template_is_the_same_and_an_edited_indicator_is_seen_at_once(
    monkeypatch, daklak, focal_officer
):
    from binhdang.reporting.services import open_period
    from tests.reporting.conftest import make_plan
    from tests.strategy_plans import add_health_goal, add_sex_ratio_at_birth

    plan = make_plan(daklak.root, program="strategy", slug="kh-nq28-daklak", deadline=(12, 10))
    indicator = add_sex_ratio_at_birth(plan, daklak.health, goal=add_health_goal(plan))
    period = open_period(plan, 2026, focal_officer)
    fast, whole = both(monkeypatch, period, daklak.health)
    assert_same_workbook(fast, whole)
    labels = [c.value for c in load_workbook(io.BytesIO(fast))[L.SHEET]["B"] if c.value]
    indicator.text = "Tỷ số giới tính khi sinh đã sửa"
    indicator.save(update_fields=["text"])
    period.refresh_from_db()
    fast, whole = both(monkeypatch, period, daklak.health)
    assert_same_workbook(fast, whole)
    edited = [c.value for c in load_workbook(io.BytesIO(fast))[L.SHEET]["B"] if c.value]
    assert edited != labels and any("đã sửa" in str(label) for label in edited)


def test_a_skeleton_made_by_one_process_is_read_from_disk_by_another(monkeypatch, period, daklak, settings):
    skeleton._kept.clear()  # this process has made none yet
    with time_machine.travel(TEST_CLOCK, tick=False):
        first = build_template(period, daklak.commune_a)
    kept = list((settings.FILE_CACHE_DIR / skeleton.KIND).iterdir())
    assert len(kept) == 2  # without notes and with one
    skeleton._kept.clear()  # another worker: nothing in its memory

    def refuse(*args, **kwargs):
        raise AssertionError("the skeleton's workbook was made again by openpyxl")

    monkeypatch.setattr(skeleton, "make_workbook", refuse)
    with time_machine.travel(TEST_CLOCK, tick=False):
        again = build_template(period, daklak.commune_a)
    assert parts(again) == parts(first)
    assert len(list((settings.FILE_CACHE_DIR / skeleton.KIND).iterdir())) == 2


def test_a_changed_header_or_new_code_makes_the_skeleton_again(monkeypatch, period, daklak, settings):
    skeleton._kept.clear()
    build_template(period, daklak.commune_b)
    skeleton._kept.clear()
    made = []
    blank = skeleton._blank_workbook
    monkeypatch.setattr(skeleton, "_blank_workbook", lambda *args: made.append(1) or blank(*args))
    period.plan.title = "Kế hoạch đã đổi tên"
    period.plan.save(update_fields=["title"])
    period.refresh_from_db()
    sheet = load_workbook(io.BytesIO(build_template(period, daklak.commune_b)))[L.SHEET]
    assert sheet[L.CELL_PLAN].value == str(period.plan) and "đã đổi tên" in str(period.plan)
    assert made  # another header: another skeleton, not the kept one
    made.clear()
    skeleton._kept.clear()
    monkeypatch.setattr(skeleton.filecache, "code_version", lambda *folders: "an upgrade")
    build_template(period, daklak.commune_b)
    assert made  # the kept workbook of the older code is not used
