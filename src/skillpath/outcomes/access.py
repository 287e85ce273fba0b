"""Answer "may this person read this outcome report?".

Outcome reports are for the coordinators of the organisation that issues the
credential: a coordinator of another college gets a 404 (the credential's report
does not exist for them), and anyone who coordinates nowhere a 403.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from skillpath.accounts.access import require
from skillpath.credentials.models import MicroCredential
from skillpath.frameworks.access import coordinated_organisations


def reportable_credentials(user: Any) -> QuerySet[MicroCredential]:
    """Return the credentials whose outcome reports ``user`` may read."""
    organisations = [org.pk for org in coordinated_organisations(user)]
    return (
        MicroCredential.objects.filter(issuing_organisation_id__in=organisations)
        .select_related("issuing_organisation")
        .order_by("title_en", "pk")
    )


def require_reports(user: Any) -> None:
    """Refuse (403) anyone who coordinates for no organisation."""
    require(bool(coordinated_organisations(user)))


def credential_for_report(user: Any, slug: str) -> MicroCredential:
    """Return the credential ``slug`` if ``user`` may read its report, else 404."""
    require_reports(user)
    credential = reportable_credentials(user).filter(slug=slug).first()
    if credential is None:
        raise Http404("No such report.")
    return credential
