"""Users and their roles.

A user holds one or more role assignments. Focal officers and leaders hold theirs on a province;
reporters on the units they report for; ministry viewers and admins on no unit (all provinces).
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from binhdang.core.audit import HistoricalRecords
from binhdang.orgunits.models import OrgUnit


class Role(models.TextChoices):
    FOCAL_OFFICER = "focal_officer", _("Focal officer")
    REPORTER = "reporter", _("Unit reporter")
    LEADER = "leader", _("Leader")
    MINISTRY_VIEWER = "ministry_viewer", _("Ministry viewer")
    ADMIN = "admin", _("Administrator")


#: Roles held on a province; reporters hold theirs on a unit; the rest on none.
PROVINCE_ROLES = (Role.FOCAL_OFFICER, Role.LEADER)


class User(AbstractUser):
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    must_change_password = models.BooleanField(_("must change password at next login"), default=False)

    #: Audit trail of account changes (never the password hash; last_login changes still add a row,
    #: which doubles as a login record).
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.username

    def save(self, *args, **kwargs) -> None:
        """An inactive account has no session, however it was deactivated (the focal officer's page,
        the admin site): Django refuses its sessions anyway, and reactivating it later must not bring
        them back to life (a lost laptop's cookie among them)."""
        super().save(*args, **kwargs)
        if not self.is_active:
            Session.objects.filter(user_id=self.pk).delete()


class RoleAssignment(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    org_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("organisation unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "org_unit"], name="unique_role_assignment"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.org_unit or '-'}"


class LoginFailure(models.Model):
    """One failed login attempt, kept for the throttling window (see ``accounts.throttle``).

    Stored in the database, not the cache, so that every worker process sees the same count.
    """

    #: The username as typed, folded to lower case; may name no existing account.
    username = models.CharField(_("username"), max_length=150)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        verbose_name = _("failed login")
        verbose_name_plural = _("failed logins")
        indexes = [
            models.Index(fields=["username", "created_at"]),
            models.Index(fields=["ip_address", "created_at"]),
            models.Index(fields=["created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.username} · {self.ip_address or '-'} · {self.created_at:%Y-%m-%d %H:%M}"


class Session(AbstractBaseSession):
    """A login session: Django's database session with the id of its user in a column of its own
    (written from the session's data at every save), so that every request reads its session and its
    user with one statement (``accounts.sessions``) and a user's sessions are found without decoding
    every session (``two_factor.end_other_sessions``). Not a foreign key: the session of a deleted user
    reads no user, as Django's does."""

    user_id = models.BigIntegerField(_("user id"), null=True, blank=True, db_index=True, editable=False)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    @classmethod
    def get_session_store_class(cls):
        from binhdang.accounts.sessions import SessionStore

        return SessionStore
