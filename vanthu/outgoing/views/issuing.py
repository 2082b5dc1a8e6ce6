"""Issue an approved draft: the confirmation (book, number, date), recipients, then the number."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.core.dates import date_phrase
from vanthu.core.errors import DomainError
from vanthu.documents.numbering import today_in_vietnam
from vanthu.outgoing import services
from vanthu.outgoing.enums import DistributionKind
from vanthu.outgoing.forms import IssueForm, lines_of
from vanthu.outgoing.issue import register_book_for
from vanthu.outgoing.models import OutgoingDraft
from vanthu.outgoing.permissions import ensure, is_clerk
from vanthu.outgoing.selectors import draft_get_for
from vanthu.outgoing.signature_steps import waits_for_agency
from vanthu.outgoing.ui_selectors import (
    agency_people,
    agency_units,
    next_number,
    other_agencies,
    record_of_draft,
)
from vanthu.outgoing.views.common import actor_of, add_refusal, outgoing_view

K = DistributionKind


def _form(actor: User, data: Any = None) -> IssueForm:
    return IssueForm(
        data,
        units=agency_units(actor),
        people=agency_people(actor),
        agencies=other_agencies(actor),
    )


def _post_line(line: str) -> services.DistributionInput:
    name, _sep, address = line.partition("–") if "–" in line else line.partition(" - ")
    if not address:
        name, address = "", line
    return services.DistributionInput(
        kind=K.POST, name=name.strip(), postal_address=address.strip()
    )


def distribution_of(form: IssueForm) -> list[services.DistributionInput]:
    """Return the recipients chosen on a valid issue form, in the order of the form."""
    values = form.cleaned_data
    return [
        *(services.DistributionInput(kind=K.UNIT, unit_id=u.pk) for u in values["units"]),
        *(services.DistributionInput(kind=K.USER, user_id=u.pk) for u in values["users"]),
        *(services.DistributionInput(kind=K.AGENCY, agency_id=a.pk) for a in values["agencies"]),
        *(services.DistributionInput(kind=K.EMAIL, email=e) for e in lines_of(values["emails"])),
        *(_post_line(line) for line in lines_of(values["posts"])),
    ]


def issue_confirmation(draft: OutgoingDraft) -> dict[str, Any]:
    """Return what the issue page shows before issuing: whether the agency's digital signature
    is the next step, the book, the number the issue would take and today's date (or why not)."""
    day = today_in_vietnam()
    step = {"agency_step_open": waits_for_agency(draft)}
    try:
        book = register_book_for(draft)
    except DomainError as error:
        return {**step, "book_error": error.message}
    return {
        **step,
        "book": book,
        "expected_number": f"{next_number(book, day.year):02d}",
        "issue_date": date_phrase(day),
    }


def _page(
    request: HttpRequest, actor: User, draft: OutgoingDraft, form: IssueForm, status: int = 200
) -> HttpResponse:
    context = {"draft": draft, "form": form, "record": record_of_draft(draft)}
    context.update(issue_confirmation(draft))
    return render(request, "outgoing/issue.html", context, status=status)


@outgoing_view
def issue(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the confirmation and recipients (GET); number, register and send (POST)."""
    actor = actor_of(request)
    draft = draft_get_for(actor=actor, pk=pk)
    ensure(is_clerk(actor), _("Chỉ văn thư mới được cấp số và phát hành văn bản."))
    if request.method != "POST":
        return _page(request, actor, draft, _form(actor))
    form = _form(actor, request.POST)
    if form.is_valid():
        try:
            outgoing = services.draft_issue(
                actor=actor,
                draft_id=draft.pk,
                distribution=distribution_of(form),
                copies=form.cleaned_data["copies"],
            )
        except DomainError as error:
            add_refusal(request, form, error)
            return _page(request, actor, draft_get_for(actor=actor, pk=pk), form, status=409)
        document = outgoing.document
        messages.success(
            request,
            _("Đã cấp số %(code)s, %(date)s, vào %(book)s.")
            % {
                "code": f"{document.code_number}/{document.code_notation}",
                "date": date_phrase(outgoing.issued_date),
                "book": outgoing.register_book.name,
            },
        )
        return redirect("outgoing:record", pk=outgoing.pk)
    return _page(request, actor, draft, form, status=400)
