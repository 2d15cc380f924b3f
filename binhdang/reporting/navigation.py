"""The reporting entries of the main menu (used by ``portal.navigation``): the reports, and the
notifications with the number of unread ones.

An entry's test answers from the roles read for the request when it can (True or False), else with the
rows whose existence decides it: the menu asks all such questions of a page in one statement."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from binhdang.reporting import access

MENU_LABEL = _("Reports")


def menu_visible(user) -> bool | QuerySet:
    """Shown to whoever has reports to fill or periods to follow (the periods they see, if any)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if access.reports_for_any_unit(user) or access.manages_any_province(user):
        return True
    return access.visible_periods(user)


NOTICES_LABEL = _("Notifications")


def notices_visible(user) -> bool | QuerySet:
    """Shown to reporters (reminders and review decisions come to them) and to whoever got a notice."""
    if not getattr(user, "is_authenticated", False):
        return False
    if access.reports_for_any_unit(user):
        return True
    from binhdang.reporting.models import Notification

    return Notification.objects.filter(user=user)


#: Where the unread count of the request's user is kept once read (see :func:`unread_notices`).
_UNREAD = "_binhdang_unread_notices"


def unread_question(request) -> int | QuerySet:
    """The unread count if this request knows it already, else the unread notifications to count."""
    found = getattr(request, _UNREAD, None)
    if found is not None:
        return found
    from binhdang.reporting.models import Notification

    return Notification.objects.filter(user=request.user).unread()


def unread_notices(request) -> int:
    """How many notifications the user has not opened yet (the badge of the menu entry, and the
    reports page's button): counted once per request however many parts of the page show it."""
    found = unread_question(request)
    if isinstance(found, QuerySet):
        found = found.count()
        note_unread(request, found)
    return found


def note_unread(request, count: int) -> None:
    """The unread count of the request's user, as just counted (by the menu's statement)."""
    setattr(request, _UNREAD, count)


def all_notices_read(request) -> None:
    """The request's user has just opened all their notifications: nothing left unread to count."""
    note_unread(request, 0)
