"""The state of the database, to prove that a refused operation changed nothing.

``state()`` maps each table of the project's apps (binhdang.*, history tables included, and the task
queue) to its row
count and a hash of all its rows, read through the ORM ordered by primary key.
"""

from __future__ import annotations

import hashlib

from django.apps import apps


def state() -> dict[str, tuple[int, str]]:
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        if not model.__module__.startswith(("binhdang.", "django_tasks_db.")):
            continue
        rows = list(model._base_manager.order_by("pk").values_list())
        digest = hashlib.sha256(repr(rows).encode()).hexdigest()
        tables[model._meta.db_table] = (len(rows), digest)
    return tables


def changed(before: dict, after: dict) -> dict:
    """The tables whose count or content differ: ``{table: (before, after)}`` (empty: unchanged)."""
    tables = sorted(before.keys() | after.keys())
    return {t: (before.get(t), after.get(t)) for t in tables if before.get(t) != after.get(t)}
