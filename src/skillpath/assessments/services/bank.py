"""Write the item bank: create and edit items, move them through their states."""

from __future__ import annotations

import math
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from skillpath.accounts import access as accounts_access
from skillpath.accounts.models import User
from skillpath.assessments import access, item_schema, requirements, uploads
from skillpath.assessments.exceptions import ItemInvalid
from skillpath.assessments.models import (
    ASSESSOR_KINDS,
    AssessmentPolicy,
    Caution,
    Item,
    ItemKind,
    ItemStatus,
)
from skillpath.common.audit import AuditVerb, audit_record

# draft -> pilot -> operational -> retired; a task needs no calibration.
TRANSITIONS = {
    ItemStatus.DRAFT: (ItemStatus.PILOT, ItemStatus.OPERATIONAL, ItemStatus.RETIRED),
    ItemStatus.PILOT: (ItemStatus.DRAFT, ItemStatus.OPERATIONAL, ItemStatus.RETIRED),
    ItemStatus.OPERATIONAL: (ItemStatus.RETIRED,),
    ItemStatus.RETIRED: (ItemStatus.DRAFT,),
}
EDITABLE_FIELDS = (
    "code",
    "kind",
    "stem_en",
    "stem_fr",
    "image_alt_en",
    "image_alt_fr",
    "content",
    "answer_key",
    "rubric",
    "discrimination",
    "thresholds",
)


def check_parameters(discrimination: Any, thresholds: Any) -> list[str]:
    """Return what is wrong with IRT parameters (empty when they are usable)."""
    problems = []
    try:
        a = float(discrimination)
    except (TypeError, ValueError):
        a = float("nan")
    if not (math.isfinite(a) and 0 < a <= 6):
        problems.append(_("The discrimination must be a number above 0 (at most 6)."))
    if not isinstance(thresholds, list) or any(
        isinstance(t, bool) or not isinstance(t, (int, float)) or not math.isfinite(t)
        for t in thresholds
    ):
        problems.append(_("The difficulty thresholds must be a list of numbers."))
    elif any(b <= a_ for a_, b in zip(thresholds, thresholds[1:], strict=False)):
        problems.append(_("The difficulty thresholds must increase."))
    elif any(abs(t) > 4.5 for t in thresholds):
        problems.append(_("Difficulties must lie between -4.5 and 4.5."))
    return problems


def item_problems(fields: dict[str, Any]) -> list[str]:
    """Return everything wrong with an item's fields, in words an author can act on."""
    problems: list[str] = []
    kind = fields.get("kind", "")
    if kind not in ItemKind.values:
        return [_("Unknown item type “%(kind)s”.") % {"kind": kind}]
    if not str(fields.get("stem_en", "")).strip():
        problems.append(_("The English question is missing."))
    thresholds = fields.get("thresholds") or []
    problems += item_schema.validate_item(
        kind,
        fields.get("content") or {},
        fields.get("answer_key") or {},
        fields.get("rubric"),
        n_thresholds=max(1, len(thresholds)),
    )
    if kind not in ASSESSOR_KINDS and thresholds:
        problems += check_parameters(fields.get("discrimination", 1.0), thresholds)
    return problems


def _require_author(author: User, competency: Any) -> None:
    if not access.can_author(author, competency):
        raise PermissionDenied(
            _("Only coordinators of the framework's organisation edit this item bank.")
        )


def item_create(
    *, author: User | None, competency: Any, image: Any = None, **fields: Any
) -> Item:
    """Create an item (a draft unless ``status`` says otherwise).

    Raises ``ItemInvalid`` listing every problem, and ``PermissionDenied`` for
    anyone who may not author this competency's bank.
    """
    if author is not None:
        _require_author(author, competency)
    fields.setdefault("status", ItemStatus.DRAFT)
    fields.setdefault("content", {})
    fields.setdefault("answer_key", {})
    fields.setdefault("rubric", {})
    fields.setdefault("thresholds", [])
    problems = item_problems(fields)
    if Item.objects.filter(code=fields.get("code", "")).exists():
        problems.append(_("Another item already uses this code."))
    if fields["status"] == ItemStatus.OPERATIONAL:
        problems += _operational_problems(fields)
    if problems:
        raise ItemInvalid(" ".join(problems))
    with transaction.atomic():
        item = Item(competency=competency, created_by=author, **fields)
        if image is not None:
            uploads.check_upload(image, kinds=uploads.IMAGE_TYPES)
            item.image = image
        item.save()
        audit_record(actor=author, verb=AuditVerb.ITEM_CREATE, target=item)
    return item


def _operational_problems(fields: dict[str, Any]) -> list[str]:
    if fields["kind"] in ASSESSOR_KINDS or fields.get("thresholds"):
        return []
    return [_("An operational test item needs calibrated parameters.")]


def item_update(*, item: Item, author: User, image: Any = None, **fields: Any) -> Item:
    """Change an item's text, key or parameters; items in use keep their history."""
    _require_author(author, item.competency)
    merged = {name: getattr(item, name) for name in EDITABLE_FIELDS}
    merged.update({k: v for k, v in fields.items() if k in EDITABLE_FIELDS})
    problems = item_problems(merged)
    if Item.objects.filter(code=merged["code"]).exclude(pk=item.pk).exists():
        problems.append(_("Another item already uses this code."))
    if (
        item.status == ItemStatus.OPERATIONAL
        and merged["kind"] != item.kind
        and item.responses.exists()
    ):
        problems.append(_("The type of an item that has answers cannot change."))
    if problems:
        raise ItemInvalid(" ".join(problems))
    with transaction.atomic():
        for name, value in merged.items():
            setattr(item, name, value)
        if image is not None:
            uploads.check_upload(image, kinds=uploads.IMAGE_TYPES)
            item.image = image
        item.save()
        audit_record(actor=author, verb=AuditVerb.ITEM_UPDATE, target=item)
    return item


def item_status_set(*, item: Item, author: User, status: str) -> Item:
    """Move an item to another state: draft → pilot → operational → retired."""
    _require_author(author, item.competency)
    if status not in TRANSITIONS.get(ItemStatus(item.status), ()):
        raise ItemInvalid(
            _("An item cannot go from “%(old)s” to “%(new)s”.")
            % {
                "old": ItemStatus(item.status).label,
                "new": ItemStatus(status).label
                if status in ItemStatus.values
                else status,
            }
        )
    if status == ItemStatus.OPERATIONAL:
        problems = _operational_problems(
            {"kind": item.kind, "thresholds": item.thresholds}
        )
        if problems:
            raise ItemInvalid(" ".join(problems))
    with transaction.atomic():
        old = item.status
        item.status = status
        item.save(update_fields=["status", "updated_at"])
        audit_record(
            actor=author,
            verb=AuditVerb.ITEM_STATUS_SET,
            target=item,
            old=old,
            new=status,
        )
    return item


def policy_set(
    *,
    credential: Any,
    author: User,
    time_limit_minutes: int | None,
    max_items_per_competency: int,
    caution: str,
) -> Any:
    """Set the time limit, test length and caution of a micro-credential's test.

    ``caution`` is a ``Caution`` value: how much costlier crediting someone below
    the required level is than missing someone who reached it. Only coordinators
    of the issuing organisation may; sittings already started keep their own
    deadline and caution.
    """
    issuer = requirements.issuing_organisation(credential)
    if not (
        getattr(author, "is_superuser", False)
        or accounts_access.is_coordinator(author, issuer)
    ):
        raise PermissionDenied(
            _("Only coordinators of the issuing organisation set the test's rules.")
        )
    if time_limit_minutes is not None and not 1 <= time_limit_minutes <= 600:
        raise ItemInvalid(_("The time limit must be between 1 and 600 minutes."))
    if not 1 <= max_items_per_competency <= 60:
        raise ItemInvalid(_("Give between 1 and 60 questions per competency."))
    if caution not in Caution.values:
        raise ItemInvalid(
            _("Unknown level of caution “%(caution)s”: choose one of %(choices)s.")
            % {"caution": caution, "choices": ", ".join(Caution.values)}
        )
    with transaction.atomic():
        policy, _created = AssessmentPolicy.objects.update_or_create(
            credential=credential,
            defaults={
                "time_limit_minutes": time_limit_minutes,
                "max_items_per_competency": max_items_per_competency,
                "caution": caution,
            },
        )
        audit_record(
            actor=author,
            verb=AuditVerb.ASSESSMENT_POLICY_SET,
            target=policy,
            time_limit_minutes=time_limit_minutes,
            max_items_per_competency=max_items_per_competency,
            caution=str(caution),
        )
    return policy
