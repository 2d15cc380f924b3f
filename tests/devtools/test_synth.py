"""``synth``: a realistic synthetic dataset, the same for the same seed (one province, one year here)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from binhdang.devtools.synth import SynthError, dataset_digest, parse_years, synthesize
from binhdang.plans.models import Plan
from binhdang.reporting.models import ExpectedReporter, Period, Submission
from binhdang.results.engine import plan_results


def generate(seed: int) -> str:
    synthesize("Lai Châu", [2026], seed)
    return dataset_digest()


def test_the_same_seed_gives_the_same_dataset(db):
    with transaction.atomic():
        first = generate(7)
        transaction.set_rollback(True)
    with transaction.atomic():
        other = generate(8)
        transaction.set_rollback(True)
    assert generate(7) == first
    assert other != first


def test_the_dataset_has_the_standard_plans_and_realistic_gaps(db):
    result = synthesize("Lai Châu", [2026], 3)
    assert (result.provinces, result.plans, result.periods) == (1, 2, 2)
    plan = Plan.objects.get(program="communication")
    period = Period.objects.get(plan=plan)
    expected = ExpectedReporter.objects.filter(period=period).count()
    states = list(Submission.objects.filter(period=period).values_list("state", flat=True))
    assert expected > 38  # the 38 communes of Lai Châu and the province's agencies
    assert len(states) < expected  # some units never report
    assert {"submitted", "accepted"} <= set(states)
    results = plan_results(plan, 2026)
    assert 50 < results.completeness < 100
    assert results.timeliness < results.completeness  # some reports came late
    assert {r.indicator.catalog.code for r in results.indicators} == {f"1790.{n}" for n in range(1, 6)}
    strategy = Plan.objects.get(program="strategy")
    assert {r.status for r in plan_results(strategy, 2026).indicators} - {"no_data"}


def test_synth_refuses_a_database_that_already_has_synthetic_data(db):
    synthesize("Lai Châu", [2026], 1)
    with pytest.raises(SynthError):
        synthesize("Lai Châu", [2026], 1)


def test_the_command_reports_what_it_made_in_vietnamese(db):
    out = StringIO()
    call_command("synth", "--provinces", "Lai Châu", "--years", "2026", "--seed", "2", stdout=out)
    assert "Đã tạo 2 kế hoạch." in out.getvalue()


def test_the_command_names_an_unknown_province(db):
    with pytest.raises(CommandError, match="Atlantis"):
        call_command("synth", "--provinces", "Atlantis", "--years", "2026", stdout=StringIO())


def test_years_are_read_as_ranges_and_lists():
    assert parse_years("2026-2028") == [2026, 2027, 2028]
    assert parse_years("2026, 2030") == [2026, 2030]
    with pytest.raises(SynthError):
        parse_years("năm sau")
