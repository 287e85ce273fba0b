from django.contrib import admin

from skillpath.common.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["occurred_at", "actor", "verb", "target_type", "target_id"]
    list_filter = ["verb", "target_type"]
    readonly_fields = [
        "occurred_at",
        "actor",
        "verb",
        "target_type",
        "target_id",
        "data",
    ]

    def has_add_permission(self, request):  # the log is written by services only
        return False

    def has_change_permission(self, request, obj=None):
        return False
