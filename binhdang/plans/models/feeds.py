"""A user's private calendar feed: the secret key in the feed's URL, revocable by its owner."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_feed_key() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeedToken(models.Model):
    """The key of a user's iCalendar feed (``/plans/feeds/<key>.ics``): whoever has the URL reads the
    campaigns and deadlines the user may see, so a user has one key at most and may revoke it (the old
    URL then answers 404) or make a new one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feed",
        verbose_name=_("user"),
    )
    key = models.CharField(_("key"), max_length=64, unique=True, default=new_feed_key, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return f"{self.user} · {self.created_at:%Y-%m-%d}"
