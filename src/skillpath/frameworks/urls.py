from django.urls import path

from skillpath.frameworks.views import frameworks, profiles, reviews

app_name = "frameworks"
urlpatterns = [
    path("", frameworks.framework_list, name="list"),
    path("new/", frameworks.framework_create, name="create"),
    path("import/", frameworks.framework_import, name="import"),
    path("<int:pk>/", frameworks.framework_detail, name="detail"),
    path("<int:pk>/edit/", frameworks.framework_edit, name="edit"),
    path("<int:pk>/scale/", frameworks.framework_scale, name="scale"),
    path("<int:pk>/export/", frameworks.framework_export, name="export"),
    path(
        "<int:pk>/competencies/new/",
        frameworks.competency_create,
        name="competency_create",
    ),
    path(
        "<int:pk>/competencies/<int:cpk>/",
        frameworks.competency_detail,
        name="competency",
    ),
    path(
        "<int:pk>/competencies/<int:cpk>/edit/",
        frameworks.competency_edit,
        name="competency_edit",
    ),
    path(
        "competencies/search/", frameworks.competency_search, name="competency_search"
    ),
    path("case/<str:kind>/<str:identifier>/", frameworks.case_uri, name="case_uri"),
    path("profiles/", profiles.profile_list, name="profiles"),
    path("profiles/new/", profiles.profile_create, name="profile_create"),
    path("profiles/<int:pk>/", profiles.profile_detail, name="profile"),
    path("profiles/<int:pk>/edit/", profiles.profile_edit, name="profile_edit"),
    path("profiles/<int:pk>/v<int:number>/", profiles.version_detail, name="version"),
    path(
        "profiles/<int:pk>/v<int:number>/change/",
        profiles.version_change,
        name="version_change",
    ),
    path(
        "profiles/<int:pk>/v<int:number>/submit/",
        profiles.version_submit,
        name="version_submit",
    ),
    path(
        "profiles/<int:pk>/v<int:number>/state/",
        profiles.version_state,
        name="version_state",
    ),
    path("reviews/", reviews.review_list, name="reviews"),
    path("reviews/<int:pk>/", reviews.review_detail, name="review"),
]
