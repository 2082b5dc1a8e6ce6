"""Who may import a legacy register, and finding the agency, book and user an import names."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from vanthu.accounts.enums import Role
from vanthu.accounts.models import Agency, User
from vanthu.accounts.roles import is_agency_admin_of
from vanthu.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from vanthu.documents.enums import RegisterKind
from vanthu.documents.models import RegisterBook
from vanthu.incoming.permissions import is_clerk


def can_import(actor: User) -> bool:
    """Return whether ``actor`` may import registers into their agency (clerk, agency admin)."""
    return (
        actor.is_active
        and actor.agency_id is not None
        and (is_clerk(actor) or is_agency_admin_of(actor, actor.agency_id))
    )


def ensure_importer(actor: User) -> Agency:
    """Return the actor's agency; refuse anyone but its clerks and agency admins."""
    agency = actor.agency
    if agency is None or not can_import(actor):
        raise PermissionDeniedError
    return agency


def import_books(agency: Agency) -> QuerySet[RegisterBook]:
    """Return the incoming register books of ``agency`` a legacy register may go into."""
    return RegisterBook.objects.filter(agency=agency, kind=RegisterKind.INCOMING).order_by(
        "-is_active", "pk"
    )


def book_for(agency: Agency, reference: str | int | None = None) -> RegisterBook:
    """Return the book named by id or name (default: the agency's first active incoming book)."""
    books = import_books(agency)
    if reference is not None and str(reference).strip():
        text = str(reference).strip()
        books = books.filter(Q(name=text) | Q(pk=int(text)) if text.isdigit() else Q(name=text))
    book = books.first()
    if book is None:
        raise NotFoundError(
            _("Không có sổ đăng ký văn bản đến “%(book)s” của cơ quan.")
            % {"book": reference or ""},
            fields={"book": [_("Không có sổ đăng ký văn bản đến phù hợp.")]},
        )
    return book


def agency_for(reference: str) -> Agency:
    """Return the agency whose identifier (organ_id) or abbreviation is ``reference``."""
    text = reference.strip()
    matches = list(Agency.objects.filter(Q(organ_id=text) | Q(abbreviation=text))[:2])
    if not matches:
        raise NotFoundError(_("Không có cơ quan “%(agency)s”.") % {"agency": text})
    if len(matches) > 1:
        raise InvalidInputError(
            _("Có nhiều cơ quan viết tắt là “%(agency)s”; hãy dùng mã định danh.")
            % {"agency": text}
        )
    return matches[0]


def importer_for(agency: Agency, username: str | None = None) -> User:
    """Return the user an import runs as: ``username``, else the agency's first active clerk."""
    users = User.objects.filter(agency=agency, is_active=True)
    if username:
        user = users.filter(username=username).first()
    else:
        user = users.filter(role_grants__role=Role.CLERK).order_by("pk").first()
    if user is None:
        raise NotFoundError(
            _("Không có người dùng “%(user)s” đang hoạt động của cơ quan.") % {"user": username}
            if username
            else _("Cơ quan chưa có văn thư đang hoạt động; hãy chỉ rõ người dùng.")
        )
    return user
