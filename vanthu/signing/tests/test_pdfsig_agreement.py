"""Independent check: poppler's pdfsig and our validator (pyHanko) agree on the same files."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from vanthu.signing.enums import ReportStatus
from vanthu.signing.providers.pkcs12_file import Pkcs12Provider
from vanthu.signing.sign import Appearance, Level, pdf_sign
from vanthu.signing.testpki import Services, TestPKI
from vanthu.signing.tests.pdfs import pdfsig
from vanthu.signing.tests.verify_pdfs import Case, build_cases, pdfsig_verdicts
from vanthu.signing.validation import Coverage, Revocation, validate_pdf

CASE_NAMES = [
    "b_b",
    "b_t",
    "b_lt",
    "two_valid",
    "tampered",
    "expired",
    "revoked_reachable",
    "revoked_unreachable",
    "untrusted_root",
    "second_broken",
    "encrypted",
    "truncated",
    "unsigned",
]


@pytest.fixture(scope="module")
def cases(
    test_pki: TestPKI,
    pki_services: Services,
    plain_pdf: bytes,
    nssdir: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, Case]:
    return build_cases(
        pki=test_pki,
        tsa_url=pki_services.tsa_url,
        plain=plain_pdf,
        nssdir=nssdir,
        tmp=tmp_path_factory.mktemp("verify-cases"),
    )


@pytest.mark.parametrize("name", CASE_NAMES)
def test_pdfsig_and_validator_agree(cases: dict[str, Case], name: str, tmp_path: Path) -> None:
    case = cases[name]

    signatures, trusted = pdfsig_verdicts(pdfsig(case.pdf, case.nssdir, tmp_path))
    result = validate_pdf(case.pdf, trust_roots=case.roots, allow_fetching=True)

    assert (signatures, trusted) == (case.pdfsig_signatures, case.pdfsig_trusted)
    assert result.status == case.status, result.as_dict()
    # Signature by signature: pdfsig's digest check and ours say the same.
    if signatures:
        assert [check.integrity for check in result.signatures] == [
            verdict == "valid" for verdict in signatures
        ]
    assert all(message for message in result.messages)


def test_valid_b_b_reports_identity_time_and_whole_coverage(cases: dict[str, Case]) -> None:
    result = validate_pdf(cases["b_b"].pdf, trust_roots=cases["b_b"].roots, allow_fetching=True)

    [check] = result.signatures
    assert check.signer_cn == "Nguyễn Văn A"
    assert check.coverage == Coverage.WHOLE
    assert check.trusted and check.integrity
    assert check.chain[0] == "VănThư Root CA thử nghiệm"
    assert check.signing_time_source == "signer"
    assert check.valid_at_signing_time is True
    assert check.revocation == Revocation.CHECKED
    assert check.modification == "none"
    assert "Nguyễn Văn A" in result.summary


def test_b_t_signing_time_comes_from_the_time_stamp(cases: dict[str, Case]) -> None:
    result = validate_pdf(cases["b_t"].pdf, trust_roots=cases["b_t"].roots, allow_fetching=True)

    [check] = result.signatures
    assert check.timestamp is not None and check.timestamp.valid
    assert check.timestamp.authority == "VănThư TSA thử nghiệm"
    assert check.signing_time_source == "timestamp"


def test_b_lt_uses_the_embedded_validation_data_offline(cases: dict[str, Case]) -> None:
    case = cases["b_lt"]

    result = validate_pdf(case.pdf, trust_roots=case.roots, allow_fetching=False)

    [check] = result.signatures
    assert result.status == ReportStatus.VALID
    assert check.revocation == Revocation.EMBEDDED
    assert check.coverage == Coverage.PARTIAL  # the DSS is appended after the signature
    assert check.modification == "lta_updates"


def test_offline_b_b_is_valid_with_a_revocation_warning(cases: dict[str, Case]) -> None:
    result = validate_pdf(cases["b_b"].pdf, trust_roots=cases["b_b"].roots, allow_fetching=False)

    assert result.status == ReportStatus.VALID_WITH_WARNINGS
    [check] = result.signatures
    assert check.revocation == Revocation.NOT_CHECKED
    assert "thu hồi" in check.warnings[0]


def test_revocation_reachable_names_the_revocation(cases: dict[str, Case]) -> None:
    case = cases["revoked_reachable"]

    result = validate_pdf(case.pdf, trust_roots=case.roots, allow_fetching=True)

    [check] = result.signatures
    assert check.revocation == Revocation.REVOKED
    assert "thu hồi" in result.summary


def test_revocation_unreachable_soft_fails_and_says_so(cases: dict[str, Case]) -> None:
    case = cases["revoked_unreachable"]

    result = validate_pdf(case.pdf, trust_roots=case.roots, allow_fetching=True)

    [check] = result.signatures
    assert check.revocation == Revocation.SOFT_FAILED
    assert "Không kết nối được" in check.warnings[0]


def test_second_signature_broken_keeps_the_first_valid(cases: dict[str, Case]) -> None:
    case = cases["second_broken"]

    result = validate_pdf(case.pdf, trust_roots=case.roots, allow_fetching=True)

    first, second = result.signatures
    assert (first.status, second.status) == (ReportStatus.VALID, ReportStatus.INVALID)
    assert first.coverage == Coverage.PARTIAL
    assert first.modification == "form_filling"
    assert result.summary.startswith("1/2")


def test_two_valid_signatures_name_both_signers(cases: dict[str, Case]) -> None:
    case = cases["two_valid"]

    result = validate_pdf(case.pdf, trust_roots=case.roots, allow_fetching=True)

    assert [check.signer_cn for check in result.signatures] == [
        "Nguyễn Văn A",
        "Sở Nội vụ tỉnh Kiên Giang",
    ]
    assert result.signature_count == 2


def test_verifying_takes_at_most_half_a_second_per_signature(cases: dict[str, Case]) -> None:
    case = cases["two_valid"]
    validate_pdf(case.pdf, trust_roots=case.roots, allow_fetching=True)  # warm-up

    started = time.perf_counter()
    validate_pdf(case.pdf, trust_roots=case.roots, allow_fetching=True)
    elapsed = time.perf_counter() - started

    assert elapsed / 2 <= 0.5


def test_the_signing_services_output_is_valid_for_both_checkers(
    test_pki: TestPKI, pki_services: Services, plain_pdf: bytes, nssdir: str, tmp_path: Path
) -> None:
    """GIVEN a page signed by the leader then by the agency with the signing service (B-T)
    WHEN pdfsig and our validator check it THEN both see two valid, trusted signatures."""
    signed = plain_pdf
    for issued, field_name, box in [
        (test_pki.signer, "ChuKy1", (300.0, 120.0, 450.0, 180.0)),
        (test_pki.agency, "ChuKy2", (260.0, 110.0, 340.0, 190.0)),
    ]:
        signed = pdf_sign(
            pdf=signed,
            provider=Pkcs12Provider(issued.p12),
            pin=issued.password,
            appearance=Appearance(field_name, box=box),
            level=Level.B_T,
            tsa_url=pki_services.tsa_url,
        )

    verdicts = pdfsig_verdicts(pdfsig(signed, nssdir, tmp_path))
    result = validate_pdf(signed, trust_roots=[test_pki.root.cert_der], allow_fetching=True)

    assert verdicts == (("valid", "valid"), (True, True))
    assert result.status == ReportStatus.VALID
    assert [check.signer_cn for check in result.signatures] == [
        "Nguyễn Văn A",
        "Sở Nội vụ tỉnh Kiên Giang",
    ]
    assert all(check.signing_time_source == "timestamp" for check in result.signatures)
