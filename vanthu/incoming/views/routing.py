"""The assignment form: the agency's parties, the default due date, the chosen parties."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.core.errors import InvalidInputError
from vanthu.documents.enums import Urgency
from vanthu.documents.numbering import today_in_vietnam
from vanthu.incoming.forms import AssignForm
from vanthu.incoming.models import IncomingRecord
from vanthu.incoming.suggestions import party_choices
from vanthu.workflow.deadlines import due_date_default
from vanthu.workflow.parties import Party
from vanthu.workflow.selectors import party_resolve


def assign_form(
    actor: User, incoming: IncomingRecord, data: Mapping[str, Any] | None = None
) -> AssignForm:
    """Return the assignment form with the agency's parties and the default due date."""
    default_due = incoming.due_date or due_date_default(
        incoming.agency,
        Urgency(incoming.document.urgency),
        today_in_vietnam(),
        document_type=incoming.document.document_type,
    )
    return AssignForm(data, parties=party_choices(actor=actor), default_due=default_due)


def party_of(agency_id: int, value: str, field: str) -> Party:
    """Return the party named ``user:<username>`` or ``unit:<id>`` in the agency."""
    kind, _sep, key = value.partition(":")
    if kind == "user" and key:
        return party_resolve(agency_id=agency_id, username=key, field=field)
    if kind == "unit" and key.isdigit():
        return party_resolve(agency_id=agency_id, unit_id=int(key), field=field)
    raise InvalidInputError(fields={field: [_("Không tìm thấy người hoặc đơn vị này.")]})


def parties_of(agency_id: int, values: list[str], field: str) -> list[Party]:
    """Return the parties named by ``values`` (see ``party_of``)."""
    return [party_of(agency_id, value, field) for value in values]
