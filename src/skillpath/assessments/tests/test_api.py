"""The assessments API: start, current item without key, answer once, results, bank."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from skillpath.accounts import services as account_services
from skillpath.accounts import testing
from skillpath.assessments.models import Item, Response
from skillpath.assessments.services import delivery
from skillpath.assessments.tests import factories
from skillpath.credentials.testing import micro_credential

pytestmark = pytest.mark.django_db


def bearer(user) -> dict[str, str]:
    _token, key = account_services.token_create(user=user, name="t")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.fixture
def world():
    credential = micro_credential(levels=(2,))
    competency = factories.competencies(credential)[0]
    factories.bank(competency)
    Item.objects.filter(competency=competency).update(
        answer_key={"correct": "a", "secret": "KEY-MARKER-7731"}
    )
    return credential, competency


def test_learner_takes_the_assessment_through_the_api(client: Client, world) -> None:
    credential, _ = world
    learner = testing.learner()
    auth = bearer(learner)
    started = client.post(
        f"/api/v1/assessments/credentials/{credential.pk}/sittings", **auth
    )
    assert started.status_code == 201, started.content
    body = started.json()
    assert "KEY-MARKER" not in started.content.decode()
    assert "correct" not in json.dumps(body["item"])
    sitting_id = body["id"]
    for _ in range(30):
        state = client.get(f"/api/v1/assessments/sittings/{sitting_id}", **auth)
        assert "KEY-MARKER" not in state.content.decode()
        state = state.json()
        if state["status"] != "in_progress":
            break
        answered = client.post(
            f"/api/v1/assessments/sittings/{sitting_id}/answers",
            data={"sequence": state["sequence"], "answer": {"choice": "a"}},
            content_type="application/json",
            **auth,
        )
        assert answered.status_code == 200, answered.content
        assert "KEY-MARKER" not in answered.content.decode()
    assert state["status"] == "completed"
    results = client.get(
        f"/api/v1/assessments/credentials/{credential.pk}/results", **auth
    ).json()
    assert results["all_demonstrated"] is True
    assert results["competencies"][0]["status"] == "demonstrated"


def test_a_repeated_answer_is_a_conflict_and_records_nothing(
    client: Client, world
) -> None:
    credential, _ = world
    learner = testing.learner()
    sitting = delivery.assessment_start(learner=learner, credential=credential)
    auth = bearer(learner)
    url = f"/api/v1/assessments/sittings/{sitting.pk}/answers"
    payload = {"sequence": 1, "answer": {"choice": "a"}}
    assert (
        client.post(
            url, data=payload, content_type="application/json", **auth
        ).status_code
        == 200
    )
    again = client.post(url, data=payload, content_type="application/json", **auth)
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "conflict"
    assert Response.objects.filter(sitting=sitting).count() == 1
    bad = client.post(
        url, data={"sequence": 2, "answer": {}}, content_type="application/json", **auth
    )
    assert bad.status_code == 422


def test_another_learners_sitting_and_results_are_not_found(
    client: Client, world
) -> None:
    credential, _ = world
    owner, other = testing.learner(), testing.learner()
    sitting = delivery.assessment_start(learner=owner, credential=credential)
    auth = bearer(other)
    assert (
        client.get(f"/api/v1/assessments/sittings/{sitting.pk}", **auth).status_code
        == 404
    )
    answer = client.post(
        f"/api/v1/assessments/sittings/{sitting.pk}/answers",
        data={"sequence": 1, "answer": {"choice": "a"}},
        content_type="application/json",
        **auth,
    )
    assert answer.status_code == 404
    results = client.get(
        f"/api/v1/assessments/credentials/{credential.pk}/results?learner_id={owner.pk}",
        **auth,
    )
    assert results.status_code == 404


def test_coordinator_exports_and_imports_and_a_learner_cannot(
    client: Client, world
) -> None:
    credential, competency = world
    coordinator = testing.coordinator(credential.issuing_organisation)
    auth = bearer(coordinator)
    exported = client.get(
        f"/api/v1/assessments/items/export?competency_id={competency.pk}", **auth
    )
    assert exported.status_code == 200
    document = exported.json()
    assert len(document["items"]) == 15
    document["items"][0]["stem"]["en"] = "Changed through the API?"
    upload = SimpleUploadedFile(
        "items.json", json.dumps(document).encode(), "application/json"
    )
    imported = client.post("/api/v1/assessments/items/import", {"file": upload}, **auth)
    assert imported.status_code == 200, imported.content
    assert len(imported.json()["updated"]) == 15
    assert Item.objects.filter(stem_en="Changed through the API?").count() == 1

    learner_auth = bearer(testing.learner())
    assert (
        client.get("/api/v1/assessments/items/export", **learner_auth).status_code
        == 403
    )
    upload = SimpleUploadedFile("items.json", b"{}", "application/json")
    refused = client.post(
        "/api/v1/assessments/items/import", {"file": upload}, **learner_auth
    )
    assert refused.status_code == 403


def test_a_malformed_import_is_refused_with_the_problems(client: Client, world) -> None:
    credential, competency = world
    auth = bearer(testing.coordinator(credential.issuing_organisation))
    document = {
        "format": "skillpath-items",
        "version": 1,
        "items": [
            {
                "code": "fine-one",
                "competency": competency.identifier,
                "kind": "true_false",
                "stem": {"en": "The sky is blue."},
                "key": {"correct": True},
            },
            {
                "code": "broken",
                "competency": "nope",
                "kind": "single_choice",
                "stem": {},
            },
        ],
    }
    upload = SimpleUploadedFile(
        "items.json", json.dumps(document).encode(), "application/json"
    )
    response = client.post("/api/v1/assessments/items/import", {"file": upload}, **auth)
    assert response.status_code == 422
    error = response.json()["error"]
    assert "nothing was changed" in error["message"]
    assert any("no competency" in d for d in error["details"])
    assert not Item.objects.filter(code="fine-one").exists()
