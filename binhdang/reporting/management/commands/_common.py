"""Helpers of the reporting commands."""

from __future__ import annotations

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from binhdang.accounts.models import User
from binhdang.plans.models import Plan


def find_plan(reference: str):
    """A plan by primary key or slug."""

    plan = Plan.objects.by_reference(reference)
    if plan is None:
        raise CommandError(_('No plan has the id or slug "%(ref)s".') % {"ref": reference})
    return plan


def find_user(username: str | None):
    if not username:
        return None

    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(_('No active user is called "%(name)s".') % {"name": username})
    return user
