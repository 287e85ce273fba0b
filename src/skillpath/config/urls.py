"""The URL map: pages by app, the API under /api/v1/, the admin."""

from django.contrib import admin
from django.urls import include, path

from skillpath.api.main import api

urlpatterns = [
    path("", include("skillpath.web.urls")),
    path("accounts/", include("skillpath.accounts.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
