"""``binhdang report --plan ID|SLUG --years 2026-2028`` and ``--national --years``: the reviews on the
command line, and their clear refusals (a span outside the plan or reversed names the years)."""

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


def test_the_review_of_a_plan_by_slug_as_docx_and_by_id_as_xlsx(plan, reports, tmp_path):
    target = tmp_path / "so-ket.docx"
    assert "Đã ghi" in run(
        "--plan", plan.slug, "--years", "2026-2028", "--format", "docx", "--out", str(target)
    )
    lines = [p.text for p in Document(str(target)).paragraphs]
    assert lines[lines.index("BÁO CÁO") + 1].startswith("Sơ kết giai đoạn 2026-2028")
    assert "Năm 2027: chưa có số liệu báo cáo." in lines
    annex = tmp_path / "so-ket.xlsx"
    run("--plan", str(plan.pk), "--years", "2026-2030", "--format", "xlsx", "--out", str(annex))
    assert load_workbook(BytesIO(annex.read_bytes())).sheetnames[0] == "Chỉ tiêu qua các năm"


def test_the_national_review_on_the_command_line(plan, reports, tmp_path):
    target = tmp_path / "toan-quoc.docx"
    run("--national", "--years", "2026-2028", "--format", "docx", "--out", str(target))
    assert Document(str(target)).tables[0].rows[0].cells[0].paragraphs[0].text == "BỘ NỘI VỤ"
    annex = tmp_path / "toan-quoc.xlsx"
    run("--national", "--years", "2026-2027", "--format", "xlsx", "--out", str(annex))
    assert load_workbook(BytesIO(annex.read_bytes())).sheetnames == [
        "Chỉ tiêu toàn quốc",
        "Các tỉnh theo năm",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--plan", "{plan}", "--years", "2025-2028"),
            r"Giai đoạn 2025-2028 nằm ngoài kỳ của kế hoạch \(2026-2030\)",
        ),
        (("--plan", "{plan}", "--years", "2026-2031"), "năm 2031 không thuộc kế hoạch"),
        (("--plan", "{plan}", "--years", "2028-2026"), r"Giai đoạn 2028-2026 bị đảo ngược"),
        (("--plan", "{plan}", "--years", "hai năm"), 'Giai đoạn "hai năm" không hợp lệ'),
        (("--national", "--years", "2024-2026"), "2024-2026 nằm ngoài kỳ"),
        (("--plan", "{plan}", "--years", "2026-2028", "--year", "2026"), "không đi cùng --year"),
        (("--plan", "{plan}", "--national", "--years", "2026-2028"), "hãy cho --plan .* hoặc --national"),
        (("--years", "2026-2028"), "hãy cho --plan .* hoặc --national"),
        (("--plan", "khong-co", "--years", "2026-2028"), 'Không có kế hoạch có mã số hoặc slug "khong-co"'),
        (
            (
                "--plan",
                "{plan}",
            ),
            "Hãy cho --plan và --year",
        ),
    ],
)
def test_a_bad_span_or_mix_of_options_is_refused_in_vietnamese_and_writes_nothing(
    plan, tmp_path, args, message
):
    args = tuple(a.replace("{plan}", str(plan.pk)) for a in args)
    target = tmp_path / "x.docx"
    with pytest.raises(CommandError, match=message):
        run(*args, "--out", str(target))
    assert not target.exists()
