"""Build the demo item banks from topic facts: real questions, English and French.

Each question of a topic gives three items: a single-choice item, and two true-or-false
items proposing the right answer and a distractor. With the topic's extra item that
makes 16 calibrated items per competency. Parameters are fixed per item (a stable
hash), as if a calibration had run.
"""

from __future__ import annotations

import hashlib
import random
import re
from typing import Any

from skillpath.assessments import requirements
from skillpath.assessments.demo_facts_care import TOPICS as CARE
from skillpath.assessments.demo_facts_work import TOPICS as WORK
from skillpath.assessments.models import Item, ItemKind, ItemStatus

TOPICS: dict[str, dict[str, Any]] = {**CARE, **WORK}
LETTERS = "abcdefgh"
PROPOSED = (
    "{question}\nProposed answer: {answer}. Is this answer right?",
    "{question}\nRéponse proposée : {answer}. Cette réponse est-elle juste ?",
)


def _unit(code: str) -> float:
    """Return a stable number in [0, 1) for ``code``."""
    return int(hashlib.sha256(code.encode()).hexdigest()[:8], 16) / 0x100000000


def _discrimination(code: str) -> float:
    return round(0.9 + 1.0 * _unit(code + "a"), 2)


def _text(competency: Any) -> str:
    return " ".join(
        str(getattr(competency, name, "") or "")
        for name in ("title_en", "title_fr", "description_en", "code")
    ).lower()


def _score(topic: dict[str, Any], text: str) -> int:
    return sum(
        len(re.findall(rf"\b{re.escape(word)}\b", text)) for word in topic["keywords"]
    )


def _domain(name: str) -> str:
    return name.split("-")[0]


def domain_for(competencies: list[Any]) -> str:
    """Return the field (ece, cyber, logistics) that a credential's competencies fit."""
    text = " ".join(_text(c) for c in competencies)
    totals: dict[str, int] = {}
    for name, topic in TOPICS.items():
        if _domain(name) != "workplace":
            totals[_domain(name)] = totals.get(_domain(name), 0) + _score(topic, text)
    best = max(totals, key=lambda d: totals[d])
    return best if totals[best] > 0 else "workplace"


def topic_for(competency: Any, taken: set[str], domain: str | None = None) -> str:
    """Return the topic of ``domain`` that best fits the competency (unused first)."""
    text = _text(competency)
    names = [n for n in TOPICS if domain is None or _domain(n) in (domain, "workplace")]
    scored = [
        (_score(TOPICS[n], text), n not in taken, -names.index(n), n) for n in names
    ]
    best = max(scored)
    if best[0] > 0:
        return best[3]
    fresh = [n for n in names if n not in taken and _domain(n) == domain]
    return fresh[0] if fresh else ("workplace" if "workplace" not in taken else best[3])


def _choice_item(code: str, question: tuple[Any, ...]) -> dict[str, Any]:
    q_en, q_fr, right, wrongs, difficulty = question
    options = [right, *wrongs]
    order = list(range(len(options)))
    random.Random(code).shuffle(order)  # noqa: S311 (demo data)
    entries = [
        {"id": LETTERS[i], "en": options[k][0], "fr": options[k][1]}
        for i, k in enumerate(order)
    ]
    correct = LETTERS[order.index(0)]
    return {
        "kind": ItemKind.SINGLE_CHOICE,
        "stem_en": q_en,
        "stem_fr": q_fr,
        "content": {"options": entries},
        "answer_key": {"correct": correct},
        "thresholds": [difficulty],
    }


def _proposed_item(
    question: tuple[Any, ...], proposal: tuple[str, str], truth: bool, shift: float
) -> dict[str, Any]:
    q_en, q_fr, _right, _wrongs, difficulty = question
    return {
        "kind": ItemKind.TRUE_FALSE,
        "stem_en": PROPOSED[0].format(question=q_en, answer=proposal[0]),
        "stem_fr": PROPOSED[1].format(question=q_fr, answer=proposal[1]),
        "content": {},
        "answer_key": {"correct": truth},
        "thresholds": [round(difficulty + shift, 2)],
    }


def _extra_item(extra: tuple[Any, ...]) -> dict[str, Any]:
    kind = extra[0]
    fields: dict[str, Any] = {"kind": kind, "stem_en": extra[1], "stem_fr": extra[2]}
    if kind == ItemKind.ORDERING:
        steps = [
            {"id": f"s{i + 1}", "en": en, "fr": fr}
            for i, (en, fr) in enumerate(extra[3])
        ]
        fields.update(
            content={"options": steps}, answer_key={"order": [s["id"] for s in steps]}
        )
    elif kind == ItemKind.MATCHING:
        prompts = [
            {"id": f"p{i + 1}", "en": p[0], "fr": p[1]} for i, p in enumerate(extra[3])
        ]
        choices = [
            {"id": f"m{i + 1}", "en": p[2], "fr": p[3]} for i, p in enumerate(extra[3])
        ]
        choices = choices[1:] + choices[:1]  # not in the prompts' order
        fields.update(
            content={"prompts": prompts, "choices": choices},
            answer_key={
                "pairs": {f"p{i + 1}": f"m{i + 1}" for i in range(len(prompts))}
            },
        )
    elif kind == ItemKind.SHORT_TEXT:
        fields.update(content={}, answer_key={"accepted": list(extra[3])})
    elif kind == ItemKind.NUMERIC:
        unit = extra[5]
        content = {"unit": {"en": unit[0], "fr": unit[1]}} if unit[0] else {}
        fields.update(
            content=content, answer_key={"value": extra[3], "tolerance": extra[4]}
        )
    elif kind == ItemKind.TRUE_FALSE:
        fields.update(content={}, answer_key={"correct": bool(extra[3])})
    fields["thresholds"] = [extra[-1]]
    return fields


def items_for(topic_name: str) -> list[dict[str, Any]]:
    """Return the item fields a topic gives (16: 5 questions × 3, and the extra)."""
    topic = TOPICS[topic_name]
    fields = []
    for number, question in enumerate(topic["questions"], start=1):
        base = f"{topic_name}-{number}"
        fields.append(_choice_item(base, question))
        fields.append(_proposed_item(question, question[2], True, -0.7))
        fields.append(_proposed_item(question, question[3][0], False, -0.4))
    fields.append(_extra_item(topic["extra"]))
    return fields


def rubric_for(competency: Any) -> dict[str, Any]:
    """Return a rubric on the competency's own scale: three criteria."""
    levels = [n for n in requirements.scale_levels(competency) if n > 0]
    top = max(levels)
    labels = {n: requirements.level_label(competency, n) for n in levels}
    french = {n: requirements.level_label(competency, n, "fr") for n in levels}

    def descriptor(what_en: str, what_fr: str, n: int) -> dict[str, str]:
        share = n / top
        if share <= 0.34:
            return {
                "en": f"{what_en}: only in part, with help",
                "fr": f"{what_fr} : en partie, avec de l'aide",
            }
        if share < 1:
            return {
                "en": f"{what_en}: mostly, with minor gaps",
                "fr": f"{what_fr} : en bonne partie, avec de petites lacunes",
            }
        return {
            "en": f"{what_en}: fully and independently",
            "fr": f"{what_fr} : pleinement et de façon autonome",
        }

    criteria = [
        ("accuracy", "Accurate content", "Contenu exact"),
        (
            "practice",
            "Safe practice and rules followed",
            "Pratique sécuritaire et règles suivies",
        ),
        ("explains", "Explains the reasons clearly", "Explique clairement ses raisons"),
    ]
    return {
        "levels": [{"level": n, "en": labels[n], "fr": french[n]} for n in levels],
        "criteria": [
            {
                "id": cid,
                "en": en,
                "fr": fr,
                "descriptors": {str(n): descriptor(en, fr, n) for n in levels},
            }
            for cid, en, fr in criteria
        ],
    }


def seed_competency(competency: Any, topic_name: str, *, task: str | None) -> int:
    """Create the demo items of one competency (none if it has demo items); return how many."""
    prefix = f"demo-{str(competency.identifier)[:8]}-{competency.pk}"
    if Item.objects.filter(code__startswith=prefix).exists():
        return 0
    created = 0
    for number, fields in enumerate(items_for(topic_name), start=1):
        code = f"{prefix}-{number:02d}"
        Item.objects.create(
            competency=competency,
            code=code,
            status=ItemStatus.OPERATIONAL,
            discrimination=_discrimination(code),
            **fields,
        )
        created += 1
    title_en = requirements.competency_title(competency, "en")
    title_fr = requirements.competency_title(competency, "fr")
    if task == ItemKind.PERFORMANCE_TASK:
        stem_en = (
            f"Performance task — {title_en}. Describe a realistic situation at work where "
            "this competency matters. Explain what you would do, step by step, which "
            "rules or safe practices apply, and why."
        )
        stem_fr = (
            f"Tâche pratique — {title_fr}. Décrivez une situation de travail réaliste où "
            "cette compétence compte. Expliquez ce que vous feriez, étape par étape, "
            "quelles règles ou pratiques sécuritaires s'appliquent, et pourquoi."
        )
    else:
        stem_en = (
            f"Evidence — {title_en}. Give evidence that you have used this competency: "
            "a work sample, a reference letter or a portfolio page, with a short note on "
            "what you did."
        )
        stem_fr = (
            f"Preuve — {title_fr}. Donnez une preuve que vous avez exercé cette "
            "compétence : un exemple de travail, une lettre de référence ou une page de "
            "portfolio, avec une courte note sur ce que vous avez fait."
        )
    if task:
        Item.objects.create(
            competency=competency,
            code=f"{prefix}-task",
            kind=task,
            status=ItemStatus.OPERATIONAL,
            stem_en=stem_en,
            stem_fr=stem_fr,
            rubric=rubric_for(competency),
        )
        created += 1
    return created
