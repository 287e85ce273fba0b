from django.contrib import admin

from skillpath.learning.models import (
    LearningPlan,
    Module,
    ModuleOutcome,
    ModuleRequirement,
    PlanItem,
)


class OutcomeInline(admin.TabularInline):
    model = ModuleOutcome
    extra = 0
    raw_id_fields = ["competency"]


class RequirementInline(admin.TabularInline):
    model = ModuleRequirement
    extra = 0
    raw_id_fields = ["competency"]


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin):
    list_display = [
        "title_en",
        "provider",
        "format",
        "language",
        "hours",
        "cost",
        "status",
    ]
    list_filter = ["status", "format", "language", "provider"]
    search_fields = ["title_en", "title_fr", "code"]
    inlines = [OutcomeInline, RequirementInline]
    filter_horizontal = ["requires_modules"]


class PlanItemInline(admin.TabularInline):
    model = PlanItem
    extra = 0
    raw_id_fields = ["module", "completed_by"]


@admin.register(LearningPlan)
class LearningPlanAdmin(admin.ModelAdmin):
    list_display = ["learner", "credential", "status", "planned_at"]
    list_filter = ["status"]
    raw_id_fields = ["learner", "credential"]
    inlines = [PlanItemInline]
