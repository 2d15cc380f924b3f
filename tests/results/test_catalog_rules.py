"""The aggregate SQL of the catalog rules (``results.catalog_rules``), one period at a time."""

from __future__ import annotations

from decimal import Decimal

from binhdang.results import catalog_rules as rules
from tests.results.conftest import file_report, local


def spec(period, sessions=2):
    return rules.PeriodSpec(period.pk, period.deadline_end, sessions)


def test_percent_of_a_zero_whole_is_none():
    assert rules.percent(3, 0) is None and rules.percent(None, 5) is None
    assert rules.percent(2, 3) == Decimal("66.67")


def test_period_figures_count_units_and_values_in_one_query(period, daklak, django_assert_num_queries):
    file_report(period, daklak.commune_a, {"TT_SESSIONS": 3, "TT_CONVENTIONS": 4, "TT_CONVENTIONS_OK": 3})
    file_report(period, daklak.newspaper, {"TT_GSIM_STATUS": "OFFICIAL"}, at=local(2026, 12, 1))
    with django_assert_num_queries(1):
        figures = rules.period_figures([spec(period)])[period.pk]
    assert (figures.expected, figures.submitted, figures.on_time) == (6, 2, 1)
    assert (figures.sessions_ok, figures.am_plan) == (2, 2)
    assert (figures.media_expected, figures.media_official) == (1, 1)
    assert (figures.communes_reporting_conventions, figures.conventions, figures.conventions_ok) == (1, 4, 3)


def test_the_sessions_threshold_is_per_period(period, daklak):
    file_report(period, daklak.commune_a, {"TT_SESSIONS": 3})
    assert rules.period_figures([spec(period, sessions=4)])[period.pk].sessions_ok == 0


def test_the_deadline_is_the_end_of_the_day_in_vietnam(period, daklak):
    # 23:30 on 30/11 in Hà Nội is 16:30 UTC: on time. 00:10 on 01/12 is late.
    file_report(period, daklak.commune_a, at=local(2026, 11, 30, 23).replace(minute=30))
    file_report(period, daklak.commune_b, at=local(2026, 12, 1, 0).replace(minute=10))
    assert rules.period_figures([spec(period)])[period.pk].on_time == 1


def test_awareness_comes_from_counted_reports(period, daklak):
    file_report(period, daklak.noi_vu, {"TT_AWARENESS": "61.5"})
    assert rules.awareness([daklak.root.pk], [2026]) == {(daklak.root.pk, 2026): Decimal("61.50")}


def test_unit_rows_give_each_expected_unit_its_state_and_counted_values(period, daklak):
    file_report(period, daklak.commune_a, {"TT_SESSIONS": 3})
    file_report(period, daklak.commune_b, {"TT_SESSIONS": 7}, submit=False)
    rows = {row.code: row for row in rules.unit_rows(period)}
    assert len(rows) == 6
    assert rows[daklak.commune_a.code].counts and rows[daklak.commune_a.code].number("TT_SESSIONS") == 3
    assert rows[daklak.commune_b.code].state == "draft"
    assert rows[daklak.commune_b.code].number("TT_SESSIONS") is None  # a draft's values do not count
    assert rows[daklak.health.code].state is None


def test_stored_values_that_are_no_plain_figure_count_as_missing_and_break_no_query(period, daklak):
    from binhdang.reporting.models import DataValue

    a = file_report(period, daklak.commune_a, {"TT_SESSIONS": 3, "TT_CONVENTIONS": 4, "TT_CONVENTIONS_OK": 3})
    b = file_report(period, daklak.commune_b, {"TT_SESSIONS": 3, "TT_CONVENTIONS": 2, "TT_CONVENTIONS_OK": 1})
    file_report(period, daklak.noi_vu, {"TT_AWARENESS": "61.5"})
    # Old or damaged data written past today's validation: on PostgreSQL a cast of these failed the
    # whole query (every results page and download answered 500).
    DataValue.objects.filter(submission=a, data_element="TT_CONVENTIONS").update(value="9" * 400)
    DataValue.objects.filter(submission=b, data_element="TT_CONVENTIONS").update(value="9" * 19)
    DataValue.objects.filter(submission=a, data_element="TT_SESSIONS").update(value="nhiều")
    DataValue.objects.filter(data_element="TT_AWARENESS").update(value="9" * 300)
    figures = rules.period_figures([spec(period)])[period.pk]
    assert (figures.conventions, figures.conventions_ok) == (0, 4)
    assert figures.sessions_ok == 2  # commune B and Sở Nội vụ; commune A's "nhiều" is no figure
    assert rules.awareness([daklak.root.pk], [2026]) == {}


def test_periods_with_and_without_expected_units_are_counted_together_in_one_query(
    plan, period, daklak, django_assert_num_queries
):
    from binhdang.orgunits.models import REPORTING_TYPES, OrgUnit
    from binhdang.reporting import services
    from binhdang.reporting.models import ExpectedReporter

    later = services.open_period(plan, 2027, None)
    file_report(period, daklak.commune_a, {"TT_SESSIONS": 3})
    file_report(later, daklak.commune_a, {"TT_SESSIONS": 1})
    file_report(later, daklak.newspaper, {"TT_GSIM_STATUS": "OFFICIAL"})
    ExpectedReporter.objects.filter(period=later).delete()  # falls back to the province's units
    with django_assert_num_queries(1):
        figures = rules.period_figures([spec(period), spec(later)])
    units = OrgUnit.objects.filter(province=daklak.root, is_active=True, type__in=REPORTING_TYPES)
    assert (figures[period.pk].expected, figures[period.pk].submitted, figures[period.pk].sessions_ok) == (
        6,
        1,
        1,
    )
    assert figures[later.pk].expected == units.count()
    assert (figures[later.pk].submitted, figures[later.pk].sessions_ok) == (2, 1)
    assert (figures[later.pk].media_expected, figures[later.pk].media_official) == (
        units.filter(type="media").count(),
        1,
    )


def test_whole_numbers_stored_in_another_form_than_entry_writes_still_count(period, daklak):
    from binhdang.reporting.models import DataValue

    a = file_report(period, daklak.commune_a, {"TT_SESSIONS": 3, "TT_CONVENTIONS": 4, "TT_CONVENTIONS_OK": 3})
    DataValue.objects.filter(submission=a, data_element="TT_CONVENTIONS").update(value="004")
    DataValue.objects.filter(submission=a, data_element="TT_SESSIONS").update(value="-0")
    figures = rules.period_figures([spec(period)])[period.pk]
    assert (figures.conventions, figures.conventions_ok) == (4, 3)
    assert figures.sessions_ok == 0
