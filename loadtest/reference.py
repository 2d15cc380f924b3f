"""The machine's speed when a load test runs: the CPU milliseconds of one password check with the
project's own hasher (Argon2id at OWASP's parameters: a fixed amount of work), the median of 15.

This machine is a virtual one whose speed moves with its neighbours: the same check took 22 ms of a
core at one hour and 27 ms at another of the same day. loadtest/run.sh prints it before and after the
run (``loadtest_reference_ms``), so that runs are compared at the same speed.

    .venv/bin/python loadtest/reference.py
"""

from __future__ import annotations

import os
import statistics
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "binhdang.settings")
django.setup()

from django.contrib.auth.hashers import check_password, make_password  # noqa: E402


def password_check_ms(runs: int = 15) -> float:
    """The median CPU milliseconds of one check of a password against its hash."""
    hashed = make_password("mat-khau-tham-chieu")
    check_password("mat-khau-tham-chieu", hashed)  # warm up
    times = []
    for _ in range(runs):
        started = time.process_time()
        check_password("mat-khau-tham-chieu", hashed)
        times.append((time.process_time() - started) * 1000)
    return statistics.median(times)


if __name__ == "__main__":
    print(f"{password_check_ms():.1f}")
