"""Small worlds for the learning tests: competencies, requirements, modules, standings.

The credential comes from ``credentials.testing.micro_credential(levels=())``, with
no requirements, and ``require`` gives it the competencies a test wants.
"""

from __future__ import annotations

import itertools
from typing import Any

from skillpath.accounts import testing
from skillpath.accounts.models import Organisation, OrganisationKind, Role
from skillpath.common.cycle import CompetencyStanding, StandingStatus
from skillpath.frameworks import testing as framework_testing
from skillpath.learning.models import Module, ModuleFormat, ModuleLanguage
from skillpath.learning.services import catalogue

_counter = itertools.count(1)


def competency(title: str = "", *, framework: Any = None) -> Any:
    """Create a competency coded ``comp-N`` (in a framework of its own unless given)."""
    number = next(_counter)
    return framework_testing.competency(
        framework
        or framework_testing.framework(owner=testing.organisation(), competencies=0),
        title=title,
        code=f"comp-{number}",
    )


def require(credential: Any, competency: Any, level: int) -> None:
    """Make ``credential`` require ``competency`` at ``level``."""
    from skillpath.credentials.models import MicroCredentialCompetency

    MicroCredentialCompetency.objects.create(
        credential=credential, competency=competency, required_level=level
    )


def provider(kind: str = OrganisationKind.TRAINING_PROVIDER) -> Organisation:
    return testing.organisation(kind)


def provider_staff(org: Organisation) -> Any:
    return testing.member(Role.ADMINISTRATOR, org)


def module(
    *,
    teaches: dict[Any, int],
    requires: dict[Any, int] | None = None,
    requires_modules: tuple[Module, ...] = (),
    provider_org: Organisation | None = None,
    hours: float = 10,
    cost: float = 100,
    approved: bool = True,
    asks_for_proof: bool = False,
    **fields: Any,
) -> Module:
    """Create a module (reviewed and offered unless told otherwise)."""
    number = next(_counter)
    org = provider_org or provider()
    values = {
        "code": f"mod-{number}",
        "title_en": f"Module {number}",
        "title_fr": f"Module {number} (fr)",
        "format": ModuleFormat.SELF_PACED,
        "language": ModuleLanguage.ENGLISH,
        "hours": hours,
        "cost": cost,
        "asks_for_proof": asks_for_proof,
        **fields,
    }
    created = catalogue.module_create(
        provider=org,
        created_by=None,
        teaches=teaches,
        requires=requires or {},
        requires_modules=requires_modules,
        **values,
    )
    if approved:
        reviewer = testing.coordinator()
        created = catalogue.module_review(
            module=created, reviewer=reviewer, approve=True
        )
    return created


def standing(
    comp: Any, required: int, demonstrated: int = 0, status: str = ""
) -> CompetencyStanding:
    """Return a standing as the assessments selector reports it."""
    if not status:
        status = (
            StandingStatus.DEMONSTRATED
            if demonstrated >= required
            else StandingStatus.GAP
        )
    return CompetencyStanding(
        competency_id=comp.pk,
        required_level=required,
        demonstrated_level=demonstrated,
        status=status,
        method="adaptive_test",
    )
