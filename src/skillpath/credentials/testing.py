"""Factories of micro-credential definitions, for this app's tests and later issues'.

``published_credential()`` returns a published definition whose competencies have
required levels and allowed methods, built on an endorsed job profile.
"""

from __future__ import annotations

from typing import Any

from skillpath.credentials.models import MicroCredential
from skillpath.credentials.services import definitions as services
from skillpath.frameworks import testing as framework_testing


def draft_credential(**kwargs: Any) -> MicroCredential:
    """Return a draft definition built from an endorsed profile version."""
    world = framework_testing.endorsed_world(**kwargs)
    credential = services.credential_define(
        version=world.version,
        issuing_organisation=world.college,
        defined_by=world.coordinator,
    )
    return services.credential_update(
        credential=credential,
        changed_by=world.coordinator,
        criteria_en="Every competency demonstrated at its required level.",
        criteria_fr="Chaque compétence démontrée au niveau exigé.",
        full_program_hours=120,
        validity_months=36,
    )


def published_credential(**kwargs: Any) -> MicroCredential:
    """Return a published micro-credential definition."""
    credential = draft_credential(**kwargs)
    coordinator = credential.created_by
    return services.credential_publish(credential=credential, published_by=coordinator)
