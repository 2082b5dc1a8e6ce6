"""The file plan page: choose the year, start or copy a plan, add headings and items to a
draft, approve and issue it, print it; the reference schedule offered as help."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vanthu.accounts.models import User
from vanthu.accounts.roles import can_route, effective_roles
from vanthu.core.errors import ConflictError, InvalidInputError
from vanthu.core.forms import form_add_refusal
from vanthu.dossiers import plan_services
from vanthu.dossiers.enums import FilePlanStatus, Numbering
from vanthu.dossiers.forms import (
    HeadingForm,
    PlanCopyForm,
    PlanCreateForm,
    PlanIssueForm,
    PlanItemForm,
)
from vanthu.dossiers.models import FilePlan, FilePlanHeading, FilePlanItem
from vanthu.dossiers.permissions import (
    PLAN_EDITOR_ROLES,
    agency_id_of,
    ensure_leader,
    ensure_plan_editor,
)
from vanthu.dossiers.plan_edits import plan_item_code_proposed, schedule_matches
from vanthu.dossiers.printing import DOCX_MEDIA_TYPE, plan_docx, plan_pdf, plan_sheet
from vanthu.dossiers.selectors import file_plan_get_for, file_plans_for, plan_items_of
from vanthu.dossiers.views.base import dossier_view

PAGE = "dossiers/file_plan_page.html"
PRINT_FORMATS = frozenset({"docx", "pdf"})
REFUSALS = (InvalidInputError, ConflictError)


@dataclass(frozen=True, slots=True)
class PlanPageRow:
    """One row of the plan on screen: a heading (``large``/``inner``) or an ``item``."""

    kind: str
    label: str
    item: FilePlanItem | None = None


def plan_rows(plan: FilePlan) -> list[PlanPageRow]:
    """Return the plan as on paper: each large heading, its items, its inner headings."""
    items = list(plan_items_of(plan))
    headings = list(plan.headings.order_by("number", "pk"))
    rows: list[PlanPageRow] = []
    for top in (h for h in headings if h.parent_id is None):
        rows.append(PlanPageRow("large", f"{top.label} {top.title}"))
        for inner in [top, *(h for h in headings if h.parent_id == top.pk)]:
            if inner is not top:
                rows.append(PlanPageRow("inner", f"{inner.label} {inner.title}"))
            rows.extend(
                PlanPageRow("item", item.title, item)
                for item in items
                if item.heading_id == inner.pk
            )
    return rows


def _may_edit(actor: User) -> bool:
    return actor.agency_id is not None and bool(effective_roles(actor) & PLAN_EDITOR_ROLES)


def _year(value: str | None) -> int | None:
    if not value or not value.isdigit() or len(value) > 4:
        return None
    year = int(value)
    return year if plan_services.MIN_YEAR <= year <= plan_services.MAX_YEAR else None


def _proposals(plan: FilePlan) -> dict[int, str]:
    headings = plan.headings.select_related("plan", "parent")
    return {heading.pk: plan_item_code_proposed(heading=heading) for heading in headings}


def _item_form(plan: FilePlan, data: Any = None) -> PlanItemForm:
    form = PlanItemForm(data, plan=plan, proposals=_proposals(plan), auto_id="item_%s")
    form.fields["title"].widget.attrs.update(
        {
            "hx-get": reverse("dossiers:schedule_help"),
            "hx-trigger": "input changed delay:400ms",
            "hx-target": "#schedule-help",
            "hx-swap": "innerHTML",
        }
    )
    return form


def _forms(actor: User, plan: FilePlan | None, year: int) -> dict[str, forms.Form]:
    """Return the empty forms the actor may use on the page of ``plan`` (or of ``year``)."""
    if not _may_edit(actor):
        return {}
    if plan is None:
        others = file_plans_for(actor=actor)
        found: dict[str, forms.Form] = {
            "create_form": PlanCreateForm(
                initial={"year": year, "numbering": Numbering.CONTINUOUS}, auto_id="create_%s"
            )
        }
        if others.exists():
            found["copy_form"] = PlanCopyForm(
                plans=others,
                initial={"year": year, "source": others.first()},
                auto_id="copy_%s",
            )
        return found
    if plan.status == FilePlanStatus.DRAFT:
        return {
            "heading_form": HeadingForm(plan=plan, auto_id="heading_%s"),
            "item_form": _item_form(plan),
        }
    if plan.status == FilePlanStatus.APPROVED:
        today = timezone.localdate()
        return {"issue_form": PlanIssueForm(initial={"decision_date": today}, auto_id="issue_%s")}
    return {}


def _page(
    request: HttpRequest,
    actor: User,
    *,
    plan: FilePlan | None,
    year: int,
    bound: Mapping[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    plans = list(file_plans_for(actor=actor))
    item_form = (bound or {}).get("item_form")
    title = item_form.data.get("title", "") if item_form is not None else ""
    context: dict[str, Any] = {
        "plan": plan,
        "year": year,
        "plans": plans,
        "rows": plan_rows(plan) if plan is not None else [],
        "sheet": plan_sheet(plan) if plan is not None else None,
        "may_edit": _may_edit(actor),
        "may_approve": can_route(actor),
        "is_draft": plan is not None and plan.status == FilePlanStatus.DRAFT,
        "may_open": plan is not None and plan.status != FilePlanStatus.DRAFT,
        "matches": schedule_matches(actor=actor, title=title) if title else [],
        "help_title": title,
        **_forms(actor, plan, year),
        **(bound or {}),
    }
    return render(request, PAGE, context, status=status)


def _to_plan(plan: FilePlan) -> HttpResponse:
    return redirect(f"{reverse('dossiers:file_plan')}?nam={plan.year}")


@require_GET
@dossier_view
def file_plan(request: HttpRequest, actor: User) -> HttpResponse:
    """Show the plan of the chosen year (``?nam=``; else the latest) with the actions the
    actor may take on it."""
    year = _year(request.GET.get("nam"))
    plans = file_plans_for(actor=actor)
    plan = plans.filter(year=year).first() if year is not None else plans.first()
    if year is None:
        year = plan.year if plan is not None else timezone.localdate().year
    return _page(request, actor, plan=plan, year=year)


@require_POST
@dossier_view
def plan_create(request: HttpRequest, actor: User) -> HttpResponse:
    """Start an empty plan for the year."""
    ensure_plan_editor(actor, agency_id_of(actor))
    form = PlanCreateForm(request.POST, auto_id="create_%s")
    if form.is_valid():
        try:
            plan = plan_services.file_plan_create(
                actor=actor,
                year=form.cleaned_data["year"],
                numbering=Numbering(form.cleaned_data["numbering"]),
            )
        except REFUSALS as error:
            form_add_refusal(form, error)
        else:
            messages.success(request, _("Đã lập danh mục hồ sơ năm %d.") % plan.year)
            return _to_plan(plan)
    year = _year(request.POST.get("year")) or timezone.localdate().year
    return _page(request, actor, plan=None, year=year, bound={"create_form": form}, status=400)


@require_POST
@dossier_view
def plan_copy(request: HttpRequest, actor: User) -> HttpResponse:
    """Start the plan of the year as a copy of an earlier plan, to adjust."""
    ensure_plan_editor(actor, agency_id_of(actor))
    form = PlanCopyForm(request.POST, plans=file_plans_for(actor=actor), auto_id="copy_%s")
    if form.is_valid():
        try:
            plan = plan_services.file_plan_copy(
                actor=actor, source=form.cleaned_data["source"], year=form.cleaned_data["year"]
            )
        except REFUSALS as error:
            form_add_refusal(form, error)
        else:
            messages.success(request, _("Đã sao chép thành danh mục hồ sơ năm %d.") % plan.year)
            return _to_plan(plan)
    year = _year(request.POST.get("year")) or timezone.localdate().year
    return _page(request, actor, plan=None, year=year, bound={"copy_form": form}, status=400)


@require_POST
@dossier_view
def plan_heading_add(request: HttpRequest, actor: User, pk: int) -> HttpResponse:
    """Add a large heading or a heading inside one to a draft plan."""
    plan = file_plan_get_for(actor=actor, pk=pk)
    ensure_plan_editor(actor, plan.agency_id)
    form = HeadingForm(request.POST, plan=plan, auto_id="heading_%s")
    if form.is_valid():
        parent: FilePlanHeading | None = form.cleaned_data["parent"]
        try:
            heading = plan_services.heading_add(
                actor=actor,
                plan=plan,
                title=form.cleaned_data["title"],
                abbreviation=form.cleaned_data["abbreviation"],
                parent=parent,
            )
        except REFUSALS as error:
            form_add_refusal(form, error)
        else:
            messages.success(request, _("Đã thêm đề mục %s.") % heading)
            return _to_plan(plan)
    bound = {"heading_form": form}
    return _page(request, actor, plan=plan, year=plan.year, bound=bound, status=400)


@require_POST
@dossier_view
def plan_item_add(request: HttpRequest, actor: User, pk: int) -> HttpResponse:
    """Add a planned dossier under a heading of a draft plan."""
    plan = file_plan_get_for(actor=actor, pk=pk)
    ensure_plan_editor(actor, plan.agency_id)
    form = _item_form(plan, request.POST)
    if form.is_valid():
        values = form.cleaned_data
        try:
            item = plan_services.plan_item_add(
                actor=actor,
                heading=values["heading"],
                title=values["title"],
                retention=values["retention"],
                code=values["code"],
                responsible_unit=values["responsible_unit"],
                responsible_user=values["responsible_user"],
                keywords=values["keywords"],
                note=values["note"],
            )
        except REFUSALS as error:
            form_add_refusal(form, error)
        else:
            messages.success(request, _("Đã thêm hồ sơ %s vào danh mục.") % item.code)
            return _to_plan(plan)
    bound = {"item_form": form}
    return _page(request, actor, plan=plan, year=plan.year, bound=bound, status=400)


@require_POST
@dossier_view
def plan_approve(request: HttpRequest, actor: User, pk: int) -> HttpResponse:
    """Approve a draft plan (the agency's leader)."""
    plan = file_plan_get_for(actor=actor, pk=pk)
    ensure_leader(actor, plan.agency_id)
    try:
        plan_services.file_plan_approve(actor=actor, plan=plan)
    except REFUSALS as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã phê duyệt danh mục hồ sơ năm %d.") % plan.year)
    return _to_plan(plan)


@require_POST
@dossier_view
def plan_issue(request: HttpRequest, actor: User, pk: int) -> HttpResponse:
    """Issue an approved plan with its Quyết định number and date."""
    plan = file_plan_get_for(actor=actor, pk=pk)
    ensure_plan_editor(actor, plan.agency_id)
    form = PlanIssueForm(request.POST, auto_id="issue_%s")
    if form.is_valid():
        try:
            plan_services.file_plan_issue(
                actor=actor,
                plan=plan,
                decision_number=form.cleaned_data["decision_number"],
                decision_date=form.cleaned_data["decision_date"],
            )
        except REFUSALS as error:
            form_add_refusal(form, error)
        else:
            messages.success(request, _("Đã ban hành danh mục hồ sơ năm %d.") % plan.year)
            return _to_plan(plan)
    bound = {"issue_form": form}
    return _page(request, actor, plan=plan, year=plan.year, bound=bound, status=400)


@require_GET
@dossier_view
def schedule_help(request: HttpRequest, actor: User) -> HttpResponse:
    """Return the reference schedule items matching the typed title (an HTMX fragment)."""
    title = request.GET.get("title", "")[:500]
    matches = schedule_matches(actor=actor, title=title)
    return render(request, "dossiers/_schedule_help.html", {"matches": matches, "title": title})


@require_GET
@dossier_view
def file_plan_print(request: HttpRequest, actor: User, fmt: str) -> HttpResponse:
    """Download the plan of the chosen year (else the latest) as DOCX or PDF."""
    if fmt not in PRINT_FORMATS:
        raise Http404
    year = _year(request.GET.get("nam"))
    plans = file_plans_for(actor=actor)
    plan = plans.filter(year=year).first() if year is not None else plans.first()
    if plan is None:
        return redirect("dossiers:file_plan")
    if fmt == "docx":
        content, media_type = plan_docx(plan), DOCX_MEDIA_TYPE
    else:
        content, media_type = plan_pdf(plan), "application/pdf"
    response = HttpResponse(content, content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="danh-muc-ho-so-{plan.year}.{fmt}"'
    return response
