"""``binhdang restore PATH``: replace the database and the uploaded files by a backup (``core.backup``)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from binhdang.core.backup import BackupError, open_backup, restore_backup


class Command(BaseCommand):
    help = _(
        "Restore a backup made by “binhdang backup”: ALL current data and uploaded files are replaced. "
        "The archive is checked completely before anything changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help=_("the archive made by “binhdang backup”"))
        parser.add_argument(
            "--method",
            choices=["auto", "json", "native"],
            default="auto",
            help=_(
                "auto (default): the native dump when the backup comes from the same kind of database, "
                "else the JSON dump; json: always the JSON dump (e.g. SQLite to PostgreSQL); native"
            ),
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help=_("only check the archive and say what it holds; change nothing"),
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help=_("do not ask for confirmation"),
        )
        parser.add_argument("--database", default="default", help=_("database alias (default: default)"))

    def handle(self, *args, path: str, method: str, check: bool, interactive: bool, database: str, **options):
        try:
            if check:
                with open_backup(path) as (manifest, _folder):
                    self.stdout.write(self.style.SUCCESS(_("The backup is complete and intact.")))
                    self.stdout.write(manifest.summary())
                return
            if interactive:
                answer = input(
                    _(
                        "Restoring replaces ALL data and uploaded files of this system by those of %(path)s. "
                        "Type “yes” to continue: "
                    )
                    % {"path": path}
                )
                if answer.strip().lower() not in {"yes", "có", "co"}:
                    raise CommandError(_("Restore cancelled; nothing has been changed."))
            manifest = restore_backup(path, using=database, method=method)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(_("Restored from %(path)s.") % {"path": path}))
        self.stdout.write(manifest.summary())
