"""``{% calendar_feed_of as feed %}``: the logged-in user's calendar feed for the profile page
(``feed.url``, ``feed.webcal``, ``feed.created_at``), or None when they have none."""

from __future__ import annotations

from django import template
from django.urls import reverse

from binhdang.plans.models import CalendarFeedToken

register = template.Library()


@register.simple_tag(takes_context=True)
def calendar_feed_of(context) -> dict | None:
    request = context["request"]
    token = CalendarFeedToken.objects.filter(user=request.user).first()
    if token is None:
        return None
    url = request.build_absolute_uri(reverse("plans:calendar_feed", kwargs={"key": token.key}))
    return {"url": url, "webcal": "webcal://" + url.split("://", 1)[1], "created_at": token.created_at}
