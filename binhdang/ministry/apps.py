from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MinistryConfig(AppConfig):
    name = "binhdang.ministry"
    label = "ministry"
    verbose_name = _("Reports to the ministry")

    def ready(self) -> None:
        from binhdang.documents.national import register_sendings
        from binhdang.ministry import exporters  # noqa: F401  (registers the downloads)
        from binhdang.ministry.national import sendings

        register_sendings(sendings)  # the national report reads which provinces sent their report
