"""The HTTP API: one NinjaAPI, one router per app, one error format."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
)
from django.core.exceptions import (
    ValidationError as DjangoValidationError,
)
from django.db import DataError
from django.http import Http404, HttpRequest, HttpResponse
from django.views import defaults
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser

from skillpath.api.auth import SessionAuth, TokenAuth
from skillpath.common.exceptions import SkillpathError
from skillpath.common.jsontext import json_load_bounded

MAX_BODY_DEPTH = 64


class BoundedParser(Parser):
    """Parse JSON bodies with their nesting bounded (no RecursionError downstream)."""

    def parse_body(self, request: HttpRequest) -> Any:
        # JsonTooDeep and JSONDecodeError become ninja's 400 "Cannot parse request body".
        return json_load_bounded(request.body.decode("utf-8"), max_depth=MAX_BODY_DEPTH)


api = NinjaAPI(
    title="skillpath API",
    version="1.0.0",
    description=(
        "Assess, learn only what you lack, earn verifiable micro-credentials. "
        "Authenticate with the session cookie (and the CSRF token for writes) or with "
        "a personal access token: `Authorization: Bearer sp_…`. Every 4xx answer has "
        'the body `{"error": {"status": …, "code": …, "message": …, "details": […]}}`.'
    ),
    auth=[TokenAuth(), SessionAuth()],
    parser=BoundedParser(),
    urls_namespace="api-1.0.0",
)

CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "invalid_input",
    429: "too_many_requests",
    500: "server_error",
}
API_PREFIX = "/api/"
logger = logging.getLogger("django.request")


def error_response(
    request: HttpRequest,
    status: int,
    code: str,
    message: str,
    details: list[Any] | None = None,
) -> HttpResponse:
    """Answer with skillpath's one error format."""
    return api.create_response(
        request,
        {
            "error": {
                "status": status,
                "code": code,
                "message": message,
                "details": details or [],
            }
        },
        status=status,
    )


@api.exception_handler(ValidationError)
def _validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    details = [
        {
            "field": ".".join(
                str(part)
                for part in error.get("loc", ())
                if part not in ("body", "payload")
            ),
            "message": error.get("msg", ""),
        }
        for error in exc.errors
    ]
    return error_response(
        request,
        422,
        "invalid_input",
        "The request body or parameters are not valid.",
        details,
    )


@api.exception_handler(DjangoValidationError)
def _django_validation_error(
    request: HttpRequest, exc: DjangoValidationError
) -> HttpResponse:
    return error_response(request, 422, "invalid_input", " ".join(exc.messages))


@api.exception_handler(AuthenticationError)
def _authentication_error(
    request: HttpRequest, exc: AuthenticationError
) -> HttpResponse:
    return error_response(
        request,
        401,
        "not_authenticated",
        "Sign in, or send a valid personal access token as 'Authorization: Bearer <token>'.",
    )


@api.exception_handler(PermissionDenied)
def _permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    message = str(exc) or "You are not allowed to do this."
    return error_response(request, 403, "forbidden", message)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error_response(
        request, 404, "not_found", "There is nothing here, or you cannot see it."
    )


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return error_response(
        request, exc.status_code, CODES.get(exc.status_code, "error"), str(exc.message)
    )


@api.exception_handler(RequestDataTooBig)
def _too_large(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0
    return error_response(
        request,
        413,
        "too_large",
        f"The request body is larger than {limit // (1024 * 1024) or 1} MB.",
    )


@api.exception_handler(OverflowError)
@api.exception_handler(DataError)
def _out_of_range(request: HttpRequest, exc: Exception) -> HttpResponse:
    # A number no database column holds (an id of 2**70, say): bad input.
    return error_response(
        request, 422, "invalid_input", "A number in the request is out of range."
    )


@api.exception_handler(Exception)
def _server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    """Answer an unexpected error in the API's format; logged, with no details."""
    if settings.DEBUG:
        raise exc  # the developer's traceback page
    logger.error(
        "Internal Server Error: %s",
        request.path,
        exc_info=exc,
        extra={"request": request},
    )
    return error_response(
        request, 500, "server_error", "Something went wrong on our side; try again."
    )


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Answer a missing address: the API's JSON error under /api/, else the page."""
    if request.path.startswith(API_PREFIX):
        return error_response(
            request, 404, "not_found", "There is nothing here, or you cannot see it."
        )
    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    """Answer a server error: the API's JSON error under /api/, else the page."""
    if request.path.startswith(API_PREFIX):
        return error_response(
            request, 500, "server_error", "Something went wrong on our side; try again."
        )
    return defaults.server_error(request)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Answer a bad request (a body too large, say) as JSON under /api/."""
    if request.path.startswith(API_PREFIX):
        if isinstance(exception, RequestDataTooBig):
            return _too_large(request, exception)
        return error_response(request, 400, "bad_request", "The request is not valid.")
    return defaults.bad_request(request, exception)


@api.exception_handler(SkillpathError)
def _service_error(request: HttpRequest, exc: SkillpathError) -> HttpResponse:
    # Every app's refusals: the class gives the status, the service the message.
    return error_response(
        request,
        exc.status,
        CODES.get(exc.status, "error"),
        exc.message,
        exc.details,
    )


API_APPS = [
    "accounts",
    "frameworks",
    "assessments",
    "learning",
    "credentials",
    "jobs",
    "outcomes",
]


def _register_routers() -> None:
    """Add the ``router`` of each app's ``api`` module, where the app has one."""
    import importlib

    for app in API_APPS:
        module_name = f"skillpath.{app}.api"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name == module_name:
                continue
            raise
        api.add_router("/", module.router)


_register_routers()
