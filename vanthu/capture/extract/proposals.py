"""The proposals: one value and a confidence (0–1) per field, in a fixed order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FIELDS: tuple[str, ...] = (
    "type_name",
    "code_number",
    "code_notation",
    "organ_name",
    "superior_organ",
    "place",
    "issued_date",
    "subject",
    "signer_authority",
    "signer_position",
    "signer_full_name",
    "urgency",
    "confidentiality",
    "recipients",
)

Value = str | list[str] | None


@dataclass(frozen=True, slots=True)
class Proposal:
    """A proposed value; ``None`` (or ``[]``) with confidence 0 when nothing was found."""

    value: Value
    confidence: float

    def as_dict(self) -> dict[str, Any]:
        return {"value": self.value, "confidence": round(self.confidence, 2)}


Proposals = dict[str, Proposal]

NOTHING = Proposal(None, 0.0)


def proposals_json(proposals: Proposals) -> dict[str, dict[str, Any]]:
    """Return the proposals as JSON-ready data with exactly the keys of ``FIELDS``."""
    empty = {"recipients": Proposal([], 0.0)}
    return {name: proposals.get(name, empty.get(name, NOTHING)).as_dict() for name in FIELDS}
