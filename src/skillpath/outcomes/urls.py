from django.urls import path

from skillpath.outcomes.views import reports

app_name = "outcomes"
urlpatterns = [
    path("reports/", reports.report_overview, name="reports"),
    path("reports/<slug:slug>/", reports.report_detail, name="report"),
]
