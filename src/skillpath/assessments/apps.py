from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "skillpath.assessments"
    label = "assessments"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Assessments")

    def ready(self) -> None:
        from skillpath.web.navigation import NavItem, register

        register(NavItem(_("My assessments"), "assessments:mine", ("learner",)))
        register(NavItem(_("Assessment queue"), "assessments:queue", ("assessor",)))
        register(NavItem(_("Item bank"), "assessments:bank", ("coordinator",)))
