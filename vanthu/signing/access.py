"""Which documents an actor may see the signature reports of.

The signing app sits below incoming/outgoing and cannot import them. An app that knows better
who may see its documents provides a ``signature_check`` module with
``document_visible(*, actor, document) -> bool | None`` (None: "not one of mine"); it is found
by name among the installed apps. Otherwise the rule is the agency's and the clearance's: the
document belongs to the actor's agency and its confidentiality is within the actor's clearance.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps

from vanthu.accounts.models import User
from vanthu.accounts.roles import max_confidentiality
from vanthu.core.errors import NotFoundError
from vanthu.documents.models import Document

HOOK_MODULE = "signature_check"
HOOK_FUNCTION = "document_visible"
VisibilityHook = Callable[..., bool | None]


@cache
def visibility_hooks() -> tuple[VisibilityHook, ...]:
    """Return the ``document_visible`` functions of the installed apps (found once)."""
    hooks = []
    for config in apps.get_app_configs():
        name = f"{config.name}.{HOOK_MODULE}"
        if find_spec(config.name) is None or find_spec(name) is None:
            continue
        hook = getattr(import_module(name), HOOK_FUNCTION, None)
        if callable(hook):
            hooks.append(hook)
    return tuple(hooks)


def document_get_for(*, actor: User, document_id: int) -> Document:
    """Return the document if ``actor`` may see it; NotFoundError otherwise (same answer)."""
    if not actor.is_active:
        raise NotFoundError
    document = (
        Document.objects.filter(pk=document_id, confidentiality__lte=max_confidentiality(actor))
        .select_related("owner_agency")
        .first()
    )
    if document is None:
        raise NotFoundError
    if actor.is_superuser:
        return document
    for hook in visibility_hooks():
        verdict = hook(actor=actor, document=document)
        if verdict is not None:
            if verdict:
                return document
            raise NotFoundError
    if actor.agency_id is not None and document.owner_agency_id == actor.agency_id:
        return document
    raise NotFoundError
