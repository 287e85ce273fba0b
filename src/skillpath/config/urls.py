"""The URL map: pages by app, the API under /api/v1/, the admin."""

from django.contrib import admin
from django.urls import include, path

from skillpath.api import main as api_errors
from skillpath.api.main import api

urlpatterns = [
    path("", include("skillpath.web.urls")),
    path("accounts/", include("skillpath.accounts.urls")),
    path("frameworks/", include("skillpath.frameworks.urls")),
    path("assessments/", include("skillpath.assessments.urls")),
    path("learning/", include("skillpath.learning.urls")),
    path("credentials/", include("skillpath.credentials.urls")),
    path("jobs/", include("skillpath.jobs.urls")),
    path("outcomes/", include("skillpath.outcomes.urls")),
    path("privacy/", include("skillpath.privacy.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

# Under /api/ these answer in the API's JSON error format, elsewhere with the pages.
handler400 = api_errors.bad_request
handler404 = api_errors.page_not_found
handler500 = api_errors.server_error
