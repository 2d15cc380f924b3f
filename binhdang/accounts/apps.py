from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "binhdang.accounts"
    label = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from binhdang.accounts import signals, two_factor  # noqa: F401 - two_factor connects its receiver

        user_login_failed.connect(signals.on_login_failed, dispatch_uid="accounts.login_failed")
        user_logged_in.connect(signals.on_logged_in, dispatch_uid="accounts.logged_in")
