"""``validate_pdf`` on its own: bad input never raises, changes after signing, trust roots."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers, timestamps

from vanthu.signing.enums import ReportStatus
from vanthu.signing.testpki import Services, TestPKI
from vanthu.signing.tests.verify_pdfs import flip_byte, short_lived, sign
from vanthu.signing.validation import (
    TrustRootError,
    load_certificates,
    trust_fingerprint,
    validate_pdf,
)
from vanthu.signing.validation.trust import trust_anchors


@pytest.fixture(scope="module")
def signed_pdf(test_pki: TestPKI, pki_services: Services, plain_pdf: bytes) -> bytes:
    return sign(plain_pdf, test_pki.signer)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Tệp không phải là tệp PDF."),
        (b"PK\x03\x04 a zip file", "Tệp không phải là tệp PDF."),
        (b"%PDF-1.7\n garbage", "Tệp PDF bị hỏng hoặc không đầy đủ"),
    ],
)
def test_bad_input_is_unreadable_with_a_message(data: bytes, message: str) -> None:
    result = validate_pdf(data, trust_roots=[], allow_fetching=False)

    assert result.status == ReportStatus.UNREADABLE
    assert result.summary.startswith(message)
    assert result.signatures == []


def test_a_page_changed_after_signing_is_invalid(signed_pdf: bytes, test_pki: TestPKI) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(signed_pdf))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    page["/Rotate"] = generic.NumberObject(90)
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)

    result = validate_pdf(out.getvalue(), trust_roots=[test_pki.root.cert_der], allow_fetching=True)

    [check] = result.signatures
    assert result.status == ReportStatus.INVALID
    assert check.integrity  # the signed bytes are intact …
    assert check.modification == "other"  # … but the file was changed afterwards
    assert any("sửa đổi sau khi ký" in message for message in check.messages)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(position=st.floats(min_value=0, max_value=0.999), cut=st.booleans())
def test_damaged_copies_never_raise(
    signed_pdf: bytes, test_pki: TestPKI, position: float, cut: bool
) -> None:
    offset = int(position * len(signed_pdf))
    damaged = signed_pdf[:offset] if cut else flip_byte(signed_pdf, offset)

    result = validate_pdf(damaged, trust_roots=[test_pki.root.cert_der], allow_fetching=False)

    assert result.status in set(ReportStatus)
    assert result.summary


class TestTrustRoots:
    def test_der_and_pem_give_the_same_certificate(self, test_pki: TestPKI) -> None:
        pem = (test_pki.directory / "root.crt").read_bytes()

        assert [c.dump() for c in load_certificates(pem)] == [test_pki.root.cert_der]
        assert [c.dump() for c in load_certificates(test_pki.root.cert_der)] == [
            test_pki.root.cert_der
        ]

    def test_several_pem_blocks_and_duplicates(self, test_pki: TestPKI) -> None:
        bundle = (test_pki.directory / "root.crt").read_bytes() + (
            test_pki.directory / "intermediate.crt"
        ).read_bytes()

        anchors = trust_anchors([bundle, test_pki.root.cert_der])

        assert len(anchors) == 2

    def test_garbage_is_refused(self) -> None:
        with pytest.raises(TrustRootError):
            load_certificates(b"not a certificate")

    def test_the_fingerprint_ignores_order(self, test_pki: TestPKI) -> None:
        one = trust_anchors([test_pki.root.cert_der, test_pki.intermediate.cert_der])
        two = trust_anchors([test_pki.intermediate.cert_der, test_pki.root.cert_der])

        assert trust_fingerprint(one) == trust_fingerprint(two)
        assert trust_fingerprint(one) != trust_fingerprint(one[:1])


class TestCertificateExpiredSinceSigning:
    """A certificate that expired after signing: the time-stamp proves when it was used."""

    def test_with_a_time_stamp_valid_with_a_warning_without_it_invalid(
        self,
        test_pki: TestPKI,
        pki_services: Services,
        plain_pdf: bytes,
        tmp_path: Path,
    ) -> None:
        issued = short_lived(test_pki, tmp_path, seconds=3)
        stamped = sign(plain_pdf, issued, tsa_url=pki_services.tsa_url)
        bare = sign(plain_pdf, issued)
        time.sleep(4)

        with_stamp = validate_pdf(
            stamped, trust_roots=[test_pki.root.cert_der], allow_fetching=True
        )
        without = validate_pdf(bare, trust_roots=[test_pki.root.cert_der], allow_fetching=True)

        [check] = with_stamp.signatures
        assert with_stamp.status == ReportStatus.VALID_WITH_WARNINGS
        assert check.expired_since_signing
        assert check.valid_at_signing_time is True
        assert "hết hạn sau thời điểm ký" in check.warnings[0]
        assert without.status == ReportStatus.INVALID
        assert "hết hạn" in without.summary


def test_a_document_time_stamp_is_listed_but_not_counted_as_a_signature(
    test_pki: TestPKI, pki_services: Services, plain_pdf: bytes
) -> None:
    signed = sign(plain_pdf, test_pki.signer, tsa_url=pki_services.tsa_url)
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    out = io.BytesIO()
    signers.PdfTimeStamper(timestamps.HTTPTimeStamper(pki_services.tsa_url)).timestamp_pdf(
        writer, md_algorithm="sha256", output=out
    )

    result = validate_pdf(out.getvalue(), trust_roots=[test_pki.root.cert_der], allow_fetching=True)

    signature, stamp = result.signatures
    assert (signature.kind, stamp.kind) == ("signature", "document_timestamp")
    assert stamp.signer_cn == "VănThư TSA thử nghiệm"
    assert stamp.integrity and stamp.trusted
    assert result.signature_count == 1
    assert result.status == ReportStatus.VALID
