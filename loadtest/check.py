"""After the load: is every acknowledged submission in the database exactly once, as it was sent?

python loadtest/check.py SEED.json ACKS.json CSV_PREFIX
Reads locust's CSV statistics (CSV_PREFIX_stats.csv, CSV_PREFIX_exceptions.csv) and prints the summary
lines of `make loadtest`. Exit status 1 when a request failed or an acknowledged submission is lost.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "binhdang.settings")
django.setup()

from binhdang.reporting.entry import field_name  # noqa: E402
from binhdang.reporting.models import StateChange, Submission  # noqa: E402


def lost_submissions(period: int, acks: list[dict]) -> list[str]:
    """The acknowledged submissions that are missing, doubled, not submitted or not as sent."""
    problems = []
    for ack in acks:
        rows = list(Submission.objects.filter(period_id=period, unit__code=ack["unit"]))
        if len(rows) != 1:
            problems.append(f"{ack['unit']}: {len(rows)} reports in the database")
            continue
        submission = rows[0]
        submits = StateChange.objects.filter(submission=submission, action=StateChange.Action.SUBMIT).count()
        stored = {field_name(code, coc): v for (code, coc), v in submission.value_map().items()}
        if submission.state != "submitted" or submits != 1:
            problems.append(f"{ack['unit']}: state {submission.state}, {submits} submit events")
        elif any(stored.get(name) != value for name, value in ack["values"].items()):
            problems.append(f"{ack['unit']}: stored values differ from the submitted ones")
    return problems


def locust_totals(prefix: str) -> tuple[int, int, float]:
    """Requests, failures + task exceptions, and the 95th percentile (ms) of all requests."""
    with open(f"{prefix}_stats.csv", encoding="utf-8") as fh:
        total = next(row for row in csv.DictReader(fh) if row["Name"] == "Aggregated")
    with open(f"{prefix}_exceptions.csv", encoding="utf-8") as fh:
        exceptions = sum(int(row["Count"]) for row in csv.DictReader(fh))
    return int(total["Request Count"]), int(total["Failure Count"]) + exceptions, float(total["95%"])


def main(seed_path: str, acks_path: str, prefix: str) -> int:
    seed = json.loads(Path(seed_path).read_text(encoding="utf-8"))
    acks = json.loads(Path(acks_path).read_text(encoding="utf-8"))
    requests, errors, p95 = locust_totals(prefix)
    lost = lost_submissions(seed["period"], acks)
    for problem in lost[:20]:
        print("lost:", problem)
    users = len(seed["reporters"]) + len(seed["focal"])
    print(f"loadtest_submitted {len(acks)} of {len(seed['reporters'])}")
    print(f"loadtest_users {users}")
    print(f"loadtest_requests {requests}")
    print(f"loadtest_errors {errors}")
    print(f"loadtest_p95 {p95:.0f} ms")
    print(f"loadtest_lost {len(lost)}")
    return 1 if errors or lost else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
