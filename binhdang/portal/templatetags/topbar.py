"""``{% static_url %}``: ``{% static %}`` worked out once per process (the base templates' styles and
scripts, on every page).

``{% topbar %}``: the header of every page (brand, main menu, language switch, user), written in
Python. Every page of a logged-in user draws it: as template nodes (an include, a loop over the menu,
a dozen translations, addresses and tests) it cost about as much as the rest of a small page. The
output is byte for byte what ``tests/portal/topbar_legacy/core/topbar.html`` (the template it replaces)
writes: ``tests/core/test_topbar.py`` compares them for every kind of user, in both languages.

Escaping is the template's: values (the menu's labels and addresses, the page's address, the user's
name, the badge) are escaped and localised as ``{{ value }}`` does; the translations of literal texts are
not escaped (``{% translate "..." %}`` marks a literal safe), nor the CSRF field (Django's own node).
"""

from __future__ import annotations

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.defaulttags import CsrfTokenNode
from django.templatetags.static import static
from django.utils import formats, translation
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from binhdang.portal.navigation import cached_reverse

register = template.Library()

#: The header's fixed texts by language (``translation.get_language()``): translated once per process.
_TEXTS: dict[str | None, dict[str, str]] = {}


def _texts() -> dict[str, str]:
    language = translation.get_language()
    found = _TEXTS.get(language)
    if found is None:
        found = _TEXTS[language] = {
            "gender": gettext("Gender equality"),
            "plans": gettext("plans and reports 2026-2030"),
            "menu": gettext("Main menu"),
            "unread": gettext("unread"),
            "language": gettext("Language"),
            "change": gettext("Change"),
            "logout": gettext("Log out"),
        }
    return found


def _value(value) -> str:
    """What ``{{ value }}`` writes (localised, escaped)."""
    return conditional_escape(str(formats.localize(value)))


_CSRF = CsrfTokenNode()

#: ``static(path)`` by path: the addresses of the static files change only with the settings (and
#: the collected files' manifest, read once per process by the storage itself).
_STATIC: dict[str, str] = {}


@receiver(setting_changed, dispatch_uid="binhdang-static-url-cache")
def _forget_static(setting=None, **kwargs) -> None:
    if setting in {"STATIC_URL", "STATIC_ROOT", "STORAGES", "STATICFILES_DIRS"}:
        _STATIC.clear()


@register.simple_tag
def static_url(path: str) -> str:
    """What ``{% static path %}`` writes (escaped by the template as it escapes it), once per process."""
    found = _STATIC.get(path)
    if found is None:
        found = _STATIC[path] = static(path)
    return found


@register.simple_tag(takes_context=True)
def topbar(context) -> SafeString:
    text = _texts()
    csrf = _CSRF.render(context)
    request, user = context.get("request"), context.get("user")
    language = context.get("LANGUAGE_CODE")
    out = [
        '<header class="topbar">\n    <div class="topbar-inner">\n',
        f'      <a class="brand" href="{_value(cached_reverse("core:home"))}">\n',
        '        <span class="brand-mark" aria-hidden="true">⚖</span>\n',
        f"        <span>{text['gender']}<small>{text['plans']}</small></span>\n\n      </a>\n      ",
    ]
    nav_items = context.get("nav_items")
    if nav_items:
        out.append(f'\n      <nav class="mainnav" aria-label="{text["menu"]}">\n        <ul>\n          ')
        for item in nav_items:
            current = ' aria-current="page"' if item["active"] else ""
            badge = ""
            if item["badge"]:
                badge = (
                    ' <span class="badge badge-warn nav-badge" id="unread-badge"><span class="visually-hidden">'
                    f"{text['unread']}: </span>{_value(item['badge'])}</span>"
                )
            out.append(
                f'\n          <li><a href="{_value(item["url"])}"{current}>{_value(item["label"])}{badge}</a></li>\n          '
            )
        out.append("\n        </ul>\n      </nav>\n      ")
    path = _value(request.get_full_path()) if request is not None else ""
    out.append(
        f'\n      <div class="usermenu">\n        <form action="{_value(cached_reverse("set_language"))}"'
        f' method="post" class="langform">\n          {csrf}\n'
        f'          <input name="next" type="hidden" value="{path}">\n'
        f'          <label class="visually-hidden" for="lang-select">{text["language"]}</label>\n'
        '          <select id="lang-select" name="language" data-autosubmit>\n            \n            '
    )
    for code, _name in settings.LANGUAGES:
        selected = " selected" if code == language else ""
        name = "Tiếng Việt" if code == "vi" else "English"
        out.append(f'\n            <option value="{_value(code)}"{selected}>{name}</option>\n            ')
    out.append(
        "\n          </select>\n"
        f'          <noscript><button type="submit">{text["change"]}</button></noscript>\n'
        "        </form>\n        "
    )
    if user is not None and user.is_authenticated:
        out.append(
            f'\n          <a href="{_value(cached_reverse("accounts:profile"))}" class="username">{_value(user)}</a>\n'
            f'          <form action="{_value(cached_reverse("accounts:logout"))}" method="post" class="inline">\n'
            f'            {csrf}<button type="submit" class="linkish">{text["logout"]}</button>\n'
            "          </form>\n        "
        )
    out.append("\n      </div>\n    </div>\n  </header>")
    return mark_safe("".join(out))  # values escaped above, as the template escaped them
