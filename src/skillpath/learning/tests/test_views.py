"""Pages and API of learning: who sees and changes what, and what they see."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from skillpath.accounts import testing
from skillpath.credentials.testing import micro_credential
from skillpath.learning.models import ItemStatus, Module, PlanItem
from skillpath.learning.services import plans
from skillpath.learning.tests import helpers as h

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    from skillpath.assessments import selectors as assessment_selectors

    comp, other = h.competency("Child safety"), h.competency("Talking to parents")
    cred = micro_credential(levels=(), full_program_hours=200)
    org = h.provider()
    offered = h.module(teaches={comp: 2}, provider_org=org, title_en="Safe play")
    talk = h.module(teaches={other: 2}, provider_org=org, title_en="Parent talks")
    hidden = h.module(teaches={comp: 2}, approved=False, title_en="Secret draft")
    learner = testing.learner()
    standings = {learner.pk: [h.standing(comp, 2), h.standing(other, 2)]}
    monkeypatch.setattr(
        assessment_selectors,
        "competency_standings",
        lambda *, learner, credential: standings.get(learner.pk, []),
    )
    plan = plans.plan_refresh(learner=learner, credential=cred)
    return {
        "comp": comp,
        "cred": cred,
        "org": org,
        "offered": offered,
        "talk": talk,
        "hidden": hidden,
        "learner": learner,
        "plan": plan,
        "standings": standings,
    }


def test_catalogue_shows_reviewed_modules_only(client: Client, world) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/learning/modules/").content.decode()
    assert "Safe play" in page and "Secret draft" not in page
    assert client.get(f"/learning/modules/{world['hidden'].pk}/").status_code == 404
    fragment = client.get(
        "/learning/modules/?q=play", headers={"hx-request": "true"}
    ).content.decode()
    assert "Safe play" in fragment and "Parent talks" not in fragment
    assert "<html" not in fragment


def test_catalogue_lists_modules_in_a_fixed_number_of_queries(
    client: Client, world, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    for _ in range(15):
        h.module(teaches={world["comp"]: 1})
    with django_assert_max_num_queries(12):
        client.get("/learning/modules/")


def test_learner_sees_plan_with_reasons_progress_and_hours_saved(
    client: Client, world
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world["learner"])
    page = client.get(world["plan"].get_absolute_url()).content.decode()
    assert "raises Child safety from level 0 to 2" in page
    assert '<progress id="plan-progress"' in page
    assert "180 hours saved" in page
    assert 'aria-current="step"' in page


def test_another_learner_can_neither_see_nor_change_the_plan(
    client: Client, world
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(testing.learner())
    item = world["plan"].items.first()
    assert client.get(world["plan"].get_absolute_url()).status_code == 404
    assert client.post(f"/learning/items/{item.pk}/complete/").status_code == 404
    assert (
        client.post(f"/learning/plans/{world['plan'].pk}/settings/").status_code == 404
    )
    item.refresh_from_db()
    assert item.status == ItemStatus.PLANNED


def test_learner_completes_a_module_and_is_invited_to_reassess(
    client: Client, world
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world["learner"])
    item = world["plan"].items.get(module=world["offered"])
    response = client.post(f"/learning/items/{item.pk}/complete/")
    assert response.status_code == 303
    page = client.get(world["plan"].get_absolute_url()).content.decode()
    assert "Re-assess this competency" in page
    assert "Child safety" in page


def test_coordinator_of_the_learners_college_follows_but_cannot_change(
    client: Client, world
) -> None:  # type: ignore[no-untyped-def]
    from skillpath.accounts.models import LearnerProfile

    college = testing.organisation()
    LearnerProfile.objects.filter(user=world["learner"]).update(
        home_organisation=college
    )
    client.force_login(testing.coordinator(college))
    assert client.get(world["plan"].get_absolute_url()).status_code == 200
    item = world["plan"].items.first()
    assert client.post(f"/learning/items/{item.pk}/complete/").status_code == 403


def test_settings_that_block_a_gap_show_the_planners_explanation(
    client: Client, world
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world["learner"])
    response = client.post(
        f"/learning/plans/{world['plan'].pk}/settings/",
        {"objective": "hours", "languages": ["fr"], "max_cost": "", "region": ""},
    )
    assert response.status_code == 303
    page = client.get(world["plan"].get_absolute_url()).content.decode()
    assert "allow other languages" in page


def test_import_of_a_bad_file_is_refused_on_the_page(client: Client, world) -> None:  # type: ignore[no-untyped-def]
    client.force_login(h.provider_staff(world["org"]))
    before = Module.objects.count()
    response = client.post(
        "/learning/provider/import/",
        {
            "provider": world["org"].pk,
            "file": SimpleUploadedFile("m.csv", b"code,title_en\nx,y\n"),
        },
    )
    assert response.status_code == 422
    assert "Row 1: missing columns" in response.content.decode()
    assert Module.objects.count() == before


def test_provider_pages_are_for_providers(client: Client, world) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world["learner"])
    assert client.get("/learning/provider/").status_code == 403
    client.force_login(h.provider_staff(world["org"]))
    page = client.get("/learning/provider/").content.decode()
    assert "Safe play" in page
    export = client.get("/learning/provider/modules.csv")
    assert export["content-type"].startswith("text/csv")


def test_coordinator_reviews_a_module_and_it_is_offered(client: Client, world) -> None:  # type: ignore[no-untyped-def]
    client.force_login(testing.coordinator())
    assert "Secret draft" in client.get("/learning/review/").content.decode()
    response = client.post(
        f"/learning/modules/{world['hidden'].pk}/review/", {"decision": "approve"}
    )
    assert response.status_code == 303
    assert "Secret draft" in client.get("/learning/modules/").content.decode()


def test_report_shows_stages_and_gaps_as_svg_and_table(client: Client, world) -> None:  # type: ignore[no-untyped-def]
    client.force_login(testing.coordinator())
    page = client.get(f"/learning/reports/{world['cred'].slug}/").content.decode()
    assert '<svg class="chart" role="img"' in page
    assert "Child safety" in page and "<table>" in page


def test_api_provider_records_completions_only_for_its_own_modules(
    client: Client, world
) -> None:  # type: ignore[no-untyped-def]
    body = {"module_id": world["offered"].pk, "learner_email": world["learner"].email}
    client.force_login(h.provider_staff(h.provider()))
    refused = client.post(
        "/api/v1/learning/completions",
        json.dumps(body),
        content_type="application/json",
    )
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "forbidden"
    client.force_login(h.provider_staff(world["org"]))
    for _ in range(2):
        done = client.post(
            "/api/v1/learning/completions",
            json.dumps(body),
            content_type="application/json",
        )
        assert done.status_code == 200
    assert PlanItem.objects.filter(status=ItemStatus.COMPLETED).count() == 1


def test_api_catalogue_and_plan(client: Client, world) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world["learner"])
    modules = client.get("/api/v1/learning/modules").json()["items"]
    assert {m["title_en"] for m in modules} == {"Safe play", "Parent talks"}
    plan = client.get(f"/api/v1/learning/plans/{world['plan'].pk}").json()
    assert plan["stage"] == "learn" and float(plan["hours_saved"]) == 180
    item = plan["items"][0]["id"]
    url = f"/api/v1/learning/plans/{world['plan'].pk}/items/{item}/complete"
    assert client.post(url).json()["status"] == "completed"
    client.force_login(testing.learner())
    assert client.post(url).status_code == 404


def test_catalogue_filters_by_credential(client: Client, world) -> None:  # type: ignore[no-untyped-def]
    h.require(world["cred"], world["comp"], 2)
    page = client.get(f"/learning/modules/?credential={world['cred'].slug}")
    text = page.content.decode()
    assert "Safe play" in text and "Parent talks" not in text


def test_coordinator_confirms_proof_from_the_learners_plan(
    client: Client, world
) -> None:  # type: ignore[no-untyped-def]
    from skillpath.accounts.models import LearnerProfile
    from skillpath.learning.services import progress

    module = h.module(
        teaches={h.competency(): 1}, provider_org=world["org"], asks_for_proof=True
    )
    item = PlanItem.objects.create(plan=world["plan"], module=module, position=9)
    progress.proof_submit(
        item=item, submitted_by=world["learner"], url="https://example.org/c.pdf"
    )
    college = testing.organisation()
    LearnerProfile.objects.filter(user=world["learner"]).update(
        home_organisation=college
    )
    client.force_login(testing.coordinator(college))
    page = client.get(world["plan"].get_absolute_url()).content.decode()
    assert "Confirm completion" in page
    response = client.post(
        f"/learning/items/{item.pk}/proof/decide/",
        {"decision": "confirm", "next": world["plan"].get_absolute_url()},
    )
    assert response.status_code == 303
    assert response["location"] == world["plan"].get_absolute_url()
    item.refresh_from_db()
    assert item.status == ItemStatus.COMPLETED


def test_learning_home_lists_credentials_in_progress(client: Client, world) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world["learner"])
    page = client.get("/learning/").content.decode()
    assert world["cred"].title_en in page
    assert '<progress id="progress-' in page


def test_plan_and_catalogue_render_in_french(client: Client, world) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world["learner"])
    for url in (world["plan"].get_absolute_url(), "/learning/modules/"):
        response = client.get(url, headers={"accept-language": "fr"})
        assert response.status_code == 200
        assert '<html lang="fr">' in response.content.decode()
    page = client.get("/learning/modules/", headers={"accept-language": "fr"})
    assert "Module " in page.content.decode()  # titles in French where given


def test_report_hides_counts_below_ten_and_what_gives_them_away(
    client: Client, world
) -> None:  # type: ignore[no-untyped-def]
    from skillpath.learning.reports import credential_report

    report = credential_report(world["cred"])
    assert report.learners == 1 and report.learners_hidden
    small = [bar for bar in report.stages if bar.value]
    assert small and all(bar.hidden for bar in small)
    assert all(not bar.hidden for bar in report.stages if not bar.value)
    assert report.common_gaps and all(bar.hidden for bar in report.common_gaps)
    client.force_login(testing.coordinator())
    page = client.get(f"/learning/reports/{world['cred'].slug}/").content.decode()
    assert "fewer than 10" in page
    assert "<td>1</td>" not in page and '<span class="big-number">1<' not in page
