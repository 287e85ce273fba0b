from django.urls import path

from skillpath.outcomes.views import ratings, reports, surveys

app_name = "outcomes"
urlpatterns = [
    path("baseline/", surveys.baseline, name="baseline"),
    path("consent/", surveys.consent, name="consent"),
    path("surveys/<uuid:public_id>/", surveys.survey, name="survey"),
    path(
        "surveys/<uuid:public_id>/decline/",
        surveys.survey_decline,
        name="survey_decline",
    ),
    path("s/<str:token>/", surveys.survey_link, name="survey_link"),
    path(
        "s/<str:token>/decline/",
        surveys.survey_link_decline,
        name="survey_link_decline",
    ),
    path("ratings/", ratings.ratings, name="ratings"),
    path("ratings/<int:pk>/", ratings.rating, name="rating"),
    path("hires/<int:pk>/consent/", ratings.rating_consent, name="rating_consent"),
    path("reports/", reports.report_overview, name="reports"),
    path("reports/<slug:slug>/", reports.report_detail, name="report"),
]
