"""Fixtures of the gender statistics tests: Đắk Lắk's strategy plan in force with two indicators bound
to the catalog, NQ28.2.1 (women's wage employment, Thống kê tỉnh responsible) and NQ28.4.1 (sex
ratio at birth, Sở Y tế), and the statistics office's reporter."""

from __future__ import annotations

import pytest

from binhdang.plans.models import CatalogIndicator, Indicator
from tests.factories import Role, make_unit, make_user
from tests.reporting.conftest import make_plan
from tests.results.conftest import ensure_catalog


@pytest.fixture
def stats_office(daklak):
    return make_unit(daklak.root, "Thống kê tỉnh", "66-D13", type="department")


@pytest.fixture
def stats_reporter(stats_office):
    return make_user("reporter_stats", Role.REPORTER, stats_office, full_name="Đinh Thị Mai")


@pytest.fixture
def strategy_plan(daklak, stats_office):
    ensure_catalog()
    plan = make_plan(daklak.root, program="strategy", slug="kh-nq28-daklak", deadline=(12, 10))
    wage = Indicator.objects.create(
        plan=plan,
        code="2.1",
        order=1,
        unit="%",
        text="Tỷ lệ lao động nữ làm công hưởng lương đạt 50%",
        catalog=CatalogIndicator.objects.get(code="NQ28.2.1"),
    )
    wage.responsible.add(stats_office)
    srb = Indicator.objects.create(
        plan=plan,
        code="4.1",
        order=2,
        unit="bé trai/100 bé gái",
        text="Tỷ số giới tính khi sinh ở mức 104 - 107 bé trai/100 bé gái",
        catalog=CatalogIndicator.objects.get(code="NQ28.4.1"),
    )
    srb.responsible.add(daklak.health)
    return plan
