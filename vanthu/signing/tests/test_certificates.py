"""The certificate registry: registration, validity and trust checks, expiry warnings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.utils import timezone

from tests.storage import blob_store
from vanthu.accounts.enums import Role
from vanthu.accounts.models import Agency, User
from vanthu.accounts.tests.factories import make_agency, make_user
from vanthu.audit.models import AuditEvent
from vanthu.core.errors import PermissionDeniedError
from vanthu.signing.certificates import certificate_info, check_usable, encode_chain, provider_for
from vanthu.signing.enums import CertificatePurpose, ProviderKind
from vanthu.signing.errors import (
    CertificateDuplicateError,
    CertificateExpiredError,
    CertificateInvalidError,
    CertificateNotYetValidError,
    CertificateRevokedError,
    CertificateUntrustedError,
    WrongPinError,
)
from vanthu.signing.models import Certificate
from vanthu.signing.providers import Pkcs11Provider, Pkcs12Provider
from vanthu.signing.selectors import certificate_active_for, certificates_expiring
from vanthu.signing.services import (
    certificate_deactivate,
    certificate_register_p12,
    certificate_register_token,
    trust_root_add,
    trust_root_deactivate,
)
from vanthu.signing.sign import Appearance, pdf_sign
from vanthu.signing.testpki import Issued, Services, TestPKI
from vanthu.signing.tests.pdfs import pyhanko_statuses
from vanthu.signing.tests.softhsm import Token

__all__ = ["blob_store"]

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _isolated_blob_store(blob_store: Path) -> None:
    """Blobs go to this test's own folder."""


@pytest.fixture
def agency() -> Agency:
    return make_agency(name="Sở Nội vụ tỉnh Kiên Giang")


@pytest.fixture
def admin(agency: Agency) -> User:
    return make_user(agency=agency, roles=[Role.AGENCY_ADMIN])


@pytest.fixture
def trusted(admin: User, agency: Agency, test_pki: TestPKI) -> Iterator[None]:
    trust_root_add(
        actor=admin, agency_id=agency.pk, name="", certificate_der=test_pki.root.cert_der
    )
    yield


def _register_row(
    agency: Agency, issued: Issued, user: User | None = None, *, chain: bytes = b""
) -> Certificate:
    """Insert a certificate row directly (registration itself refuses expired ones)."""
    info = certificate_info(issued.cert_der)
    return Certificate.objects.create(
        agency=agency,
        user=user,
        purpose=CertificatePurpose.SIGNER if user else CertificatePurpose.AGENCY,
        certificate_der=info.der,
        subject_cn=info.subject_cn,
        issuer_cn=info.issuer_cn,
        serial_hex=info.serial_hex,
        not_before=info.not_before,
        not_after=info.not_after,
        fingerprint_sha256=info.fingerprint_sha256,
        provider=ProviderKind.PKCS12,
        provider_config={"chain": encode_chain([chain] if chain else [])},
    )


def test_a_person_registers_their_p12_and_it_signs(
    agency: Agency, test_pki: TestPKI, trusted: None
) -> None:
    leader = make_user(agency=agency, roles=[Role.AGENCY_LEADER])
    certificate = certificate_register_p12(
        actor=leader,
        agency_id=agency.pk,
        user=leader,
        p12=test_pki.signer.p12,
        password=test_pki.signer.password,
    )

    assert certificate.subject_cn == "Nguyễn Văn A"
    assert certificate.issuer_cn == "VănThư CA cấp hai thử nghiệm"
    assert certificate.purpose == CertificatePurpose.SIGNER
    assert test_pki.signer.password not in str(certificate.provider_config)
    assert len(certificate.provider_config["chain"]) == 2
    assert certificate_active_for(agency_id=agency.pk, user=leader) == certificate
    assert isinstance(provider_for(certificate), Pkcs12Provider)
    check_usable(certificate, allow_fetching=False)
    assert AuditEvent.objects.filter(action="signing.certificate_registered").count() == 1


def test_registration_refusals(agency: Agency, admin: User, test_pki: TestPKI) -> None:
    other = make_user(agency=agency, roles=[Role.SPECIALIST])
    with pytest.raises(WrongPinError):
        certificate_register_p12(
            actor=admin, agency_id=agency.pk, user=None, p12=test_pki.agency.p12, password="x"
        )
    with pytest.raises(PermissionDeniedError):  # someone else's certificate, not an admin
        certificate_register_p12(
            actor=other,
            agency_id=agency.pk,
            user=admin,
            p12=test_pki.signer.p12,
            password=test_pki.signer.password,
        )
    with pytest.raises(CertificateExpiredError):
        certificate_register_p12(
            actor=admin,
            agency_id=agency.pk,
            user=None,
            p12=test_pki.expired.p12,
            password=test_pki.expired.password,
        )
    certificate_register_p12(
        actor=admin,
        agency_id=agency.pk,
        user=None,
        p12=test_pki.agency.p12,
        password=test_pki.agency.password,
    )
    with pytest.raises(CertificateDuplicateError):
        certificate_register_p12(
            actor=admin,
            agency_id=agency.pk,
            user=None,
            p12=test_pki.agency.p12,
            password=test_pki.agency.password,
        )
    with pytest.raises(CertificateInvalidError):
        certificate_info(b"not a certificate")


def test_a_token_certificate_keeps_no_pin(agency: Agency, admin: User, test_pki: TestPKI) -> None:
    certificate = certificate_register_token(
        actor=admin,
        agency_id=agency.pk,
        user=None,
        certificate_der=test_pki.agency.cert_der,
        chain_der=[test_pki.intermediate.cert_der],
        module_path="/usr/lib/softhsm/libsofthsm2.so",
        token_label="Token cơ quan",
        key_label="seal",
    )
    provider = provider_for(certificate)
    assert isinstance(provider, Pkcs11Provider)
    assert provider.token_label == "Token cơ quan"
    assert set(certificate.provider_config) == {
        "module_path",
        "token_label",
        "key_label",
        "key_id_hex",
        "chain",
    }


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("expired", CertificateExpiredError),
        ("not_yet_valid", CertificateNotYetValidError),
    ],
)
def test_signing_outside_the_validity_period_is_refused(
    name: str, error: type[Exception], agency: Agency, test_pki: TestPKI, trusted: None
) -> None:
    certificate = _register_row(agency, getattr(test_pki, name))
    with pytest.raises(error):
        check_usable(certificate, allow_fetching=False)


def test_an_untrusted_certificate_is_refused(agency: Agency, test_pki: TestPKI) -> None:
    certificate = _register_row(agency, test_pki.signer, chain=test_pki.intermediate.cert_der)
    with pytest.raises(CertificateUntrustedError):
        check_usable(certificate, allow_fetching=False)


def test_a_root_of_another_agency_is_not_trusted(
    agency: Agency, test_pki: TestPKI, trusted: None
) -> None:
    other = make_agency()
    certificate = _register_row(other, test_pki.signer, chain=test_pki.intermediate.cert_der)
    with pytest.raises(CertificateUntrustedError):
        check_usable(certificate, allow_fetching=False)


def test_a_deactivated_root_stops_trust(agency: Agency, admin: User, test_pki: TestPKI) -> None:
    root = trust_root_add(
        actor=admin, agency_id=agency.pk, name="Gốc", certificate_der=test_pki.root.cert_der
    )
    certificate = _register_row(agency, test_pki.signer, chain=test_pki.intermediate.cert_der)
    check_usable(certificate, allow_fetching=False)
    trust_root_deactivate(actor=admin, trust_root_id=root.pk)
    with pytest.raises(CertificateUntrustedError):
        check_usable(certificate, allow_fetching=False)


def test_a_revoked_certificate_is_refused_when_the_crl_answers(
    agency: Agency, test_pki: TestPKI, trusted: None, pki_services: Services
) -> None:
    certificate = _register_row(agency, test_pki.revoked, chain=test_pki.intermediate.cert_der)
    with pytest.raises(CertificateRevokedError):
        check_usable(certificate)
    check_usable(
        _register_row(agency, test_pki.signer, chain=test_pki.intermediate.cert_der)
    )  # same CRL, not listed


def test_expiring_certificates_are_shown_30_days_ahead(
    agency: Agency, admin: User, test_pki: TestPKI
) -> None:
    leader = make_user(agency=agency, roles=[Role.AGENCY_LEADER])
    mine = _register_row(agency, test_pki.signer, user=leader, chain=test_pki.intermediate.cert_der)
    seal = _register_row(agency, test_pki.agency, chain=test_pki.intermediate.cert_der)
    near = mine.not_after - dt.timedelta(days=10)
    far = mine.not_after - dt.timedelta(days=60)

    assert list(certificates_expiring(actor=leader, now=near)) == [mine]
    assert list(certificates_expiring(actor=leader, now=far)) == []
    assert set(certificates_expiring(actor=admin, now=near)) == {mine, seal}
    certificate_deactivate(actor=leader, certificate_id=mine.pk)
    assert list(certificates_expiring(actor=leader, now=near)) == []
    assert timezone.now() < near


@pytest.mark.usefixtures("trusted")
def test_a_registered_token_certificate_signs_through_softhsm(
    agency: Agency,
    admin: User,
    test_pki: TestPKI,
    soft_token: Token,
    plain_pdf: bytes,
) -> None:
    certificate = certificate_register_token(
        actor=admin,
        agency_id=agency.pk,
        user=admin,
        certificate_der=test_pki.signer.cert_der,
        chain_der=[test_pki.intermediate.cert_der],
        module_path=soft_token.module_path,
        token_label=soft_token.token_label,
        key_label=soft_token.key_label,
    )
    check_usable(certificate, allow_fetching=False)

    signed = pdf_sign(
        pdf=plain_pdf,
        provider=provider_for(certificate),
        pin=soft_token.pin,
        appearance=Appearance("ChuKy"),
    )

    (status,) = pyhanko_statuses(signed, test_pki.root.cert_der)
    assert status.bottom_line
    assert status.signing_cert.subject.native["common_name"] == "Nguyễn Văn A"
