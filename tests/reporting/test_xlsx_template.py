"""The Excel template of a unit's report (reporting.excel.template, layout, meta) and its downloads."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from binhdang.reporting import services
from binhdang.reporting.excel import layout as L
from binhdang.reporting.excel.meta import read_meta
from binhdang.reporting.excel.template import build_template, build_templates_zip, template_filename
from tests.factories import PASSWORD, make_unit
from tests.reporting.conftest import fill
from tests.spreadsheets import HOSTILE, assert_no_hostile_formula, cells_holding, formulas


def log_sessions(period, unit, reporter, count: int = 3) -> None:
    """``count`` communication sessions in ``unit``'s activity log (Thôn 2, 01/07/2026, 500.000 đ of state
    funds each): figures a template proposes as notes for the fields its report leaves empty."""
    from binhdang.work.models import Activity

    for _ in range(count):
        Activity.objects.create(
            plan=period.plan,
            unit=unit,
            type="communication",
            date=dt.date(2026, 7, 1),
            place="Thôn 2",
            budget_state=500_000,
            created_by=reporter,
        )


def workbook(content: bytes):
    return load_workbook(io.BytesIO(content))


def codes_in(sheet) -> list[str]:
    return [
        str(sheet[f"G{row}"].value)
        for row in range(L.FIRST_ROW, sheet.max_row + 1)
        if sheet[f"G{row}"].value and not str(sheet[f"G{row}"].value).startswith("narrative:")
    ]


def validation_at(sheet, ref: str):
    found = [v for v in sheet.data_validations.dataValidation if ref in v.sqref]
    assert len(found) == 1, f"{ref} has {len(found)} data validations"
    return found[0]


def test_template_has_the_form_sheet_and_a_hidden_meta_sheet_with_structure_locked(period, daklak):
    book = workbook(build_template(period, daklak.commune_a))
    assert book.sheetnames == ["Biểu1", "_meta"]
    assert book["_meta"].sheet_state == "hidden"
    assert book.security.lockStructure
    sheet = book["Biểu1"]
    assert sheet.protection.sheet
    assert sheet.column_dimensions["G"].hidden


def test_template_header_names_form_plan_year_unit_and_deadline_in_vietnamese(period, daklak):
    sheet = workbook(build_template(period, daklak.commune_a))["Biểu1"]
    assert sheet["A1"].value.startswith("BÁO CÁO")
    assert sheet["A1"].value.endswith("NĂM 2026")
    assert (sheet["B3"].value, sheet["C3"].value) == ("Mã mẫu biểu", "TT1790")
    assert sheet["C4"].value == period.plan.title
    assert (sheet["B5"].value, sheet["C5"].value) == ("Năm báo cáo", 2026)
    assert (sheet["B6"].value, sheet["C6"].value) == ("Mã đơn vị", "66-C001")
    assert (sheet["B7"].value, sheet["C7"].value) == ("Đơn vị báo cáo", "Xã Ea Kar")
    assert sheet["B8"].value == "Hạn nộp"
    assert sheet["C8"].value == dt.datetime(2026, 11, 30)
    assert sheet["C9"].value == "15/12/2025 – 14/12/2026"
    assert [sheet[f"{c}13"].value for c in "CDE"] == ["Giá trị / Tổng số", "Nam", "Nữ"]
    for ref in ("C3", "C4", "C6", "C7", "C8", "B15"):
        assert sheet[ref].protection.locked, f"{ref} must be locked"


def test_template_has_one_row_per_element_the_unit_fills(period, daklak):
    commune = workbook(build_template(period, daklak.commune_a))["Biểu1"]
    department = workbook(build_template(period, daklak.health))["Biểu1"]
    media = workbook(build_template(period, daklak.newspaper))["Biểu1"]
    assert codes_in(commune) == [
        "TT_SESSIONS",
        "TT_PARTICIPANTS",
        "TT_NEWS",
        "TT_DIGITAL_MODELS",
        "TT_AM_PLAN",
        "TT_AM_ACTIVITIES",
        "TT_TRAININGS",
        "TT_TRAINEES",
        "TT_CONVENTIONS",
        "TT_CONVENTIONS_OK",
        "TT_BUDGET_STATE",
        "TT_BUDGET_OTHER",
    ]
    assert "TT_CONVENTIONS" not in codes_in(department)
    assert "TT_GSIM_STATUS" not in codes_in(department)
    assert "TT_GSIM_STATUS" in codes_in(media)
    assert "TT_AWARENESS" not in codes_in(media)
    assert commune["B15"].value.startswith("Số cuộc truyền thông")
    assert commune["F15"].value == "cuộc"
    assert commune["F16"].value == "lượt người"
    assert commune["F29"].value == "đồng"


def test_input_cells_are_unlocked_and_validated_by_type(period, daklak):
    sheet = workbook(build_template(period, daklak.commune_a))["Biểu1"]
    for ref in ("C15", "D16", "E16", "C20", "C29", "C33", "C34", "C35"):
        assert not sheet[ref].protection.locked, f"{ref} must be an input"
    assert sheet["C16"].protection.locked  # the total of a by-sex element is computed
    assert sheet["C16"].value == '=IF(COUNT(D16:E16)=0,"",SUM(D16:E16))'
    count = validation_at(sheet, "C15")
    assert (count.type, count.operator, count.formula1, count.formula2) == ("whole", "between", "0", "100000")
    assert count.error == count.prompt == "Nhập số nguyên từ 0 đến 100.000."
    people = validation_at(sheet, "E16")
    assert (people.type, people.formula2, people.error) == (
        "whole",
        "10000000",
        "Nhập số nguyên từ 0 đến 10.000.000 người.",
    )
    money = validation_at(sheet, "C29")
    assert (money.type, money.operator, money.formula1, money.formula2) == (
        "whole",
        "between",
        "0",
        "1000000000000",
    )
    assert money.error == "Nhập số nguyên từ 0 đến 1.000 tỷ đồng."
    yes_no = validation_at(sheet, "C20")
    assert (yes_no.type, yes_no.formula1) == ("list", '"Có,Không"')


def test_media_option_and_focal_agency_percentage_are_validated(period, daklak):
    period.focal_unit = daklak.noi_vu
    period.save()
    media = workbook(build_template(period, daklak.newspaper))["Biểu1"]
    row = next(r for r in range(15, 40) if media[f"G{r}"].value == "TT_GSIM_STATUS")
    option = validation_at(media, f"C{row}")
    assert (option.type, option.formula1) == ("list", '"Áp dụng chính thức,Áp dụng thí điểm,Chưa áp dụng"')
    focal = workbook(build_template(period, daklak.noi_vu))["Biểu1"]
    row = next(r for r in range(15, 40) if focal[f"G{r}"].value == "TT_AWARENESS")
    percent = validation_at(focal, f"C{row}")
    assert (percent.type, percent.operator, percent.formula1, percent.formula2) == (
        "decimal",
        "between",
        "0",
        "100",
    )


def test_template_is_prefilled_with_the_current_draft(period, daklak, commune_a_reporter):
    submission = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    fill(
        submission, commune_a_reporter, narrative={"results": "Tổ chức 4 buổi truyền thông.", "proposals": ""}
    )
    sheet = workbook(build_template(period, daklak.commune_a))["Biểu1"]
    assert sheet["C15"].value == 4
    assert (sheet["D16"].value, sheet["E16"].value) == (120, 180)
    assert sheet["C20"].value == "Có"
    assert sheet["C29"].value == 15000000
    assert sheet["B33"].value == "Kết quả"
    assert sheet["C33"].value == "Tổ chức 4 buổi truyền thông."
    assert sheet["C35"].value is None


def test_empty_template_has_empty_inputs(period, daklak):
    sheet = workbook(build_template(period, daklak.commune_b))["Biểu1"]
    assert [sheet[ref].value for ref in ("C15", "D16", "E16", "C20", "C33")] == [None] * 5


def test_meta_sheet_names_template_period_unit_and_structure_checksum(period, daklak):
    book = workbook(build_template(period, daklak.commune_a))
    meta = read_meta(book["_meta"])
    layout = L.build_layout(period, daklak.commune_a)
    assert meta["template"] == "binhdang-report"
    assert meta["version"] == str(L.TEMPLATE_VERSION)
    assert meta["form"] == "TT1790"
    assert meta["period_id"] == str(period.pk)
    assert meta["year"] == "2026"
    assert meta["unit_code"] == "66-C001"
    assert meta["structure"] == layout.checksum()
    assert len(meta["signature"]) == 64
    other = read_meta(workbook(build_template(period, daklak.health))["_meta"])
    assert other["structure"] != meta["structure"]  # a department has fewer rows than a commune


def test_zip_holds_one_template_per_expected_unit(period, daklak):
    archive = zipfile.ZipFile(io.BytesIO(build_templates_zip(period)))
    expected = {template_filename(period, e.unit) for e in period.expected_reporters.select_related("unit")}
    assert set(archive.namelist()) == expected
    assert "bieu-mau-2026-xa-ea-kar.xlsx" in expected and "bieu-mau-2026-so-noi-vu.xlsx" in expected
    sheet = load_workbook(io.BytesIO(archive.read("bieu-mau-2026-phuong-buon-ma-thuot.xlsx")))["Biểu1"]
    assert sheet["C7"].value == "Phường Buôn Ma Thuột"


def test_templates_are_named_after_their_unit_and_twins_by_name_get_their_code(period, daklak):
    twin = make_unit(daklak.root, "Xã Ea Kar", "66-C099", division="Xã")
    assert template_filename(period, daklak.root) == "bieu-mau-2026-tinh-dak-lak.xlsx"
    archive = zipfile.ZipFile(io.BytesIO(build_templates_zip(period, [daklak.commune_a, twin])))
    assert archive.namelist() == ["bieu-mau-2026-xa-ea-kar.xlsx", "bieu-mau-2026-xa-ea-kar-66-c099.xlsx"]


def test_reporter_downloads_the_template_of_their_unit(client, period, daklak, commune_a_reporter):
    client.login(username="reporter_a", password=PASSWORD)
    response = client.get(reverse("reporting:xlsx_template", args=[period.pk, daklak.commune_a.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert 'filename="bieu-mau-2026-xa-ea-kar.xlsx"' in response["Content-Disposition"]
    assert workbook(response.content)["Biểu1"]["C6"].value == "66-C001"


def test_reporter_cannot_download_another_communes_template(client, period, daklak, commune_a_reporter):
    client.login(username="reporter_a", password=PASSWORD)
    response = client.get(reverse("reporting:xlsx_template", args=[period.pk, daklak.commune_b.pk]))
    assert response.status_code == 404


def test_officer_of_another_province_cannot_download_a_template(client, period, daklak, outsider):
    client.login(username="outsider", password=PASSWORD)
    response = client.get(reverse("reporting:xlsx_template", args=[period.pk, daklak.commune_a.pk]))
    assert response.status_code == 404
    assert client.get(reverse("reporting:xlsx_templates_zip", args=[period.pk])).status_code == 404


def test_focal_officer_downloads_the_zip_of_all_templates(client, period, focal_officer):
    client.login(username="focal", password=PASSWORD)
    response = client.get(reverse("reporting:xlsx_templates_zip", args=[period.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    content = b"".join(response.streaming_content)
    assert len(zipfile.ZipFile(io.BytesIO(content)).namelist()) == period.expected_reporters.count()


@pytest.mark.parametrize("persona", ["leader", "commune_a_reporter"])
def test_only_the_focal_officer_downloads_the_zip(client, period, persona, request):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    response = client.get(reverse("reporting:xlsx_templates_zip", args=[period.pk]))
    assert response.status_code in (403, 404)


def test_report_page_links_to_the_excel_template(client, period, daklak, commune_a_reporter):
    client.login(username="reporter_a", password=PASSWORD)
    submission = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    page = client.get(reverse("reporting:submission", args=[submission.pk])).content.decode()
    assert reverse("reporting:xlsx_template", args=[period.pk, daklak.commune_a.pk]) in page
    assert "Tải biểu mẫu Excel" in page
    assert reverse("reporting:xlsx_upload") in page


# ------------------------------------------------------------------------- formula injection (issue 14.1)


def hostile_report(period, daklak, commune_a_reporter, focal_officer):
    """Ea Kar renamed to a formula, a plan titled with one, a narrative that is one, returned with a
    comment that is one: every text a user controls in the template."""
    daklak.commune_a.name = HOSTILE
    daklak.commune_a.save(update_fields=["name"])
    period.plan.title = HOSTILE
    period.plan.save(update_fields=["title"])
    submission = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    fill(submission, commune_a_reporter, narrative={"results": HOSTILE, "difficulties": "@SUM(1+1)*cmd"})
    submission.refresh_from_db()
    submission = services.submit(submission, commune_a_reporter)
    return services.return_submission(submission, focal_officer, HOSTILE)


def test_user_texts_in_a_units_template_stay_text_never_formulas(
    period, daklak, commune_a_reporter, focal_officer
):
    hostile_report(period, daklak, commune_a_reporter, focal_officer)
    content = build_template(period, daklak.commune_a)
    assert_no_hostile_formula(content)
    sheet = workbook(content)["Biểu1"]
    assert sheet["C7"].value == HOSTILE and sheet["C7"].data_type == "s"  # the unit's name in the header
    assert sheet["C4"].value == HOSTILE and sheet["C4"].data_type == "s"  # the plan
    held = cells_holding(content, HOSTILE)
    assert "Biểu1!C7" in held and "Biểu1!C4" in held and len(held) >= 3  # and the narrative
    assert cells_holding(content, "@SUM(1+1)*cmd")
    assert sheet["C7"].quotePrefix  # Excel keeps it text when the cell is edited


def test_user_texts_in_the_officers_templates_zip_stay_text(
    client, period, daklak, commune_a_reporter, focal_officer
):
    hostile_report(period, daklak, commune_a_reporter, focal_officer)
    client.login(username="focal", password=PASSWORD)
    response = client.get(reverse("reporting:xlsx_templates_zip", args=[period.pk]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    for name in archive.namelist():
        assert_no_hostile_formula(archive.read(name))
    ea_kar = archive.read(template_filename(period, daklak.commune_a))
    assert "Biểu1!C7" in cells_holding(ea_kar, HOSTILE)
    assert len(cells_holding(ea_kar, HOSTILE)) >= 3


def test_the_templates_own_total_formulas_are_kept(period, daklak):
    found = formulas(build_template(period, daklak.commune_a))
    assert found and all(f.startswith("IF(COUNT(") for f in found)


def test_a_hostile_narrative_comes_back_unchanged_through_the_import(
    period, daklak, commune_a_reporter, focal_officer
):
    from binhdang.reporting.excel.importer import import_xlsx

    submission = hostile_report(period, daklak, commune_a_reporter, focal_officer)
    result = import_xlsx(build_template(period, daklak.commune_a), commune_a_reporter, filename="ea-kar.xlsx")
    assert result.accepted, result.errors
    submission.refresh_from_db()
    assert submission.results == HOSTILE


def test_a_budget_at_the_limit_is_written_to_the_template_as_the_exact_whole_number(
    period, daklak, commune_a_reporter
):
    report = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    services.save_draft(
        report,
        {("TT_BUDGET_STATE", ""): "1000000000000"},
        None,
        commune_a_reporter,
        expected_version=report.version,
    )
    sheet = workbook(build_template(period, daklak.commune_a))["Biểu1"]
    assert sheet["C29"].value == 1_000_000_000_000 and isinstance(sheet["C29"].value, int)


def test_empty_cells_carry_the_activity_logs_figure_as_a_note(period, daklak, commune_a_reporter):
    log_sessions(period, daklak.commune_a, commune_a_reporter)
    report = services.get_or_create_submission(period, daklak.commune_a)
    services.save_draft(report, {("TT_TRAININGS", ""): "2"}, {}, commune_a_reporter, expected_version=1)
    sheet = workbook(build_template(period, daklak.commune_a))[L.SHEET]
    rows = {
        str(sheet[f"G{r}"].value): r for r in range(L.FIRST_ROW, sheet.max_row + 1) if sheet[f"G{r}"].value
    }
    sessions = sheet[f"C{rows['TT_SESSIONS']}"]
    assert sessions.value is None and sessions.comment.text == "Theo sổ hoạt động: 3"
    assert sheet[f"C{rows['TT_BUDGET_STATE']}"].comment.text == "Theo sổ hoạt động: 1.500.000"
    trainings = sheet[f"C{rows['TT_TRAININGS']}"]
    assert trainings.value == 2 and trainings.comment is None  # a value is there: no proposal
    assert sheet[f"C{rows['TT_NEWS']}"].comment is None  # not in the log
    other = workbook(build_template(period, daklak.commune_b))[L.SHEET]
    assert not any(cell.comment for row in other.iter_rows() for cell in row)


def test_the_zip_of_templates_takes_the_same_few_queries_whatever_the_number_of_units(
    period, daklak, commune_a_reporter, django_assert_max_num_queries
):
    """The activity log's figures are read for every unit in one go, not once per template."""
    fill(services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter), commune_a_reporter)
    units = period.expected_reporters.count()
    assert units >= 5
    with django_assert_max_num_queries(6):
        archive = zipfile.ZipFile(io.BytesIO(build_templates_zip(period)))
    assert len(archive.namelist()) == units
