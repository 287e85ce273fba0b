from django.urls import path

from skillpath.privacy import views

app_name = "privacy"
urlpatterns = [
    path("", views.page, name="page"),
    path("export/", views.export, name="export"),
    path("delete/", views.delete, name="delete"),
]
