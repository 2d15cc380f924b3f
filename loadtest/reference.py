"""The machine's speed when a load test runs, measured twice in this process:

- ``password`` (the default): the CPU milliseconds of one password check with the project's own hasher
  (Argon2id at OWASP's parameters: a fixed amount of work, bound by memory more than by the interpreter),
  the median of 15;
- ``page``: the CPU milliseconds of the login page through Django's whole stack (middleware, view,
  template; no database), the median of 200: the interpreter-bound work most of a request is.

This machine is a virtual one whose speed moves with its neighbours: the same check took 22 ms of a
core at one hour and 27 ms at another of the same day, and runs of the same code cost the server 30-45%
more CPU in one phase than in another while the password check moved less (README, "Seventh round").
loadtest/run.sh prints both before and after the run (``loadtest_reference_ms``,
``loadtest_reference_page_ms``), so that runs are compared at the same speed.

    .venv/bin/python loadtest/reference.py [password|page]...   # one figure per measure, on one line
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "binhdang.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.hashers import check_password, make_password  # noqa: E402
from django.test import Client  # noqa: E402


def median_cpu_ms(measure: Callable[[], object], runs: int, warm_up: int) -> float:
    """The median CPU milliseconds of ``measure()`` over ``runs`` calls, after ``warm_up`` calls not
    counted (the first ones compile and fill what a process keeps)."""
    for _ in range(warm_up):
        measure()
    times = []
    for _ in range(runs):
        started = time.process_time()
        measure()
        times.append((time.process_time() - started) * 1000)
    return statistics.median(times)


def password_check_ms(runs: int = 15) -> float:
    """The median CPU milliseconds of one check of a password against its hash."""
    hashed = make_password("mat-khau-tham-chieu")
    return median_cpu_ms(lambda: check_password("mat-khau-tham-chieu", hashed), runs, warm_up=1)


def allowed_host() -> str:
    """A host name the settings accept (in production mode, one of ``BINHDANG_ALLOWED_HOSTS``)."""
    for host in settings.ALLOWED_HOSTS:
        if host and host != "*":
            return host.lstrip(".")
    return "localhost"


def login_page_ms(runs: int = 200) -> float:
    """The median CPU milliseconds of the login page (GET, anonymous, as over HTTPS behind the proxy).

    Raises ``RuntimeError`` when the page does not answer 200: a redirect or an error page would measure
    something else."""
    client = Client(HTTP_HOST=allowed_host(), HTTP_ACCEPT_LANGUAGE="vi")

    def login_page() -> None:
        response = client.get("/accounts/login/", secure=True)
        if response.status_code != 200:
            raise RuntimeError(f"the login page answered {response.status_code}, not 200")

    return median_cpu_ms(login_page, runs, warm_up=5)


#: What can be measured, each with the decimals it is printed with.
MEASURES: dict[str, tuple[Callable[[], float], int]] = {
    "password": (password_check_ms, 1),
    "page": (login_page_ms, 2),
}


if __name__ == "__main__":
    kinds = sys.argv[1:] or ["password"]
    if not set(kinds) <= MEASURES.keys():
        sys.exit(f"usage: reference.py [{'|'.join(MEASURES)}]...")
    print(" ".join(f"{MEASURES[kind][0]():.{MEASURES[kind][1]}f}" for kind in kinds))
