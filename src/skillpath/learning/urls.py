from django.urls import path

from skillpath.learning.views import learner, provider, reports

app_name = "learning"
urlpatterns = [
    path("", learner.home, name="home"),
    path("modules/", learner.catalogue, name="catalogue"),
    path("modules/<int:pk>/", learner.module_detail, name="module"),
    path("modules/<int:pk>/edit/", provider.module_edit, name="module_edit"),
    path("modules/<int:pk>/review/", provider.module_review, name="module_review"),
    path("modules/new/", provider.module_edit, name="module_create"),
    path("provider/", provider.provider_modules, name="provider_modules"),
    path("provider/import/", provider.modules_import, name="modules_import"),
    path("provider/modules.csv", provider.modules_export, name="modules_export"),
    path("review/", provider.review_list, name="review"),
    path("plans/<int:pk>/", learner.plan_detail, name="plan"),
    path("plans/<int:pk>/settings/", learner.plan_settings, name="plan_settings"),
    path("plans/<int:pk>/reassess/", learner.reassess, name="reassess"),
    path("credentials/<slug:slug>/", learner.path, name="path"),
    path("items/<int:pk>/start/", learner.item_start, name="item_start"),
    path("items/<int:pk>/complete/", learner.item_complete, name="item_complete"),
    path("items/<int:pk>/proof/", learner.item_proof, name="item_proof"),
    path("items/<int:pk>/proof/file/", learner.proof_file, name="proof_file"),
    path("items/<int:pk>/proof/decide/", provider.proof_decide, name="proof_decide"),
    path("reports/", reports.report_list, name="reports"),
    path("reports/<slug:slug>/", reports.report_detail, name="report"),
]
