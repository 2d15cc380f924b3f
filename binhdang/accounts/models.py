"""Users and their roles.

A user holds one or more role assignments. Focal officers and leaders hold theirs on a province;
reporters on the units they report for; ministry viewers and admins on no unit (all provinces).
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

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

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.username

    def has_role(self, role: str) -> bool:
        return self.is_superuser and role == Role.ADMIN or self.role_assignments.filter(role=role).exists()


class RoleAssignment(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("organisation unit"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "org_unit"], name="unique_role_assignment"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.org_unit or '-'}"
