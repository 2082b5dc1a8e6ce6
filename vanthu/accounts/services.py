"""Writes on users, roles, passwords and delegations; every one audited in its transaction.

``actor=None`` means the system itself (management commands, the demo loader): trusted callers
only. Views and APIs always pass the signed-in user, whose rights are checked here.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models, transaction
from django.utils import timezone

from vanthu.accounts.enums import AgencyStatus, Clearance, Role
from vanthu.accounts.errors import (
    AgencyHierarchyError,
    AgencySuccessorError,
    DelegationDatesError,
    DelegationOtherAgencyError,
    DelegationRevokedError,
    DelegationSelfError,
    InactiveUserError,
    InvalidOrganIdError,
    OrganIdTakenError,
    UnitOtherAgencyError,
    UsernameTakenError,
    WeakPasswordError,
    WrongPasswordError,
)
from vanthu.accounts.models import Agency, Delegation, OrgUnit, User, UserRole
from vanthu.accounts.roles import forget_roles, is_agency_admin_of, roles_of
from vanthu.accounts.selectors import agency_subtree_ids
from vanthu.audit.services import record
from vanthu.core.errors import InvalidInputError, PermissionDeniedError

ORGAN_ID_RE = re.compile(r"[0-9A-Z.]{13}")
_AGENCY_AUDITED = (
    "name",
    "abbreviation",
    "place_name",
    "status",
    "successor_id",
    "superior_id",
)


def nfc(value: str) -> str:
    """Return ``value`` stripped and normalised to NFC (design.md §6, Text)."""
    return unicodedata.normalize("NFC", value).strip()


def full_clean_or_raise(obj: models.Model, *, exclude: Iterable[str] | None = None) -> None:
    """Run ``full_clean()`` and turn Django's ValidationError into InvalidInputError."""
    try:
        obj.full_clean(exclude=list(exclude) if exclude else None)
    except DjangoValidationError as exc:
        raise InvalidInputError(fields=exc.message_dict) from exc


def _require(*, allowed: bool) -> None:
    if not allowed:
        raise PermissionDeniedError


def _may_administer(actor: User | None, agency_id: int | None) -> bool:
    return actor is None or is_agency_admin_of(actor, agency_id)


def _may_touch_inspector_role(actor: User | None) -> bool:
    """Only the system or a superuser grants or removes cross-agency oversight."""
    return actor is None or (actor.is_superuser and actor.is_active)


def _check_password(password: str, user: User, *, field: str) -> None:
    try:
        validate_password(password, user)
    except DjangoValidationError as exc:
        raise WeakPasswordError(fields={field: list(exc.messages)}) from exc


@transaction.atomic
def user_create(
    *,
    actor: User | None,
    username: str,
    agency: Agency,
    full_name: str = "",
    unit: OrgUnit | None = None,
    position_title: str = "",
    email: str = "",
    password: str | None = None,
    roles: Iterable[Role] = (),
    clearance: Clearance = Clearance.NONE,
) -> User:
    """Create a user of ``agency``; without a password the account cannot log in yet."""
    role_set = frozenset(Role(r) for r in roles)
    _require(allowed=_may_administer(actor, agency.pk))
    if Role.INSPECTOR in role_set:
        _require(allowed=_may_touch_inspector_role(actor))
    if unit is not None and unit.agency_id != agency.pk:
        raise UnitOtherAgencyError(fields={"unit": [str(UnitOtherAgencyError.default_message)]})
    username = nfc(username)
    if User.objects.filter(username__iexact=username).exists():
        raise UsernameTakenError(fields={"username": [str(UsernameTakenError.default_message)]})
    user = User(
        username=username,
        agency=agency,
        unit=unit,
        full_name=nfc(full_name),
        position_title=nfc(position_title),
        email=email.strip(),
        clearance=Clearance(clearance),
    )
    if password is None:
        user.set_unusable_password()
    else:
        _check_password(password, user, field="password")
        user.set_password(password)
    full_clean_or_raise(user)
    user.save()
    UserRole.objects.bulk_create([UserRole(user=user, role=role) for role in sorted(role_set)])
    record(
        action="accounts.user_created",
        actor=actor,
        target=user,
        agency_id=agency.pk,
        data={
            "username": user.username,
            "unit_id": user.unit_id,
            "roles": sorted(role_set),
            "clearance": int(user.clearance),
        },
    )
    return user


@transaction.atomic
def user_set_roles(*, actor: User | None, user: User, roles: Iterable[Role]) -> frozenset[Role]:
    """Replace the roles of ``user`` with ``roles``; return the new set."""
    _require(allowed=_may_administer(actor, user.agency_id))
    forget_roles(user)
    before = (
        roles_of(user)
        if user.is_active
        else frozenset(Role(r) for r in user.role_grants.values_list("role", flat=True))
    )
    after = frozenset(Role(r) for r in roles)
    if Role.INSPECTOR in before ^ after:
        _require(allowed=_may_touch_inspector_role(actor))
    user.role_grants.filter(role__in=sorted(before - after)).delete()
    UserRole.objects.bulk_create(
        [UserRole(user=user, role=role) for role in sorted(after - before)]
    )
    forget_roles(user)
    record(
        action="accounts.roles_set",
        actor=actor,
        target=user,
        agency_id=user.agency_id,
        data={"before": sorted(before), "after": sorted(after)},
    )
    return after


@transaction.atomic
def password_change(
    *, actor: User | None, user: User, new_password: str, old_password: str | None = None
) -> None:
    """Change the password of ``user``.

    Users changing their own password give the current one; an agency admin resetting another
    user's password does not, and the reset also lifts a lock-out.
    """
    by_self = actor is not None and actor.pk == user.pk
    if by_self:
        if old_password is None or not user.check_password(old_password):
            raise WrongPasswordError(
                fields={"old_password": [str(WrongPasswordError.default_message)]}
            )
    else:
        _require(allowed=_may_administer(actor, user.agency_id))
    _check_password(new_password, user, field="new_password")
    user.set_password(new_password)
    user.failed_login_count = 0
    user.locked_until = None
    user.save(update_fields=["password", "failed_login_count", "locked_until"])
    record(
        action="accounts.password_changed",
        actor=actor,
        target=user,
        agency_id=user.agency_id,
        data={"by_self": by_self},
    )


@transaction.atomic
def delegation_create(
    *,
    actor: User | None,
    grantor: User,
    grantee: User,
    start_date: dt.date,
    end_date: dt.date,
    scope: str = "",
) -> Delegation:
    """Let ``grantee`` act for ``grantor`` from ``start_date`` to ``end_date`` (inclusive)."""
    _require(
        allowed=(actor is not None and actor.pk == grantor.pk)
        or _may_administer(actor, grantor.agency_id)
    )
    if grantor.pk == grantee.pk:
        raise DelegationSelfError(fields={"grantee": [str(DelegationSelfError.default_message)]})
    if grantor.agency_id is None or grantor.agency_id != grantee.agency_id:
        raise DelegationOtherAgencyError(
            fields={"grantee": [str(DelegationOtherAgencyError.default_message)]}
        )
    if not grantee.is_active:
        raise InactiveUserError(fields={"grantee": [str(InactiveUserError.default_message)]})
    if end_date < start_date:
        raise DelegationDatesError(fields={"end_date": [str(DelegationDatesError.default_message)]})
    delegation = Delegation(
        grantor=grantor,
        grantee=grantee,
        start_date=start_date,
        end_date=end_date,
        scope=nfc(scope),
    )
    full_clean_or_raise(delegation)
    delegation.save()
    forget_roles(grantee)
    record(
        action="accounts.delegation_created",
        actor=actor,
        target=delegation,
        agency_id=grantor.agency_id,
        data={
            "grantor_id": grantor.pk,
            "grantee_id": grantee.pk,
            "start_date": start_date,
            "end_date": end_date,
            "scope": delegation.scope,
        },
    )
    return delegation


@transaction.atomic
def delegation_revoke(*, actor: User | None, delegation: Delegation) -> Delegation:
    """Revoke ``delegation`` now (by its grantor, its grantee or an agency admin)."""
    locked = Delegation.objects.select_for_update().select_related("grantor").get(pk=delegation.pk)
    _require(
        allowed=(actor is not None and actor.pk in {locked.grantor_id, locked.grantee_id})
        or _may_administer(actor, locked.grantor.agency_id)
    )
    if locked.revoked_at is not None:
        raise DelegationRevokedError
    locked.revoked_at = timezone.now()
    locked.save(update_fields=["revoked_at", "updated_at"])
    record(
        action="accounts.delegation_revoked",
        actor=actor,
        target=locked,
        agency_id=locked.grantor.agency_id,
        data={"grantor_id": locked.grantor_id, "grantee_id": locked.grantee_id},
    )
    delegation.revoked_at = locked.revoked_at
    forget_roles(delegation.grantee)
    if actor is not None and actor.pk == locked.grantee_id:
        forget_roles(actor)
    return locked


def _check_organ_id(organ_id: str) -> str:
    organ_id = organ_id.strip().upper()
    if not ORGAN_ID_RE.fullmatch(organ_id):
        raise InvalidOrganIdError(fields={"organ_id": [str(InvalidOrganIdError.default_message)]})
    return organ_id


@transaction.atomic
def agency_create(
    *,
    actor: User | None,
    name: str,
    abbreviation: str,
    organ_id: str,
    place_name: str,
    superior: Agency | None = None,
) -> Agency:
    """Create an active agency (superusers and the system only)."""
    _require(allowed=_may_touch_inspector_role(actor))
    organ_id = _check_organ_id(organ_id)
    if Agency.objects.filter(organ_id=organ_id).exists():
        raise OrganIdTakenError(fields={"organ_id": [str(OrganIdTakenError.default_message)]})
    agency = Agency(
        name=nfc(name),
        abbreviation=nfc(abbreviation).upper(),
        organ_id=organ_id,
        place_name=nfc(place_name),
        superior=superior,
    )
    full_clean_or_raise(agency)
    agency.save()
    record(
        action="accounts.agency_created",
        actor=actor,
        target=agency,
        agency_id=agency.pk,
        data={"organ_id": organ_id, "superior_id": agency.superior_id},
    )
    return agency


def _apply_status(agency: Agency, status: AgencyStatus, successor: Agency | None) -> None:
    if status == AgencyStatus.MERGED and (successor is None or successor.pk == agency.pk):
        raise AgencySuccessorError(
            fields={"successor": [str(AgencySuccessorError.default_message)]}
        )
    if successor is not None and successor.pk == agency.pk:
        raise AgencySuccessorError(
            fields={"successor": [str(AgencySuccessorError.default_message)]}
        )
    agency.status = status
    agency.successor = None if status == AgencyStatus.ACTIVE else successor


@transaction.atomic
def agency_update(
    *,
    actor: User | None,
    agency: Agency,
    name: str | None = None,
    abbreviation: str | None = None,
    place_name: str | None = None,
    status: AgencyStatus | None = None,
    successor: Agency | None = None,
    superior: Agency | None = None,
    clear_superior: bool = False,
) -> Agency:
    """Update an agency: its admin may rename it; status and hierarchy need a superuser."""
    structural = status is not None or superior is not None or clear_superior
    _require(
        allowed=_may_touch_inspector_role(actor)
        if structural
        else _may_administer(actor, agency.pk)
    )
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    before = {f: str(getattr(agency, f)) for f in _AGENCY_AUDITED}
    if name is not None:
        agency.name = nfc(name)
    if abbreviation is not None:
        agency.abbreviation = nfc(abbreviation).upper()
    if place_name is not None:
        agency.place_name = nfc(place_name)
    if status is not None:
        _apply_status(agency, AgencyStatus(status), successor)
    if superior is not None:
        if superior.pk in agency_subtree_ids(agency.pk):
            raise AgencyHierarchyError(
                fields={"superior": [str(AgencyHierarchyError.default_message)]}
            )
        agency.superior = superior
    elif clear_superior:
        agency.superior = None
    full_clean_or_raise(agency)
    agency.save()
    after = {f: str(getattr(agency, f)) for f in _AGENCY_AUDITED}
    record(
        action="accounts.agency_updated",
        actor=actor,
        target=agency,
        agency_id=agency.pk,
        data={f: {"before": before[f], "after": after[f]} for f in after if before[f] != after[f]},
    )
    return agency
