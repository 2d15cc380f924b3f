from django.urls import path

from binhdang.core.views import healthz
from binhdang.portal.views import home

# The namespace stays "core" (``core:home``, ``core:healthz``): every page links home by that name.
app_name = "core"
urlpatterns = [
    path("", home, name="home"),
    path("healthz", healthz, name="healthz"),
]
