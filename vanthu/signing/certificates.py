"""Read certificates, check that one may sign now, and open the key a registered one names.

A certificate may sign only inside its validity period and when its chain ends at a trust root
of its agency (or an installation-wide one); revocation is checked when the CRL/OCSP responder
answers (soft-fail offline), and a revoked certificate is refused.
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import hashlib
from dataclasses import dataclass

from asn1crypto import x509 as asn1_x509  # type: ignore[import-untyped]
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, pkcs12
from cryptography.x509.oid import NameOID
from django.db.models import Q
from django.utils import timezone
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator.errors import (
    InvalidCertificateError,
    PathBuildingError,
    PathValidationError,
    RevokedError,
)
from pyhanko_certvalidator.fetchers.requests_fetchers import RequestsFetcherBackend

from vanthu.documents.blobs import blob_open
from vanthu.documents.models import Blob
from vanthu.signing.enums import ProviderKind
from vanthu.signing.errors import (
    CertificateExpiredError,
    CertificateInvalidError,
    CertificateNotYetValidError,
    CertificateRevokedError,
    CertificateUntrustedError,
    WrongPinError,
)
from vanthu.signing.models import Certificate, TrustRoot
from vanthu.signing.providers import KeyProvider, Pkcs11Provider, Pkcs12Provider, RemoteProvider

_FETCH_TIMEOUT_S = 5


@dataclass(frozen=True)
class CertificateInfo:
    """What the registry stores about a certificate, read from its DER."""

    der: bytes
    subject_cn: str
    issuer_cn: str
    serial_hex: str
    not_before: dt.datetime
    not_after: dt.datetime
    fingerprint_sha256: str


def _common_name(name: x509.Name) -> str:
    values = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(values[0].value) if values else name.rfc4514_string()


def certificate_info(der: bytes) -> CertificateInfo:
    """Parse a DER (or PEM) certificate; raise ``CertificateInvalidError`` when unreadable."""
    try:
        cert = (
            x509.load_pem_x509_certificate(der)
            if der.lstrip().startswith(b"-----")
            else x509.load_der_x509_certificate(der)
        )
    except ValueError as exc:
        raise CertificateInvalidError from exc
    raw = cert.public_bytes(Encoding.DER)
    return CertificateInfo(
        der=raw,
        subject_cn=_common_name(cert.subject)[:255],
        issuer_cn=_common_name(cert.issuer)[:255],
        serial_hex=format(cert.serial_number, "x"),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        fingerprint_sha256=hashlib.sha256(raw).hexdigest(),
    )


def p12_contents(data: bytes, password: str) -> tuple[CertificateInfo, list[bytes]]:
    """Return the certificate of a PKCS#12 archive and the chain it carries."""
    try:
        _key, cert, chain = pkcs12.load_key_and_certificates(data, password.encode())
    except ValueError as exc:
        raise WrongPinError from exc
    if cert is None:
        raise CertificateInvalidError
    return certificate_info(cert.public_bytes(Encoding.DER)), [
        c.public_bytes(Encoding.DER) for c in chain
    ]


def encode_chain(chain: list[bytes]) -> list[str]:
    return [base64.b64encode(der).decode("ascii") for der in chain]


def chain_of(certificate: Certificate) -> tuple[bytes, ...]:
    """Return the intermediate certificates stored with a registered certificate."""
    encoded = certificate.provider_config.get("chain", [])
    return tuple(base64.b64decode(item) for item in encoded)


def trust_roots_for(agency_id: int) -> list[bytes]:
    """Return the DER of the active trust roots of an agency plus the installation-wide ones."""
    rows = TrustRoot.objects.filter(Q(agency_id=agency_id) | Q(agency__isnull=True), active=True)
    return [bytes(der) for der in rows.order_by("pk").values_list("certificate_der", flat=True)]


def validation_context(
    *, agency_id: int, extra_roots: tuple[bytes, ...] = (), allow_fetching: bool = True
) -> ValidationContext:
    """Return a context trusting the agency's roots, fetching revocation data when reachable."""
    roots = [asn1_x509.Certificate.load(der) for der in [*trust_roots_for(agency_id), *extra_roots]]
    return ValidationContext(
        trust_roots=roots,
        allow_fetching=allow_fetching,
        revocation_mode="soft-fail",
        # requests, not aiohttp: no client session left open after each check.
        fetcher_backend=RequestsFetcherBackend(per_request_timeout=_FETCH_TIMEOUT_S),
    )


def check_usable(
    certificate: Certificate, *, at: dt.datetime | None = None, allow_fetching: bool = True
) -> None:
    """Raise when ``certificate`` may not sign at ``at``: expired, not yet valid, untrusted."""
    moment = at or timezone.now()
    if moment < certificate.not_before:
        raise CertificateNotYetValidError
    if moment > certificate.not_after:
        raise CertificateExpiredError
    context = validation_context(agency_id=certificate.agency_id, allow_fetching=allow_fetching)
    validator = CertificateValidator(
        asn1_x509.Certificate.load(bytes(certificate.certificate_der)),
        intermediate_certs=[asn1_x509.Certificate.load(der) for der in chain_of(certificate)],
        validation_context=context,
    )
    try:
        asyncio.run(validator.async_validate_usage(set()))  # type: ignore[no-untyped-call]
    except RevokedError as exc:
        raise CertificateRevokedError from exc
    except (PathBuildingError, PathValidationError, InvalidCertificateError) as exc:
        raise CertificateUntrustedError from exc


def _blob_bytes(sha256: str) -> bytes:
    blob = Blob.objects.get(sha256=sha256)
    with blob_open(blob) as stream:
        return stream.read()


def provider_for(certificate: Certificate) -> KeyProvider:
    """Return the key provider a registered certificate names."""
    config = certificate.provider_config
    if certificate.provider == ProviderKind.PKCS12:
        return Pkcs12Provider(_blob_bytes(str(config["p12_sha256"])))
    if certificate.provider == ProviderKind.PKCS11:
        return Pkcs11Provider(
            module_path=str(config["module_path"]),
            token_label=str(config["token_label"]),
            key_label=str(config.get("key_label", "")),
            key_id_hex=str(config.get("key_id_hex", "")),
            certificate_der=bytes(certificate.certificate_der),
            chain_der=chain_of(certificate),
        )
    return RemoteProvider(
        service_url=str(config.get("service_url", "")),
        credential_id=str(config.get("credential_id", "")),
    )


def image_of(certificate: Certificate) -> bytes | None:
    """Return the appearance PNG of a certificate (signature or seal), if one is stored."""
    return _blob_bytes(certificate.image_sha256) if certificate.image_sha256 else None
