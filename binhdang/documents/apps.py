from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "binhdang.documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self) -> None:
        from binhdang.documents import (
            exporters,  # noqa: F401  (registers the reports' exporters)
            review_exporters,  # noqa: F401  (and the reviews')
        )

    def warm_up(self) -> None:
        """Before gunicorn forks its workers (``core.warmup``): the blank page every document starts
        from, made once for all of them."""
        from binhdang.documents import nd30

        nd30.warm_up()
