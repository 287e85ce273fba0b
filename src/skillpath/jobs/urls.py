from django.urls import path

from skillpath.jobs.views import demand as views

app_name = "jobs"
urlpatterns = [
    path("demand/", views.demand, name="demand"),
    path("demand/<int:pk>/edit/", views.demand_edit, name="demand_edit"),
    path("demand/<int:pk>/status/", views.demand_status, name="demand_status"),
    path("demand/dashboard/", views.dashboard, name="demand_dashboard"),
]
