"""What every process of the application server would otherwise work out on its first requests,
worked out once when the application is loaded (``binhdang.wsgi``).

gunicorn loads the application in its master and forks the workers from it (``preload_app``), and it
recycles each worker every ``max_requests`` (2,000 by default): on deadline day a worker is replaced
every 15-20 s. Whatever a worker computes lazily, it computes again after every recycle, on the first
requests it serves: the URL map's lookup tables (the first ``reverse`` of each namespace, about 100 ms
of a core), the compiled templates (a page's templates, 20-40 ms), the catalogues of each language.
Done here, before the fork, the workers share the result and their first visitors wait no longer than
the others.

An app adds its own with a ``warm_up()`` method on its ``AppConfig``. :func:`warm_up` reads no
database (the master must hold no connection when it forks) and changes nothing: the tables it fills
are the ones Django would fill on the first requests.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.template import engines
from django.template.backends.django import DjangoTemplates
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils import formats, translation
from django.utils.module_loading import import_string

from binhdang.core import filecache

#: A URL name no pattern has: reversing it in a namespace fills that namespace's tables, then fails.
_NO_SUCH_NAME = "binhdang-warm-up-no-such-name"


def warm_up() -> None:
    """The URL map, the catalogues and binhdang's templates, ready before the first request; then
    what each app keeps per process, through its ``AppConfig.warm_up()`` when it has one (e.g. the
    documents' blank A4 page with its styles)."""
    warm_urls()
    warm_catalogues()
    warm_templates()
    filecache.warm_up()  # the code's version, which every kept download checks
    for config in apps.get_app_configs():
        hook = getattr(config, "warm_up", None)
        if callable(hook):
            hook()


def warm_urls() -> None:
    """Import the URL confs and the views, compile every pattern, and fill the lookup tables that
    ``reverse`` builds per namespace."""
    resolver = get_resolver()
    _compile(resolver)
    for namespace in _namespaces(resolver):
        with contextlib.suppress(NoReverseMatch):
            reverse(f"{namespace}:{_NO_SUCH_NAME}" if namespace else _NO_SUCH_NAME)


def _compile(resolver: URLResolver) -> None:
    for entry in resolver.url_patterns:
        entry.pattern.regex  # noqa: B018 - compiled on first use, then kept on the pattern
        if isinstance(entry, URLResolver):
            _compile(entry)
        elif not isinstance(entry, URLPattern):  # pragma: no cover - Django has only these two
            raise TypeError(f"unexpected URL entry {entry!r}")


def _namespaces(resolver: URLResolver, prefix: str = "") -> list[str]:
    """Every namespace of the URL map, nested ones as ``outer:inner`` ("" for the root)."""
    found = [prefix]
    for namespace, (_pattern, inner) in resolver.namespace_dict.items():
        found += _namespaces(inner, f"{prefix}:{namespace}" if prefix else namespace)
    return found


def warm_catalogues() -> None:
    """Load the translation catalogues and the date and number formats of every language the site
    offers, and what the locale middleware asks of each language on every request."""
    for code, _name in settings.LANGUAGES:
        translation.check_for_language(code)
        translation.get_supported_language_variant(code)
        with translation.override(code):
            translation.gettext("Home")
            formats.get_format("DATE_FORMAT")


def warm_templates() -> list[str]:
    """Compile every template of binhdang's own apps into the template engine's cache (where the
    cached loader keeps them); returns their names."""
    engine = engines["django"]
    if not isinstance(engine, DjangoTemplates):  # pragma: no cover - the settings use Django's
        return []
    names = []
    for config in apps.get_app_configs():
        if not config.name.startswith("binhdang."):
            continue
        folder = Path(config.path) / "templates"
        names += sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    engine.engine.template_context_processors  # noqa: B018 - imports the context processors, once
    import_string(settings.MESSAGE_STORAGE)  # the messages' storage, imported at a request's first message
    for name in names:
        engine.engine.get_template(name)
    return names
