"""Every seed plan, rendered to Word in every layout of the corpus, scores at least 0.95 against its
hand-written golden extraction (tests/plans/corpus.py, tests/plans/scoring.py)."""

from __future__ import annotations

import functools

import pytest

from binhdang.plans.extraction import extract_docx
from tests.plans.corpus import LAYOUTS, PLANS, SEEDS, TYPED, expected, golden, render, roadmap_rows
from tests.plans.scoring import explain, score

THRESHOLD = 0.95


@functools.cache
def _extraction(seed: str, layout_name: str) -> dict:
    layout = next(layout for layout in LAYOUTS if layout.name == layout_name)
    return extract_docx(render(seed, layout))


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.name)
@pytest.mark.parametrize("seed", PLANS)
def test_each_word_rendering_of_a_seed_scores_at_least_095(seed, layout):
    extraction = _extraction(seed, layout.name)
    wanted = expected(seed, layout)
    result = score(extraction, wanted)
    assert result >= THRESHOLD, f"seed {seed} as {layout.name}: {result:.3f}\n{explain(extraction, wanted)}"
    assert not [w for w in extraction["warnings"] if "đánh số" in w or "numbered" in w]


def test_seed_003_typed_line_by_line_with_dash_bullets_and_bold_headings_keeps_all_20_indicators():
    extraction = _extraction("003", TYPED.name)
    by_code = {i["code"]: i for i in extraction["indicators"]}
    assert len(extraction["indicators"]) == 20
    assert by_code["3.1"]["text"].startswith("Giảm số giờ trung bình làm công việc nội trợ")
    assert by_code["4.1"]["targets"][0]["kind"] == "range"
    assert by_code["5.1"]["text"].startswith("Nội dung về giới, bình đẳng giới")
    assert by_code["5.4"]["responsible"] == ["Sở Giáo dục và Đào tạo", "Thống kê tỉnh"]
    assert by_code["3.1"]["responsible"] == ["Thống kê tỉnh"]


@pytest.mark.parametrize("seed", PLANS)
def test_a_plan_annexed_to_a_decision_takes_the_decisions_number_date_and_signer(seed):
    layout = next(layout for layout in LAYOUTS if layout.name == "decision-annex-tables")
    extraction = _extraction(seed, layout.name)
    assert extraction["number"] == "2345/QĐ-UBND"
    assert extraction["date"] == "2026-05-20"
    assert extraction["signer"]["name"] == expected(seed, layout)["signer"]["name"]
    assert extraction["decision"]["number"] == "2345/QĐ-UBND"
    assert not any("Quyết định" in basis["number"] for basis in extraction["legal_bases"])


@pytest.mark.parametrize("seed", SEEDS)
def test_a_roadmap_annex_table_gives_each_row_to_its_indicator(seed):
    extraction = _extraction(seed, "roadmap-annex")
    codes = [code for code, _label, _cells in roadmap_rows(golden(seed))]
    assert codes
    assert [row["indicator"] for row in extraction["roadmap"]] == codes


@pytest.mark.parametrize("layout", [LAYOUTS[0], TYPED], ids=lambda layout: layout.name)
def test_indicators_given_in_a_table_get_their_goal_target_responsible_agency_and_roadmap(layout):
    extraction = _extraction("ward_buon_ma_thuot_2026", layout.name)
    by_code = {i["code"]: i for i in extraction["indicators"]}
    assert by_code["3.1"]["responsible"] == ["Văn phòng HĐND và UBND phường"]
    assert [(t["kind"], t["value"], t["year"]) for t in by_code["3.1"]["targets"]] == [("min", 30, 2030)]
    roadmap = {
        row["indicator"]: [(m["year"], m["value"]) for m in row["milestones"]]
        for row in extraction["roadmap"]
    }
    assert roadmap["3.1"] == [(2026, 25), (2027, 26), (2028, 28), (2029, 29), (2030, 30)]
    assert [m[1] for m in roadmap["3.2"]] == [2, 2, 2, 2, 2]


def test_tasks_of_a_ward_plan_carry_their_agencies_from_the_text_and_from_the_task_table():
    extraction = _extraction("ward_buon_ma_thuot_2026", TYPED.name)
    tasks = {t["code"]: (t["lead"], t["cooperating"], t["timeframe"]) for t in extraction["tasks"]}
    assert tasks["1.a"] == (
        "Phòng Văn hóa - Xã hội",
        ["Hội Liên hiệp Phụ nữ phường", "Đoàn Thanh niên phường"],
        None,
    )
    assert tasks["1.b"] == ("Trung tâm Văn hóa, Thông tin và Thể thao phường", ["Các tổ dân phố"], "Hằng quý")
    assert tasks["4"] == ("Công an phường", ["Hội Liên hiệp Phụ nữ phường"], "Quý III hằng năm")
