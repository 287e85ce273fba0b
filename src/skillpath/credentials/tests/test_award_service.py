"""Awarding: only when every competency is shown, exactly once, with its evidence."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from django.db import OperationalError, connection
from django.utils import translation

from skillpath.accounts import testing
from skillpath.assessments.services.standings import standings_announce
from skillpath.common import cycle
from skillpath.common.models import AuditEvent
from skillpath.credentials.exceptions import AlreadyAwarded, NotAllDemonstrated
from skillpath.credentials.models import Award, AwardStatus
from skillpath.credentials.services import awards
from skillpath.credentials.services.awards import award_if_earned, award_issue
from skillpath.credentials.testing import CASE_ITEM, ESCO_SKILL, micro_credential
from skillpath.credentials.tests.issuing_world import standings


@pytest.fixture(autouse=True)
def _english() -> Any:
    """Read the services' messages in English, whatever an earlier test activated."""
    with translation.override("en"):
        yield


@pytest.mark.django_db
def test_award_is_refused_while_a_competency_is_not_demonstrated() -> None:
    learner, credential = testing.learner(), micro_credential(levels=(3, 2))
    with pytest.raises(NotAllDemonstrated, match=r"level 1 of 2"):
        award_issue(
            learner=learner,
            credential=credential,
            standings=standings(credential, short_by=1),
        )
    with pytest.raises(NotAllDemonstrated):
        award_issue(learner=learner, credential=credential, standings=[])
    assert not Award.objects.exists()


@pytest.mark.django_db
def test_award_is_refused_for_a_method_the_credential_does_not_allow() -> None:
    credential = micro_credential(methods=["performance_task"])
    with pytest.raises(NotAllDemonstrated, match="does not accept"):
        award_issue(
            learner=testing.learner(),
            credential=credential,
            standings=standings(credential, method="adaptive_test"),
        )


@pytest.mark.django_db
def test_first_assessment_that_shows_everything_earns_the_credential() -> None:
    learner, credential = testing.learner(), micro_credential(levels=(3, 2))
    award = award_issue(
        learner=learner,
        credential=credential,
        standings=standings(credential, method="prior_learning"),
        notes={},
    )
    assert award.status == AwardStatus.ACTIVE and award.learner == learner
    evidence = list(award.evidence.all())
    assert [(e.required_level, e.demonstrated_level) for e in evidence] == [
        (3, 3),
        (2, 2),
    ]
    assert {e.method for e in evidence} == {"prior_learning"}
    assert AuditEvent.objects.filter(
        verb="award_issue", target_id=str(award.pk)
    ).exists()


@pytest.mark.django_db
def test_the_credential_carries_every_part_open_badges_asks_for() -> None:
    credential = micro_credential(levels=(3, 2), validity_months=24, aligned=True)
    award = award_issue(
        learner=testing.learner(),
        credential=credential,
        standings=standings(credential),
    )
    document = award.document
    assert document["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
    ]
    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert document["id"].endswith(f"/credentials/awards/{award.public_id}")
    assert document["issuer"]["id"] == award.issuer.iri
    assert document["issuer"]["type"] == ["Profile"]
    assert "validUntil" in document and award.valid_until is not None
    subject = document["credentialSubject"]
    identity = subject["identifier"][0]
    assert identity["hashed"] is True and identity["identityHash"].startswith("sha256$")
    assert award.learner.email not in str(document)
    achievement = subject["achievement"]
    assert achievement["achievementType"] == "MicroCredential"
    assert {a["targetUrl"] for a in achievement["alignment"]} == {ESCO_SKILL, CASE_ITEM}
    assert len(achievement["resultDescription"]) == 2
    assert len(subject["result"]) == 2
    assert achievement["criteria"]["narrative"]
    assert len(document["evidence"]) == 2
    assert document["credentialStatus"]["type"] == "BitstringStatusListEntry"
    assert document["credentialSchema"][0]["type"] == "1EdTechJsonSchemaValidator2019"
    assert document["proof"]["cryptosuite"] == "eddsa-rdfc-2022"


@pytest.mark.django_db
def test_a_second_trigger_gives_no_second_award() -> None:
    learner, credential = testing.learner(), micro_credential()
    first = award_issue(
        learner=learner, credential=credential, standings=standings(credential)
    )
    with pytest.raises(AlreadyAwarded):
        award_issue(
            learner=learner, credential=credential, standings=standings(credential)
        )
    assert Award.objects.filter(learner=learner).count() == 1
    assert first.pk


@pytest.mark.django_db
def test_a_race_past_the_lock_is_stopped_by_the_constraint(monkeypatch: Any) -> None:
    learner, credential = testing.learner(), micro_credential()
    award_issue(learner=learner, credential=credential, standings=standings(credential))
    # Simulate a second server that checked before the first one committed.
    monkeypatch.setattr(awards, "award_active", lambda **kwargs: None)
    with pytest.raises(AlreadyAwarded):
        award_issue(
            learner=learner, credential=credential, standings=standings(credential)
        )
    assert Award.objects.filter(learner=learner).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_triggers_give_one_award(monkeypatch: Any) -> None:
    learner, credential = testing.learner(), micro_credential()
    shown = standings(credential)
    barrier = threading.Barrier(2)
    outcomes: list[Any] = []

    def trigger() -> None:
        try:
            barrier.wait(timeout=10)
            for _attempt in range(200):
                try:
                    outcomes.append(
                        award_if_earned(
                            learner=learner, credential=credential, standings=shown
                        )
                    )
                    return
                except OperationalError as error:
                    # SQLite's in-memory test database has no busy timeout: wait
                    # here as a file database (WAL, timeout=20) waits by itself.
                    if "locked" not in str(error):
                        raise
                    time.sleep(0.02)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            outcomes.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=trigger) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(outcomes) == 2
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert sum(isinstance(o, Award) for o in outcomes) == 1
    assert outcomes.count(None) == 1
    assert Award.objects.filter(learner=learner, credential=credential).count() == 1


@pytest.mark.django_db
def test_a_standing_change_awards_through_the_cycle(monkeypatch: Any) -> None:
    learner, credential = testing.learner(), micro_credential()
    short = standings(credential, short_by=1)
    cycle.standing_changed(learner=learner, credential=credential, standings=short)
    assert not Award.objects.exists()
    shown = standings(credential)
    cycle.standing_changed(learner=learner, credential=credential, standings=shown)
    cycle.standing_changed(learner=learner, credential=credential, standings=shown)
    assert Award.objects.filter(learner=learner).count() == 1


@pytest.mark.django_db
def test_the_assessments_apps_standings_reach_the_award_through_the_seam() -> None:
    learner, credential = testing.learner(), micro_credential()
    announced = standings_announce(learner=learner, credential=credential)
    with pytest.raises(NotAllDemonstrated):
        award_issue(learner=learner, credential=credential, standings=announced)
    assert (
        award_if_earned(learner=learner, credential=credential, standings=announced)
        is None
    )
    assert not Award.objects.exists()


def test_validity_is_counted_in_calendar_months() -> None:
    from datetime import UTC, datetime

    from skillpath.credentials.services.awards import add_months

    assert add_months(datetime(2026, 1, 31, tzinfo=UTC), 1) == datetime(
        2026, 2, 28, tzinfo=UTC
    )
    assert add_months(datetime(2026, 11, 29, tzinfo=UTC), 24) == datetime(
        2028, 11, 29, tzinfo=UTC
    )
