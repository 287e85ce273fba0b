"""The web shell: public pages, error pages in both languages, accessibility basics."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "We cannot find this page"), ("fr", "Nous ne trouvons pas cette page")],
)
def test_friendly_404_in_both_languages(
    client: Client, language: str, text: str
) -> None:
    response = client.get("/no-such-page/", headers={"accept-language": language})
    assert response.status_code == 404
    assert text in response.content.decode()


def test_friendly_500_page_renders_in_french() -> None:
    from django.test import RequestFactory
    from django.views.defaults import server_error

    with translation.override("fr"):
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Une erreur s’est produite de notre côté" in response.content.decode()


def test_base_template_has_landmarks_skip_link_and_language(client: Client) -> None:
    page = client.get("/").content.decode()
    for fragment in (
        '<html lang="en">',
        'class="skip-link" href="#main"',
        "<header",
        "<nav",
        '<main id="main"',
        "<footer",
        'name="viewport"',
    ):
        assert fragment in page, fragment


def test_htmx_is_served_from_our_own_static_files(client: Client) -> None:
    page = client.get("/").content.decode()
    assert "/static/skillpath/vendor/htmx.min.js" in page
    assert "unpkg" not in page and "cdn" not in page.lower()


def test_language_switch_remembers_the_choice_for_a_signed_in_person(
    client: Client,
) -> None:
    from skillpath.accounts import testing

    person = testing.user()
    client.force_login(person)
    response = client.post("/language/", {"language": "fr", "next": "/dashboard/"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.preferred_language == "fr"
    assert "Tableau de bord" in client.get("/dashboard/").content.decode()
