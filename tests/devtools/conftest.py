"""Fixtures of the tooling tests: the demo reports need the reporting tests' communication plan of Đắk Lắk."""

from __future__ import annotations

import pytest

from tests.reporting.conftest import make_plan


@pytest.fixture
def plan(daklak):
    return make_plan(daklak.root)
