"""Every write to accounts: one function per use case, each in a transaction."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from skillpath.accounts import access
from skillpath.accounts.exceptions import (
    EmailAlreadyUsed,
    InvalidInput,
    NotAllowed,
    OrganisationNameTaken,
)
from skillpath.accounts.models import (
    CONSENT_TEXT_VERSION,
    TOKEN_DEFAULT_DAYS,
    TOKEN_MAX_DAYS,
    ApiToken,
    ConsentChange,
    ConsentTopic,
    LearnerProfile,
    Membership,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    OrganisationStatus,
    Role,
    TokenEnd,
    TokenScope,
    User,
)
from skillpath.common.audit import AuditVerb, audit_record
from skillpath.common.weblinks import web_link_clean

TOKEN_PREFIX = "sp_"  # noqa: S105 (a prefix, not a secret)


def _email_free(email: str) -> str:
    email = User.objects.normalize_email(email).strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise EmailAlreadyUsed(
            _(
                "An account with this e-mail address already exists. Sign in, or reset your password."
            )
        )
    return email


def _create_user(*, email: str, password: str, full_name: str, language: str) -> User:
    user = User(email=email, full_name=full_name.strip(), preferred_language=language)
    validate_password(password, user)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as error:  # a concurrent sign-up with the same address
        raise EmailAlreadyUsed(
            _(
                "An account with this e-mail address already exists. Sign in, or reset your password."
            )
        ) from error
    return user


@transaction.atomic
def learner_signup(
    *,
    email: str,
    password: str,
    full_name: str,
    language: str = "en",
    region: str = "",
    share_with_employers: bool = False,
    follow_up_surveys: bool = False,
) -> User:
    """Create a job seeker's account and learner profile.

    Raises ``EmailAlreadyUsed``, or Django's ``ValidationError`` for a weak password.
    """
    email = _email_free(email)
    user = _create_user(
        email=email, password=password, full_name=full_name, language=language
    )
    now = timezone.now()
    LearnerProfile.objects.create(
        user=user,
        region=region,
        share_with_employers=share_with_employers,
        share_changed_at=now if share_with_employers else None,
        follow_up_surveys=follow_up_surveys,
    )
    if share_with_employers:
        ConsentChange.objects.create(
            user=user,
            topic=ConsentTopic.SHARE_WITH_EMPLOYERS,
            granted=True,
            at=now,
            text_version=CONSENT_TEXT_VERSION,
        )
    audit_record(actor=user, verb=AuditVerb.LEARNER_SIGNUP, target=user)
    return user


@transaction.atomic
def employer_signup(
    *,
    email: str,
    password: str,
    full_name: str,
    language: str = "en",
    organisation: Organisation | None = None,
    new_organisation_name: str = "",
    new_organisation_province: str = "",
    new_organisation_website: str = "",
) -> Membership:
    """Create an employer representative who waits for approval.

    The person either asks to join an existing employer ``organisation`` or creates a
    new one (which also waits for approval). They have no employer powers until a
    coordinator approves them.
    """
    if organisation is None and not new_organisation_name.strip():
        raise InvalidInput(
            _("Choose your organisation, or give the name of a new one.")
        )
    if organisation is not None and organisation.kind != OrganisationKind.EMPLOYER:
        raise NotAllowed(_("Only employer organisations can be joined this way."))
    email = _email_free(email)
    if organisation is None:
        name = new_organisation_name.strip()
        if Organisation.objects.filter(name__iexact=name).exists():
            raise OrganisationNameTaken(
                _(
                    "An organisation called “%(name)s” already exists: choose it from the list."
                )
                % {"name": name}
            )
        organisation = Organisation.objects.create(
            name=name,
            slug=_unique_slug(name),
            kind=OrganisationKind.EMPLOYER,
            province=new_organisation_province,
            website=web_link_clean(
                new_organisation_website,
                field="new_organisation_website",
                max_length=200,
            ),
            status=OrganisationStatus.PENDING,
        )
    user = _create_user(
        email=email, password=password, full_name=full_name, language=language
    )
    membership = Membership.objects.create(
        user=user,
        organisation=organisation,
        role=Role.EMPLOYER,
        status=MembershipStatus.PENDING,
    )
    audit_record(actor=user, verb=AuditVerb.EMPLOYER_SIGNUP, target=membership)
    return membership


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "organisation"
    slug, n = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def membership_decide(
    *, membership: Membership, approve: bool, decided_by: User
) -> Membership:
    """Approve or reject a pending membership; approving also activates a new employer."""
    membership = (
        Membership.objects.select_for_update()
        .select_related("organisation")
        .get(pk=membership.pk)
    )
    if membership.role == Role.EMPLOYER:
        allowed = access.can_decide_employer_membership(decided_by, membership)
    else:
        allowed = access.can_manage_organisation(decided_by, membership.organisation)
    if not allowed:
        raise NotAllowed(_("You cannot decide on this request."))
    if membership.status != MembershipStatus.PENDING:
        return membership  # decided already (a double submit): nothing changes
    membership.status = (
        MembershipStatus.APPROVED if approve else MembershipStatus.REJECTED
    )
    membership.decided_by = decided_by
    membership.decided_at = timezone.now()
    membership.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    organisation = membership.organisation
    if organisation.status == OrganisationStatus.PENDING:
        organisation.status = (
            OrganisationStatus.ACTIVE if approve else OrganisationStatus.REJECTED
        )
        organisation.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=decided_by,
        verb=AuditVerb.MEMBERSHIP_APPROVE if approve else AuditVerb.MEMBERSHIP_REJECT,
        target=membership,
    )
    access.forget_roles([membership.user])
    return membership


@transaction.atomic
def membership_grant(
    *, user: User, organisation: Organisation, role: str, granted_by: User | None
) -> Membership:
    """Give ``user`` an approved ``role`` in ``organisation`` (staff set-up, demo data)."""
    if granted_by is not None and not access.can_manage_organisation(
        granted_by, organisation
    ):
        raise NotAllowed(_("You cannot add members to this organisation."))
    membership, _created = Membership.objects.update_or_create(
        user=user,
        organisation=organisation,
        role=role,
        defaults={
            "status": MembershipStatus.APPROVED,
            "decided_by": granted_by,
            "decided_at": timezone.now(),
        },
    )
    audit_record(actor=granted_by, verb=AuditVerb.MEMBERSHIP_GRANT, target=membership)
    access.forget_roles([user])
    return membership


@transaction.atomic
def learner_profile_update(
    *,
    profile: LearnerProfile,
    changed_by: User,
    text_version: str = CONSENT_TEXT_VERSION,
    **fields: Any,
) -> LearnerProfile:
    """Change a learner's profile and consent settings; only the learner may.

    Each change of a consent kept here (sharing with employers, job alerts) is
    logged as a ``ConsentChange`` with its time and the version of the text shown.
    """
    if profile.user_id != changed_by.pk:
        raise NotAllowed(
            _("Only the learner can change their own profile and consent.")
        )
    allowed = {
        "region",
        "home_organisation",
        "share_with_employers",
        "job_alerts_by_email",
        "follow_up_surveys",
        "identifies_newcomer",
        "identifies_indigenous",
        "identifies_woman",
        "identifies_youth",
        "identifies_disability",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"Unknown profile fields: {sorted(unknown)}")
    profile = LearnerProfile.objects.select_for_update().get(pk=profile.pk)
    now = timezone.now()
    if (
        "share_with_employers" in fields
        and fields["share_with_employers"] != profile.share_with_employers
    ):
        profile.share_changed_at = now
    for topic in ConsentTopic:
        if topic.value in fields and fields[topic.value] != getattr(
            profile, topic.value
        ):
            ConsentChange.objects.create(
                user=changed_by,
                topic=topic,
                granted=bool(fields[topic.value]),
                at=now,
                text_version=text_version,
            )
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.save()
    audit_record(
        actor=changed_by,
        verb=AuditVerb.LEARNER_PROFILE_UPDATE,
        target=profile,
        share_with_employers=profile.share_with_employers,
        job_alerts_by_email=profile.job_alerts_by_email,
        follow_up_surveys=profile.follow_up_surveys,
    )
    return profile


@transaction.atomic
def user_language_set(*, user: User, language: str) -> User:
    """Remember the language a person reads skillpath in."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"Unknown language {language!r}")
    User.objects.filter(pk=user.pk).update(preferred_language=language)
    user.preferred_language = language
    return user


def _hash_token(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def token_create(
    *,
    user: User,
    name: str,
    scope: str = TokenScope.WRITE,
    expires_in_days: int = TOKEN_DEFAULT_DAYS,
) -> tuple[ApiToken, str]:
    """Create a personal access token; return it and the secret, shown only once.

    Only a signed-in session may ask for one (the views and the API check): a token
    never creates another, so ending a token leaves nothing behind.
    """
    name = name.strip()
    if not name:
        raise InvalidInput(
            _("Give the token a name, so that you recognise it later."), field="name"
        )
    if scope not in TokenScope.values:
        raise InvalidInput(
            _("Choose what the token may do: read only, or read and write."),
            field="scope",
        )
    if not 1 <= expires_in_days <= TOKEN_MAX_DAYS:
        raise InvalidInput(
            _("A token lasts from 1 to %(max)d days.") % {"max": TOKEN_MAX_DAYS},
            field="expires_in_days",
        )
    key = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name[:100],
        prefix=key[:10],
        key_hash=_hash_token(key),
        scope=scope,
        expires_at=timezone.now() + timedelta(days=expires_in_days),
    )
    audit_record(
        actor=user,
        verb=AuditVerb.TOKEN_CREATE,
        target=token,
        scope=scope,
        expires_at=token.expires_at.isoformat(),
    )
    return token, key


@transaction.atomic
def token_revoke(*, token: ApiToken, revoked_by: User) -> ApiToken:
    """Revoke a token; requests that present it are refused from now on."""
    if token.user_id != revoked_by.pk and not revoked_by.is_superuser:
        raise NotAllowed(_("You can revoke only your own tokens."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.revoked_reason = TokenEnd.REVOKED
        token.save(update_fields=["revoked_at", "revoked_reason", "updated_at"])
        audit_record(actor=revoked_by, verb=AuditVerb.TOKEN_REVOKE, target=token)
    return token


@transaction.atomic
def tokens_end_for_password_change(*, user: User) -> int:
    """End every token of ``user`` after their password changed; return how many.

    Called for every new password, whichever way it was set (the password pages, a
    reset, the admin, ``changepassword``): ``accounts.passwords`` hooks it in.
    """
    if user.pk is None:
        return 0
    ended = ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now(),
        revoked_reason=TokenEnd.PASSWORD_CHANGED,
        updated_at=timezone.now(),
    )
    if ended:
        audit_record(actor=user, verb=AuditVerb.TOKENS_END, target=user, ended=ended)
    return ended


def token_authenticate(key: str) -> ApiToken | None:
    """Return the active, unexpired token ``key`` of an active person, or ``None``."""
    if not key or not key.startswith(TOKEN_PREFIX):
        return None
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("user")
        .filter(
            key_hash=_hash_token(key),
            revoked_at__isnull=True,
            expires_at__gt=now,
            user__is_active=True,
        )
        .first()
    )
    if token is None:
        return None
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
