"""The credentials app's models: definitions, and what issuing them keeps."""

from skillpath.credentials.models.definitions import (
    AllowedMethod,
    AssessmentMethod,
    CredentialState,
    MicroCredential,
    MicroCredentialCompetency,
)
from skillpath.credentials.models.issuing import (
    Award,
    AwardEvidence,
    AwardStatus,
    Issuer,
    IssuerKey,
    KeyType,
    StatusList,
    TrustedIssuer,
)

__all__ = [
    "AllowedMethod",
    "AssessmentMethod",
    "Award",
    "AwardEvidence",
    "AwardStatus",
    "CredentialState",
    "Issuer",
    "IssuerKey",
    "KeyType",
    "MicroCredential",
    "MicroCredentialCompetency",
    "StatusList",
    "TrustedIssuer",
]
