from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MinistryConfig(AppConfig):
    name = "binhdang.ministry"
    label = "ministry"
    verbose_name = _("Reports to the ministry")

    def ready(self) -> None:
        from binhdang.ministry import exporters  # noqa: F401  (registers the downloads)
