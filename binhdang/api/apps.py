from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "binhdang.api"
    label = "api"
    verbose_name = _("API")

    def ready(self) -> None:
        from binhdang.api import schema  # noqa: F401  (registers the session scheme with drf-spectacular)
