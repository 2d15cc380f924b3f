"""The header written in Python (``{% topbar %}``, binhdang/core/templatetags/topbar.py) is byte for byte
what the template it replaced wrote (kept in ``topbar_legacy/``): anonymous and logged-in users, every
persona's menu, unread badges (a thousand too), names and addresses that must be escaped, both
languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.utils import translation

from binhdang.accounts import access
from binhdang.portal.navigation import menu_for
from binhdang.reporting.models import Notification

LEGACY = "{% load i18n %}{% get_current_language as LANGUAGE_CODE %}" + (
    Path(__file__).parent / "topbar_legacy" / "core" / "topbar.html"
).read_text(encoding="utf-8")
NEW = "{% load i18n topbar %}{% get_current_language as LANGUAGE_CODE %}  {% topbar %}\n"


def _both(rf, user, path="/plans/", language="vi", **extra):
    request = rf.get(path)
    request.user = user
    out = []
    with translation.override(language), access.roles_read_once():
        values = {"request": request, "user": user, "csrf_token": "t0k<&>\"'", **extra}
        values.setdefault("nav_items", menu_for(request))
        for source in (LEGACY, NEW):  # the same values (the context processors' are those of every page)
            out.append(Template(source).render(Context(values)))
    return out


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(
    "persona",
    ["commune_a_reporter", "department_reporter", "focal_officer", "leader", "ministry_viewer", "admin_user"],
)
def test_the_header_is_byte_for_byte_the_templates(request, rf, persona, language):
    user = request.getfixturevalue(persona)
    Notification.objects.create(user=user, text="Nhắc nộp báo cáo.")
    legacy, new = _both(rf, user, "/reporting/notifications/", language)
    assert new == legacy
    assert 'class="mainnav"' in new and 'class="username"' in new


def test_escaped_names_addresses_and_a_thousand_unread_are_written_as_the_template_did(
    rf, commune_a_reporter
):
    commune_a_reporter.full_name = 'Nguyễn <b>"Văn"</b> & A\'s'
    commune_a_reporter.save()
    items = [
        {"label": 'Thông <báo> & "tin"', "url": "/a?b=1&c=<2>", "active": True, "badge": 1234},
        {"label": "Khác", "url": "/k/", "active": False, "badge": 0},
    ]
    legacy, new = _both(rf, commune_a_reporter, '/plans/?next=<x>&q="y"', nav_items=items)
    assert new == legacy
    assert "</span>1234</span>" in new and "&lt;b&gt;" in new and "next=%3Cx%3E&amp;q=" in new


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_header_of_an_anonymous_visitor_is_the_templates(rf, db, language):
    legacy, new = _both(rf, AnonymousUser(), "/accounts/login/?next=/", language)
    assert new == legacy
    assert 'class="username"' not in new and 'class="mainnav"' not in new


def test_without_a_csrf_token_or_a_menu_the_header_is_the_templates(rf, commune_a_reporter):
    legacy, new = _both(rf, commune_a_reporter, csrf_token="", nav_items=[])
    assert new == legacy


def test_static_url_writes_what_static_writes_and_follows_the_settings(settings):
    from django.templatetags.static import static

    page = "{% load static topbar %}{% static 'core/app.css' %}|{% static_url 'core/app.css' %}"
    first, second = Template(page).render(Context()).split("|")
    assert first == second == static("core/app.css")
    settings.STATIC_URL = "/tinh-<khac>/"
    first, second = Template(page).render(Context()).split("|")
    assert first == second and second.startswith("/tinh-&lt;khac&gt;/")
