"""The server killed (SIGKILL) in the middle of a plan import, a data value set import or a submission
leaves no partial data, and the same operation then succeeds.

A child process (``tests.reporting.crash_child``) runs the operation on this test database (a file on
SQLite, the test database on PostgreSQL), tells us from inside the transaction that rows were
written, and is killed there. The data the test creates is committed (``transaction=True``) so that
the child sees it.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from binhdang.plans.importing import import_plan
from binhdang.plans.models import Plan
from binhdang.reporting import services
from binhdang.reporting.datavaluesets import import_data_value_sets
from binhdang.reporting.models import DataValue, State, Submission
from tests.db_snapshot import changes, snapshot
from tests.plans import extractions

from .conftest import fill
from .test_datavaluesets import good_file

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
#: Only a safety net against a child that hangs before its hook; never a timing assertion.
WAIT_SECONDS = 300


def kill_in_the_middle(operation: str, user, object_id) -> int:
    """Run ``operation`` in a child process and SIGKILL it inside its transaction, after it wrote rows;
    the number of rows of the hooked model the child saw in its transaction."""
    command = [
        sys.executable,
        "-m",
        "tests.reporting.crash_child",
        operation,
        str(connection.settings_dict["NAME"]),
        str(user.pk),
        str(object_id),
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    child = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        ready, _, _ = select.select([child.stdout], [], [], WAIT_SECONDS)
        line = child.stdout.readline().decode() if ready else ""
        if not line.startswith("WRITTEN "):
            child.kill()
            _, errors = child.communicate()
            pytest.fail(f"the child did not reach its hook: {line!r} {errors.decode()[-3000:]}")
        child.send_signal(signal.SIGKILL)
        child.wait()
        _wait_for_the_killed_session_to_end(int(line.split()[2]))
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    return int(line.split()[1])


def _wait_for_the_killed_session_to_end(session: int) -> None:
    """On PostgreSQL the killed child's session (its server process ``session``) ends when the server
    notices the closed connection, a moment after the kill: until then it holds the transaction's
    locks and the test database (dropping it at the end of the run fails while a session is
    connected). Only that session is waited for: other ones (a live server's) are not the child's."""
    if connection.vendor != "postgresql":
        return
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = %s", [session])
            if cursor.fetchone()[0] == 0:
                return
        time.sleep(0.05)
    pytest.fail("the killed child's database session did not end within 30 s")


def test_a_plan_import_killed_midway_leaves_no_plan_and_then_succeeds(daklak, focal_officer):
    before = snapshot()

    assert kill_in_the_middle("plan-import", focal_officer, daklak.root.pk) == 2  # indicators written

    assert changes(before, snapshot()) == []
    plan = import_plan(extractions.communication(), daklak.root, None, focal_officer)
    assert Plan.objects.get() == plan
    assert plan.indicators.count() == 3


def test_a_data_value_set_import_killed_midway_leaves_no_value_and_then_succeeds(period, focal_officer):
    before = snapshot()

    assert kill_in_the_middle("data-import", focal_officer, "-") == 20  # values written

    assert changes(before, snapshot()) == []
    assert not DataValue.objects.exists()
    result = import_data_value_sets(good_file(), focal_officer)
    assert (result.sets, result.submitted) == (3, 2)


def test_a_submission_killed_midway_stays_a_draft_and_is_then_submitted(period, daklak, commune_a_reporter):
    submission = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    fill(submission, commune_a_reporter)
    before = snapshot()

    assert kill_in_the_middle("submit", commune_a_reporter, submission.pk) == 1  # submitted, uncommitted

    assert changes(before, snapshot()) == []
    submission.refresh_from_db()
    assert (submission.state, submission.submitted_at) == (State.DRAFT, None)
    submitted = services.submit(submission, commune_a_reporter)
    assert Submission.objects.get(pk=submitted.pk).state == State.SUBMITTED
