"""Background jobs of the work app (``django.tasks``, run by the django-tasks-db worker).

- :data:`send_campaign_reminders_task` ``(day=None)``: the reminders before the plans' campaigns due
  that day (ISO date; default today in Vietnam), see ``work.campaign_reminders``. Registered as the
  periodic job ``campaign_reminders`` of ``binhdang runperiodic`` (``reporting.tasks.PERIODIC_JOBS``)
  by :meth:`binhdang.work.apps.WorkConfig.ready`.
"""

from __future__ import annotations

import datetime as dt

from django.tasks import task

from binhdang.work import campaign_reminders


@task
def send_campaign_reminders_task(day: str | None = None) -> dict:
    """Send the campaign reminders due on ``day`` (``YYYY-MM-DD``; default today). Returns the counts."""
    today = dt.date.fromisoformat(day) if day else None
    return campaign_reminders.send_campaign_reminders(today).as_dict()
