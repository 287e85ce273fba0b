from django.urls import path

from skillpath.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("language/", views.language_set, name="set_language"),
]
