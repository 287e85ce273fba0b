"""Answer "may this person do this?" for demand reports, postings and applications.

Employers report demand for their organisations and see their own reports;
coordinators (of any college or agency) and administrators read all reports, in the
demand dashboard, to decide which job profiles are worth building.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from skillpath.accounts import access
from skillpath.accounts.models import LearnerProfile, Organisation
from skillpath.frameworks.access import coordinated_organisations, employer_org_ids
from skillpath.frameworks.models import ProfileVersion, VersionState
from skillpath.jobs.models import Application, DemandReport, JobPosting, PostingStatus


def employer_organisations(user: Any) -> list[Organisation]:
    """Return the employers ``user`` may report demand for."""
    ids = employer_org_ids(user)
    return [
        m.organisation
        for m in access.approved_memberships(user)
        if m.organisation_id in ids
    ]


def can_report(user: Any) -> bool:
    return bool(employer_org_ids(user))


def can_edit(user: Any, report: DemandReport) -> bool:
    return report.employer_id in employer_org_ids(user)


def can_view_dashboard(user: Any) -> bool:
    return bool(getattr(user, "is_superuser", False)) or access.is_coordinator(user)


def reports_visible_to(user: Any) -> QuerySet[DemandReport]:
    """Return the reports ``user`` may read."""
    reports = DemandReport.objects.select_related("employer", "reported_by")
    if can_view_dashboard(user):
        return reports
    return reports.filter(employer_id__in=employer_org_ids(user))


# Postings


def can_post(user: Any) -> bool:
    """Return whether ``user`` represents an approved employer, who may post jobs."""
    return bool(employer_org_ids(user))


def can_manage_posting(user: Any, posting: JobPosting) -> bool:
    return posting.employer_id in employer_org_ids(user)


def coordinated_org_ids(user: Any) -> set[int]:
    return {org.pk for org in coordinated_organisations(user)}


def postings_managed_by(user: Any) -> QuerySet[JobPosting]:
    """Return the postings of the employers ``user`` represents."""
    return JobPosting.objects.filter(employer_id__in=employer_org_ids(user))


def postings_on_profiles_of(user: Any) -> QuerySet[JobPosting]:
    """Return the postings built on the job profiles of the colleges ``user`` coordinates."""
    return JobPosting.objects.filter(
        profile_version__profile__owner_id__in=coordinated_org_ids(user)
    ).exclude(status=PostingStatus.DRAFT)


def postable_versions(user: Any) -> QuerySet[ProfileVersion]:
    """Return the profile versions ``user``'s employers may post a job on.

    Published versions are public; an endorsed version is open to the employers
    that were invited to review it.
    """
    employers = employer_org_ids(user)
    return (
        ProfileVersion.objects.filter(
            Q(state=VersionState.PUBLISHED)
            | Q(state=VersionState.ENDORSED, reviews__organisation_id__in=employers)
        )
        .select_related("profile", "profile__owner")
        .distinct()
        .order_by("profile__title_en", "-number")
    )


def can_see_posting(user: Any, posting: JobPosting) -> bool:
    """Return whether ``user`` may open ``posting``: open ones are public."""
    if posting.status != PostingStatus.DRAFT:
        return True
    return can_manage_posting(user, posting)


def is_seeker(user: Any) -> bool:
    return access.is_learner(user)


def can_see_application(user: Any, application: Application) -> bool:
    """The seeker and the posting's employer see an application, nobody else."""
    if not getattr(user, "is_authenticated", False):
        return False
    return application.seeker_id == user.pk or can_manage_posting(
        user, application.posting
    )


# The employer's side: candidates and the pipeline


def can_search_candidates(user: Any) -> bool:
    """Return whether ``user`` represents an approved employer, who may look for people."""
    return bool(employer_org_ids(user))


def consenting_profiles() -> QuerySet[LearnerProfile]:
    """Return the seekers who share their profile and credentials with employers.

    Read from the database on every call: withdrawing consent removes a seeker from
    every search at once.
    """
    return LearnerProfile.objects.filter(share_with_employers=True)


def can_see_candidate(user: Any, seeker: Any) -> bool:
    """Return whether ``user`` may open ``seeker``'s candidate page.

    Only approved employers, and only while the seeker consents. A seeker who
    applied without consenting is seen through the application, not here.
    """
    if not can_search_candidates(user) or getattr(seeker, "pk", None) == user.pk:
        return False
    return consenting_profiles().filter(user_id=seeker.pk).exists()


def applications_managed_by(user: Any) -> QuerySet[Application]:
    """Return the applications to the postings of the employers ``user`` represents.

    They stay visible whatever the seeker's consent: they chose to apply.
    """
    return Application.objects.filter(posting__employer_id__in=employer_org_ids(user))
