"""results.loading: every indicator of a set of plans, with its targets and milestones, in four queries."""

from __future__ import annotations

from binhdang.results.loading import indicators_by_plan
from tests.results.conftest import make_plan, seed_000_indicators


def test_the_indicators_of_several_plans_come_in_plan_order_in_four_queries(
    daklak, laichau, django_assert_num_queries
):
    first = make_plan(daklak.root)
    second = make_plan(laichau.root, slug="kh-1790-laichau")
    seed_000_indicators(first)
    seed_000_indicators(second)
    with django_assert_num_queries(4):
        found = indicators_by_plan([first.pk, second.pk])
        codes = {plan: [i.code for i in indicators] for plan, indicators in found.items()}
        finals = [i.target_for(2030) for i in found[first.pk]]
    assert codes == {first.pk: ["1", "2", "3", "4", "5"], second.pk: ["1", "2", "3", "4", "5"]}
    assert all(target is not None for target in finals)


def test_a_plan_without_indicators_has_an_empty_list(daklak):
    plan = make_plan(daklak.root)
    assert indicators_by_plan([plan.pk]) == {plan.pk: []}


def test_the_indicators_hold_the_same_fields_as_the_orms_and_read_the_others_when_asked(daklak):
    from binhdang.plans.models import Indicator
    from binhdang.results.loading import INDICATOR_FIELDS

    plan = make_plan(daklak.root)
    seed_000_indicators(plan)
    found = indicators_by_plan([plan.pk])[plan.pk]
    orm = list(Indicator.objects.filter(plan=plan).order_by("order", "pk"))
    for built, stored in zip(found, orm, strict=True):
        assert built == stored and not built._state.adding and built._state.db == "default"
        for name in INDICATOR_FIELDS:
            attname = Indicator._meta.get_field(name).attname
            assert getattr(built, attname) == getattr(stored, attname)
        assert built.get_deferred_fields() and built.binding_reason == stored.binding_reason  # deferred
