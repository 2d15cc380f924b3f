"""Django admin for accounts: users with their roles, and recent failed logins (read-only)."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from binhdang.accounts.models import LoginFailure, RoleAssignment, User


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    raw_id_fields = ["org_unit"]


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin, DjangoUserAdmin):
    inlines = [RoleAssignmentInline]
    list_display = ["username", "full_name", "email", "is_active", "is_superuser", "must_change_password"]
    search_fields = ["username", "full_name", "email"]
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        (_("binhdang"), {"fields": ["full_name", "phone", "must_change_password"]}),
    )


@admin.register(LoginFailure)
class LoginFailureAdmin(admin.ModelAdmin):
    list_display = ["username", "ip_address", "created_at"]
    search_fields = ["username", "ip_address"]
    readonly_fields = ["username", "ip_address", "created_at"]

    def has_add_permission(self, request) -> bool:
        return False
