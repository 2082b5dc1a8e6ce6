"""Audited writes of the signing app: trust roots and the certificate registry."""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from vanthu.accounts.models import User
from vanthu.accounts.roles import is_agency_admin_of
from vanthu.audit.services import record
from vanthu.core.errors import NotFoundError, PermissionDeniedError
from vanthu.documents.uploads import blob_store_upload
from vanthu.signing.certificates import (
    CertificateInfo,
    certificate_info,
    encode_chain,
    p12_contents,
)
from vanthu.signing.enums import CertificatePurpose, ProviderKind
from vanthu.signing.errors import CertificateDuplicateError, CertificateExpiredError
from vanthu.signing.models import Certificate, TrustRoot

PNG = "image/png"
OCTETS = "application/octet-stream"


@dataclass(frozen=True)
class AppearanceImage:
    """The signature (blue) or seal (red) PNG and its printed size in millimetres."""

    png: bytes
    width_mm: Decimal
    height_mm: Decimal


def _ensure_admin(actor: User, agency_id: int | None) -> None:
    allowed = is_agency_admin_of(actor, agency_id) if agency_id else actor.is_superuser
    if not allowed:
        raise PermissionDeniedError(_("Chỉ quản trị cơ quan mới được quản lý chứng thư số."))


@transaction.atomic
def trust_root_add(
    *, actor: User, agency_id: int | None, name: str, certificate_der: bytes
) -> TrustRoot:
    """Trust a root (or intermediate) certificate for an agency; ``None`` = installation-wide."""
    _ensure_admin(actor, agency_id)
    info = certificate_info(certificate_der)
    same = TrustRoot.objects.filter(fingerprint_sha256=info.fingerprint_sha256)
    if same.filter(Q(agency_id=agency_id) if agency_id else Q(agency__isnull=True)).exists():
        raise CertificateDuplicateError
    root = TrustRoot(
        agency_id=agency_id,
        name=name[:255] or info.subject_cn,
        certificate_der=info.der,
        subject=info.subject_cn[:500],
        fingerprint_sha256=info.fingerprint_sha256,
        added_by=actor,
    )
    root.full_clean()
    root.save()
    record(
        action="signing.trust_root_added",
        actor=actor,
        target=root,
        data={"agency_id": agency_id, "fingerprint": info.fingerprint_sha256},
    )
    return root


@transaction.atomic
def trust_root_deactivate(*, actor: User, trust_root_id: int) -> TrustRoot:
    """Stop trusting a root; reports made earlier keep the trust fingerprint they used."""
    root = TrustRoot.objects.select_for_update().filter(pk=trust_root_id).first()
    if root is None:
        raise NotFoundError
    _ensure_admin(actor, root.agency_id)
    root.active = False
    root.save(update_fields=["active"])
    record(action="signing.trust_root_deactivated", actor=actor, target=root, data={})
    return root


def _ensure_may_register(actor: User, agency_id: int, user: User | None) -> None:
    if user is not None and user.agency_id != agency_id:
        raise PermissionDeniedError
    if user is not None and user.pk == actor.pk:
        return
    _ensure_admin(actor, agency_id)


def _store(actor: User, data: bytes, filename: str, media_type: str) -> str:
    blob = blob_store_upload(
        actor=actor, fileobj=io.BytesIO(data), filename=filename, allowed_types={media_type}
    )
    return blob.sha256


def _certificate_save(
    *,
    actor: User,
    agency_id: int,
    user: User | None,
    info: CertificateInfo,
    provider: ProviderKind,
    config: dict[str, Any],
    image: AppearanceImage | None,
) -> Certificate:
    if info.not_after < timezone.now():
        raise CertificateExpiredError
    if Certificate.objects.filter(
        agency_id=agency_id, fingerprint_sha256=info.fingerprint_sha256
    ).exists():
        raise CertificateDuplicateError
    certificate = Certificate(
        agency_id=agency_id,
        user=user,
        purpose=CertificatePurpose.SIGNER if user is not None else CertificatePurpose.AGENCY,
        certificate_der=info.der,
        subject_cn=info.subject_cn,
        issuer_cn=info.issuer_cn,
        serial_hex=info.serial_hex,
        not_before=info.not_before,
        not_after=info.not_after,
        fingerprint_sha256=info.fingerprint_sha256,
        provider=provider,
        provider_config=config,
    )
    if image is not None:
        certificate.image_sha256 = _store(actor, image.png, "appearance.png", PNG)
        certificate.image_width_mm = image.width_mm
        certificate.image_height_mm = image.height_mm
    certificate.full_clean()
    certificate.save()
    record(
        action="signing.certificate_registered",
        actor=actor,
        target=certificate,
        data={
            "agency_id": agency_id,
            "user_id": user.pk if user else None,
            "provider": provider,
            "fingerprint": info.fingerprint_sha256,
            "not_after": info.not_after.isoformat(),
        },
    )
    return certificate


@transaction.atomic
def certificate_register_p12(
    *,
    actor: User,
    agency_id: int,
    user: User | None,
    p12: bytes,
    password: str,
    image: AppearanceImage | None = None,
) -> Certificate:
    """Register the certificate of a PKCS#12 file for a person (or the agency seal: no user).

    The file is kept as a blob (it stays encrypted by its password, which is never stored).
    """
    _ensure_may_register(actor, agency_id, user)
    info, chain = p12_contents(p12, password)
    config = {
        "p12_sha256": _store(actor, p12, "certificate.p12", OCTETS),
        "chain": encode_chain(chain),
    }
    return _certificate_save(
        actor=actor,
        agency_id=agency_id,
        user=user,
        info=info,
        provider=ProviderKind.PKCS12,
        config=config,
        image=image,
    )


@transaction.atomic
def certificate_register_token(
    *,
    actor: User,
    agency_id: int,
    user: User | None,
    certificate_der: bytes,
    chain_der: list[bytes],
    module_path: str,
    token_label: str,
    key_label: str = "",
    key_id_hex: str = "",
    image: AppearanceImage | None = None,
) -> Certificate:
    """Register a certificate whose key sits on a PKCS#11 token (no PIN is ever stored)."""
    _ensure_may_register(actor, agency_id, user)
    info = certificate_info(certificate_der)
    config = {
        "module_path": module_path,
        "token_label": token_label,
        "key_label": key_label,
        "key_id_hex": key_id_hex,
        "chain": encode_chain([certificate_info(der).der for der in chain_der]),
    }
    return _certificate_save(
        actor=actor,
        agency_id=agency_id,
        user=user,
        info=info,
        provider=ProviderKind.PKCS11,
        config=config,
        image=image,
    )


@transaction.atomic
def certificate_deactivate(*, actor: User, certificate_id: int) -> Certificate:
    """Withdraw a certificate from use (lost token, revoked, replaced)."""
    certificate = Certificate.objects.select_for_update().filter(pk=certificate_id).first()
    if certificate is None:
        raise NotFoundError
    _ensure_may_register(actor, certificate.agency_id, certificate.user)
    certificate.active = False
    certificate.save(update_fields=["active"])
    record(action="signing.certificate_deactivated", actor=actor, target=certificate, data={})
    return certificate
