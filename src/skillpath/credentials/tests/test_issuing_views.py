"""Wallet, downloads, sharing, revoking and the verification page, through HTTP."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from skillpath.accounts import testing
from skillpath.common.models import MailStatus, OutgoingMail
from skillpath.core.badges import extract_png, extract_svg
from skillpath.credentials.models import Award, AwardStatus
from skillpath.credentials.services.awards import award_revoke
from skillpath.credentials.tests.issuing_world import awarded

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_wallet_lists_only_the_learners_own_credentials() -> None:
    mine, theirs = awarded(), awarded()
    page = client_for(mine.learner).get(reverse("credentials:wallet"))
    assert page.status_code == 200
    text = page.content.decode()
    assert mine.document["name"] in text and theirs.document["name"] not in text
    assert "linkedin.com/profile/add?startTask=CERTIFICATION_NAME" not in text


@pytest.mark.parametrize(
    ("form", "content_type"),
    [
        ("json", "application/json"),
        ("jwt-rs256", "application/jwt"),
        ("jwt-eddsa", "application/jwt"),
        ("png", "image/png"),
        ("svg", "image/svg+xml"),
    ],
)
def test_learner_downloads_each_form(form: str, content_type: str) -> None:
    award = awarded()
    url = reverse("credentials:award_download", args=[award.public_id, form])
    response = client_for(award.learner).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert "attachment" in response["Content-Disposition"]
    body = response.content
    if form == "json":
        assert json.loads(body) == award.document
    elif form == "jwt-rs256":
        assert body.decode() == award.jwt_rs256
    elif form == "jwt-eddsa":
        assert body.decode() == award.jwt_eddsa
    elif form == "png":
        assert json.loads(extract_png(body) or "") == award.document
    else:
        assert json.loads(extract_svg(body.decode()) or "") == award.document


def test_a_learner_cannot_see_or_download_anothers_credential() -> None:
    award, stranger = awarded(), testing.learner()
    client = client_for(stranger)
    for name, args in [
        ("credentials:award_download", [award.public_id, "json"]),
        ("credentials:award_certificate", [award.public_id]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 404
    response = client.post(
        reverse("credentials:award_share", args=[award.public_id]), {"shared": "on"}
    )
    assert response.status_code == 404
    assert not Award.objects.get(pk=award.pk).shared
    anonymous = Client().get(
        reverse("credentials:award_download", args=[award.public_id, "json"])
    )
    assert anonymous.status_code == 302


def test_public_page_follows_the_share_switch_while_the_file_still_verifies() -> None:
    award = awarded()
    learner = client_for(award.learner)
    public = award.get_absolute_url()
    assert Client().get(public).status_code == 404
    response = learner.post(
        reverse("credentials:award_share", args=[award.public_id]), {"shared": "on"}
    )
    assert response.status_code == 303
    page = Client().get(public)
    assert page.status_code == 200 and "Verified" in page.content.decode()
    wallet = learner.get(reverse("credentials:wallet")).content.decode()
    assert "linkedin.com/profile/add?startTask=CERTIFICATION_NAME" in wallet
    api = f"/api/v1/credentials/awards/{award.public_id}/public"
    shared = Client().get(api).json()
    assert shared["verification"]["verified"] is True
    assert shared["credential"] == award.document
    learner.post(
        reverse("credentials:award_share", args=[award.public_id]), {"shared": ""}
    )
    assert Client().get(public).status_code == 404
    assert Client().get(api).status_code == 404
    verdict = Client().post(
        reverse("credentials:verify"), {"credential": json.dumps(award.document)}
    )
    assert verdict.status_code == 200
    assert "Verified" in verdict.content.decode()


def test_certificate_is_printable() -> None:
    award = awarded()
    page = client_for(award.learner).get(
        reverse("credentials:award_certificate", args=[award.public_id])
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert award.learner.full_name in text and award.credential_iri in text
    assert "credentials.css" in text


def test_only_coordinators_of_the_issuing_organisation_revoke(
    django_capture_on_commit_callbacks: Any,
) -> None:
    award = awarded()
    url = reverse("credentials:award_revoke", args=[award.public_id])
    outsiders = [
        award.learner,
        testing.coordinator(),  # of another college
        testing.assessor(award.issuer.organisation),
        testing.employer(),
    ]
    for person in outsiders:
        response = client_for(person).post(url, {"reason": "No."})
        assert response.status_code == 404, person
    assert Award.objects.get(pk=award.pk).status == AwardStatus.ACTIVE
    coordinator = testing.coordinator(award.issuer.organisation)
    client = client_for(coordinator)
    assert client.post(url, {"reason": ""}).status_code == 200  # a form error
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "The assessment was compromised."})
    assert response.status_code == 303
    revoked = Award.objects.get(pk=award.pk)
    assert revoked.status == AwardStatus.REVOKED and revoked.revoked_by == coordinator
    assert len(mail.outbox) == 1
    assert "The assessment was compromised." in mail.outbox[0].body
    assert mail.outbox[0].to == [award.learner.email]
    wallet = (
        client_for(award.learner).get(reverse("credentials:wallet")).content.decode()
    )
    assert "Revoked" in wallet and "The assessment was compromised." in wallet
    issued = client.get(reverse("credentials:awards_issued")).content.decode()
    assert award.learner.full_name in issued


def test_verification_page_reads_a_pasted_jwt_and_an_uploaded_png() -> None:
    award = awarded()
    client = Client()
    assert client.get(reverse("credentials:verify")).status_code == 200
    page = client.post(reverse("credentials:verify"), {"credential": award.jwt_eddsa})
    assert "Verified" in page.content.decode()
    png = client_for(award.learner).get(
        reverse("credentials:award_download", args=[award.public_id, "png"])
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("badge.png", png.content, content_type="image/png")
    page = client.post(reverse("credentials:verify"), {"file": upload})
    text = page.content.decode()
    assert "Verified" in text and "Signing key belongs to the issuer" in text
    empty = client.post(reverse("credentials:verify"), {"credential": ""})
    assert empty.status_code == 422


def test_the_api_verifies_and_revokes_with_the_same_rules() -> None:
    award = awarded()
    response = Client().post(
        "/api/v1/credentials/verify",
        {"credential": award.jwt_rs256},
        content_type="application/json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["verified"] is True and len(body["checks"]) == 8
    assert body["signature_valid"] is True and body["issuer_known"] is True
    assert body["credential"]["issuer_id"] == award.issuer.iri
    keys = Client().get(f"/api/v1/credentials/issuers/{award.issuer.slug}/keys").json()
    assert award.document["proof"]["verificationMethod"] in keys
    mine = client_for(award.learner).get("/api/v1/credentials/awards").json()
    assert [item["id"] for item in mine] == [str(award.public_id)]
    revoke = f"/api/v1/credentials/awards/{award.public_id}/revoke"
    denied = client_for(award.learner).post(
        revoke, {"reason": "Mine."}, content_type="application/json"
    )
    assert denied.status_code == 403
    coordinator = client_for(testing.coordinator(award.issuer.organisation))
    done = coordinator.post(
        revoke, {"reason": "Error."}, content_type="application/json"
    )
    assert done.status_code == 200 and done.json()["status"] == "revoked"
    again = (
        Client()
        .post(
            "/api/v1/credentials/verify",
            {"credential": award.document},
            content_type="application/json",
        )
        .json()
    )
    assert again["verified"] is False and again["revoked"] is True


def test_dashboard_section_lists_the_learners_credentials() -> None:
    from django.template.loader import render_to_string

    from skillpath.web.selectors import dashboard_for

    award = awarded()
    html = render_to_string(
        "credentials/htmx/dashboard_wallet.html",
        {"board": dashboard_for(award.learner)},
    )
    assert award.document["name"] in html and "Active" in html
    assert (
        render_to_string(
            "credentials/htmx/dashboard_wallet.html",
            {"board": dashboard_for(testing.learner())},
        ).strip()
        == ""
    )


def test_linkedin_link_carries_the_certification_fields() -> None:
    from urllib.parse import parse_qs, urlsplit

    from skillpath.credentials.documents.downloads import linkedin_url

    award = awarded(validity_months=12)
    url = urlsplit(linkedin_url(award))
    assert f"{url.scheme}://{url.netloc}{url.path}" == (
        "https://www.linkedin.com/profile/add"
    )
    query = {key: values[0] for key, values in parse_qs(url.query).items()}
    assert query["startTask"] == "CERTIFICATION_NAME"
    assert query["name"] == award.document["name"]
    assert query["organizationName"] == award.issuer.name
    assert query["issueYear"] == str(award.valid_from.year)
    assert query["issueMonth"] == str(award.valid_from.month)
    assert query["expirationYear"] == str(award.valid_until.year)
    assert query["certUrl"] == award.credential_iri
    assert query["certId"] == str(award.public_id)


def test_revocation_mail_goes_through_the_outbox_once_and_unescaped(
    django_capture_on_commit_callbacks: Any,
) -> None:
    award = awarded()
    reason = 'Marks for "Welding & Fitting" were entered <twice>.'
    with django_capture_on_commit_callbacks(execute=True):
        award_revoke(award=award, reason=reason, actor=None)
    recorded = OutgoingMail.objects.get(key=f"award-revoked:{award.pk}")
    assert recorded.status == MailStatus.SENT and recorded.to == award.learner.email
    assert len(mail.outbox) == 1
    assert reason in mail.outbox[0].body  # a text mail: nothing HTML-escaped
    assert "&amp;" not in mail.outbox[0].body and "&quot;" not in mail.outbox[0].body
