"""WSGI entry point (gunicorn: ``binhdang.wsgi:application``).

Each worker loads the URL map (and so every view module) and the Vietnamese and English catalogues
when it starts, not on the first request it serves: otherwise the first visitor of every new worker
waits about a second and a half (gunicorn recycles workers every ``max_requests``).
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "binhdang.settings")
application = get_wsgi_application()


def _warm_up() -> None:
    from django.conf import settings
    from django.urls import get_resolver
    from django.utils import translation

    get_resolver().url_patterns  # noqa: B018 - imports the URL confs and the views
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Home")


_warm_up()
