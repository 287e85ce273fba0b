"""Read-mostly admin of assessments: site staff inspect; services do the writing."""

from django.contrib import admin

from skillpath.assessments.models import (
    AssessmentPolicy,
    Item,
    PriorLearningClaim,
    Sitting,
    TaskSubmission,
)


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = [
        "code",
        "competency",
        "kind",
        "status",
        "discrimination",
        "exposure_count",
    ]
    list_filter = ["status", "kind"]
    search_fields = ["code", "stem_en", "stem_fr"]
    raw_id_fields = ["competency", "created_by"]


@admin.register(Sitting)
class SittingAdmin(admin.ModelAdmin):
    list_display = [
        "pk",
        "learner",
        "credential",
        "status",
        "started_at",
        "finished_at",
    ]
    list_filter = ["status"]
    raw_id_fields = ["learner", "credential", "current_item"]
    readonly_fields = ["next_sequence", "seed"]


@admin.register(TaskSubmission)
class TaskSubmissionAdmin(admin.ModelAdmin):
    list_display = ["pk", "learner", "item", "status", "level", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["learner", "credential", "item", "competency"]
    exclude = ["file"]  # evidence files are opened through the access-checked view


@admin.register(PriorLearningClaim)
class PriorLearningClaimAdmin(admin.ModelAdmin):
    list_display = [
        "pk",
        "learner",
        "competency",
        "status",
        "level_granted",
        "created_at",
    ]
    list_filter = ["status"]
    raw_id_fields = ["learner", "credential", "competency", "decided_by"]
    exclude = ["file"]


@admin.register(AssessmentPolicy)
class AssessmentPolicyAdmin(admin.ModelAdmin):
    list_display = [
        "credential",
        "time_limit_minutes",
        "max_items_per_competency",
        "caution",
    ]
    raw_id_fields = ["credential"]
