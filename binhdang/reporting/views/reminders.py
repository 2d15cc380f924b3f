"""The reminder log of a period (focal officer): every e-mail and in-app reminder, to whom, sent or
failed with the error."""

from __future__ import annotations

from collections import Counter

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from binhdang.reporting.models import ReminderLog
from binhdang.reporting.views.common import managed_period

MAX_ROWS = 1000


@login_required
def reminder_log(request: HttpRequest, pk: int) -> HttpResponse:
    period = managed_period(request, pk)
    status = request.GET.get("status") or ""
    if status not in ReminderLog.Status.values:
        status = ""
    logs = period.reminder_logs.select_related("unit", "request")
    counts = Counter(logs.values_list("status", flat=True))
    if status:
        logs = logs.filter(status=status)
    return render(
        request,
        "reporting/reminder_log.html",
        {
            "period": period,
            "logs": logs[:MAX_ROWS],
            "status": status,
            "statuses": [(value, label, counts.get(value, 0)) for value, label in ReminderLog.Status.choices],
            "max_rows": MAX_ROWS,
            "queued_count": counts.get(ReminderLog.Status.QUEUED, 0),
        },
    )
