"""Every write to a learner's progress: start, complete, send and confirm proof.

A completion counts once: each write locks the plan item and changes it only from
the states it may leave, so a second click, a second tab or a provider's repeated
API call finds the module completed already and changes nothing.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillpath.common.audit import AuditVerb, audit_record
from skillpath.common.weblinks import web_link_clean
from skillpath.learning import access
from skillpath.learning.exceptions import (
    ItemNotInProgress,
    NotInPlan,
    ProofRequired,
)
from skillpath.learning.models import ItemStatus, Module, PlanItem, PlanStatus

OPEN = (ItemStatus.PLANNED, ItemStatus.STARTED)
MAX_PROOF_BYTES = 5 * 1024 * 1024
PROOF_TYPES = (".pdf", ".png", ".jpg", ".jpeg")


def _locked(item: PlanItem) -> PlanItem:
    return (
        PlanItem.objects.select_for_update()
        .select_related("plan", "module")
        .get(pk=item.pk)
    )


def _check_open(item: PlanItem) -> None:
    if item.status == ItemStatus.NOT_NEEDED or item.plan.status != PlanStatus.LEARNING:
        raise ItemNotInProgress(
            _("This module is no longer part of your plan: nothing to record.")
        )


def _learner_only(item: PlanItem, by: Any) -> None:
    if not access.can_change_plan(by, item.plan):
        raise PermissionDenied(_("Only the learner can change their own plan."))


@transaction.atomic
def item_start(*, item: PlanItem, started_by: Any) -> PlanItem:
    """Mark a module of the plan started (again: nothing changes)."""
    item = _locked(item)
    _learner_only(item, started_by)
    _check_open(item)
    if item.status != ItemStatus.PLANNED:
        return item
    item.status = ItemStatus.STARTED
    item.started_at = timezone.now()
    item.save(update_fields=["status", "started_at", "updated_at"])
    audit_record(actor=started_by, verb=AuditVerb.MODULE_START, target=item)
    return item


def _complete(item: PlanItem, by: Any, verb: AuditVerb) -> PlanItem:
    now = timezone.now()
    item.status = ItemStatus.COMPLETED
    item.started_at = item.started_at or now
    item.completed_at = now
    item.completed_by = by if getattr(by, "is_authenticated", False) else None
    item.save(
        update_fields=[
            "status",
            "started_at",
            "completed_at",
            "completed_by",
            "updated_at",
        ]
    )
    audit_record(actor=by, verb=verb, target=item, module=item.module_id)
    return item


@transaction.atomic
def module_complete(*, item: PlanItem, completed_by: Any) -> PlanItem:
    """Mark a module completed by the learner; it counts once, however often asked.

    Raises ``ProofRequired`` when the module asks for proof: then use
    :func:`proof_submit`.
    """
    item = _locked(item)
    _learner_only(item, completed_by)
    if item.is_done:
        return item
    _check_open(item)
    if item.module.asks_for_proof:
        raise ProofRequired(
            _(
                "%(module)s asks for proof of completion: upload your certificate or "
                "give a link to it, and the provider will confirm it."
            )
            % {"module": item.module.title}
        )
    return _complete(item, completed_by, AuditVerb.MODULE_COMPLETE)


@transaction.atomic
def proof_submit(
    *,
    item: PlanItem,
    submitted_by: Any,
    url: str = "",
    file: UploadedFile | None = None,
) -> PlanItem:
    """Send proof that a module is completed; it waits for confirmation."""
    item = _locked(item)
    _learner_only(item, submitted_by)
    if item.is_done:
        return item
    _check_open(item)
    url = web_link_clean(url, field="url", max_length=200)
    if not url and file is None:
        raise ProofRequired(_("Give a link to your proof, or upload a file."))
    if file is not None:
        name = (file.name or "").lower()
        if not name.endswith(PROOF_TYPES):
            raise ProofRequired(_("Upload a PDF, PNG or JPEG file."))
        if (file.size or 0) > MAX_PROOF_BYTES:
            raise ProofRequired(
                _("The file is larger than 5 MB: upload a smaller one.")
            )
        item.proof_file = file
    item.proof_url = url
    item.status = ItemStatus.PROOF_SUBMITTED
    item.started_at = item.started_at or timezone.now()
    item.proof_submitted_at = timezone.now()
    item.save()
    audit_record(actor=submitted_by, verb=AuditVerb.PROOF_SUBMIT, target=item)
    return item


@transaction.atomic
def proof_confirm(*, item: PlanItem, confirmed_by: Any) -> PlanItem:
    """Confirm a learner's proof: the module is completed."""
    item = _locked(item)
    if not access.can_confirm_proof(confirmed_by, item):
        raise PermissionDenied(
            _("Only the module's provider or the learner's coordinator can confirm.")
        )
    if item.is_done:
        return item
    if item.status != ItemStatus.PROOF_SUBMITTED:
        raise ItemNotInProgress(_("The learner has sent no proof to confirm yet."))
    return _complete(item, confirmed_by, AuditVerb.PROOF_CONFIRM)


@transaction.atomic
def proof_return(*, item: PlanItem, returned_by: Any, note: str) -> PlanItem:
    """Send a proof back to the learner, saying what is missing."""
    item = _locked(item)
    if not access.can_confirm_proof(returned_by, item):
        raise PermissionDenied(
            _("Only the module's provider or the learner's coordinator can answer.")
        )
    if item.status != ItemStatus.PROOF_SUBMITTED:
        raise ItemNotInProgress(_("The learner has sent no proof to answer."))
    item.status = ItemStatus.STARTED
    item.save(update_fields=["status", "updated_at"])
    audit_record(actor=returned_by, verb=AuditVerb.PROOF_RETURN, target=item, note=note)
    return item


@transaction.atomic
def completion_record(
    *, module: Module, learner: Any, recorded_by: Any
) -> list[PlanItem]:
    """Record, for a provider, that ``learner`` completed ``module``.

    The module counts in every current plan of the learner that holds it. Raises
    ``PermissionDenied`` unless ``recorded_by`` speaks for the module's provider, and
    ``NotInPlan`` when no current plan of the learner holds the module.
    """
    if not access.can_manage_module(recorded_by, module):
        raise PermissionDenied(
            _("You can record completions only for your own organisation's modules.")
        )
    items = list(
        PlanItem.objects.select_for_update()
        .select_related("plan", "module")
        .filter(
            module=module,
            plan__learner=learner,
            plan__status=PlanStatus.LEARNING,
        )
        .exclude(status=ItemStatus.NOT_NEEDED)
    )
    if not items:
        raise NotInPlan(
            _("This learner has no current plan with this module: nothing recorded.")
        )
    return [
        item
        if item.is_done
        else _complete(item, recorded_by, AuditVerb.COMPLETION_RECORD)
        for item in items
    ]
