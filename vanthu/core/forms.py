"""Helpers shared by the HTML forms of every app."""

from __future__ import annotations

from django import forms

from vanthu.core.errors import DomainError


def form_add_refusal(
    form: forms.Form, error: DomainError, *, fields: dict[str, str] | None = None
) -> None:
    """Show a service refusal on ``form``: beside the fields it names, else above the form.

    ``fields`` maps the service's field names to the form's where they differ.
    """
    names = fields or {}
    placed = False
    for name, messages in error.fields.items():
        target = names.get(name, name)
        if target in form.fields:
            form.add_error(target, list(messages))
            placed = True
    if not placed:
        form.add_error(None, error.message)
