from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from skillpath.accounts.forms import AdminLoginForm
from skillpath.accounts.models import (
    ApiToken,
    LearnerProfile,
    Membership,
    Organisation,
    ThrottleEvent,
    User,
)

# The admin signs in through the same throttle as the app (accounts.throttle).
admin.site.login_form = AdminLoginForm


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "preferred_language", "is_staff", "is_active"]
    search_fields = ["email", "full_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("full_name", "preferred_language")}),
        (
            _("Permissions"),
            {
                "fields": (
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                )
            },
        ),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "full_name", "password1", "password2"),
            },
        ),
    )


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "organisation"
    extra = 0
    autocomplete_fields = ["user"]
    readonly_fields = ["decided_by", "decided_at"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "province", "status"]
    list_filter = ["kind", "province", "status"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(LearnerProfile)
class LearnerProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "region", "home_organisation", "share_with_employers"]
    list_filter = ["region", "share_with_employers"]
    search_fields = ["user__email", "user__full_name"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "scope", "expires_at", "revoked_at"]
    readonly_fields = ["prefix", "key_hash", "last_used_at", "revoked_reason"]


@admin.register(ThrottleEvent)
class ThrottleEventAdmin(admin.ModelAdmin):
    """Read the sign-in throttle; deleting an account's failures ends its back-off."""

    list_display = ["occurred_at", "kind", "email", "client_address"]
    list_filter = ["kind"]
    search_fields = ["email", "client_address"]
    readonly_fields = ["kind", "email", "client_address", "occurred_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(
        self, request: HttpRequest, obj: ThrottleEvent | None = None
    ) -> bool:
        return False
