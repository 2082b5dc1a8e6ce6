"""PAdES signing: levels, key providers, refusals; checked by pyHanko and by poppler's pdfsig."""

from __future__ import annotations

from pathlib import Path

import pytest
from asn1crypto import x509 as asn1_x509  # type: ignore[import-untyped]
from pyhanko_certvalidator import ValidationContext

from vanthu.signing.errors import (
    KeyUnavailableError,
    PdfUnsignableError,
    ProviderNotSupportedError,
    TimestampUnavailableError,
    WrongPinError,
)
from vanthu.signing.providers import Pkcs11Provider, Pkcs12Provider, RemoteProvider
from vanthu.signing.sign import Appearance, FieldLock, Level, pdf_sign
from vanthu.signing.testpki import Services, TestPKI
from vanthu.signing.tests.pdfs import encrypted_pdf, pdfsig, pyhanko_statuses
from vanthu.signing.tests.softhsm import Token


def _p12(issued_pki: TestPKI) -> Pkcs12Provider:
    return Pkcs12Provider(issued_pki.signer.p12)


def _context(pki: TestPKI) -> ValidationContext:
    return ValidationContext(
        trust_roots=[asn1_x509.Certificate.load(pki.root.cert_der)], allow_fetching=True
    )


@pytest.mark.parametrize("level", list(Level))
def test_each_level_is_valid_and_trusted_for_pyhanko_and_pdfsig(  # noqa: PLR0917
    level: Level,
    test_pki: TestPKI,
    pki_services: Services,
    plain_pdf: bytes,
    nssdir: str,
    tmp_path: Path,
) -> None:
    signed = pdf_sign(
        pdf=plain_pdf,
        provider=_p12(test_pki),
        pin=test_pki.signer.password,
        appearance=Appearance("ChuKy1"),
        level=level,
        tsa_url=pki_services.tsa_url,
        validation_context=_context(test_pki),
    )

    assert signed.startswith(plain_pdf)  # incremental: the original bytes are untouched
    (status,) = pyhanko_statuses(signed, test_pki.root.cert_der)
    assert status.bottom_line
    assert status.trusted
    assert (status.timestamp_validity is not None) == (level != Level.B_B)
    report = pdfsig(signed, nssdir, tmp_path)
    assert "Signature is Valid" in report
    assert "Certificate is Trusted" in report
    assert "Nguyễn Văn A" in report
    if level == Level.B_LT:
        assert b"/DSS" in signed[len(plain_pdf) :]


def test_a_byte_changed_after_signing_breaks_the_signature_for_both(
    test_pki: TestPKI, plain_pdf: bytes, nssdir: str, tmp_path: Path
) -> None:
    signed = pdf_sign(
        pdf=plain_pdf,
        provider=_p12(test_pki),
        pin=test_pki.signer.password,
        appearance=Appearance("ChuKy1"),
    )
    at = plain_pdf.index(b"stream") + 20  # inside the page content, covered by the signature
    tampered = signed[:at] + bytes([signed[at] ^ 0x01]) + signed[at + 1 :]

    (status,) = pyhanko_statuses(tampered, test_pki.root.cert_der)
    assert not status.intact
    assert "Signature is Valid" not in pdfsig(tampered, nssdir, tmp_path)


def test_wrong_password_is_refused_in_vietnamese(test_pki: TestPKI, plain_pdf: bytes) -> None:
    with pytest.raises(WrongPinError) as caught:
        pdf_sign(pdf=plain_pdf, provider=_p12(test_pki), pin="sai", appearance=Appearance("K"))
    assert caught.value.code == "signing_wrong_pin"
    assert "không đúng" in caught.value.message


def test_timestamp_server_down_refuses_b_t(test_pki: TestPKI, plain_pdf: bytes) -> None:
    with pytest.raises(TimestampUnavailableError):
        pdf_sign(
            pdf=plain_pdf,
            provider=_p12(test_pki),
            pin=test_pki.signer.password,
            appearance=Appearance("K"),
            level=Level.B_T,
            tsa_url="http://127.0.0.1:9/tsa",
        )


def test_b_t_without_a_time_stamp_authority_is_refused(test_pki: TestPKI, plain_pdf: bytes) -> None:
    with pytest.raises(TimestampUnavailableError):
        pdf_sign(
            pdf=plain_pdf,
            provider=_p12(test_pki),
            pin=test_pki.signer.password,
            appearance=Appearance("K"),
            level=Level.B_T,
        )


@pytest.mark.parametrize("kind", ["encrypted", "malformed", "empty"])
def test_unsignable_pdfs_are_refused(kind: str, test_pki: TestPKI, plain_pdf: bytes) -> None:
    pdf = {
        "encrypted": encrypted_pdf(plain_pdf),
        "malformed": plain_pdf[: len(plain_pdf) // 2],
        "empty": b"",
    }[kind]
    with pytest.raises(PdfUnsignableError):
        pdf_sign(
            pdf=pdf,
            provider=_p12(test_pki),
            pin=test_pki.signer.password,
            appearance=Appearance("K"),
        )


def _token_provider(token: Token, pki: TestPKI, **changes: str) -> Pkcs11Provider:
    settings = {
        "module_path": token.module_path,
        "token_label": token.token_label,
        "key_label": token.key_label,
        **changes,
    }
    return Pkcs11Provider(
        **settings,
        certificate_der=pki.signer.cert_der,
        chain_der=(pki.intermediate.cert_der, pki.root.cert_der),
    )


def test_pkcs11_token_signs_a_trusted_signature(
    soft_token: Token, test_pki: TestPKI, plain_pdf: bytes, nssdir: str, tmp_path: Path
) -> None:
    signed = pdf_sign(
        pdf=plain_pdf,
        provider=_token_provider(soft_token, test_pki),
        pin=soft_token.pin,
        appearance=Appearance("ChuKy1"),
    )

    (status,) = pyhanko_statuses(signed, test_pki.root.cert_der)
    assert status.bottom_line
    report = pdfsig(signed, nssdir, tmp_path)
    assert "Signature is Valid" in report
    assert "Certificate is Trusted" in report


def test_pkcs11_wrong_pin_is_refused(
    soft_token: Token, test_pki: TestPKI, plain_pdf: bytes
) -> None:
    with pytest.raises(WrongPinError):
        pdf_sign(
            pdf=plain_pdf,
            provider=_token_provider(soft_token, test_pki),
            pin="000000",
            appearance=Appearance("K"),
        )


def test_pkcs11_missing_token_or_key_is_reported(
    soft_token: Token, test_pki: TestPKI, plain_pdf: bytes
) -> None:
    with pytest.raises(KeyUnavailableError):
        pdf_sign(
            pdf=plain_pdf,
            provider=_token_provider(soft_token, test_pki, token_label="Không có"),
            pin=soft_token.pin,
            appearance=Appearance("K"),
        )
    with pytest.raises(KeyUnavailableError):
        pdf_sign(
            pdf=plain_pdf,
            provider=_token_provider(soft_token, test_pki, key_label="khong-co"),
            pin=soft_token.pin,
            appearance=Appearance("K"),
        )


def test_pkcs11_config_never_holds_the_pin(soft_token: Token, test_pki: TestPKI) -> None:
    config = _token_provider(soft_token, test_pki).config()
    assert soft_token.pin not in str(config)
    assert config["token_label"] == soft_token.token_label


def test_remote_provider_is_an_interface_only(test_pki: TestPKI, plain_pdf: bytes) -> None:
    provider = RemoteProvider(service_url="https://csc.example/csc/v2", credential_id="c1")
    with pytest.raises(ProviderNotSupportedError) as caught:
        pdf_sign(pdf=plain_pdf, provider=provider, pin="1", appearance=Appearance("K"))
    assert "chưa được hỗ trợ" in caught.value.message
    assert provider.config() == {"service_url": "https://csc.example/csc/v2", "credential_id": "c1"}


@pytest.mark.parametrize(("second_field", "first_still_valid"), [("CoQuan", True), ("Khac", False)])
def test_a_field_lock_lets_only_the_named_fields_be_signed_later(
    second_field: str, first_still_valid: bool, test_pki: TestPKI, plain_pdf: bytes
) -> None:
    first = pdf_sign(
        pdf=plain_pdf,
        provider=_p12(test_pki),
        pin=test_pki.signer.password,
        appearance=Appearance("NguoiKy"),
        lock=FieldLock(fillable=("CoQuan",)),
    )
    second = pdf_sign(
        pdf=first,
        provider=Pkcs12Provider(test_pki.agency.p12),
        pin=test_pki.agency.password,
        appearance=Appearance(second_field),
    )

    leader, _agency = pyhanko_statuses(second, test_pki.root.cert_der)
    assert leader.intact
    assert leader.bottom_line == first_still_valid
