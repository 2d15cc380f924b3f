"""The plans exporters (:mod:`binhdang.core.exports`): a user's campaign calendar as iCalendar."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from binhdang.core.exports import Exporter, Scope, register
from binhdang.plans import feeds


@register
class CalendarFeed(Exporter):
    """``scope``: user (the feed's owner). RFC 5545, written by :func:`binhdang.plans.feeds.user_calendar`."""

    identifier = "plans.calendar_feed"
    verbose_name = _("Campaign calendar (iCalendar)")
    content_type = feeds.CONTENT_TYPE

    def filename(self, scope: Scope) -> str:
        return "binhdang-lich.ics"

    def render(self, scope: Scope) -> bytes:
        return feeds.user_calendar(scope.user).to_ical()
