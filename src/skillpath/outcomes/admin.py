"""The outcomes admin: surveys (with a bounce action) and rating requests.

Answers are not listed one by one: they are read only in aggregates (the reports).
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from skillpath.outcomes.exceptions import OutcomesError
from skillpath.outcomes.models import EmployerRating, FollowUp, FollowUpState
from skillpath.outcomes.services.followups import follow_up_bounce


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    list_display = ["learner", "due_on", "kinds", "state", "reminders_sent", "sent_at"]
    list_filter = ["state"]
    search_fields = ["learner__email", "learner__full_name"]
    readonly_fields = [
        "public_id",
        "learner",
        "award",
        "kinds",
        "due_on",
        "state",
        "sent_at",
        "reminders_sent",
        "last_sent_at",
        "expires_on",
        "answered_at",
        "closed_at",
    ]
    actions = ["mark_bounced"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=_("Mark the survey mail as bounced"))
    def mark_bounced(self, request: HttpRequest, queryset: QuerySet[FollowUp]) -> None:
        done = 0
        for follow_up in queryset.filter(state=FollowUpState.SENT):
            try:
                follow_up_bounce(follow_up=follow_up, actor=request.user)
            except OutcomesError:
                continue
            done += 1
        self.message_user(
            request,
            _("%(count)d survey(s) marked as bounced.") % {"count": done},
            messages.SUCCESS,
        )


@admin.register(EmployerRating)
class EmployerRatingAdmin(admin.ModelAdmin):
    list_display = ["application", "kind", "due_on", "state", "sent_at"]
    list_filter = ["state", "kind"]
    readonly_fields = [
        "application",
        "kind",
        "due_on",
        "state",
        "sent_at",
        "answered_at",
        "rated_by",
        "overall_satisfaction",
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
