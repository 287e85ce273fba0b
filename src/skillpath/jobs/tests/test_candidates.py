"""Candidate search and the candidate page: consent, ranking, verification, invites."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from skillpath.accounts import services as account_services
from skillpath.accounts import testing as accounts_testing
from skillpath.credentials.models import AwardStatus
from skillpath.credentials.services.awards import award_revoke
from skillpath.jobs.models import Invitation, SelfDeclaredSkill
from skillpath.jobs.selectors.candidates import (
    CompetencyLevel,
    candidate_search,
    verified_credential,
)
from skillpath.jobs.services import applications as services
from skillpath.jobs.testing import holder, jobs_world, standings_for

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _partial(world, *, name: str, share: bool = True):
    """Return a seeker who holds the credential's competencies one level short on one."""
    seeker = accounts_testing.learner(share_with_employers=share, name=name)
    for standing in standings_for(world.credential, short_by=1, shortfalls=1):
        if standing.demonstrated_level:
            SelfDeclaredSkill.objects.create(
                seeker=seeker,
                competency_id=standing.competency_id,
                level=standing.demonstrated_level,
            )
    return seeker


def _withdraw_consent(seeker) -> None:
    profile = seeker.learner_profile
    profile.share_with_employers = False
    profile.save(update_fields=["share_with_employers"])


def test_candidate_search_by_posting_ranks_by_score_and_leaves_out_non_consenting() -> (
    None
):
    world = jobs_world()
    holder(world.credential, name="Zoe Strong")
    _partial(world, name="Adam Partly")
    private, _ = holder(world.credential, share=False, name="Paula Private")
    accounts_testing.learner(share_with_employers=True, name="Nadia Nothing")
    results = candidate_search(user=world.employer, posting=world.posting)
    names = [row.seeker.full_name for row in results.rows]
    assert names == ["Zoe Strong", "Adam Partly"]
    scores = [row.match.score for row in results.rows]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[1] > 0
    assert results.rows[0].summary["band"] == "strong"
    assert results.rows[0].match.essential_met == results.rows[0].match.essential_total
    assert len(results.rows[0].parts) == 3
    assert private.full_name not in names


def test_candidate_page_lists_by_score_and_is_paginated() -> None:
    world = jobs_world()
    for number in range(5):
        holder(world.credential, name=f"Holder {number}")
    first = candidate_search(user=world.employer, posting=world.posting, per_page=2)
    third = candidate_search(
        user=world.employer, posting=world.posting, per_page=2, page=3
    )
    assert (first.total, first.pages, len(first.rows)) == (5, 3, 2)
    assert [r.seeker.full_name for r in first.rows] == ["Holder 0", "Holder 1"]
    assert [r.seeker.full_name for r in third.rows] == ["Holder 4"]


def test_competency_search_uses_levels_and_only_consenting_seekers() -> None:
    world = jobs_world()
    strong, _ = holder(world.credential, name="Zoe Strong")
    partly = _partial(world, name="Adam Partly")
    holder(world.credential, share=False, name="Paula Private")
    requirements = list(world.posting.requirements.select_related("competency"))
    rows = [
        CompetencyLevel(competency=r.competency, level=r.required_level)
        for r in requirements
    ]
    results = candidate_search(user=world.employer, rows=rows)
    assert [r.seeker.full_name for r in results.rows] == ["Zoe Strong", "Adam Partly"]
    assert results.rows[0].match.essential_total == len(rows)
    assert results.rows[1].match.essential_met == len(rows) - 1
    page = _client(world.employer).get(
        reverse("jobs:candidates"),
        {
            "competency": [r.competency.pk for r in rows],
            "level": [r.level for r in rows],
        },
    )
    body = page.content.decode()
    assert page.status_code == 200
    assert "Zoe Strong" in body and "Adam Partly" in body
    assert "Paula Private" not in body
    assert f"0 of {len(rows)} essential met" not in body
    assert strong.pk != partly.pk


def test_a_bad_competency_row_is_refused_naming_the_row_and_field() -> None:
    world = jobs_world()
    holder(world.credential, name="Zoe Strong")
    competency = world.posting.requirements.first().competency
    client = _client(world.employer)
    page = client.get(
        reverse("jobs:candidates"), {"competency": [competency.pk], "level": ["99"]}
    )
    body = page.content.decode()
    assert "Row 1, least level" in body
    assert "Zoe Strong" not in body
    unknown = client.get(
        reverse("jobs:candidates"), {"competency": ["999999"], "level": ["1"]}
    )
    assert "Row 1, competency" in unknown.content.decode()


def test_consent_withdrawal_removes_the_seeker_from_every_search_at_once() -> None:
    world = jobs_world()
    seeker, _ = holder(world.credential, name="Zoe Strong")
    client = _client(world.employer)
    url = reverse("jobs:candidates")
    assert (
        "Zoe Strong" in client.get(url, {"posting": world.posting.pk}).content.decode()
    )
    assert client.get(reverse("jobs:candidate", args=[seeker.pk])).status_code == 200
    _withdraw_consent(seeker)
    assert (
        "Zoe Strong"
        not in client.get(url, {"posting": world.posting.pk}).content.decode()
    )
    competency = world.posting.requirements.first().competency
    by_competency = client.get(url, {"competency": [competency.pk], "level": ["1"]})
    assert "Zoe Strong" not in by_competency.content.decode()
    assert client.get(reverse("jobs:candidate", args=[seeker.pk])).status_code == 404


def test_a_seeker_who_applied_without_consent_is_seen_only_through_the_application() -> (
    None
):
    world = jobs_world()
    seeker, award = holder(world.credential, share=False, name="Paula Private")
    application = services.application_create(
        seeker=seeker, posting=world.posting, awards=[award]
    )
    client = _client(world.employer)
    assert client.get(reverse("jobs:candidate", args=[seeker.pk])).status_code == 404
    page = client.get(reverse("jobs:employer_application", args=[application.pk]))
    assert page.status_code == 200
    assert "Paula Private" in page.content.decode()


def test_the_candidate_page_verifies_each_shared_credential_inline() -> None:
    world = jobs_world()
    seeker, award = holder(world.credential, name="Zoe Strong")
    page = _client(world.employer).get(reverse("jobs:candidate", args=[seeker.pk]))
    body = page.content.decode()
    assert page.status_code == 200
    assert "Zoe Strong" in body and world.credential.title in body
    assert "verified-verified" in body and ">Verified<" in body
    assert world.posting.title in body
    assert "Invite to apply" in body


def test_a_revoked_or_tampered_credential_is_shown_as_such() -> None:
    world = jobs_world()
    seeker, award = holder(world.credential)
    assert verified_credential(award).state == "verified"
    award_revoke(award=award, actor=world.coordinator, reason="Issued in error.")
    award.refresh_from_db()
    assert award.status == AwardStatus.REVOKED
    revoked = verified_credential(award)
    assert revoked.state == "revoked" and "Issued in error." in revoked.reason
    # A revoked credential is not issued again without new evidence: tamper with
    # another holder's.
    _, again = holder(world.credential)
    again.document["name"] = "Something else"
    tampered = verified_credential(again)
    assert tampered.state == "not_verified" and "Signature" in tampered.reason


def test_employers_only_and_not_for_learners_or_unapproved_employers() -> None:
    world = jobs_world()
    seeker, _ = holder(world.credential)
    for outsider in (
        accounts_testing.learner(share_with_employers=True),
        accounts_testing.employer(approved=False),
        accounts_testing.coordinator(),
    ):
        client = _client(outsider)
        assert client.get(reverse("jobs:candidates")).status_code == 403
        assert client.get(reverse("jobs:candidate", args=[seeker.pk])).status_code in (
            403,
            404,
        )


def test_another_employer_cannot_search_by_someone_elses_posting() -> None:
    world = jobs_world()
    holder(world.credential, name="Zoe Strong")
    stranger = _client(accounts_testing.employer())
    page = stranger.get(reverse("jobs:candidates"), {"posting": world.posting.pk})
    assert "Zoe Strong" not in page.content.decode()
    assert "valid choice" in page.content.decode()


def test_invite_from_the_search_reaches_consenting_seekers_only_and_once() -> None:
    world = jobs_world()
    seeker, _ = holder(world.credential, name="Zoe Strong")
    client = _client(world.employer)
    url = reverse("jobs:candidate_invite", args=[seeker.pk])
    for _ in range(2):
        response = client.post(url, {"posting": world.posting.pk})
        assert response.status_code == 303
    assert Invitation.objects.filter(seeker=seeker, posting=world.posting).count() == 1
    private, _ = holder(world.credential, share=False)
    refused = client.post(
        reverse("jobs:candidate_invite", args=[private.pk]),
        {"posting": world.posting.pk},
    )
    assert refused.status_code == 404
    assert not Invitation.objects.filter(seeker=private).exists()
    other = accounts_testing.employer()
    assert _client(other).post(url, {"posting": world.posting.pk}).status_code == 404


def test_old_candidates_page_redirects_to_the_search() -> None:
    employer = accounts_testing.employer()
    response = _client(employer).get(reverse("accounts:candidates"))
    assert response.status_code in (301, 302)
    assert response["Location"] == reverse("jobs:candidates")


def test_candidate_search_takes_a_few_queries_whatever_the_number_of_seekers(
    django_assert_max_num_queries,
) -> None:
    world = jobs_world()
    for number in range(12):
        holder(world.credential, name=f"Holder {number:02}")
    for _number in range(5):
        accounts_testing.learner(share_with_employers=True)
    with django_assert_max_num_queries(12):
        results = candidate_search(user=world.employer, posting=world.posting)
    assert results.total == 12
    client = _client(world.employer)
    with django_assert_max_num_queries(30):
        page = client.get(reverse("jobs:candidates"), {"posting": world.posting.pk})
    assert page.content.decode().count('class="card candidate"') == 12


# The API


def _bearer(user) -> dict[str, str]:
    _token, key = account_services.token_create(user=user, name="t")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_api_candidate_search_ranks_consenting_seekers_only() -> None:
    world = jobs_world()
    holder(world.credential, name="Zoe Strong")
    _partial(world, name="Adam Partly")
    holder(world.credential, share=False, name="Paula Private")
    headers = _bearer(world.employer)
    found = Client().get(
        "/api/v1/employer/candidates", {"posting": world.posting.pk}, **headers
    )
    assert found.status_code == 200
    body = found.json()
    assert [r["seeker"]["name"] for r in body["results"]] == [
        "Zoe Strong",
        "Adam Partly",
    ]
    first = body["results"][0]
    assert first["band"] == "strong"
    assert abs(sum(p["contribution"] for p in first["parts"]) - first["score"]) < 1e-9
    competencies = list(
        world.posting.requirements.values_list("competency_id", "required_level")
    )
    query = "&".join(f"competency={c}&level={lv}" for c, lv in competencies)
    by_competency = Client().get(f"/api/v1/employer/candidates?{query}", **headers)
    names = [r["seeker"]["name"] for r in by_competency.json()["results"]]
    assert names == ["Zoe Strong", "Adam Partly"]


def test_api_bad_search_names_the_field_with_422() -> None:
    world = jobs_world()
    competency = world.posting.requirements.first().competency_id
    response = Client().get(
        f"/api/v1/employer/candidates?competency={competency}&level=99",
        **_bearer(world.employer),
    )
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "level[1]"
    empty = Client().get("/api/v1/employer/candidates", **_bearer(world.employer))
    assert empty.status_code == 422


def test_api_candidate_detail_verifies_credentials_and_hides_non_consenting() -> None:
    world = jobs_world()
    seeker, award = holder(world.credential, name="Zoe Strong")
    private, _ = holder(world.credential, share=False)
    headers = _bearer(world.employer)
    detail = Client().get(f"/api/v1/employer/candidates/{seeker.pk}", **headers)
    assert detail.status_code == 200
    body = detail.json()
    assert body["credentials"][0]["state"] == "verified"
    assert body["credentials"][0]["award"] == str(award.public_id)
    assert body["postings"][0]["posting"] == world.posting.pk
    assert body["postings"][0]["band"] == "strong"
    hidden = Client().get(f"/api/v1/employer/candidates/{private.pk}", **headers)
    assert hidden.status_code == 404
    _withdraw_consent(seeker)
    gone = Client().get(f"/api/v1/employer/candidates/{seeker.pk}", **headers)
    assert gone.status_code == 404
    listed = Client().get(
        "/api/v1/employer/candidates", {"posting": world.posting.pk}, **headers
    )
    assert listed.json()["results"] == []


def test_api_invitations_only_to_consenting_seekers_and_only_own_postings() -> None:
    world = jobs_world()
    seeker, _ = holder(world.credential)
    private, _ = holder(world.credential, share=False)
    headers = _bearer(world.employer)
    url = f"/api/v1/employer/candidates/{seeker.pk}/invitations"
    payload = {"posting": world.posting.pk, "message": "Please apply"}
    for _ in range(2):
        made = Client().post(url, payload, content_type="application/json", **headers)
        assert made.status_code == 201
    assert Invitation.objects.filter(seeker=seeker).count() == 1
    refused = Client().post(
        f"/api/v1/employer/candidates/{private.pk}/invitations",
        payload,
        content_type="application/json",
        **headers,
    )
    assert refused.status_code == 404
    stranger = _bearer(accounts_testing.employer())
    foreign = Client().post(url, payload, content_type="application/json", **stranger)
    assert foreign.status_code == 404
    assert not Invitation.objects.filter(seeker=private).exists()


def test_api_tokens_of_learners_and_other_employers_get_no_candidates() -> None:
    world = jobs_world()
    seeker, _ = holder(world.credential, name="Zoe Strong")
    learner = _bearer(seeker)
    for url in (
        f"/api/v1/employer/candidates?posting={world.posting.pk}",
        f"/api/v1/employer/candidates/{seeker.pk}",
    ):
        response = Client().get(url, **learner)
        assert response.status_code == 403
        assert "Zoe Strong" not in response.content.decode()
    stranger = _bearer(accounts_testing.employer())
    response = Client().get(
        f"/api/v1/employer/candidates?posting={world.posting.pk}", **stranger
    )
    assert response.status_code == 404
    assert "Zoe Strong" not in response.content.decode()


def test_htmx_asks_the_same_url_for_the_result_list_only() -> None:
    world = jobs_world()
    holder(world.credential, name="Zoe Strong")
    fragment = _client(world.employer).get(
        reverse("jobs:candidates"),
        {"posting": world.posting.pk},
        HTTP_HX_REQUEST="true",
    )
    body = fragment.content.decode()
    assert body.lstrip().startswith('<section id="candidate-results"')
    assert "<html" not in body and "Zoe Strong" in body


def test_nobody_with_evidence_gives_an_empty_search_not_an_error() -> None:
    world = jobs_world()
    empty = candidate_search(user=world.employer, posting=world.posting)
    assert (empty.total, empty.rows, empty.pages) == (0, [], 1)
    accounts_testing.learner(share_with_employers=True, name="Nadia Nothing")
    nobody = candidate_search(user=world.employer, posting=world.posting, page=4)
    assert (nobody.total, nobody.rows, nobody.page) == (0, [], 1)
    page = _client(world.employer).get(
        reverse("jobs:candidates"), {"posting": world.posting.pk}
    )
    assert "Nobody who shares their profile" in page.content.decode()
