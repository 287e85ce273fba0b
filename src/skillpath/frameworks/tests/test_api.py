"""The API of frameworks, profiles, reviews, demand and credential definitions."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from skillpath.accounts import services as account_services
from skillpath.accounts import testing
from skillpath.credentials import testing as credential_factories
from skillpath.frameworks import testing as factories
from skillpath.frameworks.models import (
    Framework,
    ReviewState,
    TaskCompetency,
    VersionState,
)
from skillpath.frameworks.tests.support import DATA

pytestmark = pytest.mark.django_db


def bearer(user: object) -> dict[str, str]:
    _token, key = account_services.token_create(user=user, name="t")  # type: ignore[arg-type]
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def post_json(client: Client, url: str, body: dict, **headers: str):  # type: ignore[no-untyped-def]
    return client.post(
        url, data=json.dumps(body), content_type="application/json", **headers
    )


def test_import_list_and_export_a_framework_through_the_api(client: Client) -> None:
    college = testing.organisation()
    auth = bearer(testing.coordinator(college))
    upload = SimpleUploadedFile(
        "ece.json", (DATA / "ece_assistant_case.json").read_bytes()
    )
    response = client.post(
        "/api/v1/frameworks/import", {"files": [upload], "format": "case"}, **auth
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["competency_count"] == 13 and body["owner"] == college.slug
    assert [level["label_en"] for level in body["levels"]][:2] == [
        "Assisted",
        "Supervised",
    ]
    identifier = body["identifier"]
    listing = client.get("/api/v1/frameworks", {"q": "Early"}, **auth).json()
    assert listing["items"][0]["identifier"] == identifier
    found = client.get(
        f"/api/v1/frameworks/{identifier}/competencies", {"q": "families"}, **auth
    )
    assert found.json()["items"][0]["code"] == "ECEA.3.1"
    package = client.get(f"/api/v1/frameworks/{identifier}/case", **auth).json()
    assert package["CFDocument"]["identifier"] == identifier


def test_a_bad_import_gets_422_with_file_record_and_rule(client: Client) -> None:
    auth = bearer(testing.coordinator())
    upload = SimpleUploadedFile("skills_en.csv", b"just,one\nline")
    response = client.post(
        "/api/v1/frameworks/import", {"files": [upload], "format": "esco"}, **auth
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["details"] == [
        {
            "file": "skills_en.csv",
            "record": "line 1",
            "rule": error["details"][0]["rule"],
        }
    ]
    assert "not an ESCO" in error["message"]
    assert not Framework.objects.exists()


def test_learners_and_strangers_cannot_import(client: Client) -> None:
    upload = SimpleUploadedFile("x.json", b"{}")
    response = client.post(
        "/api/v1/frameworks/import",
        {"files": [upload], "format": "case"},
        **bearer(testing.learner()),
    )
    assert response.status_code == 403
    assert client.get("/api/v1/frameworks").status_code == 401


def test_only_coordinators_of_the_owner_edit_competencies(client: Client) -> None:
    college = testing.organisation()
    framework = factories.framework(owner=college)
    competency = framework.competencies.first()
    url = f"/api/v1/competencies/{competency.pk}"
    body = json.dumps({"title_fr": "Nouveau titre"})
    outsider = client.patch(
        url, body, content_type="application/json", **bearer(testing.coordinator())
    )
    assert outsider.status_code == 403
    owner = client.patch(
        url,
        body,
        content_type="application/json",
        **bearer(testing.coordinator(college)),
    )
    assert owner.status_code == 200 and owner.json()["title_fr"] == "Nouveau titre"


def test_build_submit_review_endorse_and_publish_through_the_api(
    client: Client,
) -> None:
    world = factories.profile_world()
    coordinator = bearer(world.coordinator)
    base = f"/api/v1/profiles/{world.profile.pk}/versions/1"
    duty = post_json(
        client, f"{base}/duties", {"title_en": "Keep children safe"}, **coordinator
    )
    assert duty.status_code == 201
    task = post_json(
        client,
        f"{base}/tasks",
        {"duty_id": duty.json()["id"], "title_en": "Check the room"},
        **coordinator,
    )
    sub = post_json(
        client,
        f"{base}/tasks",
        {
            "duty_id": duty.json()["id"],
            "parent_id": task.json()["id"],
            "title_en": "Look for hazards",
        },
        **coordinator,
    )
    assert sub.status_code == 201
    competency = world.framework.competencies.first()
    need = post_json(
        client,
        f"{base}/needs",
        {
            "task_id": sub.json()["id"],
            "competency_id": competency.pk,
            "required_level": 5,
        },
        **coordinator,
    )
    assert (
        need.status_code == 422
        and "runs from 1 to 4" in need.json()["error"]["message"]
    )
    version = client.get(base, **coordinator).json()
    assert (
        version["duties"][1]["tasks"][0]["subtasks"][0]["title_en"]
        == "Look for hazards"
    )
    employer = bearer(world.employer)
    assert client.get(base, **employer).status_code == 404
    submitted = post_json(
        client,
        f"{base}/submit",
        {"reviewers": [world.employer_org.slug]},
        **coordinator,
    )
    assert submitted.json()["state"] == VersionState.IN_REVIEW
    changed = post_json(client, f"{base}/duties", {"title_en": "Late"}, **coordinator)
    assert changed.status_code == 409
    assert post_json(client, f"{base}/publish", {}, **coordinator).status_code == 409
    assert client.get(base, **employer).status_code == 200
    review = client.get("/api/v1/reviews", **employer).json()[0]
    need_id = (
        TaskCompetency.objects.filter(task__duty__version=world.version).first().pk
    )
    rated = post_json(
        client,
        f"/api/v1/reviews/{review['id']}/ratings",
        {"need_id": need_id, "importance": 5},
        **employer,
    )
    assert rated.status_code == 200
    comment = post_json(
        client,
        f"/api/v1/reviews/{review['id']}/comments",
        {"text": "Add allergy plans.", "kind": "proposal", "need_id": need_id},
        **employer,
    )
    assert comment.status_code == 201
    stranger = bearer(testing.employer())
    assert (
        post_json(
            client,
            f"/api/v1/reviews/{review['id']}/decision",
            {"endorse": True},
            **stranger,
        ).status_code
        == 404
    )
    decided = post_json(
        client,
        f"/api/v1/reviews/{review['id']}/decision",
        {"endorse": True},
        **employer,
    )
    assert decided.json()["state"] == ReviewState.ENDORSED
    published = post_json(client, f"{base}/publish", {}, **coordinator)
    assert published.json() == {"number": 1, "state": "published"}
    outsider = bearer(testing.coordinator())
    assert (
        client.get(base, **outsider).status_code == 200
    )  # published versions are shared
    assert post_json(client, f"{base}/draft", {}, **outsider).status_code == 403


def test_credential_definitions_through_the_api(client: Client) -> None:
    world, review = factories.submitted_world()
    coordinator = bearer(world.coordinator)
    defined = post_json(
        client,
        "/api/v1/micro-credentials",
        {"profile_id": world.profile.pk, "version": 1},
        **coordinator,
    )
    assert defined.status_code == 201
    body = defined.json()
    slug = body["slug"]
    first = body["requirements"][0]
    assert first["required_level"] == 2 and first["allowed_methods"]
    patched = client.patch(
        f"/api/v1/micro-credentials/{slug}/competencies/{first['competency_id']}",
        json.dumps({"required_level": 3, "methods": ["adaptive_test"]}),
        content_type="application/json",
        **coordinator,
    )
    assert patched.json()["requirements"][0]["allowed_methods"] == ["adaptive_test"]
    client.patch(
        f"/api/v1/micro-credentials/{slug}",
        json.dumps({"criteria_en": "All competencies.", "full_program_hours": 80}),
        content_type="application/json",
        **coordinator,
    )
    refused = post_json(
        client, f"/api/v1/micro-credentials/{slug}/publish", {}, **coordinator
    )
    assert refused.status_code == 409
    assert "No employer has endorsed" in refused.json()["error"]["message"]
    assert Client().get(f"/api/v1/micro-credentials/{slug}").status_code == 404
    from skillpath.frameworks import services as framework_services

    framework_services.review_decide(
        review=review, decided_by=world.employer, endorse=True
    )
    published = post_json(
        client, f"/api/v1/micro-credentials/{slug}/publish", {}, **coordinator
    )
    assert published.json()["state"] == "published"
    public = Client()
    catalogue = public.get("/api/v1/micro-credentials").json()
    assert [item["slug"] for item in catalogue] == [slug]
    detail = public.get(f"/api/v1/micro-credentials/{slug}").json()
    assert detail["endorsed_by"] == [world.employer_org.slug]
    ctdl = public.get(f"/api/v1/micro-credentials/{slug}/ctdl").json()
    assert ctdl["@type"] == "ceterms:MicroCredential"


def test_only_issuer_coordinators_change_a_definition(client: Client) -> None:
    credential = credential_factories.draft_credential()
    response = client.patch(
        f"/api/v1/micro-credentials/{credential.slug}",
        json.dumps({"title_en": "Hijacked"}),
        content_type="application/json",
        **bearer(testing.coordinator()),
    )
    assert response.status_code == 404
    assessor = bearer(testing.assessor(credential.issuing_organisation))
    response = client.patch(
        f"/api/v1/micro-credentials/{credential.slug}",
        json.dumps({"title_en": "Hijacked"}),
        content_type="application/json",
        **assessor,
    )
    assert response.status_code == 403


def test_demand_through_the_api(client: Client) -> None:
    employer = testing.employer()
    org = employer.memberships.get().organisation
    auth = bearer(employer)
    created = post_json(
        client,
        "/api/v1/demand-reports",
        {
            "employer": org.slug,
            "job_title": "Shipper",
            "noc_code": "14400",
            "openings": 4,
            "region": "MB",
            "urgency": "now",
        },
        **auth,
    )
    assert created.status_code == 201
    bad = post_json(
        client,
        "/api/v1/demand-reports",
        {"employer": org.slug, "job_title": "Shipper", "openings": 0, "region": "MB"},
        **auth,
    )
    assert (
        bad.status_code == 422
        and "at least one opening" in bad.json()["error"]["message"]
    )
    assert client.get("/api/v1/demand-summary", **auth).status_code == 403
    summary = client.get(
        "/api/v1/demand-summary", **bearer(testing.coordinator())
    ).json()
    assert summary[0]["openings"] == 4 and summary[0]["worth_building"] is True
    other = bearer(testing.employer())
    assert client.get("/api/v1/demand-reports", **other).json()["items"] == []
    patch = client.patch(
        f"/api/v1/demand-reports/{created.json()['id']}",
        json.dumps({"status": "filled"}),
        content_type="application/json",
        **auth,
    )
    assert patch.json()["status"] == "filled"
