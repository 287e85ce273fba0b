"""What a learner is shown of an item and of a sitting's progress (never a key).

``learner_item`` builds the item from its ``content`` only: the answer key is not
read here, so neither the pages nor the API can leak it. In a sitting, the options
of choice and ordering items are shown in an order of that sitting's own.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import timezone

from skillpath.assessments import requirements
from skillpath.assessments.models import Item, ItemKind, PartStatus, Sitting, text_of


def _entries(entries: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [{"id": str(e["id"]), "text": text_of(e)} for e in entries]


def learner_item(item: Item, *, sitting: Sitting | None = None) -> dict[str, Any]:
    """Return the item as the learner sees it: stem, options, prompts, image link."""
    content = item.content or {}
    shown: dict[str, Any] = {
        "code": item.code if sitting is None else "",
        "kind": item.kind,
        "kind_label": ItemKind(item.kind).label,
        "stem": item.stem,
        "image_url": (
            reverse("assessments:item_image", args=[item.pk]) if item.image else ""
        ),
        "image_alt": item.image_alt,
        "options": [],
        "prompts": [],
        "choices": [],
        "unit": text_of(content.get("unit", {})) if content.get("unit") else "",
    }
    if item.kind in (
        ItemKind.SINGLE_CHOICE,
        ItemKind.MULTIPLE_SELECT,
        ItemKind.ORDERING,
    ):
        options = _entries(content.get("options", []))
        if item.kind == ItemKind.ORDERING:
            # Steps are shown in an order that depends on the sitting, never the key's.
            seed = f"{sitting.pk}-{sitting.next_sequence}" if sitting else item.code
            random.Random(seed).shuffle(options)  # noqa: S311 (not security)
        elif sitting is not None:
            # Choices too: authors (and the demo bank) tend to put the key in one
            # place. The order is fixed per sitting and item, so a reload shows the
            # same order; the answer names the option's id, never its position.
            random.Random(f"{sitting.pk}-{item.pk}").shuffle(options)  # noqa: S311
        shown["options"] = options
    if item.kind == ItemKind.MATCHING:
        shown["prompts"] = _entries(content.get("prompts", []))
        shown["choices"] = _entries(content.get("choices", []))
    shown["positions"] = list(range(1, len(shown["options"]) + 1))
    return shown


@dataclass(frozen=True)
class PartProgress:
    title: str
    status: str
    status_label: str
    answered: int
    max_items: int
    current: bool


def progress(sitting: Sitting) -> dict[str, Any]:
    """Return an honest picture of where the sitting stands, per competency."""
    parts = list(sitting.parts.select_related("competency").order_by("position"))
    rows = []
    current_found = False
    for part in parts:
        current = part.status == PartStatus.IN_PROGRESS and not current_found
        current_found = current_found or current
        rows.append(
            PartProgress(
                title=requirements.competency_title(part.competency),
                status=part.status,
                status_label=str(PartStatus(part.status).label),
                answered=part.items_answered,
                max_items=part.max_items,
                current=current,
            )
        )
    done = sum(
        1 for p in parts if p.status not in (PartStatus.WAITING, PartStatus.IN_PROGRESS)
    )
    remaining = None
    if sitting.deadline and sitting.is_open:
        remaining = max(
            0, int((sitting.deadline - timezone.now()).total_seconds() // 60)
        )
    return {
        "parts": rows,
        "done": done,
        "total": len(parts),
        "minutes_left": remaining,
    }
