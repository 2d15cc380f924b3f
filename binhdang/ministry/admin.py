"""The reports sent to the ministry in the Django admin: read for support, with their history."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from binhdang.ministry.models import MinistryDeadline, MinistryReminder, ProvinceReport, ProvinceReportStep


class StepInline(admin.TabularInline):
    model = ProvinceReportStep
    extra = 0
    readonly_fields = ("from_state", "to_state", "user", "at", "comment")
    can_delete = False


@admin.register(ProvinceReport)
class ProvinceReportAdmin(SimpleHistoryAdmin):
    list_display = ("province", "year", "version", "state", "sent_at")
    list_filter = ("year", "state")
    inlines = [StepInline]


@admin.register(MinistryDeadline)
class MinistryDeadlineAdmin(SimpleHistoryAdmin):
    list_display = ("year", "deadline", "set_by", "set_at")


@admin.register(MinistryReminder)
class MinistryReminderAdmin(admin.ModelAdmin):
    list_display = ("year", "province", "sent_by", "sent_at")
    list_filter = ("year",)
