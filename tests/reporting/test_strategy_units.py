"""Strategy indicators computed from the units' own figures (reporting.strategy_units, the form's
"Số liệu của mọi đơn vị" and results.catalog_rules.unit_shares): 6.3 from the communes' news items of
the year, 6.2 from every unit's yes or no; a unit that did not answer does not meet; the responsible
agency's own entry is used only while no unit has answered."""

from __future__ import annotations

from decimal import Decimal

import pytest

from binhdang.plans.models import CatalogIndicator, Indicator
from binhdang.reporting import services
from binhdang.reporting.forms_catalog import form_for_period
from binhdang.results.engine import plan_results
from tests.results.conftest import ensure_catalog

from .conftest import make_plan


@pytest.fixture
def period(daklak, focal_officer):
    ensure_catalog()
    plan = make_plan(daklak.root, program="strategy", slug="kh-nq28-daklak", deadline=(12, 10))
    for order, (code, catalog, agency) in enumerate(
        (("6.2", "NQ28.6.2", daklak.noi_vu), ("6.3", "NQ28.6.3", daklak.noi_vu)), start=1
    ):
        indicator = Indicator.objects.create(
            plan=plan, code=code, order=order, unit="%", text=f"Chỉ tiêu {code}",
            catalog=CatalogIndicator.objects.get(code=catalog),
        )  # fmt: skip
        indicator.responsible.add(agency)
    return services.open_period(plan, 2026, focal_officer)


def _file(period, unit, user, values):
    report = services.get_or_create_submission(period, unit, user)
    services.save_draft(report, values, None, user, expected_version=None)
    services.submit(report, user)


def _result(period, code):
    return next(r for r in plan_results(period.plan, 2026).indicators if r.catalog_code == code)


def test_every_commune_gives_its_news_items_and_answers_the_commitment(period, daklak):
    form = form_for_period(period)
    assert [e.code for e in form.elements_for(daklak.commune_a)] == ["NQ28_INFORMED", "NQ28_NEWS"]
    assert [e.code for e in form.elements_for(daklak.health)] == ["NQ28_INFORMED"]
    assert "NQ28_NEWS" not in [e.code for e in form.elements_for(daklak.newspaper)]


def test_6_3_is_the_share_of_expected_communes_with_16_items_in_the_year(
    period, daklak, commune_a_reporter, commune_b_reporter
):
    assert _result(period, "NQ28.6.3").value is None  # no data: no value
    _file(
        period, daklak.commune_a, commune_a_reporter, {("NQ28_NEWS", ""): "17", ("NQ28_INFORMED", ""): "true"}
    )
    result = _result(period, "NQ28.6.3")
    assert (result.value, result.numerator, result.denominator) == (Decimal("50.00"), 1, 2)  # B not reported
    _file(period, daklak.commune_b, commune_b_reporter, {("NQ28_NEWS", ""): "15"})
    assert _result(period, "NQ28.6.3").value == Decimal("50.00")
    informed = _result(period, "NQ28.6.2")  # 1 of 4 expected (2 departments, 2 communes) said yes
    assert (informed.value, informed.source) == (Decimal("25.00"), "computed")


def test_the_agencys_own_entry_stands_until_a_unit_answers(period, daklak, focal_officer, commune_a_reporter):
    report = services.get_or_create_submission(period, daklak.noi_vu, focal_officer)
    services.save_draft(
        report,
        {
            ("NQ28.6.3", "VALUE"): "80",
            ("NQ28.6.3", "NOTE"): "Sở Nội vụ tổng hợp",
            ("NQ28.6.2", "VALUE"): "90",
            ("NQ28.6.2", "NOTE"): "Sở Nội vụ tổng hợp",
        },
        None,
        focal_officer,
        expected_version=None,
    )
    services.submit(report, focal_officer)
    assert (_result(period, "NQ28.6.3").value, _result(period, "NQ28.6.3").source) == (
        Decimal("80.00"),
        "direct",
    )
    _file(period, daklak.commune_a, commune_a_reporter, {("NQ28_NEWS", ""): "20"})
    assert _result(period, "NQ28.6.3").source == "computed"


def test_6_3_by_quarter_is_met_by_a_commune_reaching_four_items_in_every_quarter_asked(
    period, daklak, focal_officer, commune_a_reporter, commune_b_reporter, time_machine
):
    import datetime as dt

    time_machine.move_to(dt.datetime(2026, 1, 5, 9, 0))
    asked = services.open_subannual(
        period.plan,
        2026,
        focal_officer,
        numbers=[1, 2],
        element_codes=["NQ28_NEWS"],
        targets={"NQ28_NEWS": 4},
    )
    time_machine.move_to(dt.datetime(2026, 12, 4, 9, 0))
    # A: 5 then 4 (9 in the year, under 16, yet 4 or more each quarter); B: 30 then 3 (33, one quarter short)
    for quarter, a, b in zip(asked, ("5", "4"), ("30", "3"), strict=True):
        _file(quarter, daklak.commune_a, commune_a_reporter, {("NQ28_NEWS", ""): a})
        _file(quarter, daklak.commune_b, commune_b_reporter, {("NQ28_NEWS", ""): b})
    result = _result(period, "NQ28.6.3")
    assert (result.value, result.numerator, result.denominator) == (Decimal("50.00"), 1, 2)
    assert result.source == "computed"
