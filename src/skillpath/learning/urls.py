from django.urls import path

from skillpath.learning import views, views_provider, views_reports

app_name = "learning"
urlpatterns = [
    path("", views.home, name="home"),
    path("modules/", views.catalogue, name="catalogue"),
    path("modules/<int:pk>/", views.module_detail, name="module"),
    path("modules/<int:pk>/edit/", views_provider.module_edit, name="module_edit"),
    path(
        "modules/<int:pk>/review/", views_provider.module_review, name="module_review"
    ),
    path("modules/new/", views_provider.module_edit, name="module_create"),
    path("provider/", views_provider.provider_modules, name="provider_modules"),
    path("provider/import/", views_provider.modules_import, name="modules_import"),
    path("provider/modules.csv", views_provider.modules_export, name="modules_export"),
    path("review/", views_provider.review_list, name="review"),
    path("plans/<int:pk>/", views.plan_detail, name="plan"),
    path("plans/<int:pk>/settings/", views.plan_settings, name="plan_settings"),
    path("plans/<int:pk>/reassess/", views.reassess, name="reassess"),
    path("credentials/<slug:slug>/", views.path, name="path"),
    path("items/<int:pk>/start/", views.item_start, name="item_start"),
    path("items/<int:pk>/complete/", views.item_complete, name="item_complete"),
    path("items/<int:pk>/proof/", views.item_proof, name="item_proof"),
    path("items/<int:pk>/proof/file/", views.proof_file, name="proof_file"),
    path(
        "items/<int:pk>/proof/decide/", views_provider.proof_decide, name="proof_decide"
    ),
    path("reports/", views_reports.report_list, name="reports"),
    path("reports/<slug:slug>/", views_reports.report_detail, name="report"),
]
