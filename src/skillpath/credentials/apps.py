from django.apps import AppConfig


class CredentialsConfig(AppConfig):
    name = "skillpath.credentials"
    label = "credentials"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here: an app's modules may import models only once apps are loaded.
        from skillpath.common.cycle import on_standing_changed
        from skillpath.credentials.services.awards import award_on_standing_changed

        on_standing_changed(award_on_standing_changed)
