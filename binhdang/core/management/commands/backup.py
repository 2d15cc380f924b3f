"""``binhdang backup PATH``: the database and the uploaded files in one .tar.gz (see ``core.backup``)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from binhdang.core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = _(
        "Back up the database and the uploaded files into one .tar.gz archive (safe while the system runs)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", help=_("the archive to write, e.g. /srv/backups/binhdang-2026-12-31.tar.gz")
        )
        parser.add_argument(
            "--json-only",
            action="store_true",
            help=_(
                "leave out the native database dump (no pg_dump needed); the JSON dump is always included"
            ),
        )
        parser.add_argument("--database", default="default", help=_("database alias (default: default)"))

    def handle(self, *args, path: str, json_only: bool, database: str, **options):
        try:
            manifest = create_backup(path, using=database, native=not json_only)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(_("Backup written: %(path)s") % {"path": path}))
        self.stdout.write(manifest.summary())
