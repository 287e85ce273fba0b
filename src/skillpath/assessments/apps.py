from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "skillpath.assessments"
    label = "assessments"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Assessments")
