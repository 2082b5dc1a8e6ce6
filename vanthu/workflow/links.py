"""Where a notification about a document points: set by the app that shows documents.

The workflow engine knows no app above it (design.md §3), so it cannot name their pages. The
app that does (incoming, later outgoing) registers a builder in its ``AppConfig.ready()``:
``register_document_link(lambda document_id, agency_id: reverse(...))``. Without one, a
notification has no link and the page shows it as text.
"""

from __future__ import annotations

from collections.abc import Callable

DocumentLink = Callable[[int, int], str | None]

_builders: list[DocumentLink] = []


def register_document_link(builder: DocumentLink) -> None:
    """Add a builder returning the page of a document in an agency (or ``None``)."""
    if builder not in _builders:
        _builders.append(builder)


def unregister_document_link(builder: DocumentLink) -> None:
    """Remove a builder added with ``register_document_link`` (tests)."""
    if builder in _builders:
        _builders.remove(builder)


def document_link(document_id: int, agency_id: int) -> str:
    """Return the page of a document for a user of the agency; "" when no app knows one."""
    for builder in reversed(_builders):
        link = builder(document_id, agency_id)
        if link:
            return link
    return ""
