"""Pages of the specialist: "Hồ sơ của tôi", a dossier (close, reopen, export), the worklist
with one-click filing (the file plan is in ``plan``)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vanthu.accounts.models import User
from vanthu.accounts.views import error_text
from vanthu.core.errors import InvalidInputError
from vanthu.dossiers.closing import dossier_close, dossier_reopen
from vanthu.dossiers.enums import DossierStatus, Retention
from vanthu.dossiers.exports.service import dossier_export
from vanthu.dossiers.permissions import may_write
from vanthu.dossiers.proposals import proposal_confirm, proposals_for
from vanthu.dossiers.selectors import (
    dossier_get_for,
    dossier_items_of,
    dossiers_visible_for,
)
from vanthu.dossiers.services import dossier_viewed
from vanthu.dossiers.views.adding import add_candidates, upload_form
from vanthu.dossiers.views.base import dossier_view
from vanthu.dossiers.views.links import closed_dossier_links
from vanthu.dossiers.worklist import unfiled_for

PAGE_SIZE = 100
EXPORT_FORMATS = frozenset({"pdf", "xml"})


def _int(value: str | None, field: str) -> int | None:
    if not value:
        return None
    if not value.isdigit() or len(value) > 10:
        raise InvalidInputError(fields={field: [_("Giá trị không hợp lệ.")]})
    return int(value)


@require_GET
@dossier_view
def my_dossiers(request: HttpRequest, actor: User) -> HttpResponse:
    """List the dossiers the actor created, then the others they may see."""
    rows = list(
        dossiers_visible_for(actor=actor).order_by("status", "-opened_on", "-pk")[:PAGE_SIZE]
    )
    mine = [row for row in rows if row.creator_id == actor.pk]
    others = [row for row in rows if row.creator_id != actor.pk]
    unfiled = unfiled_for(actor=actor).count()
    context = {"mine": mine, "others": others, "unfiled": unfiled}
    return render(request, "dossiers/mine.html", context)


@require_GET
@dossier_view
def dossier_detail(request: HttpRequest, actor: User, pk: int) -> HttpResponse:
    """Show a dossier, its documents in order, the add/upload controls and the close/reopen
    forms."""
    dossier = dossier_get_for(actor=actor, pk=pk)
    dossier_viewed(actor=actor, dossier=dossier)
    writable = may_write(actor, dossier)
    is_open = dossier.status == DossierStatus.OPEN
    context = {
        "dossier": dossier,
        "items": dossier_items_of(dossier),
        "writable": writable,
        "retentions": Retention.choices,
        "is_open": is_open,
        "is_closed": dossier.status == DossierStatus.CLOSED,
        "candidates": add_candidates(actor=actor, dossier=dossier) if writable and is_open else [],
        "upload_form": upload_form(),
        "closed_links": closed_dossier_links(),
    }
    return render(request, "dossiers/detail.html", context)


@require_POST
@dossier_view
def dossier_close_view(request: HttpRequest, actor: User, pk: int) -> HttpResponse:
    """Close the dossier with the re-assessed retention and a note."""
    dossier = dossier_get_for(actor=actor, pk=pk)
    try:
        dossier_close(
            actor=actor,
            dossier=dossier,
            retention=request.POST.get("retention", ""),
            note=request.POST.get("note", ""),
        )
    except InvalidInputError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Đã kết thúc hồ sơ."))
    return redirect("dossiers:detail", pk=pk)


@require_POST
@dossier_view
def dossier_reopen_view(request: HttpRequest, actor: User, pk: int) -> HttpResponse:
    """Reopen a closed dossier with a reason."""
    dossier = dossier_get_for(actor=actor, pk=pk)
    dossier_reopen(actor=actor, dossier=dossier, reason=request.POST.get("reason", ""))
    messages.success(request, _("Đã mở lại hồ sơ."))
    return redirect("dossiers:detail", pk=pk)


@require_GET
@dossier_view
def dossier_download(request: HttpRequest, actor: User, pk: int, fmt: str) -> HttpResponse:
    """Download the dossier as PDF or XML (audited)."""
    if fmt not in EXPORT_FORMATS:
        raise Http404
    exported = dossier_export(actor=actor, dossier_id=pk, fmt=fmt)
    response = HttpResponse(exported.content, content_type=exported.media_type)
    response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
    return response


@require_GET
@dossier_view
def unfiled(request: HttpRequest, actor: User) -> HttpResponse:
    """List the documents the actor handled and has not filed, each with its proposals."""
    documents = list(unfiled_for(actor=actor)[:PAGE_SIZE])
    rows = [(doc, proposals_for(actor=actor, document_id=doc.pk)) for doc in documents]
    just_filed = request.GET.get("ho_so", "")
    filed_into = None
    if just_filed.isdigit() and len(just_filed) <= 10:
        filed_into = dossiers_visible_for(actor=actor).filter(pk=int(just_filed)).first()
    return render(request, "dossiers/unfiled.html", {"rows": rows, "filed_into": filed_into})


@require_POST
@dossier_view
def file_document(request: HttpRequest, actor: User, document_id: int) -> HttpResponse:
    """File the document where the chosen proposal points (one click)."""
    item = proposal_confirm(
        actor=actor,
        document_id=document_id,
        dossier_id=_int(request.POST.get("dossier_id"), "dossier_id"),
        plan_item_id=_int(request.POST.get("plan_item_id"), "plan_item_id"),
    )
    messages.success(
        request, _("Đã lập hồ sơ: văn bản vào hồ sơ %(code)s.") % {"code": item.dossier.code}
    )
    return redirect(f"{reverse('dossiers:unfiled')}?ho_so={item.dossier_id}")
