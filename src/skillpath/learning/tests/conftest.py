"""Each learning test starts in the site's default language.

A request that signs someone in switches the test thread's language to theirs
(``accounts.views._remember_language``); without this, a French sign-in in an earlier
test would leak into these.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
