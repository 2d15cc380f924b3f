"""``binhdang report``: the annual report, its annex, a unit's report; clear refusals."""

from __future__ import annotations

from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook


def run(*args) -> str:
    out = StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


def test_the_annual_report_by_id_and_the_annex_by_slug(plan, reports, tmp_path):
    target = tmp_path / "bc.docx"
    assert "Đã ghi" in run("--plan", str(plan.pk), "--year", "2026", "--format", "docx", "--out", str(target))
    assert "BÁO CÁO" in [p.text for p in Document(str(target)).paragraphs]
    annex = tmp_path / "pl.xlsx"
    run("--plan", plan.slug, "--year", "2026", "--format", "xlsx", "--out", str(annex))
    assert load_workbook(BytesIO(annex.read_bytes())).sheetnames[-2:] == ["Số liệu đơn vị", "Kinh phí"]


def test_a_units_report_by_its_code(plan, reports, daklak, tmp_path):
    target = tmp_path / "xa.docx"
    run("--plan", str(plan.pk), "--year", "2026", "--unit", daklak.commune_a.code, "--out", str(target))
    header = Document(str(target)).tables[0].rows[0].cells[0].paragraphs[0].text
    assert header == "ỦY BAN NHÂN DÂN\nXÃ EA KAR"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--plan", "khong-co"), 'Không có kế hoạch có mã số hoặc slug "khong-co"'),
        (("--plan", "{plan}", "--year", "2027"), "chưa mở kỳ báo cáo năm 2027"),
        (("--plan", "{plan}", "--unit", "99-X"), 'Không có đơn vị mã "99-X"'),
        (("--plan", "{plan}", "--unit", "66-M02"), "Hội Liên hiệp Phụ nữ tỉnh chưa có báo cáo năm 2026"),
        (("--plan", "{plan}", "--unit", "66-C001", "--format", "xlsx"), "chỉ có dạng docx"),
    ],
)
def test_unknown_plan_year_or_unit_is_refused_in_vietnamese(plan, reports, tmp_path, args, message):
    args = tuple(a.replace("{plan}", str(plan.pk)) for a in args)
    if "--year" not in args:
        args += ("--year", "2026")
    target = tmp_path / "x.docx"
    with pytest.raises(CommandError, match=message):
        run(*args, "--out", str(target))
    assert not target.exists()
