"""Start the re-assessment of what a learner has finished learning."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from skillpath.assessments.exceptions import AssessmentError
from skillpath.assessments.services.delivery import assessment_start
from skillpath.frameworks.models import Competency
from skillpath.learning.exceptions import LearningError
from skillpath.learning.journey import journey_for
from skillpath.learning.models import LearningPlan
from skillpath.learning.standings import standings_for


def reassessment_start(*, plan: LearningPlan, learner: Any) -> str:
    """Start re-assessing the plan's ready competencies; return the assessment's URL.

    A competency is ready when every module of the plan that closes it is completed.
    Raises ``LearningError`` when none is ready.
    """
    journey = journey_for(
        learner=learner,
        credential=plan.credential,
        standings=standings_for(learner=learner, credential=plan.credential),
        plan=plan,
    )
    ready = [gap.competency_id for gap in journey.ready_to_reassess]
    if not ready:
        raise LearningError(
            _("Complete the modules of a competency first, then re-assess it.")
        )
    try:
        assessment = assessment_start(
            learner=learner,
            credential=plan.credential,
            competencies=list(Competency.objects.filter(pk__in=ready)),
        )
    except AssessmentError as error:
        raise LearningError(str(error)) from error
    return str(assessment.get_absolute_url())
