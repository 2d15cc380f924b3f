"""The body of the annual report as a synthesis (issue 16): per-theme totals with women's share, the
units with the largest figures named, inactive units named once, targets with a reason, grouped
difficulties, the change from the previous year."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from binhdang.documents import synthesis
from binhdang.documents.annual import Grouped, collect
from binhdang.documents.synthesis import change, sections
from binhdang.reporting.forms_catalog import DEFAULT_COC
from tests.documents.conftest import narrate
from tests.results.conftest import file_report, local

COMMUNICATION = "Truyền thông, phổ biến pháp luật, chính sách về bình đẳng giới"


def by_key(content) -> dict[str, synthesis.Section]:
    return {s.key: s for s in sections(content)}


def theme(content, name: str) -> synthesis.Section:
    return next(s for s in sections(content) if s.heading.endswith(name))


def test_change_says_up_or_down_by_how_much_against_the_previous_year():
    assert change(112, 100, 2026) == "tăng 12% so với năm 2025"
    assert change(Decimal("96.5"), 100, 2026) == "giảm 3,5% so với năm 2025"
    assert change(5, 5, 2026) == "bằng năm 2025"
    assert change(5, 0, 2026) == "năm 2025 chưa có"
    assert change(5, None, 2026) == ""


def test_a_theme_gives_the_province_totals_with_the_share_of_women_and_the_largest_units(plan, reports):
    section = theme(collect(plan, 2026), COMMUNICATION)
    # sessions: commune A 5, Sở Y tế 1, the newspaper 2; each report 40 men and 60 women
    assert section.figures[0] == (
        "3 đơn vị (1 xã, phường; 1 sở, ban, ngành; 1 cơ quan báo chí) đã tổ chức 8 cuộc truyền thông "
        "với 300 lượt người tham dự, trong đó nữ 180 lượt (60%)."
    )
    assert section.figures[1].startswith("Các đơn vị thực hiện nhiều nhất: Xã Ea Kar (5 cuộc truyền thông)")
    assert "Xã Ea Kar: Tổ chức 5 cuộc truyền thông" in section.prose


def test_the_change_from_the_previous_year_is_in_the_theme(plan, reports):
    content = collect(plan, 2026)
    previous = dataclasses.replace(content, units=content.units[:1], previous=None)
    only = previous.units[0]
    previous.units[0] = dataclasses.replace(only, values={("TT_SESSIONS", DEFAULT_COC): "4"}, state="on_time")
    content.previous = previous
    assert "(số cuộc truyền thông tăng 100% so với năm 2025)" in theme(content, COMMUNICATION).figures[0]


def test_units_that_did_nothing_are_named_once(plan, reports, daklak, period):
    idle = {"TT_SESSIONS": 0, "TT_AM_ACTIVITIES": 0, "TT_NEWS": 0, "TT_TRAININGS": 0, "TT_BUDGET_STATE": 0}
    file_report(period, daklak.womens_union, idle, at=local(2026, 11, 20))
    figures = " ".join(line for s in sections(collect(plan, 2026)) for line in [*s.figures, *s.after])
    assert "Có 1 đơn vị báo cáo chưa tổ chức hoạt động nào: Hội Liên hiệp Phụ nữ tỉnh." in figures
    assert figures.count("Hội Liên hiệp Phụ nữ tỉnh") == 1  # not again under each theme


def test_each_target_has_its_status_and_the_reason_in_words(plan, reports):
    lines = by_key(collect(plan, 2026))["targets"].figures
    assert lines[0].startswith("Trong 5 chỉ tiêu của năm 2026:")
    targets = [line for line in lines if line.startswith("Chỉ tiêu ")]
    assert len(targets) == 5
    for line in targets:
        assert "đánh giá:" in line
        assert any(
            reason in line
            for reason in (
                "mức cần đạt theo lộ trình",
                "đã đạt mục tiêu",
                "chưa có số liệu",
                "bám sát",
                "xa mức",
            )
        )


def test_difficulties_are_grouped_and_counted_beyond_the_shown_ones(plan, reports, monkeypatch):
    content = collect(plan, 2026)
    assert by_key(content)["difficulties"].prose == "- Kinh phí còn hạn chế (2 đơn vị: Sở Y tế, Xã Ea Kar)."
    content.difficulties = [Grouped(f"Khó khăn số {n}", ["Xã A", "Xã B"]) for n in range(10)]
    monkeypatch.setattr(synthesis, "GROUPS_SHOWN", 8)
    prose = by_key(content)["difficulties"].prose.splitlines()
    assert (
        len(prose) == 9 and prose[-1] == "- Ngoài ra, 2 ý kiến khác của 2 đơn vị (chi tiết tại Phụ lục III)."
    )


def test_near_duplicate_difficulties_of_different_units_are_one_item(plan, reports, daklak, period):
    union = file_report(period, daklak.womens_union, at=local(2026, 11, 21))
    narrate(union, "Đã triển khai.", "Kinh phí còn rất hạn chế!")
    difficulties = collect(plan, 2026).difficulties
    assert [(g.text, len(g.units)) for g in difficulties] == [("Kinh phí còn hạn chế", 3)]


def test_without_narratives_the_sections_hold_figures_only(plan, reports):
    parts = by_key(collect(plan, 2026, with_narratives=False))
    assert parts["difficulties"].prose == synthesis.NO_NARRATIVES
    assert "Kinh phí" not in " ".join(s.prose for s in parts.values() if s.key != "difficulties")
    assert "300 lượt người tham dự" in " ".join(parts["theme-0"].figures)


def test_the_next_years_report_compares_with_this_year(plan, reports, daklak):
    from binhdang.reporting import services as reporting

    later = reporting.open_period(plan, 2027, None)
    file_report(later, daklak.commune_a, {"TT_SESSIONS": 10}, at=local(2027, 11, 20))
    content = collect(plan, 2027)
    assert content.previous is not None and content.previous.year == 2026
    # 2026: 8 sessions (commune A 5, Sở Y tế 1, the newspaper 2); 2027: commune A's 10
    assert "(số cuộc truyền thông tăng 25% so với năm 2026)" in theme(content, COMMUNICATION).figures[0]
    assert "(năm 2026: " in by_key(content)["reporting"].figures[0]
    targets = [line for line in by_key(content)["targets"].figures if line.startswith("Chỉ tiêu ")]
    assert any("; năm 2026: " in line for line in targets)
