"""A strict Content-Security-Policy on every page, and nothing in a page that needs more.

Script comes only from our own static files: no inline ``<script>``, no ``on…=``
handler attributes, no ``hx-on`` (htmx evaluates those with ``new Function``), no
inline styles. The header is checked on every page that needs no argument, for each
kind of person, and on the pages the browser tests walk.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

import skillpath
from skillpath.accounts import testing
from skillpath.accounts.models import Membership

PACKAGE = Path(skillpath.__file__).parent
TEMPLATES = sorted(PACKAGE.glob("*/templates/**/*.html"))
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(ld\+)?json\")[^>]*>", re.I
)
HANDLER = re.compile(r"\s(on[a-z]+|hx-on[:\w-]*)\s*=", re.I)
STYLE = re.compile(r"\sstyle\s*=|<style\b", re.I)


def _directives(header: str) -> dict[str, list[str]]:
    out = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            out[words[0]] = words[1:]
    return out


def assert_strict(response) -> None:  # type: ignore[no-untyped-def]
    header = response.headers.get("Content-Security-Policy", "")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    policy = _directives(header)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in header and "'unsafe-eval'" not in header


@pytest.mark.parametrize(
    "template", TEMPLATES, ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_no_template_carries_inline_script_handlers_or_styles(template: Path) -> None:
    text = template.read_text()
    assert not INLINE_SCRIPT.search(text), "inline <script>: move it to a static file"
    assert not HANDLER.search(text), "event handler attribute: use a static script"
    assert not STYLE.search(text), "inline style: use a stylesheet"


def _simple_paths() -> list[str]:
    """Return every page path that takes no argument (the API and admin aside)."""

    def walk(resolver: URLResolver, prefix: str) -> list[str]:
        paths = []
        for entry in resolver.url_patterns:
            pattern = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                paths.extend(walk(entry, pattern))
            elif isinstance(entry, URLPattern) and "<" not in pattern:
                paths.append("/" + pattern.lstrip("^").rstrip("$"))
        return paths

    skip = ("/api/", "/admin/", "/static/", "/media/", "/i18n/")
    found = walk(get_resolver(), "")
    return sorted({p for p in found if not p.startswith(skip) and "(" not in p})


@pytest.mark.django_db
def test_every_page_answers_with_the_strict_policy_for_every_kind_of_person() -> None:
    coordinator = testing.coordinator()
    college = Membership.objects.get(user=coordinator).organisation
    people = {
        "anonymous": None,
        "learner": testing.learner(home=college),
        "coordinator": coordinator,
        "assessor": testing.assessor(college),
        "employer": testing.employer(),
    }
    paths = _simple_paths()
    assert len(paths) > 20
    for name, person in people.items():
        client = Client()
        if person is not None:
            client.force_login(person)
        for path in paths:
            response = client.get(path)
            assert response.status_code < 500, (name, path)
            assert_strict(response)


@pytest.mark.django_db
def test_errors_admin_and_api_docs_carry_the_policy_too(client: Client) -> None:
    for path in (
        "/no-such-page/",
        "/admin/login/",
        "/api/v1/docs",
        "/api/v1/openapi.json",
    ):
        assert_strict(client.get(path))
