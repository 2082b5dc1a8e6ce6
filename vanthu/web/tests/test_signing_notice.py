"""The start page warns of a certificate expiring within 30 days: one's own, and the seal's
for the clerk; one query, run only on the page that shows it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.functional import empty
from pytest_django import DjangoAssertNumQueries

from vanthu.accounts.enums import Role
from vanthu.accounts.models import Agency, User
from vanthu.signing.enums import CertificatePurpose, ProviderKind
from vanthu.signing.models import Certificate
from vanthu.web.signing_notice import notices_for
from vanthu.web.tests.builders import MakeUser


def _certificate(
    agency: Agency | None, user: User | None, *, days: int, name: str, active: bool = True
) -> Certificate:
    assert agency is not None
    now = timezone.now()
    return Certificate.objects.create(
        agency=agency,
        user=user,
        purpose=CertificatePurpose.SIGNER if user else CertificatePurpose.AGENCY,
        certificate_der=b"der",
        subject_cn=name,
        issuer_cn="VănThư CA thử nghiệm",
        serial_hex=f"{abs(days):x}",
        not_before=now - dt.timedelta(days=300),
        not_after=now + dt.timedelta(days=days, hours=1),
        fingerprint_sha256=f"fp-{name}-{days}",
        provider=ProviderKind.PKCS12,
        active=active,
    )


def _notice(html: str) -> str:
    start = html.find("data-certificate-notices")
    assert start != -1, "no certificate notice"
    return html[start : html.find("</section>", start)]


@pytest.mark.django_db
class TestStartPageNotice:
    def test_the_leader_sees_the_date_of_their_certificate(
        self, client: Client, make_user: MakeUser
    ) -> None:
        leader = make_user(Role.AGENCY_LEADER)
        certificate = _certificate(leader.agency, leader, days=12, name="Nguyễn Văn Đức")
        _certificate(leader.agency, None, days=5, name="Con dấu Sở")  # not the leader's to see
        client.force_login(leader)

        notice = _notice(client.get("/lanh-dao/").content.decode())

        expires = timezone.localtime(certificate.not_after).strftime("%d/%m/%Y")
        assert f"Chứng thư số của bạn “Nguyễn Văn Đức” hết hạn ngày {expires}." in notice
        assert "Còn 12 ngày." in notice
        assert "Con dấu Sở" not in notice

    def test_the_clerk_sees_the_seal_certificate(self, client: Client, make_user: MakeUser) -> None:
        clerk = make_user(Role.CLERK)
        _certificate(clerk.agency, None, days=29, name="Con dấu Sở")
        client.force_login(clerk)

        notice = _notice(client.get("/van-thu/").content.decode())

        assert "Chứng thư số của cơ quan (con dấu) “Con dấu Sở”" in notice
        assert "Còn 29 ngày." in notice

    def test_nothing_beyond_30_days_expired_inactive_or_of_another_agency(
        self, client: Client, make_user: MakeUser
    ) -> None:
        leader = make_user(Role.AGENCY_LEADER)
        _certificate(leader.agency, leader, days=31, name="Còn xa")
        _certificate(leader.agency, leader, days=-2, name="Đã hết hạn")
        _certificate(leader.agency, leader, days=3, name="Đã thay", active=False)
        stranger = make_user(Role.CLERK)
        _certificate(stranger.agency, None, days=3, name="Con dấu nơi khác")
        client.force_login(leader)

        html = client.get("/lanh-dao/").content.decode()

        assert "data-certificate-notices" not in html
        assert notices_for(leader) == []

    def test_the_notice_costs_one_query(
        self, make_user: MakeUser, django_assert_num_queries: DjangoAssertNumQueries
    ) -> None:
        clerk = make_user(Role.CLERK)
        _certificate(clerk.agency, clerk, days=10, name="Phạm Thị Lan")
        _certificate(clerk.agency, None, days=20, name="Con dấu Sở")
        notices_for(clerk)  # the roles are read once per user object, as on a page
        with django_assert_num_queries(1):
            notices = notices_for(clerk)
        assert [(n.subject, n.is_seal) for n in notices] == [
            ("Phạm Thị Lan", False),
            ("Con dấu Sở", True),
        ]

    def test_other_pages_do_not_run_the_query(self, client: Client, make_user: MakeUser) -> None:
        clerk = make_user(Role.CLERK)
        client.force_login(clerk)
        response = client.get("/van-ban-di/cho-phat-hanh/")
        assert response.status_code == 200
        notices = response.context["certificate_notices"]
        assert notices._wrapped is empty  # never evaluated: no query
