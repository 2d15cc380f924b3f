"""``binhdang token create USERNAME`` prints a new API token (an earlier one stops working);
``binhdang token revoke USERNAME`` deletes it. Callers send ``Authorization: Token <key>``."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from binhdang.accounts.models import User
from binhdang.api import services


class Command(BaseCommand):
    help = "API tokens: create (prints the key) or revoke a user's token."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("create", help="Create a new token for the user and print it.").add_argument(
            "username"
        )
        sub.add_parser("revoke", help="Delete the user's token.").add_argument("username")

    def handle(self, *args, action: str, username: str, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(_('No user named "%(username)s".') % {"username": username})
        if action == "create":
            if not user.is_active:
                raise CommandError(_('The account "%(username)s" is disabled.') % {"username": username})
            self.stdout.write(services.create_token(user).key)
            return
        if services.revoke_token(user):
            self.stdout.write(_('The API token of "%(username)s" was revoked.') % {"username": username})
        else:
            self.stdout.write(_('"%(username)s" had no API token.') % {"username": username})
