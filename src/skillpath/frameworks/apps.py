from django.apps import AppConfig


class FrameworksConfig(AppConfig):
    name = "skillpath.frameworks"
    label = "frameworks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The pages of the supply side of the cycle: the public catalogue of
        # micro-credentials, employer demand, frameworks and job profiles.
        from django.utils.translation import gettext_lazy as _

        from skillpath.web.navigation import ANYONE, NavItem, register

        before = "accounts:tokens"
        for item in (
            NavItem(_("Micro-credentials"), "credentials:catalogue", (ANYONE,)),
            NavItem(_("Hard-to-fill roles"), "jobs:demand", ("employer",)),
            NavItem(_("Profiles to review"), "frameworks:reviews", ("employer",)),
            NavItem(_("Demand"), "jobs:demand_dashboard", ("coordinator",)),
            NavItem(_("Job profiles"), "frameworks:profiles", ("coordinator",)),
            NavItem(
                _("Credential definitions"), "credentials:manage", ("coordinator",)
            ),
            NavItem(_("Frameworks"), "frameworks:list", ("coordinator", "assessor")),
        ):
            register(item, before=before)
