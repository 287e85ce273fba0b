"""Applications: once, closed postings refuse, the pipeline, hires fill postings."""

from __future__ import annotations

import pytest
from django.core import mail

from skillpath.accounts import testing as accounts_testing
from skillpath.jobs.exceptions import InvalidApplication, NotAllowed, PostingState
from skillpath.jobs.models import (
    Application,
    ApplicationStatus,
    MatchAlert,
    PostingStatus,
)
from skillpath.jobs.selectors.matching import posting_match, seeker_evidence
from skillpath.jobs.services import applications as services
from skillpath.jobs.services import postings as posting_services
from skillpath.jobs.testing import holder, jobs_world, posting_fields

pytestmark = pytest.mark.django_db


def test_a_holder_matches_strongly_from_their_credential() -> None:
    world = jobs_world()
    seeker, _award = holder(world.credential)
    result = posting_match(posting=world.posting, evidence=seeker_evidence(seeker))
    assert result.band == "strong"
    assert {part.source for part in result.parts} == {"credential"}
    newcomer = accounts_testing.learner()
    nothing = posting_match(posting=world.posting, evidence=seeker_evidence(newcomer))
    assert nothing.band == "weak" and nothing.score == 0


def test_applying_twice_makes_one_application_with_the_credentials_attached() -> None:
    world = jobs_world()
    seeker, award = holder(world.credential)
    first = services.application_create(
        seeker=seeker, posting=world.posting, message="Hi", awards=[award]
    )
    second = services.application_create(seeker=seeker, posting=world.posting)
    assert first.pk == second.pk
    assert Application.objects.filter(seeker=seeker).count() == 1
    assert list(first.credentials.all()) == [award]
    assert first.band == "strong"


def test_a_seeker_cannot_attach_someone_elses_credential() -> None:
    world = jobs_world()
    seeker, _ = holder(world.credential)
    _other, other_award = holder(world.credential)
    with pytest.raises(InvalidApplication):
        services.application_create(
            seeker=seeker, posting=world.posting, awards=[other_award]
        )
    assert not Application.objects.exists()


def test_a_closed_posting_refuses_applications_with_a_clear_message() -> None:
    world = jobs_world()
    posting_services.posting_close(
        posting=world.posting, closed_by=world.employer, status=PostingStatus.CLOSED
    )
    world.posting.refresh_from_db()
    seeker, _ = holder(world.credential)
    with pytest.raises(PostingState, match="closed on"):
        services.application_create(seeker=seeker, posting=world.posting)
    assert not Application.objects.exists()


def test_the_pipeline_moves_forward_and_a_hire_fills_the_last_opening() -> None:
    world = jobs_world()
    posting_services.posting_update(
        posting=world.posting, changed_by=world.employer, openings=1
    )
    seeker, _ = holder(world.credential)
    application = services.application_create(seeker=seeker, posting=world.posting)
    mail.outbox.clear()
    for status in ("screened", "interview", "offer"):
        application = services.application_move(
            application=application, moved_by=world.employer, to_status=status
        )
    with pytest.raises(InvalidApplication):
        services.application_move(
            application=application, moved_by=world.employer, to_status="screened"
        )
    hired = services.application_move(
        application=application,
        moved_by=world.employer,
        to_status=ApplicationStatus.HIRED,
        note="Starts Monday",
    )
    assert hired.status == ApplicationStatus.HIRED
    assert [e.to_status for e in hired.events.all()] == [
        "applied",
        "screened",
        "interview",
        "offer",
        "hired",
    ]
    world.posting.refresh_from_db()
    assert world.posting.status == PostingStatus.FILLED


def test_only_the_posting_employer_moves_applications() -> None:
    world = jobs_world()
    seeker, _ = holder(world.credential)
    application = services.application_create(seeker=seeker, posting=world.posting)
    with pytest.raises(NotAllowed):
        services.application_move(
            application=application,
            moved_by=accounts_testing.employer(),
            to_status="screened",
        )


def test_withdrawn_application_can_be_made_again() -> None:
    world = jobs_world()
    seeker, _ = holder(world.credential)
    application = services.application_create(seeker=seeker, posting=world.posting)
    services.application_withdraw(application=application, seeker=seeker)
    again = services.application_create(seeker=seeker, posting=world.posting)
    assert again.pk == application.pk and again.status == ApplicationStatus.APPLIED


def test_invitations_need_consent() -> None:
    world = jobs_world()
    private, _ = holder(world.credential, share=False)
    with pytest.raises(NotAllowed):
        services.invitation_create(
            posting=world.posting, seeker=private, invited_by=world.employer
        )
    shared, _ = holder(world.credential)
    first = services.invitation_create(
        posting=world.posting, seeker=shared, invited_by=world.employer
    )
    again = services.invitation_create(
        posting=world.posting, seeker=shared, invited_by=world.employer
    )
    assert first.pk == again.pk


def test_opening_a_posting_alerts_strong_matches_once_and_mails_those_who_asked(
    django_capture_on_commit_callbacks,
) -> None:
    world = jobs_world()
    seeker, _ = holder(world.credential)
    profile = seeker.learner_profile
    profile.job_alerts_by_email = True
    profile.save()
    weak = accounts_testing.learner()
    with django_capture_on_commit_callbacks(execute=True):
        second = posting_services.posting_create(
            employer=world.employer_org,
            created_by=world.employer,
            profile_version=world.credential.profile_version,
            **posting_fields(city="Edmonton"),
        )
        posting_services.posting_open(posting=second, opened_by=world.employer)
    alerts = MatchAlert.objects.filter(posting=second)
    assert [a.seeker for a in alerts] == [seeker]
    assert not MatchAlert.objects.filter(seeker=weak).exists()
    assert any(seeker.email in m.to for m in mail.outbox)
