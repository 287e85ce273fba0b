from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "skillpath.outcomes"
    label = "outcomes"
    default_auto_field = "django.db.models.BigAutoField"
