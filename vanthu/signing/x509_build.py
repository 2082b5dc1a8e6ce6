"""X.509 building blocks of the test and demo PKIs (never for production certificates).

Names, key usages and extensions shared by ``testpki`` (root, intermediate, test leaves),
the demo certificates and the tests' short-lived certificates, and :func:`issue_leaf`, a
signing certificate issued by the test PKI's intermediate CA as a password-protected PKCS#12.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def subject_name(common_name: str, organization: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def cert_builder(
    subject: x509.Name,
    issuer: x509.Name,
    key: rsa.RSAPrivateKey,
    start: dt.datetime,
    end: dt.datetime,
) -> x509.CertificateBuilder:
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )


def _usage(*, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=not ca,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def ca_usage() -> x509.KeyUsage:
    return _usage(ca=True)


def leaf_usage() -> x509.KeyUsage:
    return _usage(ca=False)


def crl_point(url: str) -> x509.CRLDistributionPoints:
    return x509.CRLDistributionPoints(
        [
            x509.DistributionPoint(
                full_name=[x509.UniformResourceIdentifier(url)],
                relative_name=None,
                reasons=None,
                crl_issuer=None,
            )
        ]
    )


def authority_key_id(issuer_key: rsa.RSAPrivateKey) -> x509.AuthorityKeyIdentifier:
    return x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key())


@dataclass(frozen=True)
class Leaf:
    """A signing certificate with its key, and the same as a PKCS#12 with its chain."""

    cert: x509.Certificate
    key: rsa.RSAPrivateKey
    p12: bytes


def issue_leaf(
    *,
    issuer_cert_der: bytes,
    issuer_key_pem: bytes,
    chain_der: tuple[bytes, ...],
    subject: x509.Name,
    start: dt.datetime,
    end: dt.datetime,
    password: str,
) -> Leaf:
    """Issue a signing certificate (no CRL point) from the given CA; PKCS#12 with ``password``
    and the CA chain ``chain_der`` (issuer first)."""
    issuer_key = serialization.load_pem_private_key(issuer_key_pem, password=None)
    if not isinstance(issuer_key, rsa.RSAPrivateKey):
        raise TypeError(type(issuer_key))
    issuer = x509.load_der_x509_certificate(issuer_cert_der)
    key = new_key()
    cert = (
        cert_builder(subject, issuer.subject, key, start, end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(leaf_usage(), critical=True)
        .add_extension(authority_key_id(issuer_key), critical=False)
        .sign(issuer_key, hashes.SHA256())
    )
    common_name = subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    p12 = pkcs12.serialize_key_and_certificates(
        name=str(common_name).encode(),
        key=key,
        cert=cert,
        cas=[x509.load_der_x509_certificate(der) for der in chain_der],
        encryption_algorithm=serialization.BestAvailableEncryption(password.encode()),
    )
    return Leaf(cert=cert, key=key, p12=p12)
