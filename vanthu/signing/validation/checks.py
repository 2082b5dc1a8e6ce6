"""Validate one embedded signature with pyHanko and record what it finds."""

from __future__ import annotations

import datetime as dt
from typing import Any

from asn1crypto import x509 as asn1_x509  # type: ignore[import-untyped]
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.fetchers.requests_fetchers import RequestsFetcherBackend

from vanthu.signing.validation.result import Coverage, Revocation, SignatureCheck, TimestampInfo

# A CA that does not answer within this time counts as unreachable (soft fail).
FETCH_TIMEOUT_SECONDS = 5
_DOCUMENT_TIMESTAMP = "/DocTimeStamp"
EXPIRED_PROBLEMS = frozenset({"EXPIRED", "OUT_OF_BOUNDS_NO_POE", "OUT_OF_BOUNDS_NOT_REVOKED"})


def validation_context(
    *,
    anchors: list[asn1_x509.Certificate],
    dss: DocumentSecurityStore | None,
    allow_fetching: bool,
    moment: dt.datetime | None = None,
) -> ValidationContext:
    """Return a fresh context: these anchors only (never the system's), the file's DSS data.

    ``moment`` validates the chain at that time instead of now (never with fetching).
    """
    kwargs: dict[str, Any] = {
        "trust_roots": anchors,
        "allow_fetching": allow_fetching and moment is None,
        "revocation_mode": "soft-fail",
    }
    if moment is not None:
        kwargs["moment"] = moment
    if allow_fetching:
        kwargs["fetcher_backend"] = RequestsFetcherBackend(
            per_request_timeout=FETCH_TIMEOUT_SECONDS
        )
    if dss is not None:
        return dss.as_validation_context(kwargs)
    return ValidationContext(**kwargs)


def common_name(name: asn1_x509.Name) -> str:
    """Return the CN of an X.509 name (or its readable form when it has none)."""
    value = name.native.get("common_name")
    if isinstance(value, list):
        value = value[-1] if value else ""
    return str(value) if value else str(name.human_friendly)


def check_signature(
    signature: EmbeddedPdfSignature,
    *,
    anchors: list[asn1_x509.Certificate],
    dss: DocumentSecurityStore | None,
    allow_fetching: bool,
) -> tuple[SignatureCheck, Any]:
    """Validate ``signature``; return the findings and pyHanko's status (None on failure)."""
    check = SignatureCheck(field_name=str(signature.field_name or ""))
    context = validation_context(anchors=anchors, dss=dss, allow_fetching=allow_fetching)
    try:
        if signature.sig_object_type == _DOCUMENT_TIMESTAMP:
            check.kind = "document_timestamp"
            status: Any = validate_pdf_timestamp(signature, validation_context=context)
        else:
            status = validate_pdf_signature(
                signature, signer_validation_context=context, ts_validation_context=context
            )
        again = _at_timestamp_time(signature, status, anchors=anchors, dss=dss)
    except (SignatureValidationError, ValueError, KeyError, TypeError) as exc:
        check.trust_problem = type(exc).__name__
        return check, None
    if again is not None:
        status, check.expired_since_signing = again, True
    _fill_identity(check, status.signing_cert)
    _fill_integrity(check, status)
    _fill_time(check, status)
    check.revocation = _revocation(
        status,
        soft_failed=bool(context.soft_fail_exceptions) and not check.expired_since_signing,
        dss=dss,
        allow_fetching=allow_fetching and not check.expired_since_signing,
        certificate=status.signing_cert,
    )
    return check, status


def _at_timestamp_time(
    signature: EmbeddedPdfSignature,
    status: Any,
    *,
    anchors: list[asn1_x509.Certificate],
    dss: DocumentSecurityStore | None,
) -> Any:
    """Validate again at the time-stamp's time when the certificate has expired since.

    A trusted time-stamp (PAdES B-T) proves the signature existed then; a certificate that was
    valid at that moment keeps the signature valid (with a warning). Returns None otherwise.
    """
    problem, token = status.trust_problem_indic, getattr(status, "timestamp_validity", None)
    if problem is None or problem.name not in EXPIRED_PROBLEMS or token is None:
        return None
    if not (token.intact and token.valid and token.trusted):
        return None
    at_signing = validation_context(
        anchors=anchors, dss=dss, allow_fetching=False, moment=token.timestamp
    )
    now = validation_context(anchors=anchors, dss=dss, allow_fetching=False)
    again = validate_pdf_signature(
        signature, signer_validation_context=at_signing, ts_validation_context=now
    )
    return again if again.trusted else None


def _fill_identity(check: SignatureCheck, certificate: asn1_x509.Certificate) -> None:
    check.signer_cn = common_name(certificate.subject)
    check.signer_subject = str(certificate.subject.human_friendly)
    check.signer_serial_hex = format(certificate.serial_number, "x")
    check.issuer_cn = common_name(certificate.issuer)


def _fill_integrity(check: SignatureCheck, status: Any) -> None:
    check.integrity = bool(status.intact and status.valid)
    check.trusted = bool(status.trusted)
    if status.trust_problem_indic is not None:
        check.trust_problem = status.trust_problem_indic.name
    if status.validation_path is not None:
        check.chain = [
            common_name(cert.subject)
            for cert in status.validation_path.iter_certs(include_root=True)
        ]
    check.coverage = (
        Coverage.WHOLE
        if status.coverage == SignatureCoverageLevel.ENTIRE_FILE
        else Coverage.PARTIAL
    )
    level = status.modification_level
    check.modification = level.name.lower() if level is not None else None


def _fill_time(check: SignatureCheck, status: Any) -> None:
    moment: dt.datetime | None = None
    if check.kind == "document_timestamp":
        moment, check.signing_time_source = status.timestamp, "timestamp"
    elif (token := status.timestamp_validity) is not None:
        valid = bool(token.intact and token.valid and token.trusted)
        check.timestamp = TimestampInfo(
            time=token.timestamp.isoformat(),
            authority=common_name(token.signing_cert.subject),
            valid=valid,
        )
        if valid:
            moment, check.signing_time_source = token.timestamp, "timestamp"
    if moment is None and status.signer_reported_dt is not None:
        moment, check.signing_time_source = status.signer_reported_dt, "signer"
    if moment is None:
        return
    check.signing_time = moment.isoformat()
    certificate: asn1_x509.Certificate = status.signing_cert
    check.valid_at_signing_time = (
        certificate.not_valid_before <= moment <= certificate.not_valid_after
    )


def _revocation(
    status: Any,
    *,
    soft_failed: bool,
    dss: DocumentSecurityStore | None,
    allow_fetching: bool,
    certificate: asn1_x509.Certificate,
) -> Revocation:
    # In order: the first that holds tells what is known about revocation.
    findings = (
        (status.revocation_details is not None, Revocation.REVOKED),
        # No chain to a trusted root: there was nothing to check against.
        (status.validation_path is None, Revocation.NOT_CHECKED),
        (soft_failed, Revocation.SOFT_FAILED),
        (dss is not None and bool(dss.crls or dss.ocsps), Revocation.EMBEDDED),
        (not allow_fetching, Revocation.NOT_CHECKED),
        (bool(certificate.crl_distribution_points or certificate.ocsp_urls), Revocation.CHECKED),
    )
    return next((value for holds, value in findings if holds), Revocation.NO_INFO)
