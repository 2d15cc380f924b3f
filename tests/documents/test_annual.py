"""The annual report's content: counted reports only, narratives by theme and agency, grouped
difficulties and proposals."""

from __future__ import annotations

from binhdang.documents.annual import OTHER_THEME, collect, split_sentences, theme_of


def test_narratives_are_split_into_sentences_without_list_marks():
    text = "- Tổ chức 5 cuộc truyền thông; hưởng ứng Tháng hành động.\n+ Đăng 3 tin, bài. 2) Khác"
    assert split_sentences(text) == [
        "Tổ chức 5 cuộc truyền thông",
        "Hưởng ứng Tháng hành động",
        "Đăng 3 tin, bài",
        "Khác",
    ]


def test_sentences_find_their_theme():
    assert theme_of("Hưởng ứng Tháng hành động với 2 hoạt động") == "Tháng hành động vì bình đẳng giới"
    assert theme_of("Đăng 12 tin, bài trên trang thông tin điện tử").startswith("Thông tin trên báo chí")
    assert theme_of("Tổ chức 5 cuộc truyền thông").startswith("Truyền thông, phổ biến")
    assert theme_of("Rà soát 3 hương ước") == "Hương ước, quy ước"
    assert theme_of("Khen thưởng") == OTHER_THEME


def test_only_counted_reports_feed_the_overview_grouped_by_theme_and_agency(plan, reports):
    content = collect(plan, 2026)
    overview = content.overview
    assert overview["Tháng hành động vì bình đẳng giới"] == {
        "UBND các xã, phường": [("Xã Ea Kar", ["Hưởng ứng Tháng hành động với 2 hoạt động"])]
    }
    news = overview["Thông tin trên báo chí, hệ thống thông tin cơ sở và nền tảng số"]
    assert list(news) == ["Các sở, ban, ngành", "Cơ quan báo chí"]
    assert "Nháp chưa gửi" not in str(overview)  # commune B's draft does not count


def test_difficulties_are_grouped_with_the_units_that_raised_them(plan, reports):
    content = collect(plan, 2026)
    assert [(g.text, g.units) for g in content.difficulties] == [
        ("Kinh phí còn hạn chế", ["Sở Y tế", "Xã Ea Kar"])
    ]
    assert [g.text for g in content.proposals] == ["Đề nghị tổ chức tập huấn cho cán bộ cơ sở"]


def test_units_carry_their_state_and_figures_and_totals_add_up(plan, reports):
    content = collect(plan, 2026)
    states = {u.name: u.state for u in content.units}
    assert states["Xã Ea Kar"] == "on_time"
    assert states["Sở Y tế"] == "late"
    assert states["Phường Buôn Ma Thuột"] == "draft"
    assert states["Hội Liên hiệp Phụ nữ tỉnh"] == "missing"
    assert content.total("TT_SESSIONS") == 5 + 1 + 2
    assert content.total("TT_NEWS") == 1250 + 5 + 5
    missing = dict(content.missing_by_group())
    assert missing["UBND các xã, phường"] == ["Phường Buôn Ma Thuột"]


def test_without_narratives_nothing_the_units_wrote_is_collected(plan, reports):
    content = collect(plan, 2026, with_narratives=False)
    assert content.overview == {} and content.difficulties == [] and content.proposals == []
    assert content.units and content.results.submitted == 3
