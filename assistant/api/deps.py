"""Typed dependencies so routes stay thin: the one Services object and the admin check."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import Depends, Request

from assistant import texts
from assistant.api.errors import ApiError
from assistant.api.schemas import ErrorBody
from assistant.api.slots import WorkLimits, work_limits
from assistant.api.startup import LOADING_RETRY_AFTER_S, Startup
from assistant.service import Services


def not_ready(request: Request) -> ApiError:
    """503 while the services load: why, and when the next start-up attempt is (api/startup.py)."""
    startup: Startup | None = request.app.state.startup
    reason = startup.reason() if startup is not None else texts.STILL_LOADING
    retry = startup.retry_after() if startup is not None else LOADING_RETRY_AFTER_S
    return ApiError(503, "not_ready", texts.NOT_READY.format(reason=reason), {"Retry-After": str(retry)})


def get_services(request: Request) -> Services:
    services: Services | None = request.app.state.services
    if services is None:
        raise not_ready(request)
    return services


ServicesDep = Annotated[Services, Depends(get_services)]
WorkLimitsDep = Annotated[WorkLimits, Depends(work_limits)]


def require_admin(request: Request, services: ServicesDep) -> Services:
    key = services.settings.admin_api_key
    if key is None or not key.get_secret_value():
        raise ApiError(403, "admin_disabled", texts.ADMIN_DISABLED)
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    expected = key.get_secret_value().encode()
    # compare_digest on bytes: constant time whatever the token holds.
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), expected):
        raise ApiError(401, "unauthorized", texts.UNAUTHORIZED, {"WWW-Authenticate": "Bearer"})
    return services


AdminDep = Annotated[Services, Depends(require_admin)]
# Any operation with a JSON body: one that is not UTF-8 or not JSON at all is a 400 (api/errors.py).
BODY_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "Innholdet er ikke gyldig JSON (eller ikke UTF-8)."},
}
# The admin routes' error responses, for their OpenAPI entries.
AUTH_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "Mangler eller feil API-nøkkel."},
    403: {"model": ErrorBody, "description": "Administrasjon er slått av (ingen nøkkel satt)."},
}
