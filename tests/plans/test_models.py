"""Rules that live on the plan models: expected values per year, deadlines, campaign dates, coverage."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from binhdang.plans.models import (
    Campaign,
    Direction,
    Indicator,
    Milestone,
    Plan,
    ReportingObligation,
    Target,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(daklak):
    return Plan.objects.create(
        province=daklak.root,
        org_unit=daklak.root,
        issuer="UBND tỉnh Đắk Lắk",
        program="strategy",
        title="Kế hoạch thử",
        period_start=2026,
        period_end=2030,
        slug="ke-hoach-thu",
    )


def make_indicator(plan, code="1", direction=Direction.INCREASE, unit="%", **extra) -> Indicator:
    return Indicator.objects.create(
        plan=plan, code=code, text="Chỉ tiêu " + code, direction=direction, unit=unit, **extra
    )


def test_the_roadmap_milestone_of_the_year_is_the_expected_value(plan):
    indicator = make_indicator(plan, baseline_year=2025, baseline_value=Decimal(50))
    Target.objects.create(indicator=indicator, kind="min", value=Decimal(90), year=2030)
    Milestone.objects.create(indicator=indicator, year=2027, value=Decimal(72))

    expected = indicator.target_for(2027)

    assert (expected.value, expected.basis, expected.kind) == (Decimal(72), "milestone", "min")


def test_without_a_milestone_the_year_follows_the_straight_path_from_baseline_to_the_2030_target(plan):
    indicator = make_indicator(plan, baseline_year=2025, baseline_value=Decimal(50))
    Target.objects.create(indicator=indicator, kind="min", value=Decimal(90), year=2030)

    assert indicator.target_for(2026).value == Decimal(58)
    assert indicator.target_for(2028).value == Decimal(74)
    assert indicator.target_for(2028).basis == "path"
    assert indicator.target_for(2030).value == Decimal(90)
    assert indicator.target_for(2030).basis == "target"


def test_the_path_runs_between_the_nearest_milestones_around_the_year(plan):
    indicator = make_indicator(plan, baseline_year=2025, baseline_value=Decimal(50))
    Target.objects.create(indicator=indicator, kind="min", value=Decimal(90), year=2030)
    Milestone.objects.create(indicator=indicator, year=2027, value=Decimal(80))

    # Between the 2027 milestone (80) and the 2030 target (90): one third of the way in 2028.
    assert indicator.target_for(2028).value == Decimal("83.3333")
    # Before it: between the baseline (50) and the milestone.
    assert indicator.target_for(2026).value == Decimal(65)


def test_an_upper_bound_path_descends_and_keeps_strictness(plan):
    indicator = make_indicator(
        plan,
        direction=Direction.DECREASE,
        unit="/100.000 trẻ sinh sống",
        baseline_year=2025,
        baseline_value=Decimal(52),
    )
    Target.objects.create(indicator=indicator, kind="max", value=Decimal(42), year=2030, strict=True)

    expected = indicator.target_for(2027)

    assert expected.value == Decimal(48)
    assert expected.kind == "max"
    assert expected.strict is True


def test_a_range_target_gives_a_range_on_the_path_from_a_single_baseline(plan):
    indicator = make_indicator(
        plan,
        direction=Direction.RANGE,
        unit="bé trai/100 bé gái",
        baseline_year=2025,
        baseline_value=Decimal(112),
    )
    Target.objects.create(indicator=indicator, kind="range", min=Decimal(104), max=Decimal(107), year=2030)

    expected = indicator.target_for(2028)

    assert (expected.kind, expected.min, expected.max) == ("range", Decimal("107.2"), Decimal(109))
    assert (expected.low, expected.high) == (Decimal("107.2"), Decimal(109))


def test_a_range_milestone_is_read_as_a_range(plan):
    indicator = make_indicator(plan, direction=Direction.RANGE)
    Target.objects.create(indicator=indicator, kind="range", min=Decimal(104), max=Decimal(107), year=2030)
    Milestone.objects.create(indicator=indicator, year=2029, min=Decimal(105), max=Decimal(109))

    expected = indicator.target_for(2029)

    assert (expected.min, expected.max, expected.basis) == (Decimal(105), Decimal(109), "milestone")


def test_an_increase_over_the_baseline_year_starts_from_zero_points(plan):
    indicator = make_indicator(plan, baseline_year=2026)
    Target.objects.create(
        indicator=indicator, kind="increase", min=Decimal(10), max=Decimal(15), year=2030, baseline_year=2026
    )

    expected = indicator.target_for(2028)

    assert (expected.kind, expected.min, expected.max) == ("increase", Decimal(5), Decimal("7.5"))


def test_a_yearly_target_applies_to_every_year_from_its_first(plan):
    indicator = make_indicator(plan, unit="cuộc")
    Target.objects.create(indicator=indicator, kind="min", value=Decimal(4), from_year=2027)

    assert indicator.target_for(2026) is None
    assert indicator.target_for(2029).value == Decimal(4)
    assert indicator.target_for(2029).basis == "annual"


def test_no_expected_value_without_a_baseline_before_the_year_or_after_the_last_target(plan):
    indicator = make_indicator(plan)
    Target.objects.create(indicator=indicator, kind="min", value=Decimal(90), year=2030)

    assert indicator.target_for(2027) is None
    assert indicator.target_for(2031) is None


def test_a_qualitative_target_has_no_number(plan):
    indicator = make_indicator(plan, direction=Direction.BOOLEAN, unit="")
    Target.objects.create(indicator=indicator, kind="boolean", year=2030)

    expected = indicator.target_for(2030)

    assert expected.basis == "target"
    assert expected.low is None


def make_obligation(plan, **extra) -> ReportingObligation:
    values = {"deadline_month": 11, "deadline_day": 30, "recurrence": "annual", "reporter_kinds": ["commune"]}
    return ReportingObligation.objects.create(plan=plan, **{**values, **extra})


def test_an_annual_deadline_falls_every_year_of_the_plan_period(plan):
    obligation = make_obligation(plan)

    assert obligation.deadline_in(2026) == date(2026, 11, 30)
    assert obligation.deadline_in(2030) == date(2030, 11, 30)
    assert obligation.deadline_in(2025) is None
    assert obligation.deadline_in(2031) is None


def test_a_one_off_deadline_falls_only_in_its_year(plan):
    obligation = make_obligation(plan, recurrence="once", year=2026, deadline_month=6, deadline_day=20)

    assert obligation.deadline_in(2026) == date(2026, 6, 20)
    assert obligation.deadline_in(2027) is None


def test_a_29_february_deadline_moves_to_the_last_day_of_february_in_a_common_year(plan):
    obligation = make_obligation(plan, deadline_month=2, deadline_day=29)

    assert obligation.deadline_in(2027) == date(2027, 2, 28)
    assert obligation.deadline_in(2028) == date(2028, 2, 29)


def test_an_obligation_covers_units_of_its_kinds_in_its_province_only(plan, daklak, laichau):
    obligation = make_obligation(plan, reporter_kinds=["commune", "media"])

    assert obligation.covers(daklak.commune_a)
    assert obligation.covers(daklak.newspaper)
    assert not obligation.covers(daklak.health)
    assert not obligation.covers(laichau.commune_a)


def test_an_obligation_of_one_unit_covers_only_that_unit(plan, daklak):
    obligation = make_obligation(plan, reporter_unit=daklak.noi_vu, reporter_kinds=[])

    assert obligation.covers(daklak.noi_vu)
    assert not obligation.covers(daklak.health)


def test_a_campaign_period_and_a_single_day_in_a_year(plan):
    month = Campaign.objects.create(
        plan=plan, name="Tháng hành động", start_month=11, start_day=15, end_month=12, end_day=15
    )
    day = Campaign.objects.create(plan=plan, name="Ngày Quốc tế Phụ nữ", start_month=3, start_day=8)

    assert month.dates_in(2026) == (date(2026, 11, 15), date(2026, 12, 15))
    assert day.dates_in(2027) == (date(2027, 3, 8), date(2027, 3, 8))


def test_versions_are_listed_newest_first(plan, daklak):
    second = Plan.objects.create(
        province=daklak.root,
        org_unit=daklak.root,
        issuer="UBND tỉnh Đắk Lắk",
        program="strategy",
        title="Kế hoạch thử",
        version=2,
        previous=plan,
        slug="ke-hoach-thu-v2",
    )

    assert second.all_versions() == [second, plan]


def test_a_command_line_names_a_plan_by_its_id_or_its_slug(plan):
    assert Plan.objects.by_reference(str(plan.pk)) == plan
    assert Plan.objects.by_reference("ke-hoach-thu") == plan
    assert Plan.objects.by_reference("khong-co") is None
    assert Plan.objects.by_reference(str(plan.pk + 1000)) is None


@pytest.mark.parametrize(
    ("targets", "separate"),
    [
        ([], []),
        ([{"kind": "min", "value": 90, "unit": "%", "year": 2030}], []),
        # steps of one measure: dated, different years, same kind and unit
        (
            [
                {"kind": "min", "value": 70, "unit": "%", "year": 2027},
                {"kind": "min", "value": 90, "unit": "%", "year": 2030},
            ],
            [],
        ),
        # primary 99 %, lower secondary 90 %, both by 2030: two measures
        (
            [
                {"kind": "min", "value": 99, "unit": "%", "year": 2030},
                {"kind": "min", "value": 90, "unit": "%", "year": 2030},
            ],
            [1],
        ),
        # masters 50 % (no year), doctors 35 % by 2030
        (
            [
                {"kind": "min", "value": 50, "unit": "%"},
                {"kind": "min", "value": 35, "unit": "%", "year": 2030},
            ],
            [1],
        ),
        # every year 100 % of communes, and at least 4 posts
        (
            [
                {"kind": "min", "value": 100, "unit": "%", "annual": True},
                {"kind": "min", "value": 4, "unit": "tin, bài", "annual": True},
                {"kind": "min", "value": 80, "unit": "%", "year": 2028},
            ],
            [1, 2],
        ),
    ],
)
def test_targets_measuring_something_of_their_own_are_told_apart_from_steps(plan, targets, separate):
    indicator = Indicator.objects.create(plan=plan, code="5.2", text="Chỉ tiêu 5.2")
    for order, target in enumerate(targets, start=1):
        Target.objects.create(indicator=indicator, order=order, **target)

    assert indicator.separate_measures() == separate
