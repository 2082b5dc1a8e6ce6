"""Propose a document's registration metadata from its first page (and its signature page).

``extract_proposals(pages)`` is the entry point; the rules follow the Decree 30 layout of
domain.md §1.5 (header columns, "Số:" line, date line, centred type name, signature block at the
bottom right, "Nơi nhận" list).
"""

from vanthu.capture.extract.proposals import FIELDS, Proposal, Proposals, proposals_json
from vanthu.capture.extract.run import KnownAgency, extract_proposals

__all__ = ["FIELDS", "KnownAgency", "Proposal", "Proposals", "extract_proposals", "proposals_json"]
