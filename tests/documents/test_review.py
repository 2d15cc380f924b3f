"""The review of a plan over a span (``documents.review``): the span's checks, the status of every
target in each year, the words of a year without data, the trend from the baseline, the tasks at the
end of the span, the activity log's totals and the difficulties recurring across years."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from binhdang.documents import review
from binhdang.plans.models import Task
from binhdang.reporting import services
from binhdang.work.models import Activity, TaskStatus, TaskUpdate
from tests.documents.conftest import narrate
from tests.factories import Role, make_user
from tests.results.conftest import file_report, local


@pytest.fixture
def second_year(plan, reports, daklak):
    """2027 with one counted report (commune A, fewer sessions, the same difficulty in other words)."""
    period = services.open_period(plan, 2027, None)
    report = file_report(period, daklak.commune_a, {"TT_SESSIONS": 1}, at=local(2027, 11, 20))
    narrate(
        report, "Tổ chức 1 cuộc truyền thông.", "Kinh phí còn rất hạn chế.", "Đề nghị bố trí thêm kinh phí."
    )
    return period


@pytest.mark.parametrize(
    ("text", "span"), [("2026-2028", (2026, 2028)), (" 2026 – 2030 ", (2026, 2030)), ("2027", (2027, 2027))]
)
def test_a_span_is_read_from_its_first_and_last_year(text, span):
    assert review.parse_span(text) == span


def test_a_span_that_is_not_two_years_is_refused_naming_what_was_typed():
    with pytest.raises(review.SpanError, match='Giai đoạn "2026 đến 2028" không hợp lệ'):
        review.parse_span("2026 đến 2028")


def test_a_reversed_span_is_refused_naming_both_years():
    with pytest.raises(
        review.SpanError, match=r"Giai đoạn 2028-2026 bị đảo ngược: năm đầu \(2028\) sau năm cuối"
    ):
        review.check_span(2028, 2026, 2026, 2030)


def test_a_span_outside_the_plan_is_refused_naming_the_years_outside(plan):
    with pytest.raises(
        review.SpanError, match=r"2025-2028 nằm ngoài kỳ của kế hoạch \(2026-2030\): năm 2025"
    ):
        review.collect(plan, 2025, 2028)
    with pytest.raises(review.SpanError, match="năm 2031 không thuộc kế hoạch"):
        review.collect(plan, 2027, 2031)


def test_a_span_ending_before_the_plans_last_year_is_a_mid_term_review_and_reaching_it_a_final_one(plan):
    assert review.plan_span(plan) == (2026, 2030)
    assert review.review_kind(2028, 2030) == "sơ kết"
    assert review.review_kind(2030, 2030) == "tổng kết"


def test_each_year_of_the_span_has_its_own_figures_and_status_and_a_year_without_data_says_so(
    plan, second_year
):
    content = review.collect(plan, 2026, 2028)
    assert [y.has_data for y in content.years] == [True, True, False]
    assert content.year_notes() == [
        "Năm 2026: 3/6 đơn vị đã báo cáo (50%), 2 đơn vị đúng hạn",
        "Năm 2027: 1/6 đơn vị đã báo cáo (16,7%), 1 đơn vị đúng hạn",
        "Năm 2028: chưa có số liệu báo cáo",
    ]
    sessions = content.targets[0]
    assert [(r.year, r.value, r.status) for r in sessions.history] == [
        (2026, Decimal("33.33"), "off_track"),
        (2027, Decimal("0.00"), "off_track"),
        (2028, None, "no_data"),
    ]
    media = content.targets[3]  # the media agency reported in 2026 only
    assert [r.status for r in media.history] == ["achieved", "off_track", "no_data"]
    assert content.status_counts(2027) == {"off_track": 3, "no_data": 1, "achieved": 1}


def test_the_trend_runs_from_the_first_figure_to_the_last_and_says_whether_it_improved(plan, second_year):
    content = review.collect(plan, 2026, 2028)
    sessions, _ratio, awareness, _media, conventions = content.targets
    assert sessions.trend == review.WORSE
    assert sessions.trend_text() == "↘ 33,33% (2026) → 0% (2027): kém đi"
    assert conventions.trend == review.FLAT
    assert awareness.trend == review.UNKNOWN
    assert awareness.trend_text() == "chưa đủ số liệu để đánh giá xu hướng"


def test_the_trend_starts_at_the_plans_baseline_when_it_gives_one_before_the_span(plan, reports):
    indicator = plan.indicators.order_by("order").first()
    indicator.baseline_value, indicator.baseline_year = Decimal("20"), 2025
    indicator.save()
    trend = review.collect(plan, 2026, 2027).targets[0]
    assert trend.points() == [(2025, Decimal("20")), (2026, Decimal("33.33"))]
    assert trend.trend == review.BETTER
    assert trend.trend_text() == "↗ 20% (2025) → 33,33% (2026): cải thiện"


def test_a_single_year_without_a_baseline_has_no_trend_yet(plan, reports):
    content = review.collect(plan, 2026, 2028)
    assert {t.trend for t in content.targets} == {review.UNKNOWN}


def test_tasks_are_counted_at_the_end_of_the_span_with_those_done_by_each_year(plan, daklak):
    officer = make_user("daumoi.review", Role.FOCAL_OFFICER, daklak.root)
    done = Task.objects.create(plan=plan, code="1.a", title="Tổ chức hội nghị", timeframe="Hằng năm", order=1)
    Task.objects.create(
        plan=plan, code="1.b", title="Ban hành kế hoạch", timeframe="trước ngày 30/6/2026", order=2
    )
    going = Task.objects.create(plan=plan, code="1.c", title="Tập huấn", timeframe="2026-2030", order=3)
    for task, status, day in ((done, TaskStatus.DONE, 20), (going, TaskStatus.IN_PROGRESS, 21)):
        TaskUpdate.objects.create(task=task, author=officer, status=status, note="Đã làm.")
        TaskUpdate.objects.filter(task=task).update(created_at=local(2026, 11, day))
    tasks = review.collect(plan, 2026, 2028).tasks
    assert tasks.asof == dt.date(2026, 12, 4)  # the span has not ended: today
    assert [(r.code, r.status) for r in tasks.rows] == [
        ("1.a", "done"),
        ("1.b", "late"),
        ("1.c", "in_progress"),
    ]
    assert [(s, n) for s, _label, n in tasks.counts()] == [
        ("done", 1),
        ("in_progress", 1),
        ("not_started", 0),
        ("late", 1),
    ]
    assert tasks.done_by_year == {2026: 1}  # 2027 and 2028 have not begun
    assert [r.code for r in tasks.late()] == ["1.b"]


def test_a_span_in_the_past_counts_the_tasks_as_they_were_at_its_end(plan, daklak):
    officer = make_user("daumoi.review", Role.FOCAL_OFFICER, daklak.root)
    task = Task.objects.create(plan=plan, code="2.a", title="Sơ kết", timeframe="Hằng năm", order=1)
    TaskUpdate.objects.create(task=task, author=officer, status=TaskStatus.DONE, note="Xong.")
    tasks = review.task_summary(plan, 2026, 2026, today=dt.date(2027, 3, 1))
    assert tasks.asof == dt.date(2026, 12, 31)
    assert [r.status for r in tasks.rows] == ["done"]
    TaskUpdate.objects.filter(task=task).update(created_at=local(2027, 1, 5))
    assert [r.status for r in review.task_summary(plan, 2026, 2026, today=dt.date(2027, 3, 1)).rows] == [
        "not_started"
    ]


def test_activities_and_budget_are_totalled_by_year_and_type_over_the_span_only(plan, daklak):
    officer = make_user("daumoi.review", Role.FOCAL_OFFICER, daklak.root)

    def record(day, kind, male, female, state, other):
        Activity.objects.create(
            plan=plan,
            unit=daklak.commune_a,
            type=kind,
            date=day,
            place="Thôn 1",
            male=male,
            female=female,
            budget_state=state,
            budget_other=other,
            created_by=officer,
        )

    record(dt.date(2026, 3, 8), "communication", 20, 30, 1_000_000, 0)
    record(dt.date(2026, 11, 20), "training", 5, 15, 2_000_000, 500_000)
    record(dt.date(2027, 5, 1), "communication", 10, 10, 0, 300_000)
    record(dt.date(2029, 1, 1), "communication", 1, 1, 9_000_000, 0)  # after the span
    activities = review.collect(plan, 2026, 2028).activities
    assert [(y, t.count, t.participants, t.budget) for y, t in activities.by_year.items()] == [
        (2026, 2, 70, 3_500_000),
        (2027, 1, 20, 300_000),
        (2028, 0, 0, 0),
    ]
    assert [(label, t.count, t.female) for label, t in activities.type_rows()] == [
        ("buổi truyền thông", 2, 40),
        ("tập huấn", 1, 15),
    ]
    total = activities.total
    assert (total.count, total.male, total.female, total.budget_state, total.budget_other) == (
        3,
        35,
        55,
        3_000_000,
        800_000,
    )


def test_a_difficulty_raised_in_two_years_in_other_words_is_recurring(plan, second_year):
    content = review.collect(plan, 2026, 2028)
    first = content.difficulties[0]
    assert (first.text, first.years, first.units) == (
        "Kinh phí còn hạn chế",
        [2026, 2027],
        ["Sở Y tế", "Xã Ea Kar"],
    )
    assert sorted(p.years for p in content.proposals) == [[2026], [2027]]  # different proposals


def test_without_narratives_nothing_the_units_wrote_is_collected(plan, second_year):
    content = review.collect(plan, 2026, 2028, with_narratives=False)
    assert content.difficulties == [] and content.proposals == []
    assert all(y.annual is None or not y.annual.overview for y in content.years)


def test_the_default_span_runs_from_the_plans_first_year_to_this_year():
    assert review.default_span(2026, 2030, dt.date(2026, 12, 4)) == (2026, 2026)
    assert review.default_span(2026, 2030, dt.date(2032, 1, 1)) == (2026, 2030)


def _trend(kind, low, high, values, unit="%"):
    """A target's trend from plain values (no database: only the fields the trend reads)."""
    from types import SimpleNamespace

    from binhdang.results.status import Bar

    indicator = SimpleNamespace(baseline_value=None, baseline_year=None)
    history = [SimpleNamespace(year=2026 + i, value=Decimal(v)) for i, v in enumerate(values)]
    years = {r.year for r in history}
    return review.TargetTrend(indicator, unit, Bar(kind, Decimal(low), Decimal(high)), history, years)


def test_a_falling_value_improves_a_target_of_at_most_and_the_arrow_shows_it_falling():
    trend = _trend("max", 30, 30, ["38", "35"])
    assert trend.trend == review.BETTER
    assert trend.trend_text() == "↘ 38% (2026) → 35% (2027): cải thiện"
    assert _trend("max", 30, 30, ["35", "38"]).trend == review.WORSE


def test_a_value_moving_towards_a_range_improves_and_leaving_it_worsens():
    assert _trend("range", 104, 107, ["112", "110"], "bé trai/100 bé gái").trend == review.BETTER
    assert _trend("range", 104, 107, ["101", "103"]).trend == review.BETTER
    assert _trend("range", 104, 107, ["106", "109"]).trend == review.WORSE
    assert _trend("range", 104, 107, ["105", "106"]).trend == review.FLAT  # inside all along
