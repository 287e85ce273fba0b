"""The hook that ends a person's API tokens whenever their password changes.

Django calls ``password_changed`` of every configured password validator after a
user with a new password is saved — whichever way it was set: the password change
and reset pages, the admin's password form, ``manage.py changepassword``, a service
calling ``set_password``. It does not call it when it only re-hashes the same password
with a newer hasher, so tokens survive hasher upgrades. That makes it the one place
that sees every password change, without a signal or logic in ``save()``.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from skillpath.accounts import services


class EndTokensOnPasswordChange:
    """Accept every password; after a password changes, end the person's tokens."""

    def validate(self, password: str, user: Any = None) -> None:
        """Accept any password: this validator checks nothing."""

    def password_changed(self, password: str, user: Any = None) -> None:
        """End every API token of ``user``, whose password has just changed."""
        if user is not None:
            services.tokens_end_for_password_change(user=user)

    def get_help_text(self) -> str:
        return _("Changing your password ends all your API tokens.")
