"""Every write to the module catalogue: offer, change, review, retire."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from skillpath.accounts.models import Organisation
from skillpath.common.audit import AuditVerb, audit_record
from skillpath.common.weblinks import web_link_clean
from skillpath.learning.exceptions import InvalidModule
from skillpath.learning.models import (
    Module,
    ModuleOutcome,
    ModuleRequirement,
    ModuleStatus,
)

# Fields a provider sets on a module; changing any sends it back to review.
MODULE_FIELDS = (
    "code",
    "title_en",
    "title_fr",
    "description_en",
    "description_fr",
    "url",
    "content",
    "format",
    "language",
    "hours",
    "cost",
    "province",
    "location",
    "schedule",
    "asks_for_proof",
)


def _check_module(
    *,
    hours: Decimal,
    cost: Decimal,
    teaches: Mapping[Any, int],
    requires: Mapping[Any, int],
) -> None:
    if hours <= 0:
        raise InvalidModule(_("A module takes some time: give hours above 0."))
    if cost < 0:
        raise InvalidModule(_("The cost cannot be negative; use 0 for a free module."))
    if not teaches:
        raise InvalidModule(
            _("Say which competency the module teaches, and to which level.")
        )
    for competency, level in list(teaches.items()) + list(requires.items()):
        if int(level) < 1:
            raise InvalidModule(
                _("Levels start at 1 (%(competency)s has %(level)s).")
                % {"competency": competency, "level": level}
            )
    for competency, level in requires.items():
        if competency in teaches and int(teaches[competency]) <= int(level):
            raise InvalidModule(
                _(
                    "The module requires %(competency)s at level %(required)s but "
                    "teaches it only to level %(taught)s: it would teach nothing."
                )
                % {
                    "competency": competency,
                    "required": level,
                    "taught": teaches[competency],
                }
            )


def _set_relations(
    module: Module,
    teaches: Mapping[Any, int],
    requires: Mapping[Any, int],
    requires_modules: Sequence[Module],
) -> None:
    module.outcomes.all().delete()
    module.requirements.all().delete()
    ModuleOutcome.objects.bulk_create(
        ModuleOutcome(module=module, competency=c, level=int(level))
        for c, level in teaches.items()
    )
    ModuleRequirement.objects.bulk_create(
        ModuleRequirement(module=module, competency=c, level=int(level))
        for c, level in requires.items()
    )
    if any(other.pk == module.pk for other in requires_modules):
        raise InvalidModule(_("A module cannot require itself."))
    module.requires_modules.set(requires_modules)


@transaction.atomic
def module_create(
    *,
    provider: Organisation,
    created_by: Any,
    teaches: Mapping[Any, int],
    requires: Mapping[Any, int] | None = None,
    requires_modules: Sequence[Module] = (),
    **fields: Any,
) -> Module:
    """Offer a new module; it waits for a coordinator's review before learners see it.

    ``teaches`` and ``requires`` map competencies to levels. Raises ``InvalidModule``.
    """
    requires = requires or {}
    unknown = set(fields) - set(MODULE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown module fields: {sorted(unknown)}")
    fields["hours"] = Decimal(str(fields.get("hours", 0)))
    fields["cost"] = Decimal(str(fields.get("cost", 0)))
    if "url" in fields:
        fields["url"] = web_link_clean(fields["url"], field="url", max_length=200)
    _check_module(
        hours=fields["hours"], cost=fields["cost"], teaches=teaches, requires=requires
    )
    if Module.objects.filter(provider=provider, code=fields.get("code", "")).exists():
        raise InvalidModule(
            _("%(provider)s already offers a module with the code %(code)s.")
            % {"provider": provider.name, "code": fields.get("code", "")}
        )
    module = Module.objects.create(
        provider=provider, status=ModuleStatus.PENDING, **fields
    )
    _set_relations(module, teaches, requires, requires_modules)
    audit_record(actor=created_by, verb=AuditVerb.MODULE_CREATE, target=module)
    return module


@transaction.atomic
def module_update(
    *,
    module: Module,
    changed_by: Any,
    teaches: Mapping[Any, int] | None = None,
    requires: Mapping[Any, int] | None = None,
    requires_modules: Sequence[Module] | None = None,
    **fields: Any,
) -> Module:
    """Change a module; a reviewed module goes back to review when it changes."""
    module = Module.objects.select_for_update().get(pk=module.pk)
    unknown = set(fields) - set(MODULE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown module fields: {sorted(unknown)}")
    for name in ("hours", "cost"):
        if name in fields:
            fields[name] = Decimal(str(fields[name]))
    if "url" in fields:
        fields["url"] = web_link_clean(fields["url"], field="url", max_length=200)
    changed = [name for name, value in fields.items() if getattr(module, name) != value]
    for name in changed:
        setattr(module, name, fields[name])
    old_teaches = {o.competency: o.level for o in module.outcomes.all()}
    old_requires = {r.competency: r.level for r in module.requirements.all()}
    old_before = list(module.requires_modules.all())
    new_teaches = old_teaches if teaches is None else teaches
    new_requires = old_requires if requires is None else requires
    new_before = old_before if requires_modules is None else list(requires_modules)
    _check_module(
        hours=module.hours, cost=module.cost, teaches=new_teaches, requires=new_requires
    )
    relations_changed = (
        _by_id(new_teaches) != _by_id(old_teaches)
        or _by_id(new_requires) != _by_id(old_requires)
        or {m.pk for m in new_before} != {m.pk for m in old_before}
    )
    if not changed and not relations_changed:
        return module
    if relations_changed:
        _set_relations(module, new_teaches, new_requires, new_before)
    if module.status in (ModuleStatus.APPROVED, ModuleStatus.REJECTED):
        module.status = ModuleStatus.PENDING
    module.save()
    audit_record(
        actor=changed_by,
        verb=AuditVerb.MODULE_UPDATE,
        target=module,
        fields=changed,
        relations=relations_changed,
    )
    return module


def _by_id(levels: Mapping[Any, int]) -> dict[Any, int]:
    return {getattr(c, "pk", c): int(level) for c, level in levels.items()}


@transaction.atomic
def module_review(
    *, module: Module, reviewer: Any, approve: bool, note: str = ""
) -> Module:
    """Offer a module to learners, or send it back to its provider with a note."""
    module = Module.objects.select_for_update().get(pk=module.pk)
    if not approve and not note.strip():
        raise InvalidModule(
            _("Tell the provider what to change: a note is needed to send it back.")
        )
    module.status = ModuleStatus.APPROVED if approve else ModuleStatus.REJECTED
    module.reviewed_by = reviewer
    module.reviewed_at = timezone.now()
    module.review_note = note.strip()
    module.save(
        update_fields=[
            "status",
            "reviewed_by",
            "reviewed_at",
            "review_note",
            "updated_at",
        ]
    )
    audit_record(
        actor=reviewer,
        verb=AuditVerb.MODULE_APPROVE if approve else AuditVerb.MODULE_REJECT,
        target=module,
        note=module.review_note,
    )
    return module


@transaction.atomic
def module_retire(*, module: Module, retired_by: Any) -> Module:
    """Stop offering a module; plans that hold it keep it, new plans do not."""
    module = Module.objects.select_for_update().get(pk=module.pk)
    module.status = ModuleStatus.RETIRED
    module.save(update_fields=["status", "updated_at"])
    audit_record(actor=retired_by, verb=AuditVerb.MODULE_RETIRE, target=module)
    return module
