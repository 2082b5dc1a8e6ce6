"""Factories for agencies, units and users (shared by every app's tests).

Calling a factory class (``UserFactory()``) is untyped for mypy; typed code can use
``make_user()``, ``make_agency()``, ``make_unit()`` and ``make_delegation()``, or
``UserFactory.create_batch(n)`` which returns ``list[User]``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.utils import timezone

from vanthu.accounts.enums import Role
from vanthu.accounts.models import Agency, Delegation, OrgUnit, User, UserRole
from vanthu.accounts.roles import forget_roles

TEST_PASSWORD = "Mat-khau-thu-nghiem-2026"


class AgencyFactory(factory.django.DjangoModelFactory[Agency]):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Sở Thử nghiệm {n}")
    abbreviation = factory.Sequence(lambda n: f"STN{n}")
    organ_id = factory.Sequence(lambda n: f"H49.{n:09d}"[:13])
    place_name = "Kiên Giang"


class OrgUnitFactory(factory.django.DjangoModelFactory[OrgUnit]):
    class Meta:
        model = OrgUnit

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"Phòng {n}")
    abbreviation = factory.Sequence(lambda n: f"P{n}")


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Đức {n}")
    agency = factory.SubFactory(AgencyFactory)
    unit = factory.LazyAttribute(lambda o: OrgUnitFactory(agency=o.agency))
    password = factory.django.Password(TEST_PASSWORD)

    @factory.post_generation  # type: ignore[untyped-decorator]
    def roles(obj: User, create: bool, extracted: list[Role] | None, **kwargs: Any) -> None:  # noqa: N805
        if create and extracted:
            for role in extracted:
                UserRole.objects.create(user=obj, role=role)


class DelegationFactory(factory.django.DjangoModelFactory[Delegation]):
    class Meta:
        model = Delegation

    grantor = factory.SubFactory(UserFactory)
    grantee = factory.LazyAttribute(lambda o: UserFactory(agency=o.grantor.agency))
    start_date = factory.LazyFunction(timezone.localdate)
    end_date = factory.LazyAttribute(lambda o: o.start_date + dt.timedelta(days=7))
    scope = "Ký văn bản đi"


def make_agency(**kwargs: Any) -> Agency:
    """Create one agency (typed wrapper of AgencyFactory)."""
    return AgencyFactory.create_batch(1, **kwargs)[0]


def make_unit(**kwargs: Any) -> OrgUnit:
    """Create one unit (typed wrapper of OrgUnitFactory)."""
    return OrgUnitFactory.create_batch(1, **kwargs)[0]


def make_user(**kwargs: Any) -> User:
    """Create one user (typed wrapper of UserFactory; ``roles=[...]`` grants roles)."""
    return UserFactory.create_batch(1, **kwargs)[0]


def make_delegation(**kwargs: Any) -> Delegation:
    """Create one delegation (typed wrapper of DelegationFactory).

    Like ``delegation_create``, drop the grantee's cached roles and delegations.
    """
    delegation = DelegationFactory.create_batch(1, **kwargs)[0]
    forget_roles(delegation.grantee)
    if isinstance(kwargs.get("grantee"), User):
        forget_roles(kwargs["grantee"])
    return delegation


def agency_of(user: User) -> Agency:
    """Return the agency of ``user`` (factory-made users always have one)."""
    assert user.agency is not None
    return user.agency
