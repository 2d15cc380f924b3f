"""The suite's fixed day in processes a test starts (the crash-safety children, for instance).

The test process itself travels in ``conftest.fixed_clock`` and passes the day on in the environment
variable ``BINHDANG_TEST_CLOCK``; a child calls :func:`travel_to_test_clock` before doing its work.
"""

from __future__ import annotations

import datetime as dt
import os

import time_machine


def travel_to_test_clock() -> None:
    value = os.environ.get("BINHDANG_TEST_CLOCK")
    if value:
        time_machine.travel(dt.datetime.fromisoformat(value), tick=True).start()
