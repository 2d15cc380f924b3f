"""The XLSX annex: a sheet per table, numbers as numbers equal to the engine's, totals as formulas
with cached values, frozen headers, print setup."""

from __future__ import annotations

from io import BytesIO

from openpyxl import load_workbook

from binhdang.documents import annex_xlsx
from binhdang.documents.annual import collect, status_label
from binhdang.results.engine import plan_results
from tests.spreadsheets import HOSTILE, assert_no_hostile_formula, cells_holding, formulas


def workbooks(plan):
    data = annex_xlsx.build(collect(plan, 2026, with_narratives=False))
    return load_workbook(BytesIO(data)), load_workbook(BytesIO(data), data_only=True)


def header_row(sheet) -> int:
    return annex_xlsx.HEADER_ROW + 1


def test_one_sheet_per_table_with_frozen_headers_and_print_setup(plan, reports):
    book, _values = workbooks(plan)
    assert book.sheetnames == ["Chỉ tiêu", "Tình hình báo cáo", "Số liệu đơn vị", "Kinh phí"]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == f"A{header_row(sheet) + 1}"
        assert sheet.page_setup.orientation == "landscape"
        assert str(sheet.page_setup.paperSize) == "9"
        assert sheet.print_title_rows == f"${header_row(sheet)}:${header_row(sheet)}"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage


def test_indicator_figures_are_numbers_equal_to_the_engines(plan, reports):
    _book, values = workbooks(plan)
    sheet = values["Chỉ tiêu"]
    results = plan_results(plan, 2026)
    rows = list(sheet.iter_rows(min_row=header_row(sheet) + 1, values_only=True))
    assert len(rows) == len(results.indicators)
    for row, result in zip(rows, results.indicators, strict=True):
        assert row[1] == result.indicator.code
        if result.value is None:
            assert row[6] is None
        else:
            assert isinstance(row[6], int | float) and row[6] == float(result.value)
        assert row[8] == (float(result.denominator) if result.denominator is not None else None)
        assert row[9] == status_label(result.status)


def test_completeness_totals_equal_the_engines(plan, reports):
    _book, values = workbooks(plan)
    sheet = values["Tình hình báo cáo"]
    results = plan_results(plan, 2026)
    total = [c.value for c in sheet[sheet.max_row]]
    assert total[:4] == ["Tổng cộng", results.expected, results.submitted, results.on_time]
    assert total[4] == float(results.completeness)


def test_unit_totals_are_formulas_with_cached_values(plan, reports):
    book, values = workbooks(plan)
    formulas, cached = book["Số liệu đơn vị"], values["Số liệu đơn vị"]
    headers = [c.value for c in formulas[header_row(formulas)]]
    news = headers.index("Tin, bài đã đăng") + 1
    last = formulas.max_row
    assert str(formulas.cell(last, news).value).startswith("=SUM(")
    assert cached.cell(last, news).value == 1250 + 5 + 5
    units = {cached.cell(r, 2).value: r for r in range(header_row(cached) + 1, last)}
    assert cached.cell(units["Xã Ea Kar"], news).value == 1250
    assert cached.cell(units["Hội Liên hiệp Phụ nữ tỉnh"], news).value is None


def test_user_texts_stay_text_in_the_annex_never_formulas(plan, reports, daklak):
    # Issue 14.1: a unit renamed to a formula, an indicator whose text and unit are formulas.
    daklak.commune_a.name = HOSTILE
    daklak.commune_a.save(update_fields=["name"])
    indicator = plan.indicators.order_by("order").first()
    indicator.text = HOSTILE
    indicator.save(update_fields=["text"])
    data = annex_xlsx.build(collect(plan, 2026, with_narratives=False))
    assert_no_hostile_formula(data)
    assert all(f.startswith("SUM(") for f in formulas(data))  # only the annex's own totals
    held = cells_holding(data, HOSTILE)
    assert any(cell.startswith("Chỉ tiêu!") for cell in held)  # the indicator's text
    assert any(cell.startswith("Số liệu đơn vị!") for cell in held)  # the unit's name


def test_wrapped_cells_get_row_heights_and_the_title_rows_too(plan, reports):
    from binhdang.documents.annex_xlsx import LINE_PT, lines_needed

    workbook = load_workbook(BytesIO(annex_xlsx.build(collect(plan, 2026, with_narratives=False))))
    sheet = workbook["Chỉ tiêu"]
    assert sheet.row_dimensions[1].height and sheet.row_dimensions[2].height
    width = sheet.column_dimensions["C"].width
    for row in range(5, 5 + 5):
        text = sheet.cell(row, 3).value
        assert sheet.row_dimensions[row].height >= lines_needed(text, width) * LINE_PT


def test_lines_needed_counts_words_that_do_not_fit_on_a_line():
    from binhdang.documents.annex_xlsx import lines_needed

    assert lines_needed("ngắn", 10) == 1
    assert lines_needed("một hai ba bốn năm sáu bảy tám", 10) == 4
    assert lines_needed("dòng một\ndòng hai", 40) == 2
