"""WSGI entry point (gunicorn: ``binhdang.wsgi:application``).

The application is made ready when it is loaded (``core.warmup``): the URL map and its lookup tables,
the Vietnamese and English catalogues, binhdang's compiled templates. gunicorn loads it in its master
before forking the workers, so a new or recycled worker's first visitors do not wait for them.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "binhdang.settings")
application = get_wsgi_application()

from binhdang.core.warmup import warm_up  # noqa: E402 - needs the application's settings and apps

warm_up()
