"""Opening a dossier by hand: from an item of the approved file plan (its code, title and
retention prefilled) or outside the plan; the actor becomes its creator."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.core.errors import ConflictError, InvalidInputError, NotFoundError
from vanthu.core.forms import form_add_refusal
from vanthu.dossiers.enums import Rights
from vanthu.dossiers.forms import DossierOpenForm
from vanthu.dossiers.selectors import plan_items_openable_for
from vanthu.dossiers.services import dossier_open
from vanthu.dossiers.views.base import dossier_view

PAGE = "dossiers/open.html"


def _initial(actor: User, item_id: str | None) -> dict[str, Any]:
    """Prefill from the plan item ``?muc=`` names (404 when the agency has no such item)."""
    initial: dict[str, Any] = {"rights": Rights.PUBLIC}
    if not item_id:
        return initial
    valid = item_id.isdigit() and len(item_id) <= 10
    item = plan_items_openable_for(actor=actor).filter(pk=int(item_id)).first() if valid else None
    if item is None:
        raise NotFoundError(_("Không tìm thấy hồ sơ trong danh mục."))
    initial.update(
        {"plan_item": item, "title": item.title, "code": item.code, "retention": item.retention}
    )
    return initial


def _open(request: HttpRequest, actor: User, form: DossierOpenForm) -> HttpResponse | None:
    """Open the dossier from a valid form; None when the service refused (shown on the form)."""
    values = form.cleaned_data
    try:
        dossier = dossier_open(
            actor=actor,
            plan_item=values["plan_item"],
            title=values["title"],
            code=values["code"],
            retention=values["retention"] or None,
            rights=Rights(values["rights"]),
            opened_on=values["opened_on"],
            is_construction=values["is_construction"],
            description=values["description"],
        )
    except (InvalidInputError, ConflictError) as error:
        form_add_refusal(form, error)
        return None
    messages.success(request, _("Đã mở hồ sơ %s.") % dossier.code)
    return redirect("dossiers:detail", pk=dossier.pk)


@dossier_view
def dossier_open_view(request: HttpRequest, actor: User) -> HttpResponse:
    """Show the "Mở hồ sơ" form (``?muc=`` prefills it from a plan item) and open the dossier."""
    items = plan_items_openable_for(actor=actor)
    if request.method == "POST":
        form = DossierOpenForm(request.POST, items=items)
        if form.is_valid():
            opened = _open(request, actor, form)
            if opened is not None:
                return opened
        return render(request, PAGE, {"form": form}, status=400)
    if request.method != "GET":
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    form = DossierOpenForm(initial=_initial(actor, request.GET.get("muc")), items=items)
    return render(request, PAGE, {"form": form})
