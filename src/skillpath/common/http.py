"""What every app reads from a request: the address of the client behind the proxy."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """Return the address of the client that sent ``request``.

    ``REMOTE_ADDR`` unless ``SKILLPATH_TRUSTED_PROXY_HEADER`` names the header the
    operator's proxy sets; then the address that the outermost of the
    ``SKILLPATH_TRUSTED_PROXY_COUNT`` trusted proxies saw. Entries further left were
    written by the client and are never believed; a header with fewer entries than
    trusted proxies, or one that is not an address, falls back to ``REMOTE_ADDR``.
    """
    remote = str(request.META.get("REMOTE_ADDR", ""))[:64]
    header = settings.SKILLPATH_TRUSTED_PROXY_HEADER
    if not header:
        return remote
    key = "HTTP_" + header.strip().upper().replace("-", "_")
    hops = [hop.strip() for hop in str(request.META.get(key, "")).split(",")]
    hops = [hop for hop in hops if hop]
    count = max(1, settings.SKILLPATH_TRUSTED_PROXY_COUNT)
    if len(hops) < count:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-count]))
    except ValueError:
        return remote
