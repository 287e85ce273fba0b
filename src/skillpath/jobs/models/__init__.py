"""The jobs app's data: employers' demand, postings, applications, alerts."""

from skillpath.jobs.models.demand import (
    NOC_OR_EMPTY,
    DemandReport,
    DemandStatus,
    Urgency,
    WageUnit,
)
from skillpath.jobs.models.postings import (
    ACTIVE_APPLICATION_STATUSES,
    Application,
    ApplicationEvent,
    ApplicationStatus,
    Invitation,
    JobPosting,
    LanguageOfWork,
    MatchAlert,
    PostingRequirement,
    PostingStatus,
    RequirementOrigin,
    SavedPosting,
    SelfDeclaredSkill,
    WorkMode,
)

__all__ = [
    "ACTIVE_APPLICATION_STATUSES",
    "NOC_OR_EMPTY",
    "Application",
    "ApplicationEvent",
    "ApplicationStatus",
    "DemandReport",
    "DemandStatus",
    "Invitation",
    "JobPosting",
    "LanguageOfWork",
    "MatchAlert",
    "PostingRequirement",
    "PostingStatus",
    "RequirementOrigin",
    "SavedPosting",
    "SelfDeclaredSkill",
    "Urgency",
    "WageUnit",
    "WorkMode",
]
