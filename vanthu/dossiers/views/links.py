"""Links a higher app adds to a closed dossier's page (e.g. the archive's "Nộp lưu hồ sơ").

The dossier pages must not name a higher app's URLs; that app registers its link here from
its ``AppConfig.ready()`` and the page shows whatever is registered.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise


@dataclass(frozen=True, slots=True)
class DossierLink:
    """A labelled link; ``url_name`` is reversed when the page is drawn."""

    label: str | Promise
    url_name: str


@dataclass(frozen=True, slots=True)
class ResolvedLink:
    label: str
    url: str


_CLOSED: list[DossierLink] = []


def closed_dossier_link_register(*, label: str | Promise, url_name: str) -> None:
    """Show a link on every closed dossier's page (registering the same URL twice is a no-op)."""
    if all(link.url_name != url_name for link in _CLOSED):
        _CLOSED.append(DossierLink(label=label, url_name=url_name))


def closed_dossier_link_unregister(*, url_name: str) -> None:
    """Stop showing the link to ``url_name`` (for tests and app reloads)."""
    _CLOSED[:] = [link for link in _CLOSED if link.url_name != url_name]


def closed_dossier_links() -> list[ResolvedLink]:
    """Return the registered links with their URLs, in registration order."""
    return [ResolvedLink(label=str(link.label), url=reverse(link.url_name)) for link in _CLOSED]
