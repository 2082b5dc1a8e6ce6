"""Suggestions for the incoming screens, scoped to the actor: issuing agencies and parties.

Issuing agencies come from the agencies of the installation and from the names this agency
has already registered (only records the actor may see). Parties are the people and units of
the actor's agency a document can be given to.
"""

from __future__ import annotations

from dataclasses import dataclass

from vanthu.accounts.enums import AgencyStatus
from vanthu.accounts.models import Agency, OrgUnit, User
from vanthu.core.collation import vi_sorted
from vanthu.core.text import clean_text, fold
from vanthu.incoming.selectors import incoming_visible_for

SUGGESTION_LIMIT = 8
MIN_TERM_LENGTH = 2


def organ_suggestions(*, actor: User, term: str, limit: int = SUGGESTION_LIMIT) -> list[str]:
    """Return issuing-agency names matching ``term`` (folded: "so noi vu" finds "Sở Nội vụ").

    Names already registered by the actor's agency come first, then the installation's agencies.
    """
    folded = fold(clean_text(term))
    if len(folded) < MIN_TERM_LENGTH or not actor.is_active or actor.agency_id is None:
        return []
    registered = (
        incoming_visible_for(actor=actor)
        .filter(organ_folded__contains=folded)
        .order_by()
        .values_list("document__organ_name", flat=True)
        .distinct()[: limit * 2]
    )
    agencies = Agency.objects.filter(status=AgencyStatus.ACTIVE).values_list("name", flat=True)
    found: dict[str, str] = {}
    for name in [*vi_sorted(registered), *vi_sorted(n for n in agencies if folded in fold(n))]:
        found.setdefault(fold(name), name)
    return list(found.values())[:limit]


@dataclass(frozen=True, slots=True)
class PartyChoice:
    """A person or a unit offered in the assignment form: ``value`` is ``user:<username>``."""

    value: str
    label: str


def party_choices(*, actor: User) -> list[PartyChoice]:
    """Return the units, then the active people, of the actor's agency in Vietnamese order."""
    if not actor.is_active or actor.agency_id is None:
        return []
    units = OrgUnit.objects.filter(agency_id=actor.agency_id)
    people = User.objects.filter(agency_id=actor.agency_id, is_active=True).select_related("unit")
    unit_choices = [PartyChoice(f"unit:{unit.pk}", unit.name) for unit in units]
    person_choices = [
        PartyChoice(f"user:{person.username}", _person_label(person)) for person in people
    ]
    by_label = lambda choice: choice.label  # noqa: E731
    return [*vi_sorted(unit_choices, key=by_label), *vi_sorted(person_choices, key=by_label)]


def _person_label(person: User) -> str:
    parts = [str(person)]
    if person.position_title:
        parts.append(person.position_title)
    if person.unit is not None:
        parts.append(person.unit.name)
    return " — ".join(parts)
