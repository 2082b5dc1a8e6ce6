"""Factories for agencies, units and users (shared by every app's tests)."""

from __future__ import annotations

from typing import Any

import factory

from vanthu.accounts.enums import Role
from vanthu.accounts.models import Agency, OrgUnit, User, UserRole

TEST_PASSWORD = "Mat-khau-thu-nghiem-2026"


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Sở Thử nghiệm {n}")
    abbreviation = factory.Sequence(lambda n: f"STN{n}")
    organ_id = factory.Sequence(lambda n: f"H49.{n:09d}"[:13])
    place_name = "Kiên Giang"


class OrgUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrgUnit

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"Phòng {n}")
    abbreviation = factory.Sequence(lambda n: f"P{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Đức {n}")
    agency = factory.SubFactory(AgencyFactory)
    unit = factory.LazyAttribute(lambda o: OrgUnitFactory(agency=o.agency))
    password = factory.django.Password(TEST_PASSWORD)

    @factory.post_generation
    def roles(self, create: bool, extracted: list[Role] | None, **kwargs: Any) -> None:  # noqa: FBT001
        if create and extracted:
            for role in extracted:
                UserRole.objects.create(user=self, role=role)
