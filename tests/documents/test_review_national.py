"""The ministry's review over a span (``documents.review_national``): per catalog indicator the national
value of each year from the units' data and the provinces on track; per province its targets on track
per year; a year without data says so; DOCX issued by Bộ Nội vụ and its XLSX annex."""

from __future__ import annotations

from io import BytesIO

import pytest
from docx import Document
from openpyxl import load_workbook

from binhdang.devtools.synth import synthesize
from binhdang.documents import review, review_files, review_national
from binhdang.plans.models import Plan
from binhdang.reporting import services
from binhdang.results import catalog_rules as rules
from binhdang.results.status import INCREASE, MAX, MIN
from tests.results.conftest import file_report, local


@pytest.fixture
def national(plan, reports, laichau, daklak):
    """Đắk Lắk's plan with 2026 and 2027 figures; Lai Châu without a plan in force."""
    period = services.open_period(plan, 2027, None)
    file_report(period, daklak.commune_a, {"TT_SESSIONS": 1}, at=local(2027, 11, 20))
    return plan


def test_each_catalog_indicator_has_its_national_value_per_year_and_the_provinces_on_track(national):
    content = review_national.collect(2026, 2028)
    assert content.codes == ["1790.1", "1790.2", "1790.3", "1790.4", "1790.5"]
    assert [content.has_data(y) for y in content.years] == [True, True, False]
    sessions = [content.rollups[y].totals["1790.1"].value for y in (2026, 2027)]
    assert [str(v) for v in sessions] == ["33.33", "0.00"]  # units meeting the bar over all units
    assert content.provinces_on_track("1790.4", 2026) == (1, 1)
    assert content.provinces_on_track("1790.4", 2027) == (0, 1)
    assert content.year_notes()[2] == "Năm 2028: chưa có số liệu báo cáo"


def test_every_province_has_its_targets_on_track_per_year_or_no_plan(national):
    rows = dict(review_national.collect(2026, 2027).province_rows())
    assert [(c["good"], c["total"]) for c in rows["Tỉnh Đắk Lắk"]] == [(2, 5), (1, 5)]
    assert [c["plan"] for c in rows["Tỉnh Lai Châu"]] == [False, False]
    table = review_national.province_table(review_national.collect(2026, 2028))
    by_name = {row[1]: row[2:] for row in table.rows}
    assert by_name["Tỉnh Đắk Lắk"] == ["2/5", "1/5", "Chưa có số liệu"]
    assert by_name["Tỉnh Lai Châu"] == ["Chưa có kế hoạch đang có hiệu lực"] * 3


def test_a_span_outside_2026_2030_or_reversed_is_refused():
    with pytest.raises(review.SpanError, match="2025-2027 nằm ngoài kỳ của kế hoạch"):
        review_national.collect(2025, 2027)
    with pytest.raises(review.SpanError, match="bị đảo ngược"):
        review_national.collect(2028, 2026)


def test_the_national_review_is_issued_by_the_ministry_with_its_annex(national):
    generated = review_files.national_review_report(2026, 2028)
    assert generated.name == "so-ket-toan-quoc-chuong-trinh-1790-2026-2028.docx"
    document = Document(BytesIO(generated.content))
    assert document.tables[0].rows[0].cells[0].paragraphs[0].text == "BỘ NỘI VỤ"
    lines = [p.text for p in document.paragraphs]
    assert lines[lines.index("BÁO CÁO") + 1].startswith("Sơ kết giai đoạn 2026-2028 thực hiện Chương trình")
    body = "\n".join(lines)
    assert "Năm 2028: chưa có số liệu báo cáo." in body
    assert "năm 2026: 33,33% (0/1 tỉnh đạt lộ trình); năm 2027: 0% (0/1 tỉnh đạt lộ trình)" in body
    annex = load_workbook(BytesIO(review_files.national_review_annex(2026, 2030).content))
    assert annex.sheetnames == ["Chỉ tiêu toàn quốc", "Các tỉnh theo năm"]
    first = [c.value for c in annex["Chỉ tiêu toàn quốc"][5]]
    assert first[:5] == ["1790.1", first[1], "%", "33,33%", "0/1"]
    assert review_files.national_filename(2026, 2030, "communication").startswith("tong-ket-")


@pytest.fixture
def synthetic(db):
    """Two provinces of the synthetic national dataset with three years of reports."""
    return synthesize("Lai Châu,Điện Biên", [2026, 2027, 2028], 7)


def test_on_the_synthetic_dataset_every_year_has_a_national_value_from_the_units(synthetic):
    content = review_national.collect(2026, 2029)
    assert [content.has_data(y) for y in content.years] == [True, True, True, False]
    sessions = content.rollups[2027].totals["1790.1"]
    assert sessions.value == rules.percent(sessions.numerator, sessions.denominator)  # pooled units
    assert sessions.denominator == sum(
        r.by_catalog()["1790.1"].denominator for _p, r in content.rollups[2027].rows if r is not None
    )
    rows = dict(content.province_rows())
    assert set(rows) >= {"Tỉnh Lai Châu", "Tỉnh Điện Biên"}
    assert all(cell["plan"] and cell["total"] == 5 for cell in rows["Tỉnh Lai Châu"])
    assert content.year_notes()[3] == "Năm 2029: chưa có số liệu báo cáo"


def test_on_the_synthetic_dataset_a_trend_is_better_when_it_moves_towards_the_target(synthetic):
    checked = 0
    for plan in Plan.objects.filter(pk__in=synthetic.plan_ids):
        for trend in review.collect(plan, 2026, 2028).targets:
            points = trend.points()
            if trend.trend in (review.UNKNOWN, review.FLAT):
                continue
            went_up = points[-1][1] > points[0][1]
            if trend.final.kind == MAX:
                assert (trend.trend == review.BETTER) == (not went_up), trend.trend_text()
            elif trend.final.kind in (MIN, INCREASE):
                assert (trend.trend == review.BETTER) == went_up, trend.trend_text()
            arrow = "↗" if went_up else "↘"
            assert trend.trend_text().startswith(arrow)
            checked += 1
    assert checked >= 8


def test_on_the_synthetic_dataset_every_plans_review_and_both_programmes_national_reviews_are_written(
    synthetic,
):
    for plan in Plan.objects.filter(pk__in=synthetic.plan_ids):
        lines = [
            p.text for p in Document(BytesIO(review_files.review_report(plan, 2026, 2030).content)).paragraphs
        ]
        assert lines[lines.index("BÁO CÁO") + 1].startswith("Tổng kết giai đoạn 2026-2030")
        assert "Năm 2029: chưa có số liệu báo cáo." in lines and "c) Năm 2028" in lines
        assert load_workbook(BytesIO(review_files.review_annex(plan, 2026, 2030).content)).sheetnames
    strategy = review_files.national_review_report(2026, 2028, "strategy")
    assert strategy.name == "so-ket-toan-quoc-chien-luoc-2026-2028.docx"
    body = "\n".join(p.text for p in Document(BytesIO(strategy.content)).paragraphs)
    assert "Chiến lược" in body or "chiến lược" in body
