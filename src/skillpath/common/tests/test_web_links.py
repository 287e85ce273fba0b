"""Every stored link is an http(s) address, whichever door it comes in by.

The web forms always checked; the API and the services did not, and a stored
``javascript:`` link ran script from the ``href`` it was rendered in.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client

from skillpath.accounts import testing
from skillpath.assessments.services import evidence
from skillpath.assessments.tests import factories as assessment_factories
from skillpath.common.exceptions import SkillpathError
from skillpath.common.weblinks import web_link_clean
from skillpath.credentials import testing as credential_factories
from skillpath.credentials.models import MicroCredential
from skillpath.learning.models import LearningPlan, Module, PlanItem
from skillpath.learning.services import progress
from skillpath.learning.tests import helpers as h

pytestmark = pytest.mark.django_db

UNSAFE = [
    "javascript:alert(document.domain)",
    " JavaScript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "ftp://files.example.org/a",
    "not a link",
]


@pytest.mark.parametrize("link", UNSAFE)
def test_only_http_and_https_links_pass(link: str) -> None:
    with pytest.raises(SkillpathError) as refused:
        web_link_clean(link, field="url")
    assert refused.value.status == 422
    assert refused.value.details[0]["field"] == "url"


def test_a_good_link_is_kept_and_an_empty_one_stays_empty() -> None:
    assert web_link_clean(" https://example.org/a?b=1 ", field="url") == (
        "https://example.org/a?b=1"
    )
    assert web_link_clean("", field="url") == ""


def _module_body(provider: str, competency_id: int, url: str) -> str:
    return json.dumps(
        {
            "provider": provider,
            "code": "evil",
            "title_en": "Evil",
            "title_fr": "Méchant",
            "url": url,
            "format": "self_paced",
            "language": "en",
            "hours": "2",
            "teaches": [{"competency_id": competency_id, "level": 1}],
        }
    )


def test_the_api_refuses_a_javascript_module_link_and_writes_nothing() -> None:
    org = h.provider()
    client = Client()
    client.force_login(h.provider_staff(org))
    competency = h.competency()
    response = client.post(
        "/api/v1/learning/modules",
        _module_body(org.slug, competency.pk, "javascript:alert(document.cookie)"),
        content_type="application/json",
    )
    assert response.status_code == 422, response.content
    error = response.json()["error"]
    assert error["details"][0]["field"] == "url"
    assert not Module.objects.filter(code="evil").exists()
    good = client.post(
        "/api/v1/learning/modules",
        _module_body(org.slug, competency.pk, "https://example.org/course"),
        content_type="application/json",
    )
    assert good.status_code == 201, good.content


def test_the_api_refuses_a_javascript_stacks_into_link() -> None:
    credential = credential_factories.draft_credential()
    client = Client()
    client.force_login(credential.created_by)
    response = client.patch(
        f"/api/v1/micro-credentials/{credential.slug}",
        json.dumps(
            {
                "stackable": True,
                "stacks_into": "Diploma",
                "stacks_into_url": "javascript:alert(1)",
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 422, response.content
    assert response.json()["error"]["details"][0]["field"] == "stacks_into_url"
    assert MicroCredential.objects.get(pk=credential.pk).stacks_into_url == ""


def test_services_refuse_javascript_proof_and_evidence_links() -> None:
    learner = testing.learner()
    credential = credential_factories.micro_credential(levels=(2,))
    plan = LearningPlan.objects.create(learner=learner, credential=credential)
    module = h.module(teaches={h.competency(): 1}, asks_for_proof=True)
    item = PlanItem.objects.create(plan=plan, module=module, position=1)
    with pytest.raises(SkillpathError):
        progress.proof_submit(
            item=item, submitted_by=learner, url="javascript:alert(1)"
        )
    item.refresh_from_db()
    assert item.proof_url == ""
    [competency] = assessment_factories.competencies(credential)
    with pytest.raises(SkillpathError):
        evidence.claim_create(
            learner=learner,
            credential=credential,
            competency=competency,
            description="Two years at a licensed centre.",
            link="javascript:alert(1)",
        )
    assert not learner.prior_learning_claims.exists()
