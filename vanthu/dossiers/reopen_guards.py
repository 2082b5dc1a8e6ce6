"""Checks that higher apps add to reopening a dossier (dossiers never import them).

A guard takes the locked dossier inside the reopen transaction and raises a DomainError to
refuse; the agency archive registers one in its ``AppConfig.ready()`` (a dossier waiting in a
submitted hand-over batch stays closed).
"""

from __future__ import annotations

from collections.abc import Callable

from vanthu.dossiers.models import Dossier

ReopenGuard = Callable[[Dossier], None]

_GUARDS: list[ReopenGuard] = []


def register(guard: ReopenGuard) -> ReopenGuard:
    """Add ``guard`` (once, however often ``ready()`` runs); return it (usable as decorator)."""
    if guard not in _GUARDS:
        _GUARDS.append(guard)
    return guard


def unregister(guard: ReopenGuard) -> None:
    """Remove ``guard`` if registered (tests)."""
    if guard in _GUARDS:
        _GUARDS.remove(guard)


def check_reopen(dossier: Dossier) -> None:
    """Run every guard on ``dossier``; the first refusal propagates."""
    for guard in tuple(_GUARDS):
        guard(dossier)
