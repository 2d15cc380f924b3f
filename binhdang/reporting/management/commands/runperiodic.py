"""``binhdang runperiodic [--now] [--job NAME ...] [--date YYYY-MM-DD] [--list]``: the single cron entry
point. Enqueues the periodic jobs (``reporting.tasks.PERIODIC_JOBS``: reminders, pruning of old task
results) for the worker (``binhdang db_worker``), or runs them here and now with ``--now``.

Cron, once a day at 07:00 (server time; reminders are computed for the day in Vietnam)::

    0 7 * * * cd /srv/binhdang && .venv/bin/binhdang runperiodic >> var/log/runperiodic.log 2>&1
"""

from __future__ import annotations

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from binhdang.reporting.tasks import PERIODIC_JOBS, periodic_job


class Command(BaseCommand):
    help = "Run or enqueue the periodic jobs (reminders...): the single cron entry point."

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="run the jobs here instead of enqueuing them")
        parser.add_argument(
            "--job",
            action="append",
            dest="jobs",
            metavar="NAME",
            help="only this job (repeatable); see --list",
        )
        parser.add_argument("--date", help="the day to run for, YYYY-MM-DD (default: today in Vietnam)")
        parser.add_argument("--list", action="store_true", help="list the jobs and exit")

    def handle(self, *args, **options):
        if options["list"]:
            for job in PERIODIC_JOBS:
                self.stdout.write(f"{job.name}: {job.description}")
            return
        day = None
        if options.get("date"):
            try:
                day = dt.date.fromisoformat(options["date"])
            except ValueError as exc:
                raise CommandError(
                    _('--date: "%(value)s" is not a date (YYYY-MM-DD).') % {"value": options["date"]}
                ) from exc
        jobs = PERIODIC_JOBS
        if options.get("jobs"):
            unknown = [name for name in options["jobs"] if periodic_job(name) is None]
            if unknown:
                raise CommandError(
                    _("Unknown job: %(names)s (known: %(known)s).")
                    % {"names": ", ".join(unknown), "known": ", ".join(j.name for j in PERIODIC_JOBS)}
                )
            jobs = [job for job in PERIODIC_JOBS if job.name in options["jobs"]]
        for job in jobs:
            kwargs = job.kwargs(day)
            if options["now"]:
                outcome = job.task.call(**kwargs)
                self.stdout.write(
                    _("%(job)s: done %(result)s")
                    % {"job": job.name, "result": json.dumps(outcome, ensure_ascii=False)}
                )
            else:
                result = job.task.enqueue(**kwargs)
                self.stdout.write(_("%(job)s: queued (%(id)s)") % {"job": job.name, "id": result.id})
