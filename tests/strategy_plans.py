"""Đắk Lắk's strategy plan (NQ 28) and its indicators bound to the shipped catalog, as the menu, the
gender statistics and the strategy forms' tests set them up: NQ28.4.1 (sex ratio at birth, reported by
Sở Y tế) and NQ28.2.1 (women's wage employment, reported by the statistics office)."""

from __future__ import annotations

from binhdang.orgunits.models import OrgUnit
from binhdang.plans.models import CatalogIndicator, Goal, Indicator, Plan
from tests.reporting.conftest import make_plan
from tests.results.conftest import ensure_catalog


def _catalog(code: str) -> CatalogIndicator:
    ensure_catalog()  # transactional (browser) tests empty the catalog between tests
    return CatalogIndicator.objects.get(code=code)


def add_health_goal(plan: Plan) -> Goal:
    """The plan's goal 4, "Trong lĩnh vực y tế" (in health), where the sex ratio at birth stands."""
    return Goal.objects.create(plan=plan, code="4", title="Trong lĩnh vực y tế", order=4)


def add_sex_ratio_at_birth(
    plan: Plan, responsible: OrgUnit, *, order: int = 1, goal: Goal | None = None
) -> Indicator:
    """The plan's indicator 4.1, the sex ratio at birth within 104 - 107 (NQ28.4.1), ``responsible``'s."""
    indicator = Indicator.objects.create(
        plan=plan,
        goal=goal,
        code="4.1",
        order=order,
        unit="bé trai/100 bé gái",
        text="Tỷ số giới tính khi sinh ở mức 104 - 107 bé trai/100 bé gái",
        catalog=_catalog("NQ28.4.1"),
    )
    indicator.responsible.add(responsible)
    return indicator


def add_wage_employment(plan: Plan, responsible: OrgUnit, *, order: int = 1) -> Indicator:
    """The plan's indicator 2.1, women in wage employment reaching 50% (NQ28.2.1), ``responsible``'s."""
    indicator = Indicator.objects.create(
        plan=plan,
        code="2.1",
        order=order,
        unit="%",
        text="Tỷ lệ lao động nữ làm công hưởng lương đạt 50%",
        catalog=_catalog("NQ28.2.1"),
    )
    indicator.responsible.add(responsible)
    return indicator


def make_strategy_plan(daklak, *, wage_office: OrgUnit | None = None) -> Plan:
    """Đắk Lắk's strategy plan in force (report by 10/12): Sở Y tế is responsible for the sex ratio at
    birth, and ``wage_office``, when given, for women's wage employment (the plan's first indicator)."""
    plan = make_plan(daklak.root, program="strategy", slug="kh-nq28-daklak", deadline=(12, 10))
    if wage_office is not None:
        add_wage_employment(plan, wage_office, order=1)
    add_sex_ratio_at_birth(plan, daklak.health, order=2 if wage_office is not None else 1)
    return plan
