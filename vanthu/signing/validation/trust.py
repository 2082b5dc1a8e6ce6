"""Trust anchors: certificates given as DER or PEM bytes, and a fingerprint of the set."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from asn1crypto import pem  # type: ignore[import-untyped]
from asn1crypto import x509 as asn1_x509


class TrustRootError(ValueError):
    """Bytes that hold no certificate."""


def load_certificates(data: bytes) -> list[asn1_x509.Certificate]:
    """Return the certificates in ``data`` (one DER certificate, or one or more PEM blocks)."""
    try:
        if pem.detect(data):
            return [
                asn1_x509.Certificate.load(der)
                for name, _headers, der in pem.unarmor(data, multiple=True)
                if name == "CERTIFICATE"
            ]
        certificate = asn1_x509.Certificate.load(data)
        # Parsing is lazy: touch the fields so that garbage fails here, not while validating.
        _ = certificate.subject, certificate.public_key
    except (ValueError, TypeError) as exc:
        raise TrustRootError(str(exc)) from exc
    return [certificate]


def trust_anchors(roots: Iterable[bytes]) -> list[asn1_x509.Certificate]:
    """Return the certificates of every root, without duplicates (by SHA-256), in order."""
    seen: dict[bytes, asn1_x509.Certificate] = {}
    for data in roots:
        for certificate in load_certificates(data):
            seen.setdefault(hashlib.sha256(certificate.dump()).digest(), certificate)
    return list(seen.values())


def trust_fingerprint(anchors: Iterable[asn1_x509.Certificate]) -> str:
    """Return a SHA-256 over the sorted fingerprints: the same store gives the same value."""
    fingerprints = sorted(hashlib.sha256(cert.dump()).hexdigest() for cert in anchors)
    return hashlib.sha256("\n".join(fingerprints).encode()).hexdigest()
