"""Small template helpers of the frameworks pages."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.simple_tag
def panel(prefix: str, pk: Any) -> str:
    """Return the id of a builder panel, e.g. ``add-need-12``."""
    return f"{prefix}-{pk}"


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    """Return ``mapping[key]`` (or ``None``)."""
    return mapping.get(key) if mapping else None


@register.simple_tag
def supply_work(user: Any) -> dict[str, Any]:
    """Return what the dashboard shows coordinators and employers of the supply side."""
    from skillpath.accounts import access as account_access
    from skillpath.credentials.models import CredentialState, MicroCredential
    from skillpath.frameworks import access, selectors
    from skillpath.frameworks.models import ReviewState, VersionState
    from skillpath.jobs import selectors as demand

    work: dict[str, Any] = {
        "coordinator": account_access.is_coordinator(user),
        "employer": False,
    }
    if work["coordinator"]:
        rows = demand.demand_summary()
        totals = demand.demand_totals(rows)
        work["open_openings"] = totals["openings"]
        work["roles_without_profile"] = totals["without_profile"]
        work["states"] = selectors.profile_state_counts(user)
        work["draft_credentials"] = MicroCredential.objects.filter(
            issuing_organisation__in=access.coordinated_organisations(user),
            state=CredentialState.DRAFT,
        ).count()
    if access.employer_org_ids(user):
        work["employer"] = True
        work["reviews_waiting"] = (
            access.reviews_for(user)
            .filter(
                state=ReviewState.INVITED,
                version__state__in=(VersionState.IN_REVIEW, VersionState.ENDORSED),
            )
            .count()
        )
    return work
