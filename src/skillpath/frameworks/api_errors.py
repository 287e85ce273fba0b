"""Turn the services' refusals into the API's one error format, in the endpoints.

``{"error": {"status": …, "code": …, "message": …, "details": […]}}``: 403 when the
person may not, 409 when the object's state forbids it, 422 for bad input. Used only
by the credentials (definitions) endpoints now: every other app's errors extend
``skillpath.common.exceptions.SkillpathError``, which the one handler in
``skillpath.api.main`` answers. Remove this module once credentials' errors extend it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, JsonResponse

CODES = {403: "forbidden", 409: "conflict", 422: "invalid_input"}


def error_json(
    status: int, message: str, details: list[Any] | None = None
) -> JsonResponse:
    """Answer with skillpath's API error format."""
    return JsonResponse(
        {
            "error": {
                "status": status,
                "code": CODES.get(status, "error"),
                "message": message,
                "details": details or [],
            }
        },
        status=status,
    )


def service_errors(
    classify: Callable[[Exception], tuple[int, list[Any]] | None],
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Wrap an endpoint: an exception ``classify`` knows becomes an error answer."""

    def decorate(endpoint: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(endpoint)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            try:
                return endpoint(request, *args, **kwargs)
            except Exception as error:
                known = classify(error)
                if known is None:
                    raise
                status, details = known
                return error_json(status, str(error), details)

        return wrapper

    return decorate
