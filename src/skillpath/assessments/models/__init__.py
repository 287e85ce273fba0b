"""Models of assessments: the item bank, sittings, tasks and evidence."""

from skillpath.assessments.models.bank import (
    ASSESSOR_KINDS,
    Item,
    ItemKind,
    ItemStatus,
    Method,
    evidence_path,
    item_image_path,
    localised,
    text_of,
)
from skillpath.assessments.models.evidence import (
    ClaimStatus,
    PriorLearningClaim,
    SubmissionStatus,
    TaskScore,
    TaskSubmission,
)
from skillpath.assessments.models.sittings import (
    AssessmentPolicy,
    Caution,
    PartStatus,
    Response,
    Sitting,
    SittingPart,
    SittingStatus,
)

__all__ = [
    "ASSESSOR_KINDS",
    "AssessmentPolicy",
    "Caution",
    "ClaimStatus",
    "Item",
    "ItemKind",
    "ItemStatus",
    "Method",
    "PartStatus",
    "PriorLearningClaim",
    "Response",
    "Sitting",
    "SittingPart",
    "SittingStatus",
    "SubmissionStatus",
    "TaskScore",
    "TaskSubmission",
    "evidence_path",
    "item_image_path",
    "localised",
    "text_of",
]
