"""Where the archive's notifications point (empty while a page is not wired in the URLconf)."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse


def safe_reverse(name: str, pk: int) -> str:
    """Return the page ``name`` of object ``pk``, or "" when the page does not exist."""
    try:
        return reverse(name, kwargs={"pk": pk})
    except NoReverseMatch:
        return ""


def handover_link(handover_id: int) -> str:
    return safe_reverse("archive:detail", handover_id)


def dossier_link(dossier_id: int) -> str:
    return safe_reverse("dossiers:detail", dossier_id)
