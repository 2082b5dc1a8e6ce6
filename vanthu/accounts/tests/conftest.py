"""Fixtures for the accounts tests."""

from __future__ import annotations

import pytest
from django.test import Client

from vanthu.accounts.enums import Role
from vanthu.accounts.models import Agency, User
from vanthu.accounts.tests.factories import (
    make_agency,
    make_user,
)
from vanthu.accounts.tokens import token_issue


@pytest.fixture
def agency(db: None) -> Agency:
    return make_agency()


@pytest.fixture
def clerk(agency: Agency) -> User:
    return make_user(agency=agency, roles=[Role.CLERK], position_title="Văn thư")


@pytest.fixture
def admin_user(agency: Agency) -> User:
    return make_user(agency=agency, roles=[Role.AGENCY_ADMIN])


@pytest.fixture
def superuser(db: None) -> User:
    return make_user(is_superuser=True, is_staff=True)


@pytest.fixture
def clerk_token(clerk: User) -> str:
    return token_issue(user=clerk, actor=clerk)


@pytest.fixture
def bearer_client(clerk_token: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {clerk_token}")
