"""The user's private calendar feed: the feed itself (by its secret key, no login) and creating or
revoking it from the profile page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from binhdang.core.exports import Scope, download
from binhdang.plans import exporters, feeds


@require_safe
def calendar_feed(request: HttpRequest, key: str) -> HttpResponseBase:
    """The iCalendar feed of the key's owner; 404 for an unknown or revoked key."""
    owner = feeds.feed_owner(key)
    if owner is None:
        raise Http404
    response = download(exporters.CalendarFeed(), Scope(user=owner))
    response["Content-Disposition"] = response["Content-Disposition"].replace("attachment", "inline", 1)
    return response


@login_required
@require_POST
def calendar_feed_create(request: HttpRequest) -> HttpResponse:
    feeds.create_feed(request.user)
    messages.success(request, _("Your calendar link is ready. An earlier link no longer works."))
    return redirect("accounts:profile")


@login_required
@require_POST
def calendar_feed_revoke(request: HttpRequest) -> HttpResponse:
    if feeds.revoke_feed(request.user):
        messages.success(
            request, _("Your calendar link was revoked: calendars subscribed to it stop updating.")
        )
    return redirect("accounts:profile")
