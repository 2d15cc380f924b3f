from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from binhdang.accounts import argon2_build


class AccountsConfig(AppConfig):
    name = "binhdang.accounts"
    label = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self) -> None:
        # Password hash code built for instructions this processor lacks would stop the first login.
        refused = argon2_build.refusal_here()
        if refused:
            raise ImproperlyConfigured(refused)

        from django.contrib.auth.signals import user_logged_in, user_login_failed
        from django.db.models.signals import post_delete, post_save

        from binhdang.accounts import signals, two_factor  # noqa: F401 - two_factor connects its receiver

        user_login_failed.connect(signals.on_login_failed, dispatch_uid="accounts.login_failed")
        user_logged_in.connect(signals.on_logged_in, dispatch_uid="accounts.logged_in")
        role_assignment = self.get_model("RoleAssignment")
        post_save.connect(signals.forget_grants, sender=role_assignment, dispatch_uid="accounts.grants_saved")
        post_delete.connect(
            signals.forget_grants, sender=role_assignment, dispatch_uid="accounts.grants_deleted"
        )
