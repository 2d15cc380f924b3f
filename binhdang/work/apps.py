from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkConfig(AppConfig):
    name = "binhdang.work"
    label = "work"
    verbose_name = _("Work through the year")

    def ready(self) -> None:
        from binhdang.work import prefill  # the models are loaded only now

        prefill.register()  # the report form proposes the activity log's figures
