from django.urls import path

from skillpath.jobs.views import demand as views
from skillpath.jobs.views import employer, extraction, postings, seeker

app_name = "jobs"
urlpatterns = [
    path("demand/", views.demand, name="demand"),
    path("demand/<int:pk>/edit/", views.demand_edit, name="demand_edit"),
    path("demand/<int:pk>/status/", views.demand_status, name="demand_status"),
    path("demand/dashboard/", views.dashboard, name="demand_dashboard"),
    # Everyone: the job search; seekers: match, gap, save, apply.
    path("", seeker.postings, name="postings"),
    path("postings/<int:pk>/", seeker.posting, name="posting"),
    path("postings/<int:pk>/apply/", seeker.apply, name="apply"),
    path("postings/<int:pk>/save/", seeker.save, name="save"),
    path("applications/", seeker.applications, name="applications"),
    path("applications/<int:pk>/", seeker.application, name="application"),
    path("applications/<int:pk>/withdraw/", seeker.withdraw, name="withdraw"),
    path("alerts/<int:pk>/dismiss/", seeker.alert_dismiss, name="alert_dismiss"),
    # Employers: postings.
    path("employer/postings/", postings.employer_postings, name="employer_postings"),
    path("employer/postings/new/", postings.posting_new, name="posting_new"),
    path(
        "employer/postings/<int:pk>/edit/", postings.posting_edit, name="posting_edit"
    ),
    path(
        "employer/postings/<int:pk>/status/",
        postings.posting_status,
        name="posting_status",
    ),
    path(
        "employer/postings/<int:pk>/requirements/",
        postings.requirement_save,
        name="requirement_save",
    ),
    path(
        "employer/postings/<int:pk>/requirements/<int:competency_pk>/remove/",
        postings.requirement_remove,
        name="requirement_remove",
    ),
    path(
        "employer/postings/<int:pk>/from-ad/",
        extraction.posting_from_ad,
        name="posting_from_ad",
    ),
    path(
        "employer/postings/<int:pk>/from-ad/decision/",
        extraction.posting_ad_decision,
        name="posting_ad_decision",
    ),
    # Employers: candidates who consent, and the pipeline of applications.
    path("employer/candidates/", employer.candidates, name="candidates"),
    path("employer/candidates/<int:pk>/", employer.candidate, name="candidate"),
    path(
        "employer/candidates/<int:pk>/invite/",
        employer.candidate_invite,
        name="candidate_invite",
    ),
    path(
        "employer/applications/",
        employer.employer_applications,
        name="employer_applications",
    ),
    path(
        "employer/applications/<int:pk>/",
        employer.employer_application,
        name="employer_application",
    ),
    path(
        "employer/applications/<int:pk>/move/",
        employer.employer_application_move,
        name="employer_application_move",
    ),
    # Coordinators: postings on their college's profiles.
    path(
        "profiles/postings/", postings.coordinator_postings, name="coordinator_postings"
    ),
]
