"""Assessment pages: taking one item at a time, results, evidence files, refusals."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from skillpath.accounts import testing
from skillpath.assessments.models import (
    Item,
    ItemKind,
    ItemStatus,
    Response,
    TaskSubmission,
)
from skillpath.assessments.services import delivery, evidence
from skillpath.assessments.tests import factories
from skillpath.credentials.testing import micro_credential

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SECRET = "KEY-MARKER-4411"


@pytest.fixture
def world():
    credential = micro_credential(levels=(2,))
    competency = factories.competencies(credential)[0]
    factories.bank(competency)
    # Keys that would show if a key ever reached a page.
    Item.objects.filter(competency=competency).update(
        answer_key={"correct": "a", "note": SECRET}
    )
    Item.objects.create(
        competency=competency,
        code="numeric-secret",
        kind=ItemKind.NUMERIC,
        status=ItemStatus.OPERATIONAL,
        stem_en="How many millilitres?",
        answer_key={"value": 987654.25, "tolerance": 0.5},
        discrimination=3.0,
        thresholds=[0.0],
    )
    return credential, competency


def test_learner_takes_the_test_page_by_page_and_no_key_is_shown(
    client: Client, world
) -> None:
    credential, _ = world
    learner = testing.learner()
    client.force_login(learner)
    overview = client.get(reverse("assessments:credential", args=[credential.pk]))
    assert overview.status_code == 200 and b"Start the assessment" in overview.content
    started = client.post(reverse("assessments:start", args=[credential.pk]))
    assert started.status_code == 303
    sitting_url = started["Location"]
    for _ in range(30):
        page = client.get(sitting_url)
        if page.status_code == 302:
            break
        html = page.content.decode()
        assert SECRET not in html and "987654" not in html
        sitting = learner.assessment_sittings.get()
        data = {"sequence": sitting.next_sequence}
        if sitting.current_item.kind == ItemKind.NUMERIC:
            data["value"] = "987654.25"
        else:
            data["choice"] = "a"
        answered = client.post(reverse("assessments:answer", args=[sitting.pk]), data)
        assert answered.status_code == 303
    results = client.get(reverse("assessments:results", args=[credential.pk]))
    html = results.content.decode()
    assert results.status_code == 200
    assert "<svg" in html and 'id="gap-table"' in html
    assert "Every competency is demonstrated" in html
    assert SECRET not in html


def test_htmx_answer_swaps_in_the_next_question(client: Client, world) -> None:
    credential, _ = world
    learner = testing.learner()
    client.force_login(learner)
    sitting = delivery.assessment_start(learner=learner, credential=credential)
    fragment = client.get(sitting.get_absolute_url(), HTTP_HX_REQUEST="true")
    assert b"<html" not in fragment.content and b'id="assessment"' in fragment.content
    response = client.post(
        reverse("assessments:answer", args=[sitting.pk]),
        {"sequence": 1},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and b'role="alert"' in response.content
    assert (
        b"Choose one answer" in response.content or b"Type a number" in response.content
    )
    response = client.post(
        reverse("assessments:answer", args=[sitting.pk]),
        {"sequence": 1, "choice": "a", "value": "987654.25"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and "HX-Location" in response.headers


def test_double_submission_from_two_tabs_records_one_response(
    client: Client, world
) -> None:
    credential, _ = world
    learner = testing.learner()
    client.force_login(learner)
    sitting = delivery.assessment_start(learner=learner, credential=credential)
    url = reverse("assessments:answer", args=[sitting.pk])
    data = {"sequence": 1, "choice": "a", "value": "1"}
    client.post(url, data)
    second = client.post(url, data, follow=True)
    assert b"already answered" in second.content
    assert Response.objects.filter(sitting=sitting).count() == 1


def test_another_learner_cannot_see_or_answer_a_sitting_or_results(
    client: Client, world
) -> None:
    credential, _ = world
    owner, other = testing.learner(), testing.learner()
    sitting = delivery.assessment_start(learner=owner, credential=credential)
    client.force_login(other)
    assert client.get(sitting.get_absolute_url()).status_code == 404
    assert (
        client.post(
            reverse("assessments:answer", args=[sitting.pk]),
            {"sequence": 1, "choice": "a"},
        ).status_code
        == 404
    )
    url = reverse("assessments:learner_results", args=[credential.pk, owner.pk])
    assert client.get(url).status_code == 404
    # Staff of the learner's home organisation may read them.
    home = testing.organisation()
    owner.learner_profile.home_organisation = home
    owner.learner_profile.save()
    client.force_login(testing.coordinator(home))
    assert client.get(url).status_code == 200


def test_evidence_files_are_served_only_to_the_owner_and_assessors(
    client: Client, world
) -> None:
    credential, competency = world
    task = factories.task(competency)
    owner = testing.learner()
    submission = evidence.submission_create(
        learner=owner,
        credential=credential,
        item=task,
        upload=SimpleUploadedFile("plan.pdf", PDF, "application/pdf"),
    )
    url = reverse("assessments:evidence_file", args=["submission", submission.pk])
    client.force_login(testing.learner())
    assert client.get(url).status_code == 404
    client.force_login(testing.assessor())  # another organisation
    assert client.get(url).status_code == 404
    client.force_login(owner)
    mine = client.get(url)
    assert mine.status_code == 200 and b"".join(mine.streaming_content) == PDF
    assert "attachment" in mine["Content-Disposition"]
    client.force_login(testing.assessor(credential.issuing_organisation))
    assert client.get(url).status_code == 200
    assert not submission.file.url.startswith("/assessments/")  # no public route


def test_wrong_file_type_is_refused_on_the_page(client: Client, world) -> None:
    credential, competency = world
    task = factories.task(competency)
    client.force_login(testing.learner())
    url = reverse("assessments:task", args=[credential.pk, task.pk])
    response = client.post(
        url,
        {"file": SimpleUploadedFile("run.exe", b"MZ\x90", "application/octet-stream")},
    )
    assert response.status_code == 422
    assert b"not accepted" in response.content
    assert not TaskSubmission.objects.exists()


def test_scoring_page_refuses_non_assessors_and_other_organisations(
    client: Client, world
) -> None:
    credential, competency = world
    task = factories.task(competency)
    learner = testing.learner()
    submission = evidence.submission_create(
        learner=learner, credential=credential, item=task, text="Plan"
    )
    url = reverse("assessments:submission", args=[submission.pk])
    data = {"criterion-safety": "3", "criterion-communication": "3"}
    for person in (
        testing.coordinator(credential.issuing_organisation),
        testing.assessor(),
        learner,
    ):
        client.force_login(person)
        assert client.post(url, data).status_code == 403
    client.force_login(testing.assessor(credential.issuing_organisation))
    assert client.get(reverse("assessments:queue")).status_code == 200
    assert client.post(url, data).status_code == 303
    submission.refresh_from_db()
    assert submission.level == 3


def test_malformed_import_file_is_refused_and_nothing_is_written(
    client: Client, world
) -> None:
    credential, competency = world
    client.force_login(testing.coordinator(credential.issuing_organisation))
    before = Item.objects.count()
    bad_json = SimpleUploadedFile(
        "items.json", b'{"format": "skillpath-items", "items": [', "application/json"
    )
    response = client.post(reverse("assessments:items_import"), {"file": bad_json})
    assert response.status_code == 422 and b"not valid JSON" in response.content
    rows = (
        "code,competency,kind,status,stem_en,options_en,correct\n"
        f"good-1,{competency.identifier},single_choice,draft,Pick one,a=One|b=Two,a\n"
        f"bad-2,{competency.identifier},single_choice,draft,Pick one,a=One|b=Two,z\n"
    )
    bad_csv = SimpleUploadedFile("items.csv", rows.encode(), "text/csv")
    response = client.post(reverse("assessments:items_import"), {"file": bad_csv})
    assert response.status_code == 422
    assert b"Item 2 (bad-2)" in response.content
    assert Item.objects.count() == before


def test_coordinator_authors_an_item_and_sees_the_preview(
    client: Client, world
) -> None:
    credential, competency = world
    client.force_login(testing.coordinator(credential.issuing_organisation))
    assert client.get(reverse("assessments:bank")).status_code == 200
    new_url = reverse("assessments:item_new") + f"?competency={competency.pk}"
    response = client.post(
        new_url,
        {
            "code": "ecd-order-1",
            "kind": "ordering",
            "stem_en": "Put the handwashing steps in order.",
            "options_en": "wet = Wet hands\nsoap = Apply soap\nrinse = Rinse",
            "correct": "wet\nsoap\nrinse",
        },
    )
    assert response.status_code == 303, response.content
    item = Item.objects.get(code="ecd-order-1")
    assert item.status == ItemStatus.DRAFT and item.answer_key == {
        "order": ["wet", "soap", "rinse"]
    }
    page = client.get(item.get_absolute_url())
    assert b"Preview" in page.content and b"Apply soap" in page.content
    moved = client.post(
        reverse("assessments:item_status", args=[item.pk]), {"status": "pilot"}
    )
    assert moved.status_code == 303
    item.refresh_from_db()
    assert item.status == ItemStatus.PILOT
    # A learner has no business in the bank.
    client.force_login(testing.learner())
    assert client.get(reverse("assessments:bank")).status_code == 403
    assert client.get(item.get_absolute_url()).status_code == 403


def test_export_then_import_csv_round_trip(client: Client, world) -> None:
    credential, competency = world
    client.force_login(testing.coordinator(credential.issuing_organisation))
    exported = client.get(
        reverse("assessments:items_export") + f"?competency={competency.pk}&format=csv"
    )
    assert exported.status_code == 200
    text = exported.content.decode()
    assert text.startswith("code,competency,kind")
    upload = SimpleUploadedFile("items.csv", text.encode(), "text/csv")
    response = client.post(reverse("assessments:items_import"), {"file": upload})
    assert response.status_code == 303, response.content
    exported_json = client.get(reverse("assessments:items_export") + "?format=json")
    assert len(json.loads(exported_json.content)["items"]) == 16


def test_issuing_coordinator_sets_a_time_limit_and_others_cannot(
    client: Client, world
) -> None:
    credential, _ = world
    url = reverse("assessments:policy", args=[credential.pk])
    client.force_login(testing.coordinator())  # another organisation
    assert client.get(url).status_code == 403
    assert (
        client.post(
            url, {"time_limit_minutes": 5, "max_items_per_competency": 8}
        ).status_code
        == 403
    )
    client.force_login(testing.coordinator(credential.issuing_organisation))
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"time_limit_minutes": 30, "max_items_per_competency": 8, "caution": "strict"},
    )
    assert response.status_code == 303
    learner = testing.learner()
    sitting = delivery.assessment_start(learner=learner, credential=credential)
    assert sitting.deadline is not None
    assert sitting.parts.get().max_items == 8
    assert sitting.parts.get().state["settings"]["false_master_cost"] == 4.0


def test_results_list_a_declined_claim_with_feedback_and_no_level(
    client: Client, world
) -> None:
    credential, competency = world
    learner = testing.learner()
    claim = evidence.claim_create(
        learner=learner,
        credential=credential,
        competency=competency,
        description="I ran the safety checks at a day care for a year.",
        link="https://example.org/letter",
    )
    evidence.claim_decide(
        claim=claim,
        assessor=testing.assessor(credential.issuing_organisation),
        accept=False,
        feedback="The letter does not say which checks you ran.",
    )
    client.force_login(learner)
    page = client.get(reverse("assessments:results", args=[credential.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    considered = html[html.index('id="evidence-heading"') :]
    assert "Recognition of prior learning" in considered
    assert "not recognised" in considered
    assert "The letter does not say which checks you ran." in considered
    assert "level 0" not in considered
    table = html[html.index('id="gap-table"') : html.index("</table>")]
    assert "Not assessed yet" in table and "Recognition of prior learning" not in table


def test_results_show_the_chance_the_level_is_reached_even_when_not_yet(
    client: Client, world
) -> None:
    # A cautious policy can answer "not yet" at a 62 % chance: the page shows 62 %,
    # not the 38 % confidence of the "not yet" decision.
    from django.utils import timezone

    from skillpath.assessments.models import PartStatus

    credential, _competency = world
    learner = testing.learner()
    sitting = delivery.assessment_start(learner=learner, credential=credential)
    sitting.parts.update(
        status=PartStatus.DECIDED,
        decision="not_mastered",
        theta=0.1,
        se=0.4,
        p_mastery=0.62,
        demonstrated_level=1,
        decided_at=timezone.now(),
    )
    client.force_login(learner)
    html = client.get(reverse("assessments:results", args=[credential.pk])).content
    page = html.decode()
    table = page[page.index('id="gap-table"') : page.index("</table>")]
    assert "Chance the level is reached" in table
    assert "62 %" in table and "38 %" not in table
    considered = page[page.index('id="evidence-heading"') :]
    assert "chance the level is reached: 0.62" in considered
