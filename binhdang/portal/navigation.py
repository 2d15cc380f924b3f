"""The main menu, by role.

Each app contributes its entries here: an entry is shown when its ``visible`` test passes for the
user. Keep labels short; they are shown on phones too.

A test answers from the roles read once for the request (``accounts.access``) when they decide (True or
False); else it gives the rows whose existence decides (a QuerySet, or the hot questions asked on every
page written once as plain SQL: a ``portal.questions.Question``), and a badge gives its count or the
rows to count. All the questions of a page are asked in ONE statement (:func:`_ask`): every answer is
read from the database for each request; only the entries' addresses are kept (:func:`cached_reverse`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import F, Func, IntegerField, QuerySet
from django.http import HttpRequest
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.translation import gettext_lazy as _

from binhdang.core.questions import Question
from binhdang.ministry import navigation as ministry_menu
from binhdang.reporting import navigation as reporting_menu
from binhdang.results import navigation as results_menu
from binhdang.results.genderstats import navigation as genderstats_menu
from binhdang.work import navigation as work_menu


@dataclass(frozen=True)
class NavItem:
    label: Any  # a lazy translation: resolved in the user's language when the menu is drawn
    url_name: str
    #: True/False, or the rows whose existence shows the entry.
    visible: Callable[[Any], bool | QuerySet | Question]
    #: A count shown beside the label when not zero (e.g. unread notifications), from the request: the
    #: number, or the rows to count; ``badge_counted`` is told the number counted.
    badge: Callable[[HttpRequest], int | QuerySet | Question] | None = None
    badge_counted: Callable[[HttpRequest, int], None] | None = None


def _authenticated(user) -> bool:
    return bool(user.is_authenticated)


def _can(perm: str) -> Callable[[Any], bool]:
    return lambda user: bool(user.is_authenticated and user.has_perm(perm))


MENU: list[NavItem] = [
    NavItem(_("Home"), "core:home", _authenticated),
    NavItem(_("Plans"), "plans:list", _authenticated),
    NavItem(reporting_menu.MENU_LABEL, "reporting:index", reporting_menu.menu_visible),
    NavItem(
        reporting_menu.NOTICES_LABEL,
        "reporting:notifications",
        reporting_menu.notices_visible,
        badge=reporting_menu.unread_question,
        badge_counted=reporting_menu.note_unread,
    ),
    NavItem(results_menu.MENU_LABEL, "results:index", results_menu.menu_visible),
    NavItem(ministry_menu.MENU_LABEL, "ministry:index", ministry_menu.menu_visible),
    NavItem(work_menu.MENU_LABEL, "work:index", work_menu.menu_visible),
    NavItem(genderstats_menu.MENU_LABEL, "genderstats:index", genderstats_menu.menu_visible),
    NavItem(_("Organisation units"), "orgunits:browse", _can("orgunits.browse")),
    NavItem(_("Users"), "accounts:user_list", _can("accounts.manage_users")),
]


def _sql(rows: QuerySet | Question, count: bool) -> tuple[str, tuple]:
    """The SQL of one question: whether ``rows`` has a row, or how many it has (a plain question is
    written as asked)."""
    if isinstance(rows, Question):
        return rows.sql, rows.params
    unordered = rows.order_by()
    if count:
        counted = unordered.annotate(n=Func(F("pk"), function="COUNT", output_field=IntegerField())).values(
            "n"
        )
        sql, params = counted.query.sql_with_params()
        return f"({sql})", tuple(params)
    sql, params = unordered.query.exists().sql_with_params()
    return f"EXISTS ({sql})", tuple(params)


def _ask(questions: dict[str, tuple[QuerySet | Question, bool]]) -> dict[str, Any]:
    """Every open question of the menu in ONE statement (each compiled as its own query would be)."""
    if not questions:
        return {}
    parts = [_sql(rows, count) for rows, count in questions.values()]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT " + ", ".join(sql for sql, _params in parts),
            [p for _sql, params in parts for p in params],
        )
        row = cursor.fetchone()
    return dict(zip(questions, row, strict=True))


#: The entries' addresses, by URL configuration, script prefix and URL name (see :func:`cached_reverse`).
_URLS: dict[tuple, str | None] = {}


def cached_reverse(url_name: str) -> str | None:
    """``reverse(url_name)`` (None when it has none), worked out once per URL configuration and script
    prefix: a menu entry's address has no argument, so it changes with nothing else."""
    key = (settings.ROOT_URLCONF, get_urlconf(), get_script_prefix(), url_name)
    if key not in _URLS:
        try:
            _URLS[key] = reverse(url_name)
        except NoReverseMatch:
            _URLS[key] = None
    return _URLS[key]


def menu_for(request: HttpRequest) -> list[dict]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    shown = [(item, item.visible(user)) for item in MENU]
    badges = {
        n: item.badge(request)
        for n, (item, visible) in enumerate(shown)
        if visible is not False and item.badge
    }
    questions: dict[str, tuple[QuerySet | Question, bool]] = {}
    for n, (_item, visible) in enumerate(shown):
        if isinstance(visible, Question) or (isinstance(visible, QuerySet) and not visible.query.is_empty()):
            questions[f"shown_{n}"] = (visible, False)
    for n, badge in badges.items():
        if isinstance(badge, Question) or (isinstance(badge, QuerySet) and not badge.query.is_empty()):
            questions[f"badge_{n}"] = (badge, True)
    answers = _ask(questions)
    items = []
    for n, (item, visible) in enumerate(shown):
        if isinstance(visible, QuerySet | Question):
            visible = bool(answers.get(f"shown_{n}", False))
        if not visible:
            continue
        url = cached_reverse(item.url_name)
        if url is None:
            continue
        active = request.path == url or (url != "/" and request.path.startswith(url))
        badge = badges.get(n, 0)
        if isinstance(badge, QuerySet | Question):
            badge = answers.get(f"badge_{n}") or 0
            if item.badge_counted is not None:
                item.badge_counted(request, badge)
        items.append({"label": item.label, "url": url, "active": active, "badge": badge})
    return items
