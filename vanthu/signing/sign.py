"""Sign a PDF (PAdES B-B, B-T, B-LT) in one incremental update, with an optional visible box.

The original bytes are never rewritten: pyHanko appends a revision after them. A ``prepare``
hook may add to the same revision (empty form fields for the number and date, or filling them)
so that what the signature covers is exactly what the signer saw.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from pkcs11 import exceptions as p11_errors
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign import fields, signers
from pyhanko.sign.fields import MDPPerm, SigSeedSubFilter
from pyhanko.sign.general import SigningError
from pyhanko.sign.timestamps.common_utils import TimestampRequestError
from pyhanko.sign.timestamps.requests_client import RequestsHTTPTimeStamper
from pyhanko.stamp import BaseStampStyle
from pyhanko_certvalidator import ValidationContext

from vanthu.signing.errors import (
    KeyUnavailableError,
    PdfUnsignableError,
    SigningFailedError,
    TimestampUnavailableError,
)
from vanthu.signing.providers import KeyProvider

Box = tuple[float, float, float, float]
"""A rectangle in PDF user space: (x1, y1, x2, y2), origin bottom left, points."""


class Level(StrEnum):
    """PAdES baseline levels we produce."""

    B_B = "B-B"
    B_T = "B-T"
    B_LT = "B-LT"


@dataclass(frozen=True)
class Appearance:
    """Where the signature field goes and how it looks (``box`` None = invisible)."""

    field_name: str
    page: int = 0
    box: Box | None = None
    style: BaseStampStyle | None = None
    text_params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FieldLock:
    """Lock every form field except ``fillable`` (a FieldMDP lock on the new signature).

    No DocMDP value goes with it: pyHanko's validator then refuses the new appearance streams
    of the filled fields ("only allowed after an approval signature")."""

    fillable: tuple[str, ...] = ()


@dataclass(frozen=True)
class Certification:
    """Make the signature a certification (DocMDP) allowing only ``permission`` afterwards."""

    permission: MDPPerm = MDPPerm.FILL_FORMS


Prepare = Callable[[IncrementalPdfFileWriter], None]

_TSA_TIMEOUT_S = 5
_RESERVED_BYTES = 32 * 1024
"""Room for the CMS signature (certificates, time-stamp token). Reserving it skips pyHanko's
size estimate, which signs a dummy and asks the TSA once more (half the time of a signature)."""


def _writer(pdf: bytes) -> IncrementalPdfFileWriter:
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    except (PdfError, ValueError, KeyError, TypeError) as exc:
        raise PdfUnsignableError from exc
    if writer.prev.encrypted:
        raise PdfUnsignableError
    return writer


def _page_index(writer: IncrementalPdfFileWriter, page: int) -> int:
    count = int(writer.root["/Pages"]["/Count"])
    return page if page >= 0 else count + page


def _metadata(
    *,
    appearance: Appearance,
    level: Level,
    certification: Certification | None,
    validation_context: ValidationContext | None,
    reason: str | None,
    location: str | None,
) -> signers.PdfSignatureMetadata:
    return signers.PdfSignatureMetadata(
        field_name=appearance.field_name,
        md_algorithm="sha256",
        subfilter=SigSeedSubFilter.PADES,
        reason=reason,
        location=location,
        certify=certification is not None,
        docmdp_permissions=(
            certification.permission if certification is not None else MDPPerm.FILL_FORMS
        ),
        embed_validation_info=level == Level.B_LT,
        validation_context=validation_context if level == Level.B_LT else None,
    )


def _timestamper(level: Level, tsa_url: str | None) -> RequestsHTTPTimeStamper | None:
    if level == Level.B_B:
        return None
    if not tsa_url:
        raise TimestampUnavailableError
    return RequestsHTTPTimeStamper(tsa_url, timeout=_TSA_TIMEOUT_S)  # type: ignore[no-untyped-call]


def pdf_sign(
    *,
    pdf: bytes,
    provider: KeyProvider,
    pin: str,
    appearance: Appearance,
    level: Level = Level.B_B,
    tsa_url: str | None = None,
    validation_context: ValidationContext | None = None,
    certification: Certification | None = None,
    lock: FieldLock | None = None,
    reason: str | None = None,
    location: str | None = None,
    prepare: Sequence[Prepare] = (),
) -> bytes:
    """Return ``pdf`` with one more signature appended (incremental update only).

    ``lock`` makes the new signature lock every form field but the fillable ones (FieldMDP).
    B-T and B-LT need ``tsa_url``; B-LT needs a ``validation_context`` that may fetch the CRLs
    (or OCSP) of the chain. Raises a signing ``DomainError`` and returns nothing on failure.
    """
    if level == Level.B_LT and validation_context is None:
        raise SigningFailedError
    writer = _writer(pdf)
    timestamper = _timestamper(level, tsa_url)
    for step in prepare:
        step(writer)
    spec = fields.SigFieldSpec(
        sig_field_name=appearance.field_name,
        on_page=_page_index(writer, appearance.page),
        box=appearance.box,  # type: ignore[arg-type]  # pyHanko accepts floats
        field_mdp_spec=(
            fields.FieldMDPSpec(action=fields.FieldMDPAction.EXCLUDE, fields=list(lock.fillable))
            if lock is not None
            else None
        ),
    )
    meta = _metadata(
        appearance=appearance,
        level=level,
        certification=certification,
        validation_context=validation_context,
        reason=reason,
        location=location,
    )
    out = io.BytesIO()
    with provider.opened(pin) as signer:
        try:
            pdf_signer = signers.PdfSigner(
                meta,
                signer=signer,
                timestamper=timestamper,
                stamp_style=appearance.style,
                new_field_spec=spec,
            )
            pdf_signer.sign_pdf(
                writer,
                output=out,
                appearance_text_params=appearance.text_params or None,
                bytes_reserved=_RESERVED_BYTES,
            )
        except TimestampRequestError as exc:
            raise TimestampUnavailableError from exc
        except (SigningError, PdfError, ValueError) as exc:
            raise SigningFailedError(_failure_message(exc)) from exc
        except (OSError, p11_errors.PKCS11Error) as exc:
            raise KeyUnavailableError from exc
    return out.getvalue()


def _failure_message(exc: Exception) -> str:
    return f"{SigningFailedError.default_message} ({type(exc).__name__})"
