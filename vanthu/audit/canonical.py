"""Normalise what an audit event stores, so that it reads back exactly as it was hashed.

An event is hashed before it is written and verified after it is read back, possibly years
later and from another database. Anything the database would store differently from the
Python value (PostgreSQL ``jsonb`` numbers, NUL characters, ``inet`` spelling) is settled here.
"""

from __future__ import annotations

import ipaddress
import json
import math
from collections.abc import Mapping
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder

from vanthu.audit.errors import AuditAddressInvalidError

# From 1e16 up every float is an integer, which ``jsonb`` gives back as an ``int``.
_INTEGRAL_FLOAT_LIMIT = 1e16


def clean_text(value: str, *, max_length: int | None = None) -> str:
    """Return ``value`` storable in any text column: no NUL, no lone surrogate, truncated."""
    text = value.replace("\x00", "\ufffd").encode("utf-8", "replace").decode("utf-8")
    return text if max_length is None else text[:max_length]


def _clean_float(value: float) -> float | int | str:
    if not math.isfinite(value):
        return repr(value)
    if value == 0:
        return 0.0  # PostgreSQL has no negative zero.
    if abs(value) >= _INTEGRAL_FLOAT_LIMIT:
        return int(value)
    return value


def _clean_value(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, float):
        return _clean_float(value)
    if isinstance(value, dict):
        return {clean_text(key): _clean_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_clean_value(item) for item in value]
    return value


def clean_data(data: Mapping[str, Any] | None) -> dict[str, Any]:
    """Return ``data`` as plain JSON that both SQLite and PostgreSQL give back unchanged.

    Dates, decimals and UUIDs become strings (Django's JSON encoder); non-finite floats
    become their names; integral floats from 1e16 up become integers.
    """
    plain = json.loads(json.dumps(dict(data or {}), cls=DjangoJSONEncoder))
    cleaned: dict[str, Any] = _clean_value(plain)
    return cleaned


def clean_ip(value: str | None) -> str | None:
    """Return ``value`` as a canonical IP address (IPv4-mapped IPv6 unpacked), or ``None``."""
    if value is None or not value.strip():
        return None
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError as exc:
        raise AuditAddressInvalidError from exc
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(address)
