"""Shared JSON API pieces: the error format, the exception handlers and keyset pagination.

Every error answers ``{"code": "...", "message": "<Vietnamese>", "fields": {...}}``
(design.md §6); lists answer ``{"items": [...], "next_cursor": "..." | null}`` (design.md §7).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import logging
from collections.abc import Sequence
from functools import partial
from typing import Any, Generic, TypeVar

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.db.models.expressions import Expression
from django.db.models.sql.compiler import SQLCompiler
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.openapi.schema import OpenAPISchema

from vanthu.core.errors import DomainError, InvalidInputError

logger = logging.getLogger("vanthu.api")

M = TypeVar("M", bound=models.Model)


class ErrorOut(Schema):
    """The body of every error answer."""

    code: str
    message: str
    fields: dict[str, list[str]]


# Status codes declared on every operation, with their OpenAPI descriptions.
ERROR_STATUSES: dict[int, str] = {
    400: "Yêu cầu không hợp lệ",
    401: "Chưa xác thực",
    403: "Không có quyền",
    404: "Không tìm thấy",
    409: "Xung đột dữ liệu",
    422: "Dữ liệu nhập không hợp lệ",
    500: "Lỗi hệ thống",
}

_HTTP_ERRORS: dict[int, tuple[str, Any]] = {
    400: ("invalid_input", _("Yêu cầu không hợp lệ.")),
    401: ("unauthenticated", _("Bạn cần đăng nhập hoặc cung cấp mã truy cập hợp lệ.")),
    403: ("permission_denied", _("Bạn không có quyền thực hiện thao tác này.")),
    404: ("not_found", _("Không tìm thấy.")),
    405: ("method_not_allowed", _("Phương thức không được hỗ trợ.")),
    429: ("throttled", _("Quá nhiều yêu cầu, vui lòng thử lại sau.")),
}

_FIELD_MESSAGES: dict[str, Any] = {
    "missing": _("Trường này là bắt buộc."),
    "int_parsing": _("Phải là số nguyên."),
    "int_type": _("Phải là số nguyên."),
    "int_from_float": _("Phải là số nguyên."),
    "float_parsing": _("Phải là số."),
    "bool_parsing": _("Phải là true hoặc false."),
    "string_type": _("Phải là chuỗi ký tự."),
    "greater_than": _("Phải lớn hơn {gt}."),
    "greater_than_equal": _("Phải lớn hơn hoặc bằng {ge}."),
    "less_than": _("Phải nhỏ hơn {lt}."),
    "less_than_equal": _("Phải nhỏ hơn hoặc bằng {le}."),
    "string_too_short": _("Phải có ít nhất {min_length} ký tự."),
    "string_too_long": _("Không được dài quá {max_length} ký tự."),
    "string_pattern_mismatch": _("Không đúng định dạng."),
    "date_parsing": _("Ngày không hợp lệ (định dạng YYYY-MM-DD)."),
    "date_from_datetime_parsing": _("Ngày không hợp lệ (định dạng YYYY-MM-DD)."),
    "datetime_parsing": _("Thời điểm không hợp lệ (định dạng ISO 8601)."),
    "datetime_from_date_parsing": _("Thời điểm không hợp lệ (định dạng ISO 8601)."),
    "enum": _("Giá trị không nằm trong danh sách cho phép."),
    "literal_error": _("Giá trị không nằm trong danh sách cho phép."),
    "json_invalid": _("Nội dung JSON không hợp lệ."),
    "model_attributes_type": _("Phải là một đối tượng JSON."),
    "dict_type": _("Phải là một đối tượng JSON."),
    "list_type": _("Phải là một danh sách."),
}
_DEFAULT_FIELD_MESSAGE = _("Giá trị không hợp lệ.")
_BODY_SOURCES = {"body", "form", "file"}


def error_body(
    code: str, message: Any, fields: dict[str, list[str]] | None = None
) -> dict[str, Any]:
    """Return an error answer body."""
    return {"code": code, "message": str(message), "fields": fields or {}}


def _field_name(loc: Sequence[Any]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in {"query", "path", "header", "cookie", *_BODY_SOURCES}:
        source, parts = parts[0], parts[1:]
        # A body is one named parameter: "payload.subject" is reported as "subject".
        if source in _BODY_SOURCES and len(parts) > 1:
            parts = parts[1:]
    return ".".join(parts) or "__all__"


def _field_message(error: dict[str, Any]) -> str:
    template = _FIELD_MESSAGES.get(str(error.get("type", "")), _DEFAULT_FIELD_MESSAGE)
    try:
        return str(template).format(**error.get("ctx", {}))
    except (KeyError, IndexError, ValueError):
        return str(_DEFAULT_FIELD_MESSAGE)


def validation_fields(errors: Sequence[dict[str, Any]]) -> dict[str, list[str]]:
    """Turn ninja/pydantic errors into ``{field: [Vietnamese messages]}``."""
    fields: dict[str, list[str]] = {}
    for error in errors:
        name = _field_name(error.get("loc", ()))
        message = _field_message(error)
        if message not in fields.setdefault(name, []):
            fields[name].append(message)
    return fields


def _respond(
    api: NinjaAPI, request: HttpRequest, status: int, body: dict[str, Any]
) -> HttpResponse:
    return api.create_response(request, body, status=status)


def _on_domain_error(request: HttpRequest, exc: DomainError, *, api: NinjaAPI) -> HttpResponse:
    return _respond(api, request, exc.status, exc.as_dict())


def _on_validation_error(
    request: HttpRequest, exc: ValidationError, *, api: NinjaAPI
) -> HttpResponse:
    body = error_body(
        "invalid_input", _("Dữ liệu nhập không hợp lệ."), validation_fields(exc.errors)
    )
    return _respond(api, request, 422, body)


def _on_authentication_error(
    request: HttpRequest, exc: AuthenticationError, *, api: NinjaAPI
) -> HttpResponse:
    code, message = _HTTP_ERRORS[401]
    response = _respond(api, request, 401, error_body(code, message))
    response["WWW-Authenticate"] = "Bearer"
    return response


def _on_http_error(request: HttpRequest, exc: HttpError, *, api: NinjaAPI) -> HttpResponse:
    if exc.status_code == 403 and "csrf" in exc.message.lower():
        body = error_body("csrf_failed", _("Yêu cầu bị từ chối: thiếu hoặc sai mã CSRF."))
        return _respond(api, request, 403, body)
    code, message = _HTTP_ERRORS.get(exc.status_code, ("http_error", _("Yêu cầu không hợp lệ.")))
    return _respond(api, request, exc.status_code, error_body(code, message))


def _on_not_found(request: HttpRequest, exc: Exception, *, api: NinjaAPI) -> HttpResponse:
    code, message = _HTTP_ERRORS[404]
    return _respond(api, request, 404, error_body(code, message))


def _on_permission_denied(request: HttpRequest, exc: Exception, *, api: NinjaAPI) -> HttpResponse:
    code, message = _HTTP_ERRORS[403]
    return _respond(api, request, 403, error_body(code, message))


def _on_unexpected(request: HttpRequest, exc: Exception, *, api: NinjaAPI) -> HttpResponse:
    logger.exception("Unhandled API error on %s %s", request.method, request.path, exc_info=exc)
    body = error_body("server_error", _("Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên."))
    return _respond(api, request, 500, body)


def install_error_handlers(api: NinjaAPI) -> None:
    """Make every error of ``api`` answer in the common error format."""
    api.add_exception_handler(Exception, partial(_on_unexpected, api=api))
    api.add_exception_handler(DomainError, partial(_on_domain_error, api=api))
    api.add_exception_handler(ValidationError, partial(_on_validation_error, api=api))
    api.add_exception_handler(HttpError, partial(_on_http_error, api=api))
    api.add_exception_handler(AuthenticationError, partial(_on_authentication_error, api=api))
    api.add_exception_handler(Http404, partial(_on_not_found, api=api))
    api.add_exception_handler(PermissionDenied, partial(_on_permission_denied, api=api))


class VanThuAPI(NinjaAPI):
    """A NinjaAPI whose errors use the common format and are declared in the schema."""

    def set_default_exception_handlers(self) -> None:
        install_error_handlers(self)

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        declare_error_responses(schema)
        return schema


def declare_error_responses(schema: dict[str, Any]) -> None:
    """Add the ErrorOut schema and the error statuses to every operation of ``schema``."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["ErrorOut"] = ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
    ref = {"$ref": "#/components/schemas/ErrorOut"}
    for path_item in schema.get("paths", {}).values():
        for method, operation in path_item.items():
            responses = operation.setdefault("responses", {})
            declared = {str(status) for status in responses}
            for status, description in ERROR_STATUSES.items():
                if (status == 401 and not operation.get("security")) or (
                    status == 409 and method.lower() == "get"
                ):
                    continue
                if str(status) not in declared:
                    responses[status] = {
                        "description": description,
                        "content": {"application/json": {"schema": ref}},
                    }


# --- Keyset pagination -------------------------------------------------------------------------


class InvalidCursorError(InvalidInputError):
    code = "invalid_cursor"
    default_message = _("Con trỏ phân trang không hợp lệ.")


def encode_cursor(sort_value: Any, pk: int) -> str:
    """Return an opaque cursor for the row ``(sort_value, pk)``."""
    value: int | str
    if isinstance(sort_value, dt.datetime):
        kind, value = "dt", sort_value.isoformat()
    elif isinstance(sort_value, dt.date):
        kind, value = "d", sort_value.isoformat()
    elif isinstance(sort_value, bool | int | str):
        kind, value = "v", sort_value
    else:
        raise TypeError(f"Unsupported keyset sort value: {type(sort_value).__name__}")
    raw = json.dumps([kind, value, pk], separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")


def _decoded_value(kind: Any, value: Any) -> Any:
    if kind == "dt" and isinstance(value, str):
        parsed = dt.datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise ValueError(value)
        return parsed
    if kind == "d" and isinstance(value, str):
        return dt.date.fromisoformat(value)
    if kind == "v" and isinstance(value, int | str) and "\x00" not in str(value):
        return value
    raise ValueError(value)


def decode_cursor(cursor: str) -> tuple[Any, int]:
    """Return ``(sort_value, pk)`` from a cursor; raise InvalidCursorError when malformed."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        raw = base64.urlsafe_b64decode(padded.encode("ascii"))
        kind, value, pk = json.loads(raw.decode("utf-8"))
        if not isinstance(pk, int) or isinstance(pk, bool) or not 0 <= pk < 2**63:
            raise ValueError(pk)
        return _decoded_value(kind, value), pk
    except (UnicodeError, binascii.Error, ValueError, TypeError, OverflowError) as exc:
        raise InvalidCursorError(
            fields={"cursor": [str(InvalidCursorError.default_message)]}
        ) from exc


def _typed_cursor(model: type[models.Model], sort_field: str, cursor: str) -> tuple[Any, int]:
    sort_value, pk = decode_cursor(cursor)
    try:
        return model._meta.get_field(sort_field).to_python(sort_value), pk  # type: ignore[union-attr]
    except (DjangoValidationError, ValueError, TypeError) as exc:
        raise InvalidCursorError(
            fields={"cursor": [str(InvalidCursorError.default_message)]}
        ) from exc


class RowCompare(Expression):
    """``(col_a, col_b) > (%s, %s)``: a row-value comparison that indexes can serve.

    Django's own tuple lookups fall back to the slow OR form on SQLite (stack-notes.md, Lists).
    """

    output_field = models.BooleanField()

    def __init__(self, columns: Sequence[str], values: Sequence[Any], *, descending: bool) -> None:
        super().__init__(output_field=models.BooleanField())
        self.columns: list[Any] = [models.F(c) for c in columns]
        self.values = list(values)
        self.descending = descending

    def get_source_expressions(self) -> list[Any]:
        return self.columns

    def set_source_expressions(self, exprs: Sequence[Any]) -> None:
        self.columns = list(exprs)

    def as_sql(  # type: ignore[override]
        self, compiler: SQLCompiler, connection: Any
    ) -> tuple[str, list[Any]]:
        lhs: list[str] = []
        rhs: list[str] = []
        params: list[Any] = []
        for column in self.columns:
            sql, col_params = compiler.compile(column)
            lhs.append(sql)
            params.extend(col_params)
        for column, value in zip(self.columns, self.values, strict=True):
            sql, value_params = compiler.compile(
                models.Value(value, output_field=column.output_field)
            )
            rhs.append(sql)
            params.extend(value_params)
        operator = "<" if self.descending else ">"
        return f"({', '.join(lhs)}) {operator} ({', '.join(rhs)})", params


class KeysetPage(Generic[M]):
    """One page of rows and the cursor of the next page (None on the last page)."""

    def __init__(self, items: list[M], next_cursor: str | None) -> None:
        self.items = items
        self.next_cursor = next_cursor


def keyset_page(
    queryset: models.QuerySet[M],
    *,
    sort_field: str,
    cursor: str | None,
    limit: int,
    descending: bool = False,
) -> KeysetPage[M]:
    """Return the page after ``cursor`` of ``queryset`` ordered by ``(sort_field, id)``.

    ``sort_field`` must be a non-null concrete field of the model (no ``__`` paths).
    """
    sign = "-" if descending else ""
    queryset = queryset.order_by(f"{sign}{sort_field}", f"{sign}pk")
    if cursor:
        sort_value, pk = _typed_cursor(queryset.model, sort_field, cursor)
        queryset = queryset.filter(
            RowCompare([sort_field, "pk"], [sort_value, pk], descending=descending)
        )
    rows = list(queryset[: limit + 1])
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        next_cursor = encode_cursor(getattr(last, sort_field), int(last.pk))
    return KeysetPage(rows, next_cursor)
