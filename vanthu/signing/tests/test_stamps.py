"""Visible appearances: geometry, Vietnam time, and the top-right text of attachments and copies."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from vanthu.signing.providers import Pkcs12Provider
from vanthu.signing.sign import pdf_sign
from vanthu.signing.stamps import (
    PT_PER_MM,
    SignatureBlock,
    attachment_text,
    copy_text,
    corner_text_appearance,
    seal_box,
    signer_box,
    vietnam_time,
)
from vanthu.signing.testpki import TestPKI
from vanthu.signing.tests.pdfs import pdfsig

MOMENT = dt.datetime(2026, 11, 25, 18, 30, 5, tzinfo=dt.UTC)


def test_vietnam_time_is_iso_8601_with_the_offset() -> None:
    assert vietnam_time(MOMENT) == "26/11/2026; 01:30:05 +07:00"
    assert attachment_text(number_code="12/QĐ-SNV", moment=MOMENT) == (
        "Số 12/QĐ-SNV; 26/11/2026; 01:30:05 +07:00"
    )
    assert copy_text(form="Sao y", agency="Sở Nội vụ", moment=MOMENT) == (
        "SAO Y; Sở Nội vụ; 26/11/2026; 01:30:05 +07:00"
    )


def test_signature_is_centred_and_the_seal_covers_its_left_third() -> None:
    block = SignatureBlock(center_x=400, position_bottom=600, name_top=520)
    x1, y1, x2, y2 = signer_box(block, width_mm=40, height_mm=18)
    assert (x1 + x2) / 2 == pytest.approx(400)
    assert (y1 + y2) / 2 == pytest.approx(560)
    assert x2 - x1 == pytest.approx(40 * PT_PER_MM)
    s1, s2_bottom, s2, s2_top = seal_box((x1, y1, x2, y2), diameter_mm=36)
    assert s2 - s1 == pytest.approx(36 * PT_PER_MM)
    assert s2 == pytest.approx(x1 + (x2 - x1) / 3)
    assert (s2_bottom + s2_top) / 2 == pytest.approx(560)


def test_a_short_gap_shrinks_the_signature_keeping_its_shape() -> None:
    block = SignatureBlock(center_x=400, position_bottom=600, name_top=580)
    x1, y1, x2, y2 = signer_box(block, width_mm=40, height_mm=18)
    assert y2 - y1 == pytest.approx(20)
    assert (x2 - x1) / (y2 - y1) == pytest.approx(40 / 18)


def _words(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()


@pytest.mark.parametrize(
    "text",
    [
        attachment_text(number_code="12/QĐ-SNV", moment=MOMENT),
        copy_text(form="Sao y", agency="Sở Nội vụ tỉnh Kiên Giang", moment=MOMENT),
    ],
)
def test_attachment_and_copy_text_sit_top_right_in_10_pt_liberation_serif(
    text: str, test_pki: TestPKI, plain_pdf: bytes, nssdir: str, tmp_path: Path
) -> None:
    signed = pdf_sign(
        pdf=plain_pdf,
        provider=Pkcs12Provider(test_pki.agency.p12),
        pin=test_pki.agency.password,
        appearance=corner_text_appearance(field_name="ChuKyCoQuan", text=text, pdf=plain_pdf),
    )

    report = pdfsig(signed, nssdir, tmp_path)
    assert "Signature is Valid" in report
    assert "Certificate is Trusted" in report
    line = next(row for row in _words(signed).splitlines() if "+07:00" in row)
    assert text in line
    values = dict(part.split("=") for part in line.strip().split(">")[0].split()[1:])
    x_max, y_min, y_max = (float(values[k].strip('"')) for k in ("xMax", "yMin", "yMax"))
    assert abs(x_max - (595.28 - 15 * PT_PER_MM)) < 3  # right edge at the right margin
    assert y_min < 40  # top of the page
    assert 9 < y_max - y_min < 13  # a 10 pt line
    fonts = subprocess.run(
        ["pdffonts", "-"], input=signed, capture_output=True, check=True
    ).stdout.decode()
    assert "LiberationSerif" in fonts
