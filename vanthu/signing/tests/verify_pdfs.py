"""Signed test PDFs for the verification tests, made with pyHanko directly (independent of
the signing service), and the expectations of poppler's ``pdfsig`` and of our validator."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import x509 as asn1_x509  # type: ignore[import-untyped]
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers, timestamps
from pyhanko_certvalidator import ValidationContext

from vanthu.signing.enums import ReportStatus
from vanthu.signing.testpki import Issued, TestPKI, build_test_pki
from vanthu.signing.tests.pdfs import encrypted_pdf, nss_db
from vanthu.signing.x509_build import issue_leaf


def sign(
    pdf: bytes,
    issued: Issued,
    *,
    field_name: str = "ChuKy1",
    tsa_url: str | None = None,
    lt_root: bytes | None = None,
    reason: str | None = None,
) -> bytes:
    """Append one PAdES signature (B-B; B-T with ``tsa_url``; B-LT with ``lt_root`` too)."""
    signer = signers.SimpleSigner.load_pkcs12(
        str(issued.p12_path), passphrase=issued.password.encode()
    )
    context = (
        ValidationContext(trust_roots=[asn1_x509.Certificate.load(lt_root)], allow_fetching=True)
        if lt_root is not None
        else None
    )
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        embed_validation_info=lt_root is not None,
        validation_context=context,
    )
    stamper = timestamps.HTTPTimeStamper(tsa_url) if tsa_url else None
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    out = io.BytesIO()
    signers.PdfSigner(meta, signer=signer, timestamper=stamper).sign_pdf(writer, output=out)
    return out.getvalue()


def flip_byte(pdf: bytes, offset: int) -> bytes:
    """Return ``pdf`` with the byte at ``offset`` changed (same length)."""
    changed = bytearray(pdf)
    changed[offset] = ord("X") if changed[offset] != ord("X") else ord("Y")
    return bytes(changed)


def tamper_header(pdf: bytes) -> bytes:
    """Change a byte of the binary comment on the second line: inside every signed range."""
    return flip_byte(pdf, pdf.index(b"\n") + 2)


def tamper_reason(pdf: bytes, reason: bytes) -> bytes:
    """Change the last signature's ``/Reason`` text (inside its signed range only)."""
    match = list(re.finditer(rb"/Reason \(" + re.escape(reason), pdf))[-1]
    return flip_byte(pdf, match.end() - 1)


@dataclass(frozen=True)
class Case:
    """One file of the table, what pdfsig must say of it and what our validator must say."""

    name: str
    pdf: bytes
    roots: list[bytes]
    nssdir: str
    pdfsig_signatures: tuple[str, ...]  # per signature: "valid" or "mismatch"; () = none
    pdfsig_trusted: tuple[bool, ...]  # per signature: "Certificate is Trusted."
    status: ReportStatus


def build_cases(
    *, pki: TestPKI, tsa_url: str, plain: bytes, nssdir: str, tmp: Path
) -> dict[str, Case]:
    """Return the table's files; ``pki``'s services must be running (TSA, CRLs for B-LT).

    A second PKI whose services never run gives an untrusted root and an unreachable CRL.
    """
    other = build_test_pki(tmp / "other-pki")
    other_nss = nss_db(tmp / "other-nss", other.root_path)
    root, other_root = [pki.root.cert_der], [other.root.cert_der]
    signed = sign(plain, pki.signer)
    two = sign(signed, pki.agency, field_name="ChuKy2", reason="Ban hanh")
    rows = [
        Case("b_b", signed, root, nssdir, ("valid",), (True,), ReportStatus.VALID),
        Case(
            "b_t",
            sign(plain, pki.signer, tsa_url=tsa_url),
            root,
            nssdir,
            ("valid",),
            (True,),
            ReportStatus.VALID,
        ),
        Case(
            "b_lt",
            sign(plain, pki.agency, tsa_url=tsa_url, lt_root=pki.root.cert_der),
            root,
            nssdir,
            ("valid",),
            (True,),
            ReportStatus.VALID,
        ),
        Case("two_valid", two, root, nssdir, ("valid", "valid"), (True, True), ReportStatus.VALID),
        Case(
            "tampered", tamper_header(signed), root, nssdir, ("mismatch",), (), ReportStatus.INVALID
        ),
        Case(
            "expired",
            sign(plain, pki.expired),
            root,
            nssdir,
            ("valid",),
            (False,),
            ReportStatus.INVALID,
        ),
        # pdfsig checks revocation only by OCSP, which the test PKI does not run: it sees a
        # trusted certificate; we read the CRL on loopback and must refuse.
        Case(
            "revoked_reachable",
            sign(plain, pki.revoked),
            root,
            nssdir,
            ("valid",),
            (True,),
            ReportStatus.INVALID,
        ),
        Case(
            "revoked_unreachable",
            sign(plain, other.revoked),
            other_root,
            other_nss,
            ("valid",),
            (True,),
            ReportStatus.VALID_WITH_WARNINGS,
        ),
        Case(
            "untrusted_root",
            sign(plain, other.signer),
            root,
            nssdir,
            ("valid",),
            (False,),
            ReportStatus.INVALID,
        ),
        Case(
            "second_broken",
            tamper_reason(two, b"Ban hanh"),
            root,
            nssdir,
            ("valid", "mismatch"),
            (True,),
            ReportStatus.INVALID,
        ),
        Case("encrypted", encrypted_pdf(plain), root, nssdir, (), (), ReportStatus.UNREADABLE),
        Case(
            "truncated", signed[: len(signed) // 2], root, nssdir, (), (), ReportStatus.UNREADABLE
        ),
        Case("unsigned", plain, root, nssdir, (), (), ReportStatus.UNSIGNED),
    ]
    return {case.name: case for case in rows}


def pdfsig_verdicts(output: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    """Return pdfsig's per-signature verdicts: signature valid/mismatch, certificate trusted."""
    signatures = tuple(
        "valid" if line.endswith("Signature is Valid.") else "mismatch"
        for line in output.splitlines()
        if "Signature Validation:" in line
    )
    trusted = tuple(
        line.endswith("Certificate is Trusted.")
        for line in output.splitlines()
        if "Certificate Validation:" in line
    )
    return signatures, trusted


def short_lived(pki: TestPKI, directory: Path, *, seconds: int) -> Issued:
    """Issue a signer certificate from the test intermediate that expires in ``seconds``."""
    now = dt.datetime.now(dt.UTC)
    leaf = issue_leaf(
        issuer_cert_der=pki.intermediate.cert_der,
        issuer_key_pem=pki.intermediate.key_pem,
        chain_der=(pki.intermediate.cert_der,),
        subject=x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Võ Thị Ngắn Hạn")]),
        start=now - dt.timedelta(hours=1),
        end=now + dt.timedelta(seconds=seconds),
        password="123456",
    )
    cert = leaf.cert
    directory.mkdir(parents=True, exist_ok=True)
    p12_path = directory / "short.p12"
    p12_path.write_bytes(leaf.p12)
    der = cert.public_bytes(serialization.Encoding.DER)
    (directory / "short.der").write_bytes(der)
    return Issued(
        cert_der=der,
        key_pem=b"",
        p12=p12_path.read_bytes(),
        password="123456",
        cert_path=directory / "short.der",
        p12_path=p12_path,
    )
