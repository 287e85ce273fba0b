"""Award, revoke and share micro-credentials: every write of the issuing side.

``award_issue`` awards a micro-credential once every required competency is
demonstrated at its level by an allowed method; at the first assessment too. It
happens exactly once per learner and micro-credential: the learner's row is locked
for the transaction, and a partial unique constraint stops a second active award
even if two servers race past the lock.
"""

from __future__ import annotations

import calendar
import secrets
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from skillpath.accounts.models import User
from skillpath.common.audit import AuditVerb, audit_record
from skillpath.common.cycle import CompetencyStanding
from skillpath.common.mail import send_mail_later
from skillpath.credentials.documents.openbadges import credential_build, credential_sign
from skillpath.credentials.exceptions import (
    AlreadyAwarded,
    AlreadyRevoked,
    AwardNotFound,
    AwardRefused,
    NotAllDemonstrated,
)
from skillpath.credentials.models import Award, AwardEvidence, AwardStatus
from skillpath.credentials.selectors import DefinitionSpec, definition_spec
from skillpath.credentials.services.issuers import issuer_ensure
from skillpath.credentials.services.status_lists import (
    status_list_allocate,
    status_list_set,
    status_list_url,
)
from skillpath.credentials.site import absolute


def standings_problems(
    spec: DefinitionSpec, standings: Sequence[CompetencyStanding]
) -> list[str]:
    """Return one sentence per required competency not yet demonstrated."""
    by_id = {standing.competency_id: standing for standing in standings}
    problems = []
    for competency in spec.competencies:
        standing = by_id.get(competency.id)
        if standing is None or standing.demonstrated_level < competency.required_level:
            shown = standing.demonstrated_level if standing else 0
            problems.append(
                _("%(name)s: level %(shown)s of %(required)s demonstrated.")
                % {
                    "name": competency.name,
                    "shown": shown,
                    "required": competency.required_level,
                }
            )
        elif competency.allowed_methods and standing.method not in (
            competency.allowed_methods
        ):
            problems.append(
                _(
                    "%(name)s was shown by %(method)s, which this credential does not accept."
                )
                % {"name": competency.name, "method": standing.method or "?"}
            )
    return problems


def add_months(moment: datetime, months: int) -> datetime:
    """Return ``moment`` plus calendar months (the 31st becomes the month's last day)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def award_active(*, learner: User, credential: Any) -> Award | None:
    """Return the learner's active award of ``credential``, if any."""
    return Award.objects.filter(
        learner=learner, credential=credential, status=AwardStatus.ACTIVE
    ).first()


def award_issue(
    *,
    learner: User,
    credential: Any,
    standings: Sequence[CompetencyStanding],
    notes: dict[int, str] | None = None,
    actor: Any = None,
    earned_at: datetime | None = None,
) -> Award:
    """Award ``credential`` to ``learner`` and return the signed award.

    ``earned_at`` records an award earned before it is entered here (history
    brought from another system, the demo's past cohorts): the credential is valid
    from then; it cannot be in the future.

    ``standings`` are where the learner stands, as the assessments app reported them
    through the cycle's seam (this app never asks it); ``notes`` add a
    sentence to the evidence of a competency (e.g. "demo: recognised prior learning").

    Raises
    ------
    NotAllDemonstrated
        If a required competency is not demonstrated at its level by an allowed method.
    AlreadyAwarded
        If the learner already holds an active award of this micro-credential.
    """
    spec = definition_spec(credential)
    if not spec.competencies:
        raise AwardRefused(
            _("%(name)s lists no competency, so nothing can show it is earned.")
            % {"name": spec.name}
        )
    if spec.organisation is None:
        raise AwardRefused(
            _("%(name)s has no issuing organisation.") % {"name": spec.name}
        )
    if earned_at is not None and earned_at > timezone.now():
        raise AwardRefused(_("An award cannot be earned in the future."))
    with transaction.atomic():
        # Serialise awards per learner: the second of two simultaneous triggers
        # waits here, then sees the first one's award.
        User.objects.select_for_update().filter(pk=learner.pk).first()
        if award_active(learner=learner, credential=credential) is not None:
            raise AlreadyAwarded(
                _("%(learner)s already holds %(name)s.")
                % {"learner": learner, "name": spec.name}
            )
        problems = standings_problems(spec, standings)
        if problems:
            raise NotAllDemonstrated(
                _("%(name)s cannot be awarded yet. %(problems)s")
                % {"name": spec.name, "problems": " ".join(problems)}
            )
        award = _award_create(
            learner=learner,
            credential=credential,
            spec=spec,
            standings=standings,
            notes=notes or {},
            earned_at=earned_at,
        )
        audit_record(
            actor=actor,
            verb=AuditVerb.AWARD_ISSUE,
            target=award,
            learner=learner.pk,
            credential=spec.id,
        )
    return award


def _award_create(
    *,
    learner: User,
    credential: Any,
    spec: DefinitionSpec,
    standings: Sequence[CompetencyStanding],
    notes: dict[int, str],
    earned_at: datetime | None = None,
) -> Award:
    issuer = issuer_ensure(organisation=spec.organisation)
    status_list, index = status_list_allocate(issuer=issuer)
    public_id = uuid.uuid4()
    now = (earned_at or timezone.now()).replace(microsecond=0)
    valid_until = (
        add_months(now, spec.validity_months) if spec.validity_months else None
    )
    credential_id = absolute(reverse("credentials:award_public", args=[public_id]))
    unsigned = credential_build(
        credential_id=credential_id,
        issuer=issuer,
        spec=spec,
        standings=standings,
        notes=notes,
        learner_email=learner.email,
        salt=secrets.token_hex(16),
        valid_from=now,
        valid_until=valid_until,
        status_url=status_list_url(status_list),
        status_index=index,
    )
    signed = credential_sign(issuer, unsigned)
    try:
        with transaction.atomic():
            award = Award.objects.create(
                public_id=public_id,
                learner=learner,
                credential=credential,
                issuer=issuer,
                valid_from=now,
                valid_until=valid_until,
                status_list=status_list,
                status_index=index,
                document=signed.document,
                jwt_rs256=signed.jwt_rs256,
                jwt_eddsa=signed.jwt_eddsa,
            )
    except IntegrityError as error:  # another server awarded it a moment ago
        raise AlreadyAwarded(
            _("%(learner)s already holds %(name)s.")
            % {"learner": learner, "name": spec.name}
        ) from error
    by_id = {standing.competency_id: standing for standing in standings}
    AwardEvidence.objects.bulk_create(
        AwardEvidence(
            award=award,
            competency_id=competency.id,
            competency_name=competency.name[:300],
            required_level=competency.required_level,
            demonstrated_level=by_id[competency.id].demonstrated_level,
            method=by_id[competency.id].method,
            confidence=by_id[competency.id].confidence,
            narrative=notes.get(competency.id, ""),
        )
        for competency in spec.competencies
    )
    return award


def award_if_earned(
    *, learner: User, credential: Any, standings: Sequence[CompetencyStanding]
) -> Award | None:
    """Award ``credential`` if the learner has just earned it; the cycle's handler.

    Returns the new award, or None when it is not (yet, or again) to be awarded.
    """
    try:
        return award_issue(learner=learner, credential=credential, standings=standings)
    except AwardRefused:  # not (yet) earned, already held, or not awardable
        return None


def award_on_standing_changed(
    *, learner: User, credential: Any, standings: Sequence[CompetencyStanding]
) -> None:
    """Handle ``common.cycle.standing_changed``: award if it is now earned."""
    award_if_earned(learner=learner, credential=credential, standings=standings)


def award_revoke(*, award: Award, reason: str, actor: Any) -> Award:
    """Revoke an award: its status bit is set at once and the learner is told why."""
    reason = reason.strip()
    if not reason:
        raise AwardRefused(_("Give the reason for revoking: the learner will read it."))
    with transaction.atomic():
        locked = Award.objects.select_for_update().get(pk=award.pk)
        if locked.status == AwardStatus.REVOKED:
            raise AlreadyRevoked(
                _("This credential was already revoked on %(date)s.")
                % {"date": locked.revoked_at.date() if locked.revoked_at else "?"}
            )
        locked.status = AwardStatus.REVOKED
        locked.revoked_at = timezone.now()
        locked.revoked_by = actor if getattr(actor, "is_authenticated", False) else None
        locked.revocation_reason = reason
        locked.save(
            update_fields=[
                "status",
                "revoked_at",
                "revoked_by",
                "revocation_reason",
                "updated_at",
            ]
        )
        status_list_set(
            status_list=locked.status_list, index=locked.status_index, revoked=True
        )
        audit_record(
            actor=actor, verb=AuditVerb.AWARD_REVOKE, target=locked, reason=reason
        )
        _tell_learner_revoked(locked)
    return locked


def _tell_learner_revoked(award: Award) -> None:
    # Recorded in the revocation's transaction, sent by the queue after the commit.
    learner = award.learner
    with translation.override(learner.preferred_language or settings.LANGUAGE_CODE):
        context = {
            "award": award,
            "learner": learner,
            "wallet_url": absolute(reverse("credentials:wallet")),
        }
        subject = render_to_string(
            "credentials/email/award_revoked_subject.txt", context
        ).strip()
        body = render_to_string("credentials/email/award_revoked.txt", context)
    send_mail_later(
        to=learner.email, subject=subject, body=body, key=f"award-revoked:{award.pk}"
    )


def award_share_set(*, award: Award, shared: bool, actor: Any) -> Award:
    """Show or hide the award's public page (the file itself still verifies)."""
    with transaction.atomic():
        Award.objects.filter(pk=award.pk).update(
            shared=shared, updated_at=timezone.now()
        )
        award.shared = shared
        audit_record(
            actor=actor, verb=AuditVerb.AWARD_SHARE, target=award, shared=shared
        )
    return award


def award_lookup(reference: str) -> Award:
    """Return the award with this public id (as ``credential_list`` prints it)."""
    reference = reference.strip().rstrip("/")
    candidate = reference.rsplit("/", 1)[-1]
    try:
        public_id = uuid.UUID(candidate)
    except ValueError:
        public_id = None
    award = (
        Award.objects.select_related("issuer", "learner", "credential")
        .filter(public_id=public_id)
        .first()
        if public_id
        else None
    )
    if award is None:
        raise AwardNotFound(
            _("No award has the id %(id)s; credential_list prints every award's id.")
            % {"id": reference}
        )
    return award
