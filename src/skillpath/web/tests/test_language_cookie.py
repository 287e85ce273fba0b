"""The language cookie is Secure in production, wherever it is set."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings

import skillpath

SRC = Path(skillpath.__file__).parent.parent


def test_production_settings_make_the_language_cookie_secure() -> None:
    env = {
        **os.environ,
        "DEBUG": "0",
        "SKILLPATH_TESTING": "0",
        "SECRET_KEY": "s" * 60,
        "SKILLPATH_KEY_ENCRYPTION_KEY": "k" * 40,
        "PYTHONPATH": str(SRC),
        "DJANGO_SETTINGS_MODULE": "skillpath.config.settings",
    }
    code = (
        "from django.conf import settings as s; "
        "print(s.LANGUAGE_COOKIE_SECURE, s.LANGUAGE_COOKIE_HTTPONLY, s.SESSION_COOKIE_SECURE)"
    )
    out = subprocess.run(  # noqa: S603 (our own interpreter, fixed arguments)
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.split() == ["True", "True", "True"]


@pytest.mark.django_db
@override_settings(LANGUAGE_COOKIE_SECURE=True, LANGUAGE_COOKIE_HTTPONLY=True)
def test_every_path_that_sets_the_language_cookie_follows_the_settings() -> None:
    client = Client()
    client.post("/language/", {"language": "fr", "next": "/"})
    assert client.cookies["django_language"]["secure"]
    signup = Client()
    signup.post(
        "/accounts/signup/",
        {
            "email": "noor@example.org",
            "full_name": "Noor",
            "password1": "a-long-passphrase-42",
            "password2": "a-long-passphrase-42",
            "language": "fr",
            "region": "AB",
            "consent": "on",
        },
    )
    assert signup.cookies["django_language"]["secure"]
    assert signup.cookies["django_language"]["httponly"]
