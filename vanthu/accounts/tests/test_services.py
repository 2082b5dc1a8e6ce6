"""Tests of the accounts services: users, roles, passwords, delegations and agencies."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from vanthu.accounts import services
from vanthu.accounts.enums import AgencyStatus, Clearance, Role
from vanthu.accounts.errors import (
    AgencyHierarchyError,
    AgencySuccessorError,
    DelegationDatesError,
    DelegationOtherAgencyError,
    DelegationRevokedError,
    DelegationSelfError,
    InvalidOrganIdError,
    OrganIdTakenError,
    UnitOtherAgencyError,
    UsernameTakenError,
    WeakPasswordError,
    WrongPasswordError,
)
from vanthu.accounts.models import Agency, Delegation, User
from vanthu.accounts.roles import roles_of
from vanthu.accounts.tests.factories import (
    TEST_PASSWORD,
    agency_of,
    make_agency,
    make_delegation,
    make_unit,
    make_user,
)
from vanthu.audit.models import AuditEvent
from vanthu.core.errors import PermissionDeniedError

pytestmark = pytest.mark.django_db


def _events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action))


class TestUserCreate:
    def test_admin_creates_user_with_roles_nfc_and_audit(self, admin_user: User) -> None:
        unit = make_unit(agency=agency_of(admin_user))
        decomposed = "Nguye\u0302\u0303n Thi\u0323 Ha\u0300"
        user = services.user_create(
            actor=admin_user,
            username="vanthu01",
            agency=agency_of(admin_user),
            unit=unit,
            full_name=decomposed,
            position_title="Văn thư",
            password="Ngay-mai-troi-lai-sang-2026",
            roles=[Role.CLERK, Role.ARCHIVIST],
            clearance=Clearance.CONFIDENTIAL,
        )
        user.refresh_from_db()
        assert user.full_name == "Nguyễn Thị Hà"
        assert user.check_password("Ngay-mai-troi-lai-sang-2026")
        assert roles_of(user) == {Role.CLERK, Role.ARCHIVIST}
        assert user.clearance == Clearance.CONFIDENTIAL
        (event,) = _events("accounts.user_created")
        assert event.actor_id == admin_user.pk
        assert event.target_id == str(user.pk)
        assert event.data["roles"] == ["archivist", "clerk"]
        assert "Ngay-mai" not in str(event.data)

    def test_without_password_cannot_log_in(self, admin_user: User) -> None:
        user = services.user_create(actor=admin_user, username="nopw", agency=agency_of(admin_user))
        assert not user.has_usable_password()

    def test_refuses_weak_password_and_keeps_no_row(self, admin_user: User) -> None:
        with pytest.raises(WeakPasswordError) as info:
            services.user_create(
                actor=admin_user, username="weak", agency=agency_of(admin_user), password="123"
            )
        assert "password" in info.value.fields
        assert not User.objects.filter(username="weak").exists()
        assert _events("accounts.user_created") == []

    def test_refuses_taken_username_case_insensitively(self, admin_user: User) -> None:
        make_user(username="nguyenvana", agency=agency_of(admin_user))
        with pytest.raises(UsernameTakenError):
            services.user_create(
                actor=admin_user, username="NguyenVanA", agency=agency_of(admin_user)
            )

    def test_refuses_unit_of_another_agency(self, admin_user: User) -> None:
        with pytest.raises(UnitOtherAgencyError):
            services.user_create(
                actor=admin_user, username="x1", agency=agency_of(admin_user), unit=make_unit()
            )

    def test_admin_of_another_agency_is_refused(self, admin_user: User) -> None:
        with pytest.raises(PermissionDeniedError):
            services.user_create(actor=admin_user, username="x2", agency=make_agency())

    def test_plain_user_is_refused(self, clerk: User) -> None:
        with pytest.raises(PermissionDeniedError):
            services.user_create(actor=clerk, username="x3", agency=agency_of(clerk))

    def test_only_superuser_grants_inspector(self, admin_user: User, superuser: User) -> None:
        with pytest.raises(PermissionDeniedError):
            services.user_create(
                actor=admin_user,
                username="tt1",
                agency=agency_of(admin_user),
                roles=[Role.INSPECTOR],
            )
        user = services.user_create(
            actor=superuser, username="tt1", agency=agency_of(admin_user), roles=[Role.INSPECTOR]
        )
        assert roles_of(user) == {Role.INSPECTOR}


class TestUserSetRoles:
    def test_replaces_roles_and_audits(self, admin_user: User, clerk: User) -> None:
        assert roles_of(clerk) == {Role.CLERK}
        result = services.user_set_roles(
            actor=admin_user, user=clerk, roles=[Role.SPECIALIST, Role.UNIT_HEAD]
        )
        assert result == {Role.SPECIALIST, Role.UNIT_HEAD}
        assert roles_of(clerk) == {Role.SPECIALIST, Role.UNIT_HEAD}
        assert roles_of(User.objects.get(pk=clerk.pk)) == {Role.SPECIALIST, Role.UNIT_HEAD}
        (event,) = _events("accounts.roles_set")
        assert event.data == {"before": ["clerk"], "after": ["specialist", "unit_head"]}

    def test_agency_admin_cannot_remove_inspector(self, admin_user: User) -> None:
        inspector = make_user(agency=agency_of(admin_user), roles=[Role.INSPECTOR])
        with pytest.raises(PermissionDeniedError):
            services.user_set_roles(actor=admin_user, user=inspector, roles=[])
        assert roles_of(User.objects.get(pk=inspector.pk)) == {Role.INSPECTOR}

    def test_refused_for_other_agency(self, admin_user: User) -> None:
        with pytest.raises(PermissionDeniedError):
            services.user_set_roles(actor=admin_user, user=make_user(), roles=[Role.CLERK])


class TestPasswordChange:
    def test_own_change_needs_current_password(self, clerk: User) -> None:
        with pytest.raises(WrongPasswordError) as info:
            services.password_change(
                actor=clerk, user=clerk, old_password="sai", new_password="Mot-mat-khau-moi-2026"
            )
        assert "old_password" in info.value.fields
        services.password_change(
            actor=clerk,
            user=clerk,
            old_password=TEST_PASSWORD,
            new_password="Mot-mat-khau-moi-2026",
        )
        clerk.refresh_from_db()
        assert clerk.check_password("Mot-mat-khau-moi-2026")
        (event,) = _events("accounts.password_changed")
        assert event.data == {"by_self": True}

    def test_validators_apply(self, clerk: User) -> None:
        with pytest.raises(WeakPasswordError) as info:
            services.password_change(
                actor=clerk, user=clerk, old_password=TEST_PASSWORD, new_password="password"
            )
        assert info.value.fields["new_password"]
        clerk.refresh_from_db()
        assert clerk.check_password(TEST_PASSWORD)

    def test_admin_reset_lifts_lock(self, admin_user: User, clerk: User) -> None:
        User.objects.filter(pk=clerk.pk).update(
            failed_login_count=5, locked_until=timezone.now() + dt.timedelta(minutes=10)
        )
        clerk.refresh_from_db()
        services.password_change(actor=admin_user, user=clerk, new_password="Dat-lai-mat-khau-99")
        clerk.refresh_from_db()
        assert clerk.locked_until is None
        assert clerk.failed_login_count == 0

    def test_other_user_cannot_reset(self, clerk: User) -> None:
        other = make_user(agency=clerk.agency)
        with pytest.raises(PermissionDeniedError):
            services.password_change(actor=clerk, user=other, new_password="Dat-lai-mat-khau-99")


class TestDelegation:
    def test_grantor_delegates_within_agency(self, clerk: User) -> None:
        leader = make_user(agency=clerk.agency, roles=[Role.AGENCY_LEADER])
        today = timezone.localdate()
        delegation = services.delegation_create(
            actor=leader,
            grantor=leader,
            grantee=clerk,
            start_date=today,
            end_date=today + dt.timedelta(days=3),
            scope="  Ký thay  ",
        )
        assert delegation.scope == "Ký thay"
        (event,) = _events("accounts.delegation_created")
        assert event.data["grantee_id"] == clerk.pk
        assert event.data["start_date"] == today.isoformat()

    def test_refuses_another_agency(self, clerk: User) -> None:
        leader = make_user(agency=clerk.agency)
        outsider = make_user()
        today = timezone.localdate()
        with pytest.raises(DelegationOtherAgencyError) as info:
            services.delegation_create(
                actor=leader, grantor=leader, grantee=outsider, start_date=today, end_date=today
            )
        assert info.value.code == "delegation_other_agency"
        assert "cùng cơ quan" in info.value.message
        assert not Delegation.objects.exists()

    def test_refuses_reversed_dates(self, clerk: User) -> None:
        leader = make_user(agency=clerk.agency)
        today = timezone.localdate()
        with pytest.raises(DelegationDatesError) as info:
            services.delegation_create(
                actor=leader,
                grantor=leader,
                grantee=clerk,
                start_date=today,
                end_date=today - dt.timedelta(days=1),
            )
        assert "end_date" in info.value.fields

    def test_refuses_self_delegation(self, clerk: User) -> None:
        today = timezone.localdate()
        with pytest.raises(DelegationSelfError):
            services.delegation_create(
                actor=clerk, grantor=clerk, grantee=clerk, start_date=today, end_date=today
            )

    def test_third_party_cannot_delegate_for_someone(self, clerk: User) -> None:
        leader = make_user(agency=clerk.agency)
        today = timezone.localdate()
        with pytest.raises(PermissionDeniedError):
            services.delegation_create(
                actor=clerk, grantor=leader, grantee=clerk, start_date=today, end_date=today
            )

    def test_admin_may_record_a_delegation(self, admin_user: User, clerk: User) -> None:
        leader = make_user(agency=clerk.agency)
        today = timezone.localdate()
        delegation = services.delegation_create(
            actor=admin_user, grantor=leader, grantee=clerk, start_date=today, end_date=today
        )
        assert delegation.pk is not None

    def test_revoke_once(self, clerk: User) -> None:
        delegation = make_delegation(grantee=clerk, grantor=make_user(agency=clerk.agency))
        services.delegation_revoke(actor=delegation.grantor, delegation=delegation)
        delegation.refresh_from_db()
        assert delegation.revoked_at is not None
        assert len(_events("accounts.delegation_revoked")) == 1
        with pytest.raises(DelegationRevokedError):
            services.delegation_revoke(actor=delegation.grantor, delegation=delegation)

    def test_revoke_by_stranger_refused(self, clerk: User) -> None:
        delegation = make_delegation(grantor=clerk)
        with pytest.raises(PermissionDeniedError):
            services.delegation_revoke(actor=make_user(), delegation=delegation)


class TestAgency:
    def test_create_and_audit(self, superuser: User) -> None:
        superior = make_agency()
        agency = services.agency_create(
            actor=superuser,
            name="Phòng Tư pháp huyện Châu Thành",
            abbreviation="ptp",
            organ_id="000.00.12.h49",
            place_name="Châu Thành",
            superior=superior,
        )
        assert agency.organ_id == "000.00.12.H49"
        assert agency.abbreviation == "PTP"
        assert agency.status == AgencyStatus.ACTIVE
        assert len(_events("accounts.agency_created")) == 1

    @pytest.mark.parametrize("organ_id", ["H49", "000.00.12.H49X", "000 00 12 H4"])
    def test_refuses_bad_organ_id(self, superuser: User, organ_id: str) -> None:
        with pytest.raises(InvalidOrganIdError):
            services.agency_create(
                actor=superuser, name="X", abbreviation="X", organ_id=organ_id, place_name="X"
            )

    def test_refuses_taken_organ_id(self, superuser: User, agency: Agency) -> None:
        with pytest.raises(OrganIdTakenError):
            services.agency_create(
                actor=superuser,
                name="X",
                abbreviation="X",
                organ_id=agency.organ_id,
                place_name="X",
            )

    def test_admin_renames_own_agency_but_cannot_change_status(self, admin_user: User) -> None:
        agency = services.agency_update(
            actor=admin_user, agency=agency_of(admin_user), place_name="Hà Tiên"
        )
        assert agency.place_name == "Hà Tiên"
        (event,) = _events("accounts.agency_updated")
        assert event.data["place_name"]["after"] == "Hà Tiên"
        with pytest.raises(PermissionDeniedError):
            services.agency_update(actor=admin_user, agency=agency, status=AgencyStatus.DISSOLVED)

    def test_merge_needs_successor(self, superuser: User, agency: Agency) -> None:
        with pytest.raises(AgencySuccessorError):
            services.agency_update(actor=superuser, agency=agency, status=AgencyStatus.MERGED)
        successor = make_agency()
        merged = services.agency_update(
            actor=superuser, agency=agency, status=AgencyStatus.MERGED, successor=successor
        )
        assert merged.successor == successor
        active = services.agency_update(actor=superuser, agency=agency, status=AgencyStatus.ACTIVE)
        assert active.successor is None

    def test_superior_cannot_be_a_subordinate(self, superuser: User, agency: Agency) -> None:
        child = make_agency(superior=agency)
        grandchild = make_agency(superior=child)
        with pytest.raises(AgencyHierarchyError):
            services.agency_update(actor=superuser, agency=agency, superior=grandchild)
        with pytest.raises(AgencyHierarchyError):
            services.agency_update(actor=superuser, agency=agency, superior=agency)
