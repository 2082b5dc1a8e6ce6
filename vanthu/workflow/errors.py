"""Refusals of the workflow engine (stable codes, Vietnamese messages)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vanthu.core.errors import InvalidInputError


class InvalidPartyError(InvalidInputError):
    code = "invalid_party"
    default_message = _("Người hoặc đơn vị được giao không hợp lệ.")
