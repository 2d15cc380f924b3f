"""The child process of ``test_crash_safety``: runs one operation against the test database and, from
inside its transaction once some rows are written, prints ``WRITTEN``, the count and its database
session, and waits to be killed.

    python -m tests.reporting.crash_child OPERATION DATABASE_NAME USER_ID OBJECT_ID

OPERATION: ``plan-import`` (OBJECT_ID: the province), ``data-import`` (the data value set file is
the reporting tests' good file), ``submit`` (OBJECT_ID: the submission). The hook is a ``post_save``
receiver registered here only: the code under test runs unchanged, on the real database.
"""

from __future__ import annotations

import os
import sys
import time


def _wait_to_be_killed(sender, **kwargs) -> None:
    _wait_to_be_killed.saves += 1  # type: ignore[attr-defined]
    if _wait_to_be_killed.saves >= _wait_to_be_killed.after:  # type: ignore[attr-defined]
        # What this transaction wrote so far (uncommitted: only this connection sees it).
        written = _wait_to_be_killed.probe()  # type: ignore[attr-defined]
        sys.stdout.write(f"WRITTEN {written} {_database_session()}\n")
        sys.stdout.flush()
        time.sleep(600)  # the parent kills us here, in the middle of the transaction
        sys.exit("not killed")


def _database_session() -> int:
    """This process's PostgreSQL server process id (0 on SQLite), so that the parent waits for this
    session, not any other one, to end."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return int(cursor.fetchone()[0])


def main(operation: str, database: str, user_id: str, object_id: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "binhdang.settings")
    from django.conf import settings

    settings.DATABASES["default"]["NAME"] = database
    import django

    django.setup()
    from tests.clock import travel_to_test_clock

    travel_to_test_clock()  # the suite's fixed day, as in the test process
    from django.db.models.signals import post_save

    from binhdang.accounts.models import User
    from binhdang.orgunits.models import OrgUnit
    from binhdang.plans.importing import import_plan
    from binhdang.plans.models import Indicator
    from binhdang.reporting import services
    from binhdang.reporting.datavaluesets import import_data_value_sets
    from binhdang.reporting.models import DataValue, Submission
    from tests.plans import extractions
    from tests.reporting.test_datavaluesets import good_file

    user = User.objects.get(pk=user_id)
    _wait_to_be_killed.saves = 0  # type: ignore[attr-defined]
    if operation == "plan-import":
        _wait_to_be_killed.after = 2  # type: ignore[attr-defined]
        _wait_to_be_killed.probe = Indicator.objects.count  # type: ignore[attr-defined]
        post_save.connect(_wait_to_be_killed, sender=Indicator, weak=False)
        import_plan(extractions.communication(), OrgUnit.objects.get(pk=object_id), None, user)
    elif operation == "data-import":
        _wait_to_be_killed.after = 20  # type: ignore[attr-defined]
        _wait_to_be_killed.probe = DataValue.objects.count  # type: ignore[attr-defined]
        post_save.connect(_wait_to_be_killed, sender=DataValue, weak=False)
        import_data_value_sets(good_file(), user)
    elif operation == "submit":
        _wait_to_be_killed.after = 1  # type: ignore[attr-defined]
        _wait_to_be_killed.probe = Submission.objects.filter(state="submitted").count  # type: ignore[attr-defined]
        post_save.connect(_wait_to_be_killed, sender=Submission, weak=False)
        services.submit(Submission.objects.get(pk=object_id), user)
    else:
        sys.exit(f"unknown operation {operation}")
    sys.exit("the operation ended without reaching the hook")


if __name__ == "__main__":
    main(*sys.argv[1:])
