from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "skillpath.learning"
    label = "learning"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from skillpath.common.cycle import on_standing_changed
        from skillpath.learning.handlers import standing_changed
        from skillpath.web.navigation import ANYONE, NavItem, register

        on_standing_changed(standing_changed)
        before = "accounts:tokens"
        register(
            NavItem(_("My learning"), "learning:home", ("learner",)), before=before
        )
        register(NavItem(_("Modules"), "learning:catalogue", (ANYONE,)), before=before)
        register(
            NavItem(
                _("Modules I offer"),
                "learning:provider_modules",
                ("administrator", "coordinator", "employer"),
            ),
            before=before,
        )
        register(
            NavItem(_("Review modules"), "learning:review", ("coordinator",)),
            before=before,
        )
        register(
            NavItem(_("Learning reports"), "learning:reports", ("coordinator",)),
            before=before,
        )
