"""URL map: one include per app; each app owns its own ``urls.py``."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

#: JSON under /api/, the Vietnamese page elsewhere.
handler500 = "binhdang.api.exceptions.server_error"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("binhdang.portal.urls")),
    path("accounts/", include("binhdang.accounts.urls")),
    path("orgunits/", include("binhdang.accounts.unit_urls")),
    path("plans/", include("binhdang.plans.urls")),
    path("reporting/", include("binhdang.reporting.urls")),
    path("results/", include("binhdang.results.urls")),
    path("documents/", include("binhdang.documents.urls")),
    path("ministry/", include("binhdang.ministry.urls")),
    path("work/", include("binhdang.work.urls")),
    path("gender-statistics/", include("binhdang.results.genderstats.urls")),
    path("api/", include("binhdang.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
