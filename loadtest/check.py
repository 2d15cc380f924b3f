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
from dataclasses import dataclass
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "binhdang.settings")
django.setup()

from binhdang.reporting.entry import field_name  # noqa: E402
from binhdang.reporting.models import StateChange, Submission  # noqa: E402


def lost_submissions(acks: list[dict]) -> list[str]:
    """The acknowledged submissions that are missing, doubled, not submitted or not as sent."""
    problems = []
    for ack in acks:
        rows = list(Submission.objects.filter(period_id=ack["period"], unit__code=ack["unit"]))
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


@dataclass
class Totals:
    requests: int
    errors: int
    p95: float
    #: (step, requests, failures, median ms, p95 ms, max ms), by step name.
    steps: list[tuple[str, int, int, float, float, float]]

    @property
    def worst_step(self) -> tuple[str, float]:
        """The step with the highest 95th percentile, and that percentile (ms)."""
        name, _requests, _failures, _median, p95, _max = max(self.steps, key=lambda step: step[4])
        return name, p95


def locust_totals(prefix: str) -> Totals:
    """Requests, failures + task exceptions, the 95th percentile (ms) of all requests and of each step."""
    with open(f"{prefix}_stats.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    total = next(row for row in rows if row["Name"] == "Aggregated")
    steps = [
        (
            row["Name"],
            int(row["Request Count"]),
            int(row["Failure Count"]),
            float(row["Median Response Time"]),
            float(row["95%"]),
            float(row["Max Response Time"]),
        )
        for row in rows
        if row["Name"] != "Aggregated" and int(row["Request Count"])
    ]
    with open(f"{prefix}_exceptions.csv", encoding="utf-8") as fh:
        exceptions = sum(int(row["Count"]) for row in csv.DictReader(fh))
    return Totals(
        int(total["Request Count"]), int(total["Failure Count"]) + exceptions, float(total["95%"]), steps
    )


def main(seed_path: str, acks_path: str, prefix: str) -> int:
    seed = json.loads(Path(seed_path).read_text(encoding="utf-8"))
    acks = json.loads(Path(acks_path).read_text(encoding="utf-8"))
    totals = locust_totals(prefix)
    lost = lost_submissions(acks)
    for problem in lost[:20]:
        print("lost:", problem)
    users = len(seed["reporters"]) + len(seed["focal"]) + len(seed["ministry"])
    print(f"{'step':<22} {'requests':>9} {'failures':>9} {'median':>8} {'p95':>8} {'max':>8}  (ms)")
    for name, requests, failures, median, p95, longest in sorted(totals.steps, key=lambda s: -s[4]):
        print(f"{name:<22} {requests:>9} {failures:>9} {median:>8.0f} {p95:>8.0f} {longest:>8.0f}")
    worst, worst_p95 = totals.worst_step if totals.steps else ("-", 0.0)
    print(f"loadtest_provinces {len(seed['provinces'])}")
    print(f"loadtest_submitted {len(acks)} of {len(seed['reporters'])}")
    print(
        f"loadtest_users {users} ({len(seed['reporters'])} reporters, {len(seed['focal'])} focal officers, "
        f"{len(seed['ministry'])} ministry viewers)"
    )
    print(f"loadtest_requests {totals.requests}")
    print(f"loadtest_errors {totals.errors}")
    print(f"loadtest_p95 {totals.p95:.0f} ms")
    print(f"loadtest_step_p95_max {worst_p95:.0f} ms ({worst})")
    print(f"loadtest_lost {len(lost)}")
    return 1 if totals.errors or lost else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
