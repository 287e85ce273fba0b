from django.urls import path

from skillpath.assessments.views import bank, review, taking

app_name = "assessments"
urlpatterns = [
    path("", taking.mine, name="mine"),
    # "Start the assessment for credential X" and "results for credential X".
    path(
        "credentials/<int:credential_id>/",
        taking.credential_overview,
        name="credential",
    ),
    path("credentials/<int:credential_id>/start/", taking.start, name="start"),
    path("credentials/<int:credential_id>/results/", taking.results, name="results"),
    path(
        "credentials/<int:credential_id>/results/<int:learner_id>/",
        taking.learner_results,
        name="learner_results",
    ),
    path(
        "credentials/<int:credential_id>/tasks/<int:item_id>/",
        taking.task_submit,
        name="task",
    ),
    path(
        "credentials/<int:credential_id>/prior-learning/<int:competency_id>/",
        taking.claim_create,
        name="claim",
    ),
    path("sittings/<int:pk>/", taking.sitting_page, name="sitting"),
    path("sittings/<int:pk>/answer/", taking.answer, name="answer"),
    path("evidence/<str:kind>/<int:pk>/", taking.evidence_file, name="evidence_file"),
    path("items/<int:pk>/image/", taking.item_image, name="item_image"),
    path("queue/", review.queue, name="queue"),
    path("queue/submissions/<int:pk>/", review.submission_review, name="submission"),
    path("queue/prior-learning/<int:pk>/", review.claim_review, name="claim_review"),
    path("credentials/<int:credential_id>/policy/", bank.policy, name="policy"),
    path("bank/", bank.bank_index, name="bank"),
    path("bank/items/new/", bank.item_new, name="item_new"),
    path("bank/items/<int:pk>/", bank.item_detail, name="item"),
    path("bank/items/<int:pk>/preview/", bank.item_preview, name="item_preview"),
    path("bank/items/<int:pk>/status/", bank.item_status, name="item_status"),
    path("bank/export/", bank.items_export, name="items_export"),
    path("bank/import/", bank.items_import, name="items_import"),
]
