"""load_demo's work files (the 2026 file plans, the 2020 dossiers handed over to the archive)
and the demo signing certificates."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from vanthu.accounts.models import Agency, User
from vanthu.archive.due import overdue_dossiers
from vanthu.archive.enums import HandoverStatus
from vanthu.archive.models import Handover, KeptBackDossier
from vanthu.archive.selectors import handovers_awaiting_check, holdings_for
from vanthu.audit.models import AuditEvent
from vanthu.demo.certificates_demo import (
    DEMO_CERT_PASSWORD,
    DEMO_SIGNERS,
    certificates_demo,
    demo_pki,
)
from vanthu.demo.handovers_demo import handovers_demo
from vanthu.demo.services import DemoLoadResult
from vanthu.demo.tests.conftest import FirstLoad
from vanthu.documents.blobs import blob_open
from vanthu.documents.models import Blob
from vanthu.dossiers.demo import dossiers_demo
from vanthu.dossiers.enums import DossierStatus, FilePlanStatus
from vanthu.dossiers.models import Dossier, FilePlan
from vanthu.signing.certificates import check_usable, p12_contents, provider_for
from vanthu.signing.enums import ProviderKind
from vanthu.signing.models import Certificate, TrustRoot
from vanthu.signing.sign import Appearance, pdf_sign
from vanthu.signing.tests.pdfs import pyhanko_statuses, sample_pdf

pytestmark = pytest.mark.django_db


def _snv() -> Agency:
    return Agency.objects.get(name="Sở Nội vụ tỉnh Kiên Giang")


class TestWorkFiles:
    def test_every_agency_has_its_issued_2026_plan(self, province: DemoLoadResult) -> None:
        plans = FilePlan.objects.filter(year=2026)
        assert plans.count() == Agency.objects.count()
        assert set(plans.values_list("status", flat=True)) == {FilePlanStatus.ISSUED}
        assert Dossier.objects.filter(year=2026, agency=_snv()).exists()

    def test_accepted_batch_made_holdings_with_both_forms(self, province: DemoLoadResult) -> None:
        archivist = User.objects.get(username="snv.luutru")
        accepted = Handover.objects.get(agency=_snv(), status=HandoverStatus.ACCEPTED)
        assert accepted.archivist == archivist
        assert accepted.inventory is not None and accepted.minutes is not None
        assert accepted.decided_at is not None and accepted.decided_at.year == 2021
        held = list(holdings_for(actor=archivist))
        assert {dossier.pk for dossier in held} == set(
            accepted.items.values_list("dossier_id", flat=True)
        )
        assert len(held) == 2
        assert all(dossier.status == DossierStatus.HANDED_OVER for dossier in held)

    def test_a_batch_waits_for_the_archivist(self, province: DemoLoadResult) -> None:
        archivist = User.objects.get(username="snv.luutru")
        (waiting,) = handovers_awaiting_check(actor=archivist)
        assert waiting.submitted_by.username == "snv.chuyenvien"
        assert timezone.now() - waiting.submitted_at < dt.timedelta(days=10)
        assert waiting.items.count() == 1

    def test_kept_back_and_overdue_dossiers(self, province: DemoLoadResult) -> None:
        agency = _snv()
        kept = KeptBackDossier.objects.get(agency=agency)
        assert kept.dossier.is_construction
        assert kept.dossier.handover_due is not None
        assert kept.dossier.handover_due < kept.kept_until
        assert kept.consent_by.username == "snv.lanhdao"
        overdue = overdue_dossiers(on=timezone.localdate()).filter(agency=agency)
        assert [dossier.code for dossier in overdue] == ["05.NL.SNV"]

    def test_handed_over_dossiers_are_at_least_five_years(self, province: DemoLoadResult) -> None:
        codes = Handover.objects.values_list("items__retention", flat=True)
        assert set(codes) <= {"permanent", "20"}
        assert Handover.objects.filter(status=HandoverStatus.SUBMITTED).count() == (
            Handover.objects.filter(status=HandoverStatus.ACCEPTED).count()
        )

    def test_the_work_was_audited_on_its_days(self, province: DemoLoadResult) -> None:
        agency = _snv()
        events = AuditEvent.objects.filter(agency_id=agency.pk)
        submitted = events.filter(action="archive.handover_submitted").order_by("occurred_at")
        assert [event.actor.username for event in submitted if event.actor] == [
            "snv.chuyenvien",
            "snv.chuyenvien",
        ]
        assert submitted[0].occurred_at.year == 2021
        accepted = events.get(action="archive.handover_accepted")
        assert accepted.actor is not None and accepted.actor.username == "snv.luutru"
        assert events.filter(action="archive.kept_back_recorded").count() == 1
        assert not events.filter(occurred_at__gt=timezone.now()).exists()

    def test_again_changes_nothing(self, first_load: FirstLoad) -> None:
        agency = _snv()
        before = AuditEvent.objects.count()
        assert handovers_demo(agency) is None
        assert dossiers_demo(agency) is None
        again = certificates_demo()
        assert again is not None and again.certificates == again.trust_roots == 0
        assert AuditEvent.objects.count() == before
        assert first_load.counts["archive.Handover"] == Handover.objects.count()


class TestCertificates:
    def test_leaders_and_seals_hold_usable_certificates(self, province: DemoLoadResult) -> None:
        for username in DEMO_SIGNERS:
            leader = User.objects.select_related("agency").get(username=username)
            mine = Certificate.objects.get(user=leader, active=True)
            assert mine.subject_cn == leader.full_name
            assert mine.provider == ProviderKind.PKCS12
            check_usable(mine, allow_fetching=False)
            assert leader.agency is not None
            seal = Certificate.objects.get(agency=leader.agency, user__isnull=True, active=True)
            assert seal.subject_cn == leader.agency.name
        assert TrustRoot.objects.filter(agency__isnull=True, active=True).count() == 1

    def test_the_password_opens_the_stored_file(self, province: DemoLoadResult) -> None:
        leader = User.objects.get(username="snv.lanhdao")
        certificate = Certificate.objects.get(user=leader, active=True)
        blob = Blob.objects.get(sha256=certificate.provider_config["p12_sha256"])
        with blob_open(blob) as stream:
            info, chain = p12_contents(stream.read(), DEMO_CERT_PASSWORD)
        assert info.fingerprint_sha256 == certificate.fingerprint_sha256
        assert len(chain) == 2  # the intermediate and the root
        assert AuditEvent.objects.filter(action="signing.certificate_registered").count() == 6

    def test_the_leader_signs_a_pdf_with_the_demo_pin(self, province: DemoLoadResult) -> None:
        leader = User.objects.get(username="snv.lanhdao")
        certificate = Certificate.objects.get(user=leader, active=True)
        pdf = sample_pdf()
        signed = pdf_sign(
            pdf=pdf,
            provider=provider_for(certificate),
            pin=DEMO_CERT_PASSWORD,
            appearance=Appearance("ChuKy1"),
        )
        assert signed.startswith(pdf)
        (status,) = pyhanko_statuses(signed, demo_pki().root.cert_der)
        assert status.bottom_line and status.trusted

    def test_load_demo_prints_the_password(self, first_load: FirstLoad) -> None:
        assert "6 chứng thư số dùng thử" in first_load.output.splitlines()[0]
        assert f"mật khẩu/PIN: {DEMO_CERT_PASSWORD}): snv.lanhdao," in first_load.output
