"""The reporting entries of the main menu (used by ``portal.navigation``): the reports, and the
notifications with the number of unread ones."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from binhdang.reporting import access

MENU_LABEL = _("Reports")


def menu_visible(user) -> bool:
    """Shown to whoever has reports to fill or periods to follow."""
    if not getattr(user, "is_authenticated", False):
        return False
    return (
        access.reports_for_any_unit(user)
        or access.manages_any_province(user)
        or access.visible_periods(user).exists()
    )


NOTICES_LABEL = _("Notifications")


def notices_visible(user) -> bool:
    """Shown to reporters (reminders and review decisions come to them) and to whoever got a notice."""
    if not getattr(user, "is_authenticated", False):
        return False
    from binhdang.reporting.models import Notification

    return bool(access.reports_for_any_unit(user)) or Notification.objects.filter(user=user).exists()


#: Where the unread count of the request's user is kept once read (see :func:`unread_notices`).
_UNREAD = "_binhdang_unread_notices"


def unread_notices(request) -> int:
    """How many notifications the user has not opened yet (the badge of the menu entry, and the
    reports page's button): counted once per request however many parts of the page show it."""
    found = getattr(request, _UNREAD, None)
    if found is None:
        from binhdang.reporting.models import Notification

        found = Notification.objects.filter(user=request.user).unread().count()
        setattr(request, _UNREAD, found)
    return found


def all_notices_read(request) -> None:
    """The request's user has just opened all their notifications: nothing left unread to count."""
    setattr(request, _UNREAD, 0)
