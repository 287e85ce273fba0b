from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "skillpath.learning"
    label = "learning"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here: an app's modules may import models only once apps are loaded.
        from skillpath.common.cycle import on_standing_changed
        from skillpath.learning.handlers import standing_changed

        on_standing_changed(standing_changed)
