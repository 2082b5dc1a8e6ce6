"""A throw-away API with write and failing operations, to test the shared error handling."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.urls import path
from ninja import Schema

from config import urls as project_urls
from vanthu.accounts.auth import API_AUTH, request_user
from vanthu.core.api import VanThuAPI
from vanthu.core.errors import ConflictError

probe_api = VanThuAPI(title="probe", version="probe", urls_namespace="probe", auth=API_AUTH)


class EchoIn(Schema):
    subject: str
    page_amount: int


@probe_api.post("/echo")
def echo(request: HttpRequest, payload: EchoIn) -> dict[str, object]:
    return {"user": request_user(request).username, "subject": payload.subject}


@probe_api.get("/conflict")
def conflict(request: HttpRequest) -> None:
    raise ConflictError


@probe_api.get("/forbidden")
def forbidden(request: HttpRequest) -> None:
    raise PermissionDenied


@probe_api.get("/boom")
def boom(request: HttpRequest) -> None:
    raise RuntimeError("bug")


# The real URLs too: the CSRF failure page and the templates reverse them.
urlpatterns = [path("probe/", probe_api.urls), *project_urls.urlpatterns]
