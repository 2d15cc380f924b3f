"""Fixtures of the gender statistics tests: Đắk Lắk's strategy plan in force with two indicators bound
to the catalog, NQ28.2.1 (women's wage employment, Thống kê tỉnh responsible) and NQ28.4.1 (sex
ratio at birth, Sở Y tế), and the statistics office's reporter."""

from __future__ import annotations

import pytest

from tests.factories import Role, make_unit, make_user
from tests.strategy_plans import make_strategy_plan


@pytest.fixture
def stats_office(daklak):
    return make_unit(daklak.root, "Thống kê tỉnh", "66-D13", type="department")


@pytest.fixture
def stats_reporter(stats_office):
    return make_user("reporter_stats", Role.REPORTER, stats_office, full_name="Đinh Thị Mai")


@pytest.fixture
def strategy_plan(daklak, stats_office):
    return make_strategy_plan(daklak, wage_office=stats_office)
