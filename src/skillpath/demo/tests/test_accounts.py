"""The demo world: idempotent, and every demo account signs in."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from skillpath.accounts import access
from skillpath.accounts.models import Membership, Organisation, OrganisationKind, User
from skillpath.demo.people import DEMO_PASSWORD, accounts_table

pytestmark = pytest.mark.django_db


def _counts() -> tuple[int, int, int]:
    return (
        User.objects.count(),
        Organisation.objects.count(),
        Membership.objects.count(),
    )


def test_seed_demo_is_idempotent_and_covers_every_role() -> None:
    call_command("seed_demo", stdout=StringIO())
    first = _counts()
    call_command("seed_demo", stdout=StringIO())
    assert _counts() == first
    kinds = set(Organisation.objects.values_list("kind", flat=True))
    assert kinds == {choice.value for choice in OrganisationKind}
    provinces = set(
        Organisation.objects.filter(kind=OrganisationKind.COLLEGE).values_list(
            "province", flat=True
        )
    )
    assert len(provinces) >= 2
    held = set().union(*(access.roles(user) for user in User.objects.all()))
    assert {"learner", "coordinator", "assessor", "employer", "administrator"} <= held


def test_every_demo_account_signs_in() -> None:
    call_command("seed_demo", stdout=StringIO())
    for email, _role in accounts_table():
        assert Client().login(username=email, password=DEMO_PASSWORD), email


def test_demo_accounts_command_prints_the_password() -> None:
    call_command("seed_demo", stdout=StringIO())
    out = StringIO()
    call_command("demo_accounts", stdout=out)
    assert DEMO_PASSWORD in out.getvalue()
    assert "learner@skillpath.example" in out.getvalue()
