"""The counts of ``TT1790`` periods (``results.figures``), in both forms of the statement on each
database: the joined form and the one-pass form must give the same figures."""

from __future__ import annotations

import pytest

from binhdang.results import figures
from tests.results.conftest import file_report, local


@pytest.fixture(params=[figures.joined, figures.one_pass], ids=["joined", "one_pass"])
def statement(request):
    return request.param


def spec(period, sessions=2):
    return figures.PeriodSpec(period.pk, period.deadline_end, sessions)


def count(statement, period, sessions=2):
    return figures.period_figures([spec(period, sessions)], statement)[period.pk]


def test_period_figures_count_units_and_values_in_one_query(
    statement, period, daklak, django_assert_num_queries
):
    file_report(period, daklak.commune_a, {"TT_SESSIONS": 3, "TT_CONVENTIONS": 4, "TT_CONVENTIONS_OK": 3})
    file_report(period, daklak.newspaper, {"TT_GSIM_STATUS": "OFFICIAL"}, at=local(2026, 12, 1))
    with django_assert_num_queries(1):
        found = count(statement, period)
    assert (found.expected, found.submitted, found.on_time) == (6, 2, 1)
    assert (found.sessions_ok, found.am_plan) == (2, 2)
    assert (found.media_expected, found.media_official) == (1, 1)
    assert (found.communes_reporting_conventions, found.conventions, found.conventions_ok) == (1, 4, 3)


def test_the_sessions_threshold_is_per_period(statement, period, daklak):
    file_report(period, daklak.commune_a, {"TT_SESSIONS": 3})
    assert count(statement, period, sessions=4).sessions_ok == 0


def test_the_deadline_is_the_end_of_the_day_in_vietnam(statement, period, daklak):
    # 23:30 on 30/11 in Hà Nội is 16:30 UTC: on time. 00:10 on 01/12 is late.
    file_report(period, daklak.commune_a, at=local(2026, 11, 30, 23).replace(minute=30))
    file_report(period, daklak.commune_b, at=local(2026, 12, 1, 0).replace(minute=10))
    assert count(statement, period).on_time == 1


def test_stored_values_that_are_no_plain_figure_count_as_missing_and_break_no_query(
    statement, period, daklak
):
    from binhdang.reporting.models import DataValue

    a = file_report(period, daklak.commune_a, {"TT_SESSIONS": 3, "TT_CONVENTIONS": 4, "TT_CONVENTIONS_OK": 3})
    b = file_report(period, daklak.commune_b, {"TT_SESSIONS": 3, "TT_CONVENTIONS": 2, "TT_CONVENTIONS_OK": 1})
    file_report(period, daklak.noi_vu, {"TT_AWARENESS": "61.5"})
    # Old or damaged data written past today's validation: on PostgreSQL a cast of these failed the
    # whole query (every results page and download answered 500).
    DataValue.objects.filter(submission=a, data_element="TT_CONVENTIONS").update(value="9" * 400)
    DataValue.objects.filter(submission=b, data_element="TT_CONVENTIONS").update(value="9" * 19)
    DataValue.objects.filter(submission=a, data_element="TT_SESSIONS").update(value="nhiều")
    found = count(statement, period)
    assert (found.conventions, found.conventions_ok) == (0, 4)
    assert found.sessions_ok == 2  # commune B and Sở Nội vụ; commune A's "nhiều" is no figure


def test_periods_with_and_without_expected_units_are_counted_together_in_one_query(
    statement, plan, period, daklak, django_assert_num_queries
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
        found = figures.period_figures([spec(period), spec(later)], statement)
    units = OrgUnit.objects.filter(province=daklak.root, is_active=True, type__in=REPORTING_TYPES)
    assert (found[period.pk].expected, found[period.pk].submitted, found[period.pk].sessions_ok) == (
        6,
        1,
        1,
    )
    assert found[later.pk].expected == units.count()
    assert (found[later.pk].submitted, found[later.pk].sessions_ok) == (2, 1)
    assert (found[later.pk].media_expected, found[later.pk].media_official) == (
        units.filter(type="media").count(),
        1,
    )


def test_whole_numbers_stored_in_another_form_than_entry_writes_still_count(statement, period, daklak):
    from binhdang.reporting.models import DataValue

    a = file_report(period, daklak.commune_a, {"TT_SESSIONS": 3, "TT_CONVENTIONS": 4, "TT_CONVENTIONS_OK": 3})
    DataValue.objects.filter(submission=a, data_element="TT_CONVENTIONS").update(value="004")
    DataValue.objects.filter(submission=a, data_element="TT_SESSIONS").update(value="-0")
    found = count(statement, period)
    assert (found.conventions, found.conventions_ok) == (4, 3)
    assert found.sessions_ok == 0


def test_both_forms_give_the_same_figures_on_a_synthesized_province(db):
    from binhdang.devtools.synth import synthesize
    from binhdang.reporting.models import ExpectedReporter, Period

    synthesize("Lai Châu", [2026, 2027], 5)
    periods = list(Period.objects.filter(form_code="TT1790"))
    # The last period falls back to the province's active units.
    ExpectedReporter.objects.filter(period=periods[-1]).delete()
    specs = [spec(p, sessions=3) for p in periods]
    joined = figures.period_figures(specs, figures.joined)
    assert joined == figures.period_figures(specs, figures.one_pass)
    assert all(f.expected > 38 and 0 < f.submitted < f.expected for f in joined.values())
    assert all(f.sessions_ok and f.am_plan and f.media_expected and f.conventions_ok for f in joined.values())
