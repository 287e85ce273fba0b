from django.urls import path

from skillpath.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("language/", views.language_set, name="set_language"),
    path("imports/<uuid:public_id>/", views.import_job, name="import_job"),
]
