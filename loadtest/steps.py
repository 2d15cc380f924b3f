"""Where the time goes: each deadline-day step of the load test, played once in this process with
Django's test client, with its CPU time (the process's, so other jobs on the machine matter little) and
its number of queries. Used to find the heavy steps before changing anything (README, Performance).

    DATABASE_URL=sqlite:///var/load.sqlite3 .venv/bin/python loadtest/seed.py 1000 var/seed.json
    DATABASE_URL=sqlite:///var/load.sqlite3 .venv/bin/python loadtest/steps.py var/seed.json [REPORTER]

REPORTER is the index of the seed's reporter who plays the reporter's steps (default 7); the steps
submit that reporter's report, so use another index for a second run on the same database. With
``--profile STEP`` (home, open, submitted, autosave, board, ministry, notifications, myreports) the
step is also run 20 times under cProfile and the 40 heaviest functions are printed.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import re
import statistics
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "binhdang.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

VERSION = re.compile(r'id="report-version" value="(\d+)"')


def measure(name: str, step, runs: int = 1):
    """Run ``step`` ``runs`` times; print the median CPU milliseconds and the queries of the last run."""
    rows = []
    response = None
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.process_time()
            response = step()
            cpu = (time.process_time() - started) * 1000
        rows.append((cpu, len(queries.captured_queries)))
    status = getattr(response, "status_code", "")
    print(
        f"{name:<24} cpu {statistics.median(r[0] for r in rows):7.1f} ms  queries {rows[-1][1]:3d}  {status}"
    )
    return response


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("seed")
    parser.add_argument("reporter", nargs="?", type=int, default=7)
    parser.add_argument("--profile", default="")
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]
    seed = json.loads(Path(args.seed).read_text(encoding="utf-8"))
    password = seed["password"]
    reporter = seed["reporters"][args.reporter]

    from django.contrib.auth.hashers import check_password, make_password

    hashed = make_password("x-123456789")
    measure("password check", lambda: check_password("x-123456789", hashed), 5)
    client = Client()
    measure("login page", lambda: client.get("/accounts/login/"), 3)
    measure(
        "login",
        lambda: client.post("/accounts/login/", {"username": reporter["username"], "password": password}),
    )
    measure("home", lambda: client.get("/"), 3)
    measure("my reports", lambda: client.get("/reporting/"), 3)
    url = f"/reporting/periods/{reporter['period']}/units/{reporter['unit_pk']}/"
    page = measure("open report", lambda: client.get(url), 3)
    version = VERSION.search(page.content.decode()).group(1)
    names = sorted(reporter["values"])

    def save(half):
        nonlocal version
        response = client.post(
            url + "save/",
            {"version": version, **{k: reporter["values"][k] for k in half}},
            HTTP_HX_REQUEST="true",
        )
        found = VERSION.search(response.content.decode())
        version = found.group(1) if found else version
        return response

    measure("autosave (half)", lambda: save(names[: len(names) // 2]))
    measure("autosave (all)", lambda: save(names))
    submitted = measure(
        "submit", lambda: client.post(url + "submit/", {"version": version, **reporter["values"]})
    )
    report_page = submitted.get("Location") or url
    measure("report, submitted", lambda: client.get(report_page), 3)
    measure("notifications", lambda: client.get("/reporting/notifications/"), 3)
    focal = seed["focal"][0]
    officer = Client()
    officer.post("/accounts/login/", {"username": focal["username"], "password": password})
    board = f"/reporting/periods/{focal['period']}/"
    measure("status board", lambda: officer.get(board), 3)
    ministry = Client()
    ministry.post("/accounts/login/", {"username": seed["ministry"][0]["username"], "password": password})
    ministry_board = f"/ministry/board/?year={seed['year']}"
    measure("ministry board", lambda: ministry.get(ministry_board), 3)
    steps = {
        "home": lambda: client.get("/"),
        "myreports": lambda: client.get("/reporting/"),
        "open": lambda: client.get(url),
        "submitted": lambda: client.get(report_page),
        "autosave": lambda: save(names),
        "notifications": lambda: client.get("/reporting/notifications/"),
        "board": lambda: officer.get(board),
        "ministry": lambda: ministry.get(ministry_board),
    }
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [steps[args.profile]() for _ in range(20)])
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
