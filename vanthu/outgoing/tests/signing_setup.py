"""Setup for the "Ký số" tests: the test PKI trusted, certificates with images, a digital draft."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from vanthu.accounts.enums import Role
from vanthu.accounts.models import User
from vanthu.accounts.tests.factories import make_user
from vanthu.outgoing.enums import SigningMode
from vanthu.outgoing.models import OutgoingDraft
from vanthu.outgoing.review import draft_approve
from vanthu.outgoing.tests.factories import Office, draft_format_checked
from vanthu.signing.models import Certificate, TrustRoot
from vanthu.signing.sample_images import seal_png, signature_png
from vanthu.signing.services import AppearanceImage, certificate_register_p12
from vanthu.signing.testpki import TestPKI

SIGNATURE_MM = (Decimal(40), Decimal(18))
SEAL_MM = Decimal(36)


@dataclass(frozen=True)
class Keys:
    admin: User
    leader_certificate: Certificate
    seal_certificate: Certificate


def keys_register(office: Office, pki: TestPKI) -> Keys:
    """Trust the test root, give the leader a signature and the agency its seal."""
    TrustRoot.objects.create(
        agency=None,
        name="Test root",
        certificate_der=pki.root.cert_der,
        subject="VănThư Root CA thử nghiệm",
        fingerprint_sha256="test-root",
    )
    admin = make_user(agency=office.agency, unit=office.unit, roles=[Role.AGENCY_ADMIN])
    leader_certificate = certificate_register_p12(
        actor=office.leader,
        agency_id=office.agency.pk,
        user=office.leader,
        p12=pki.signer.p12,
        password=pki.signer.password,
        image=AppearanceImage(signature_png(), *SIGNATURE_MM),
    )
    seal_certificate = certificate_register_p12(
        actor=admin,
        agency_id=office.agency.pk,
        user=None,
        p12=pki.agency.p12,
        password=pki.agency.password,
        image=AppearanceImage(seal_png(diameter_mm=float(SEAL_MM)), SEAL_MM, SEAL_MM),
    )
    return Keys(admin, leader_certificate, seal_certificate)


def digital_draft(office: Office) -> OutgoingDraft:
    """Return a draft approved for digital signature by the office's leader."""
    draft = draft_format_checked(office)
    return draft_approve(actor=office.leader, draft_id=draft.pk, signing_mode=SigningMode.DIGITAL)
