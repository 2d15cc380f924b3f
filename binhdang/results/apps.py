from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    name = "binhdang.results"
    label = "results"
    verbose_name = _("Results")

    def ready(self) -> None:
        from binhdang.results import exporters  # noqa: F401  (registers the open data exporters)
