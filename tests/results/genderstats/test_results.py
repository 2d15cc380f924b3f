"""A strategy indicator without a reported value takes the total its responsible agency recorded in the
gender statistics, shown with its source (results.engine.plan, the dashboard and the indicator page)."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse

from binhdang.reporting import services as reporting
from binhdang.results.engine import plan_results
from binhdang.results.engine.plan import DIRECT, STATISTIC
from binhdang.results.genderstats import services

SOURCE = "Cục Thống kê tỉnh, niên giám 2026"


def _wage(results):
    return next(r for r in results.indicators if r.catalog_code == "NQ28.2.1")


def test_the_recorded_total_is_the_indicators_value_with_its_source(daklak, strategy_plan, stats_reporter):
    assert _wage(plan_results(strategy_plan, 2026)).value is None
    services.record(
        daklak.root,
        "NQ28.2.1",
        2026,
        {"_T": Decimal("48.6"), "F": Decimal("45.2"), "M": Decimal("52.1")},
        source=SOURCE,
        user=stats_reporter,
    )
    result = _wage(plan_results(strategy_plan, 2026))
    assert (result.value, result.source) == (Decimal("48.6"), STATISTIC)
    assert result.detail["statistic"]["source"] == SOURCE
    assert result.detail["statistic"]["female"] == Decimal("45.2")
    assert result.detail["statistic"]["agency"] == "Thống kê tỉnh"
    assert _wage(plan_results(strategy_plan, 2027)).value is None  # another year has no figure


def test_a_value_reported_in_the_year_comes_first(daklak, strategy_plan, stats_reporter, stats_office):
    services.record(
        daklak.root, "NQ28.2.1", 2026, {"_T": Decimal("48.6")}, source=SOURCE, user=stats_reporter
    )
    period = reporting.open_period(strategy_plan, 2026, None)
    report = reporting.get_or_create_submission(period, stats_office, stats_reporter)
    reporting.save_draft(
        report,
        {("NQ28.2.1", "VALUE"): "50", ("NQ28.2.1", "NOTE"): "Điều tra lao động"},
        None,
        stats_reporter,
        expected_version=None,
    )
    reporting.submit(report, stats_reporter)
    result = _wage(plan_results(strategy_plan, 2026))
    assert (result.value, result.source) == (Decimal("50.00"), DIRECT)


def test_the_dashboard_and_the_indicator_page_show_the_source(
    client, daklak, strategy_plan, stats_reporter, leader
):
    services.record(
        daklak.root, "NQ28.2.1", 2026, {"_T": Decimal("48.6")}, source=SOURCE, user=stats_reporter
    )
    client.force_login(leader)
    dashboard = client.get(reverse("results:dashboard", args=[strategy_plan.pk, 2026])).content.decode()
    assert "Nguồn: " + SOURCE in dashboard
    wage = strategy_plan.indicators.get(code="2.1")
    page = client.get(reverse("results:indicator", args=[wage.pk, 2026])).content.decode()
    assert 'id="statistic-source"' in page and SOURCE in page
