"""Anonymous verification is rate-limited per client address.

Verifying costs CPU (expansion, canonicalisation, signatures) that whoever asks does
not pay for, and anyone may ask without signing in. Each client address (as
:func:`skillpath.common.http.client_address` sees it behind the trusted proxy) gets
``SKILLPATH_VERIFY_ANONYMOUS_MAX`` verifications per fixed window of
``SKILLPATH_VERIFY_ANONYMOUS_WINDOW_SECONDS``; signed-in people are not counted.
The count lives in the cache (Redis when ``REDIS_URL`` is set, so every
application server shares it); nothing is written to the database.
"""

from __future__ import annotations

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from skillpath.common.http import client_address
from skillpath.credentials.exceptions import TooManyVerifications


def anonymous_verification_check(request: HttpRequest) -> None:
    """Count one verification for an anonymous asker; raise when over the limit.

    Raises
    ------
    TooManyVerifications
        (429) with the seconds until the window ends.
    """
    if request.user.is_authenticated:
        return
    window = max(1, settings.SKILLPATH_VERIFY_ANONYMOUS_WINDOW_SECONDS)
    now = time.time()
    slot = int(now // window)
    key = f"credentials:verify:{client_address(request)}:{slot}"
    cache.add(key, 0, timeout=window + 1)
    try:
        spent = cache.incr(key)
    except ValueError:  # evicted between add and incr: count afresh
        cache.set(key, 1, timeout=window + 1)
        spent = 1
    if spent <= settings.SKILLPATH_VERIFY_ANONYMOUS_MAX:
        return
    wait = max(1, math.ceil((slot + 1) * window - now))
    raise TooManyVerifications(
        _(
            "Too many verifications from your address: try again in %(wait)s, "
            "or sign in to verify more."
        )
        % {"wait": ngettext("%(n)d second", "%(n)d seconds", wait) % {"n": wait}}
    )
