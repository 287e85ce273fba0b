"""The frameworks pages: browse, search, import, export, build a profile, review it."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from skillpath.accounts import testing
from skillpath.common.models import ImportJob, ImportStatus
from skillpath.frameworks import services
from skillpath.frameworks import testing as factories
from skillpath.frameworks.models import (
    Framework,
    ReviewComment,
    ReviewState,
    Task,
    TaskCompetency,
    VersionState,
)
from skillpath.frameworks.tests.support import DATA

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


@pytest.mark.parametrize(
    "url",
    [
        "frameworks:list",
        "frameworks:profiles",
        "frameworks:reviews",
        "frameworks:import",
    ],
)
def test_anonymous_people_are_sent_to_sign_in(client: Client, url: str) -> None:
    response = client.get(reverse(url))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_learners_cannot_browse_frameworks() -> None:
    response = _client(testing.learner()).get(reverse("frameworks:list"))
    assert response.status_code == 403


def test_coordinator_browses_searches_and_expands_a_framework() -> None:
    college = testing.organisation()
    coordinator = testing.coordinator(college)
    framework = services.framework_import(
        path=DATA / "ece_assistant_case.json",
        source_format="case",
        imported_by=coordinator,
        owner=college,
    )
    client = _client(coordinator)
    listing = client.get(reverse("frameworks:list"), {"q": "early childhood"})
    assert "Early Childhood Educator Assistant Competencies" in listing.content.decode()
    page = client.get(framework.get_absolute_url()).content.decode()
    assert "Support child development and learning" in page and "Independent" in page
    found = client.get(framework.get_absolute_url(), {"q": "infection"}, **HTMX)
    assert "Apply infection prevention" in found.content.decode()
    assert "<html" not in found.content.decode()
    domain = framework.competencies.get(code="ECEA.1")
    children = client.get(domain.get_absolute_url(), **HTMX).content.decode()
    assert "Observe and document" in children and "<html" not in children
    french = client.get(
        framework.get_absolute_url(), headers={"accept-language": "fr"}
    ).content.decode()
    assert "Soutenir le développement" in french


def test_only_coordinators_of_the_owner_edit_a_framework() -> None:
    college = testing.organisation()
    framework = factories.framework(owner=college)
    outsider = _client(testing.coordinator())
    assert (
        outsider.get(reverse("frameworks:edit", args=[framework.pk])).status_code == 403
    )
    owner = _client(testing.coordinator(college))
    response = owner.post(
        reverse("frameworks:edit", args=[framework.pk]),
        {
            "title": "Renamed",
            "version": "2",
            "publisher": "",
            "language": "en",
            "description": "",
        },
    )
    assert response.status_code == 303
    framework.refresh_from_db()
    assert framework.title == "Renamed"


def test_a_coordinator_edits_the_scale_and_adds_a_competency() -> None:
    college = testing.organisation()
    framework = factories.framework(owner=college, competencies=1)
    client = _client(testing.coordinator(college))
    response = client.post(
        reverse("frameworks:scale", args=[framework.pk]),
        {
            "level": "2",
            "level-2-label_en": "Working",
            "level-2-label_fr": "Fonctionnel",
            "level-2-descriptor_en": "Does routine tasks alone.",
            "level-2-descriptor_fr": "",
        },
    )
    assert response.status_code == 303
    assert (
        framework.scale.levels.get(level=2).descriptor_en == "Does routine tasks alone."
    )
    response = client.post(
        reverse("frameworks:competency_create", args=[framework.pk]),
        {
            "title_en": "Read a bill of lading",
            "title_fr": "",
            "kind": "knowledge",
            "code": "L1",
        },
    )
    assert response.status_code == 303
    assert framework.competencies.filter(code="L1", kind="knowledge").exists()


def test_the_upload_page_imports_a_case_package_in_the_background(
    django_capture_on_commit_callbacks: Any,
) -> None:
    college = testing.organisation()
    client = _client(testing.coordinator(college))
    upload = SimpleUploadedFile(
        "ece.json", (DATA / "ece_assistant_case.json").read_bytes(), "application/json"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("frameworks:import"),
            {"source_format": "case", "upload": [upload], "owner": college.pk},
        )
    assert response.status_code == 303
    job = ImportJob.objects.get()
    assert response["Location"] == reverse("web:import_job", args=[job.public_id])
    framework = Framework.objects.get()
    assert framework.owner == college and framework.competencies.count() == 13
    page = client.get(response["Location"]).content.decode()
    assert "is imported: 13 competencies" in page
    assert framework.get_absolute_url() in page
    assert 'hx-trigger="every 1s"' not in page  # finished: the page stops asking


def test_the_upload_page_imports_several_esco_files_at_once(
    django_capture_on_commit_callbacks: Any,
) -> None:
    college = testing.organisation()
    client = _client(testing.coordinator(college))
    folder = DATA / "esco_folder"
    uploads = [
        SimpleUploadedFile(path.name, path.read_bytes(), "text/csv")
        for path in sorted(folder.iterdir())
    ]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("frameworks:import"),
            {"source_format": "esco", "upload": uploads, "owner": college.pk},
            **HTMX,
        )
    assert response.status_code == 204 and response["HX-Redirect"]
    framework = Framework.objects.get()
    assert framework.occupations.count() == 4
    assert ImportJob.objects.get().status == ImportStatus.DONE


def test_a_bad_upload_is_refused_with_the_file_record_and_rule(
    django_capture_on_commit_callbacks: Any,
) -> None:
    college = testing.organisation()
    client = _client(testing.coordinator(college))
    upload = SimpleUploadedFile(
        "broken.json", b'{"CFDocument": {}}', "application/json"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("frameworks:import"),
            {"source_format": "case", "upload": [upload], "owner": college.pk},
        )
    assert response.status_code == 303
    page = client.get(response["Location"]).content.decode()
    assert (
        "broken.json, CFDocument: the required field “identifier” is missing." in page
    )
    assert "nothing was saved" in page
    assert not Framework.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        htmx = client.post(
            reverse("frameworks:import"),
            {
                "source_format": "case",
                "upload": [
                    SimpleUploadedFile("broken.json", b"nope", "application/json")
                ],
                "owner": college.pk,
            },
            **HTMX,
        )
    fragment = client.get(htmx["HX-Redirect"], **HTMX).content.decode()
    assert fragment.startswith('<div id="import-job"') and "not JSON" in fragment


def test_only_the_person_who_imported_sees_the_import(
    django_capture_on_commit_callbacks: Any,
) -> None:
    college = testing.organisation()
    client = _client(testing.coordinator(college))
    upload = SimpleUploadedFile(
        "ece.json", (DATA / "ece_assistant_case.json").read_bytes(), "application/json"
    )
    response = client.post(
        reverse("frameworks:import"),
        {"source_format": "case", "upload": [upload], "owner": college.pk},
    )
    assert (
        _client(testing.coordinator(college)).get(response["Location"]).status_code
        == 404
    )
    waiting = client.get(response["Location"]).content.decode()
    assert 'hx-trigger="every 1s"' in waiting and "<progress" in waiting


def test_the_export_downloads_a_case_package() -> None:
    framework = services.framework_import(
        path=DATA / "SequenceNumberFramework.json",
        source_format="case",
        imported_by=None,
    )
    response = _client(testing.coordinator()).get(
        reverse("frameworks:export", args=[framework.pk])
    )
    assert response["Content-Disposition"].startswith("attachment;")
    package = json.loads(response.content)
    assert package["CFDocument"]["identifier"] == framework.identifier


def _change(client: Client, version: object, **data: object) -> object:
    url = reverse(
        "frameworks:version_change", args=[version.profile_id, version.number]
    )  # type: ignore[attr-defined]
    return client.post(url, data, **HTMX)


def test_the_builder_answers_htmx_with_a_location_and_a_chart_fragment() -> None:
    world = factories.profile_world()
    client = _client(world.coordinator)
    version = world.version
    response = _change(client, version, op="duty_add", title_en="Keep children safe")
    assert response.status_code == 200
    location = json.loads(response["HX-Location"])
    assert (
        location["target"] == "#chart"
        and location["path"] == version.get_absolute_url()
    )
    fragment = client.get(
        version.get_absolute_url(), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="chart"
    ).content.decode()
    assert "B. Keep children safe" in fragment and "<html" not in fragment
    assert "Duty B is added." in fragment
    duty = version.duties.get(title_en="Keep children safe")
    _change(
        client,
        version,
        op="task_add",
        duty=duty.pk,
        title_en="Check the room",
        open=f"add-task-{duty.pk}",
    )
    task = Task.objects.get(title_en="Check the room")
    response = _change(
        client,
        version,
        op="task_add",
        duty=duty.pk,
        parent=task.pk,
        title_en="Look for hazards",
    )
    competency = world.framework.competencies.first()
    response = _change(
        client,
        version,
        op="need_add",
        task=task.pk,
        **{f"competency-{task.pk}": competency.pk},
        required_level=3,
        importance=5,
        open=f"add-need-{task.pk}",
    )
    assert json.loads(response["HX-Location"])["path"].endswith(
        f"?open=add-need-{task.pk}"
    )
    assert TaskCompetency.objects.get(task=task).required_level == 3
    _change(client, version, op="duty_move", duty=duty.pk, direction="up")
    duty.refresh_from_db()
    assert duty.position == 1
    page = client.get(version.get_absolute_url()).content.decode()
    assert "A. Keep children safe" in page and "A-1.1" in page


def test_the_builder_works_without_javascript_and_shows_errors() -> None:
    world = factories.profile_world()
    client = _client(world.coordinator)
    url = reverse("frameworks:version_change", args=[world.profile.pk, 1])
    response = client.post(url, {"op": "duty_add", "title_en": ""})
    assert response.status_code == 303
    page = client.get(response["Location"]).content.decode()
    assert "Give the duty a title in English." in page


def test_outsiders_cannot_change_or_see_a_profile() -> None:
    world = factories.profile_world()
    url = reverse("frameworks:version_change", args=[world.profile.pk, 1])
    outsider = _client(testing.coordinator())
    assert outsider.post(url, {"op": "duty_add", "title_en": "x"}).status_code == 404
    employer = _client(world.employer)
    assert employer.get(world.version.get_absolute_url()).status_code == 404
    assert world.version.duties.count() == 1


def test_a_published_version_refuses_changes_with_a_message() -> None:
    world = factories.endorsed_world()
    services.version_publish(version=world.version, published_by=world.coordinator)
    client = _client(world.coordinator)
    response = _change(client, world.version, op="duty_add", title_en="x")
    fragment = client.get(
        json.loads(response["HX-Location"])["path"],
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="chart",
    ).content.decode()
    assert "Start a new draft" in fragment
    assert world.version.duties.count() == 1


def test_submit_then_employer_reviews_and_endorses_through_the_pages() -> None:
    world = factories.profile_world()
    coordinator = _client(world.coordinator)
    response = coordinator.post(
        reverse("frameworks:version_submit", args=[world.profile.pk, 1]),
        {"reviewers": [world.employer_org.pk], "note": "Please check the tasks."},
    )
    assert response.status_code == 303
    review = world.version.reviews.get()
    employer = _client(world.employer)
    listing = employer.get(reverse("frameworks:reviews")).content.decode()
    assert "Early childhood educator assistant v1" in listing
    assert employer.get(world.version.get_absolute_url()).status_code == 200
    need = world.needs[0]
    url = review.get_absolute_url()
    employer.post(
        url,
        {
            "op": "comment",
            "kind": "proposal",
            "text": "Add allergies.",
            "target": f"need-{need.pk}",
        },
    )
    employer.post(url, {"op": "rate", "need": need.pk, "importance": "5"})
    response = employer.post(
        url, {"op": "decide", "decision": "endorse", "summary": ""}
    )
    assert response.status_code == 303
    review.refresh_from_db()
    assert review.state == ReviewState.ENDORSED
    assert ReviewComment.objects.get().task_competency == need
    page = coordinator.get(world.version.get_absolute_url()).content.decode()
    assert "Add allergies." in page and "endorsed the version" in page
    assert "5.0" in page  # the employers' rating


def test_an_employer_not_invited_cannot_open_the_review() -> None:
    world, review = factories.submitted_world()
    stranger = _client(testing.employer())
    assert stranger.get(review.get_absolute_url()).status_code == 404
    assert (
        stranger.post(
            review.get_absolute_url(), {"op": "decide", "decision": "endorse"}
        ).status_code
        == 404
    )


def test_the_coordinator_publishes_and_starts_a_new_draft() -> None:
    world = factories.endorsed_world()
    client = _client(world.coordinator)
    url = reverse("frameworks:version_state", args=[world.profile.pk, 1])
    assert client.post(url, {"action": "publish"}).status_code == 303
    world.version.refresh_from_db()
    assert world.version.state == VersionState.PUBLISHED
    response = client.post(url, {"action": "draft"})
    assert response["Location"] == reverse(
        "frameworks:version", args=[world.profile.pk, 2]
    )


def test_a_profile_is_created_from_the_demand_dashboard_link() -> None:
    college = testing.organisation()
    client = _client(testing.coordinator(college))
    form = client.get(
        reverse("frameworks:profile_create"), {"noc": "14400", "title": "Shipper"}
    )
    assert 'value="14400"' in form.content.decode()
    response = client.post(
        reverse("frameworks:profile_create"),
        {
            "owner": college.pk,
            "title_en": "Shipper",
            "noc_code": "14400",
            "region": "MB",
        },
    )
    assert response.status_code == 303 and response["Location"].endswith("/v1/")
    bad = client.post(
        reverse("frameworks:profile_create"),
        {"owner": college.pk, "title_en": "Shipper", "noc_code": "144"},
    )
    assert "A NOC 2021 code has five digits." in bad.content.decode()


def test_coordinators_elsewhere_read_published_profiles_but_cannot_edit_them() -> None:
    world = factories.endorsed_world()
    services.version_publish(version=world.version, published_by=world.coordinator)
    outsider = _client(testing.coordinator())
    assert outsider.get(world.version.get_absolute_url()).status_code == 200
    assert (
        outsider.get(
            reverse("frameworks:profile_edit", args=[world.profile.pk])
        ).status_code
        == 403
    )
    state_url = reverse("frameworks:version_state", args=[world.profile.pk, 1])
    assert outsider.post(state_url, {"action": "draft"}).status_code == 403
    change_url = reverse("frameworks:version_change", args=[world.profile.pk, 1])
    assert (
        outsider.post(change_url, {"op": "duty_add", "title_en": "x"}).status_code
        == 403
    )
    assert world.profile.versions.count() == 1


def test_an_invited_employer_reads_only_the_versions_they_review() -> None:
    world = factories.endorsed_world()
    employer = _client(world.employer)
    assert employer.get(world.version.get_absolute_url()).status_code == 200
    draft = services.version_draft_start(
        version=world.version, started_by=world.coordinator
    )
    assert employer.get(draft.get_absolute_url()).status_code == 404
    other = factories.profile_world()
    listing = employer.get(reverse("frameworks:profiles")).content.decode()
    assert world.profile.get_absolute_url() in listing
    assert other.profile.get_absolute_url() not in listing
    assert employer.get(other.version.get_absolute_url()).status_code == 404
