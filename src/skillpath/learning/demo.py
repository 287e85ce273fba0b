"""Demo catalogue and plans: modules from several providers for every demo credential.

For each competency a demo credential requires, providers offer the modules a real
consortium would: an online primer (OpenSkills, bilingual), a practical course at Bow
River College (in person, Alberta) that needs the primer's level, a French workshop at
the Collège du Saint-Laurent (live online) that needs the primer itself, and for some
competencies the employer's own training. One competency of the first credential is
left without a module that reaches its level, so the coordinators' report has
something to build next. Running it again changes nothing.
"""

from __future__ import annotations

import contextlib
import importlib
from decimal import Decimal
from typing import Any

from django.utils.text import slugify

from skillpath.accounts.models import Organisation, OrganisationKind, User
from skillpath.learning.models import (
    ItemStatus,
    LearningPlan,
    Module,
    ModuleFormat,
    ModuleLanguage,
    ModuleStatus,
)
from skillpath.learning.services import catalogue as services
from skillpath.learning.services import plans, progress

REVIEWER = "coordinator@bowriver.example"
LEARNERS = [
    "learner@skillpath.example",
    "jean@skillpath.example",
    "tyler@skillpath.example",
    "sofia@skillpath.example",
]
EMPLOYERS = ["little-sprouts", "northern-shield", "prairie-freight"]
# A learner of this demo, part-way through a plan of several modules.
EXTRA_LEARNER = ("noor@skillpath.example", "Noor Haddad")


def _offer(
    provider: Organisation,
    code: str,
    *,
    teaches: dict[Any, int],
    requires: dict[Any, int] | None = None,
    requires_modules: tuple[Module, ...] = (),
    reviewer: User | None,
    approve: bool = True,
    **fields: Any,
) -> tuple[Module, bool]:
    existing = Module.objects.filter(provider=provider, code=code).first()
    if existing is not None:
        return existing, False
    module = services.module_create(
        provider=provider,
        created_by=None,
        teaches=teaches,
        requires=requires or {},
        requires_modules=requires_modules,
        code=code,
        **fields,
    )
    if approve and reviewer is not None:
        services.module_review(module=module, reviewer=reviewer, approve=True)
    return module, True


def _credential_modules(
    credential: Any,
    number: int,
    providers: dict[str, Organisation],
    employer: Organisation | None,
    reviewer: User | None,
) -> int:
    created = 0
    requirements = list(credential.requirements.select_related("competency"))
    for index, requirement in enumerate(requirements):
        competency, level = requirement.competency, requirement.required_level
        title_en = competency.title_en or competency.title_fr
        title_fr = competency.title_fr or competency.title_en
        key = slugify(f"{credential.slug}-{competency.code or competency.pk}")[:48]
        primer_level = max(1, level - 1)
        primer, new = _offer(
            providers["openskills"],
            f"{key}-primer",
            teaches={competency: primer_level},
            reviewer=reviewer,
            title_en=f"{title_en}: the essentials",
            title_fr=f"{title_fr} : l’essentiel",
            description_en=(
                f"A self-paced online primer on {title_en.lower()}, with short videos, "
                "worked examples and a quiz at the end of each unit."
            ),
            description_fr=(
                f"Une introduction en ligne à votre rythme : {title_fr.lower()}, avec "
                "de courtes vidéos, des exemples et un quiz à la fin de chaque unité."
            ),
            url=f"https://openskills.example/courses/{key}",
            format=ModuleFormat.SELF_PACED,
            language=ModuleLanguage.BILINGUAL,
            hours=Decimal(4 + index % 3 * 2),
            cost=Decimal("49.00"),
        )
        created += new
        if number == 0 and index == len(requirements) - 1 and level > 1:
            continue  # left for "what to build next" in the coordinators' report
        _m, new = _offer(
            providers["bow-river-college"],
            f"{key}-practice",
            teaches={competency: level},
            requires={competency: primer_level} if primer_level < level else {},
            reviewer=reviewer,
            title_en=f"{title_en} in practice",
            title_fr=f"{title_fr} en pratique",
            description_en=(
                f"Hands-on sessions on {title_en.lower()} at the Calgary campus, with "
                "an instructor and real cases from employers."
            ),
            description_fr=(
                f"Séances pratiques sur {title_fr.lower()} au campus de Calgary, avec "
                "un formateur et des cas réels d’employeurs."
            ),
            format=ModuleFormat.IN_PERSON,
            language=ModuleLanguage.ENGLISH,
            hours=Decimal(10 + index % 4 * 2),
            cost=Decimal(220 + index % 3 * 40),
            province="AB",
            location="Bow River College, Calgary campus",
            schedule="Tuesday and Thursday evenings, 6 to 9 p.m.",
        )
        created += new
        _m, new = _offer(
            providers["college-saint-laurent"],
            f"{key}-atelier",
            teaches={competency: level},
            requires_modules=(primer,),
            reviewer=reviewer,
            title_en=f"{title_en}: workshop (in French)",
            title_fr=f"Atelier : {title_fr}",
            description_en=f"A live online workshop in French on {title_en.lower()}.",
            description_fr=(
                f"Un atelier en direct, en ligne, sur {title_fr.lower()}, en petits "
                "groupes avec mises en situation."
            ),
            url=f"https://csl.example/ateliers/{key}",
            format=ModuleFormat.LIVE_ONLINE,
            language=ModuleLanguage.FRENCH,
            hours=Decimal(8 + index % 3 * 2),
            cost=Decimal(160 + index % 2 * 60),
            schedule="Samedi matin, 9 h à 12 h",
            asks_for_proof=index % 2 == 0,
        )
        created += new
        if employer is not None and index % 2 == 1:
            _m, new = _offer(
                employer,
                f"{key}-on-the-job",
                teaches={competency: level},
                requires={competency: primer_level} if primer_level < level else {},
                reviewer=reviewer,
                approve=index != 1 or number != 0,  # one waits for review
                title_en=f"{title_en} on the job at {employer.name}",
                title_fr=f"{title_fr} en milieu de travail chez {employer.name}",
                description_en="Paid job shadowing with a mentor, in the employer's own training.",
                description_fr="Observation rémunérée avec un mentor, dans la formation de l’employeur.",
                format=ModuleFormat.BLENDED,
                language=ModuleLanguage.BILINGUAL,
                hours=Decimal(16),
                cost=Decimal("0"),
                province=employer.province,
                location=employer.name,
                schedule="Two weeks, weekdays",
                asks_for_proof=True,
            )
            created += new
    return created


def _assessed_learner(credentials: list[Any], stdout: Any) -> None:
    """Give Noor, a learner of this demo, an adaptive test with several gaps."""
    from skillpath.accounts.demo import DEMO_PASSWORD
    from skillpath.accounts.models import LearnerProfile
    from skillpath.assessments.demo import right_or_wrong_answer
    from skillpath.assessments.exceptions import AssessmentError
    from skillpath.assessments.models import Sitting
    from skillpath.assessments.services import delivery

    email, name = EXTRA_LEARNER
    learner = User.objects.filter(email__iexact=email).first()
    if learner is None:
        learner = User.objects.create_user(
            email=email, password=DEMO_PASSWORD, full_name=name
        )
        LearnerProfile.objects.create(
            user=learner,
            region="AB",
            home_organisation=Organisation.objects.filter(
                slug="newcomer-career-centre"
            ).first(),
            follow_up_surveys=True,
        )
    credential = credentials[-1]
    if Sitting.objects.filter(learner=learner, credential=credential).exists():
        return
    try:
        sitting = delivery.assessment_start(learner=learner, credential=credential)
        for _answer in range(200):
            sitting.refresh_from_db()
            if not sitting.is_open or sitting.current_item is None:
                break
            item = sitting.current_item
            # Strong on the first competency, new to the others: several gaps.
            right = item.competency_id == sitting.parts.order_by("pk")[0].competency_id
            delivery.response_record(
                sitting=sitting,
                learner=learner,
                sequence=sitting.next_sequence,
                answer_data=right_or_wrong_answer(item, right),
            )
    except AssessmentError as error:
        stdout.write(f"  {email}: no assessment ({error})")
        return
    stdout.write(f"  {email} took the assessment of {credential.title}")


def _plans(credentials: list[Any], stdout: Any) -> None:
    learners = list(
        User.objects.filter(email__in=[*LEARNERS, EXTRA_LEARNER[0]]).order_by("email")
    )
    moved = 0
    for learner in learners:
        for credential in credentials:
            plan = LearningPlan.objects.filter(
                learner=learner, credential=credential
            ).first()
            if plan is None or not plan.items.exists():
                # Plans made while the assessments demo ran, before the catalogue
                # existed, are planned again now that there are modules.
                plan = plans.plan_refresh(learner=learner, credential=credential)
            if plan is None or plan.items.exclude(status=ItemStatus.PLANNED).exists():
                continue  # no gap, or progress seeded before: leave it as it is
            items = list(plan.items.order_by("position"))
            # Part-way: the first module done (or its proof sent), the next started.
            if items[0].module.asks_for_proof:
                progress.proof_submit(
                    item=items[0],
                    submitted_by=learner,
                    url="https://openbadges.example/certificates/demo",
                )
            else:
                progress.module_complete(item=items[0], completed_by=learner)
            if len(items) > 1:
                progress.item_start(item=items[1], started_by=learner)
            moved += 1
    total = LearningPlan.objects.filter(learner__in=learners).count()
    stdout.write(f"  {total} demo learning plans, {moved} moved part-way now")


def _credentials(stdout: Any) -> list[Any]:
    from skillpath.credentials.models import MicroCredential

    found = list(MicroCredential.objects.order_by("pk"))
    if found:
        return found
    # seed_demo runs apps in INSTALLED_APPS order, where credentials come after
    # learning: seed the (idempotent) credentials demo first.
    try:
        module = importlib.import_module("skillpath.credentials.demo")
    except ModuleNotFoundError:
        return []
    module.seed(stdout)
    return list(MicroCredential.objects.order_by("pk"))


def seed(stdout: Any) -> None:
    """Create the demo catalogue, then plans for the demo learners with gaps."""
    providers = {
        org.slug: org
        for org in Organisation.objects.filter(
            slug__in=["openskills", "bow-river-college", "college-saint-laurent"]
        )
    }
    credentials = _credentials(stdout) if len(providers) == 3 else []
    if not credentials:
        stdout.write("  No demo credential or provider yet: no learning demo data.")
        return
    employers = list(
        Organisation.objects.filter(
            slug__in=EMPLOYERS, kind=OrganisationKind.EMPLOYER
        ).order_by("slug")
    )
    reviewer = User.objects.filter(email=REVIEWER).first()
    created = 0
    for number, credential in enumerate(credentials):
        employer = employers[number % len(employers)] if employers else None
        created += _credential_modules(
            credential, number, providers, employer, reviewer
        )
    offered = Module.objects.filter(status=ModuleStatus.APPROVED).count()
    stdout.write(f"  {created} new modules; {offered} offered in the catalogue")
    with contextlib.suppress(ImportError):  # without assessments: no new results
        _assessed_learner(credentials, stdout)
    _plans(credentials, stdout)
    if not LearningPlan.objects.exists():
        stdout.write("  (No demo learner has assessment results with gaps yet.)")
