"""The answer to an API path that matches no operation: 404 in the error format, never HTML."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from vanthu.core.api import error_body
from vanthu.core.errors import NotFoundError


@csrf_exempt  # like the API itself: no session write happens here
def api_not_found(request: HttpRequest, path: str = "") -> JsonResponse:
    """Answer 404 ``not_found`` as JSON for any unknown path under the API prefix."""
    body = error_body(NotFoundError.code, NotFoundError.default_message)
    return JsonResponse(body, status=404, json_dumps_params={"ensure_ascii": False})
