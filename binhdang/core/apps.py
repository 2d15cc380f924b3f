from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _

#: Section titles of the admin site for the third-party apps it lists (theirs are English only). App
#: names are not part of the models' migration state: nothing to migrate.
THIRD_PARTY_APP_NAMES = {
    "authtoken": _("API access tokens"),
    "django_tasks_database": _("Background tasks"),
    "otp_totp": _("Two-step verification devices"),
}


class CoreConfig(AppConfig):
    name = "binhdang.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        for label, verbose_name in THIRD_PARTY_APP_NAMES.items():
            if label in apps.app_configs:
                apps.app_configs[label].verbose_name = verbose_name
