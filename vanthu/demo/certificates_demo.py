"""Demo signing certificates, so the demo can sign digitally (never for production).

The test PKI of ``vanthu.signing.testpki`` is built once in the data folder (``demo-pki``).
Its root is trusted installation-wide, and its intermediate CA issues, for each agency of
``DEMO_SIGNERS``, a PKCS#12 certificate to the leader (in the leader's name) and one to the
agency seal (in the agency's name), all with the password ``DEMO_CERT_PASSWORD``. They are
registered by the demo administrator through ``vanthu.signing.services`` (audited). An agency
whose leader already has an active certificate is left alone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from vanthu.accounts.models import User
from vanthu.signing.models import Certificate, TrustRoot
from vanthu.signing.services import certificate_register_p12, trust_root_add
from vanthu.signing.testpki import PASSWORD, TestPKI, build_test_pki
from vanthu.signing.x509_build import issue_leaf, subject_name

DEMO_CERT_PASSWORD = PASSWORD
"""The password of every demo PKCS#12 certificate (the PIN asked when signing)."""

DEMO_SIGNERS = ("snv.lanhdao", "hondat.tuphap.lanhdao", "mongthob.chutich")
ADMIN = "admin"
PKI_FOLDER = "demo-pki"
ROOT_NAME = "VănThư Root CA thử nghiệm (dữ liệu mẫu)"
VALID_DAYS = 730


def demo_pki(data_dir: Path | None = None) -> TestPKI:
    """Return the demo PKI, building it first (into a fresh folder moved in place at once, so
    two processes loading the demo at the same time never mix two PKIs)."""
    folder = (data_dir or Path(settings.DATA_DIR)) / PKI_FOLDER
    if not folder.exists():
        folder.parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=f".{PKI_FOLDER}-", dir=folder.parent))
        build_test_pki(scratch)
        try:
            scratch.rename(folder)
        except OSError:  # another process was first
            shutil.rmtree(scratch, ignore_errors=True)
    return build_test_pki(folder)


def issue_p12(pki: TestPKI, *, common_name: str, organization: str) -> bytes:
    """Return a PKCS#12 (``DEMO_CERT_PASSWORD``) signing certificate issued by the PKI's
    intermediate CA, valid from yesterday for two years."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    leaf = issue_leaf(
        issuer_cert_der=pki.intermediate.cert_der,
        issuer_key_pem=pki.intermediate.key_pem,
        chain_der=(pki.intermediate.cert_der, pki.root.cert_der),
        subject=subject_name(common_name, organization),
        start=now - dt.timedelta(days=1),
        end=now + dt.timedelta(days=VALID_DAYS),
        password=DEMO_CERT_PASSWORD,
    )
    return leaf.p12


@dataclass
class CertificatesDemo:
    trust_roots: int = 0
    certificates: int = 0


def _trust_root(pki: TestPKI, admin: User, result: CertificatesDemo) -> None:
    fingerprint = hashlib.sha256(pki.root.cert_der).hexdigest()
    if TrustRoot.objects.filter(agency__isnull=True, fingerprint_sha256=fingerprint).exists():
        return
    trust_root_add(actor=admin, agency_id=None, name=ROOT_NAME, certificate_der=pki.root.cert_der)
    result.trust_roots += 1


def certificates_demo() -> CertificatesDemo | None:
    """Give the demo leaders and their agencies' seals certificates; None without the demo
    administrator."""
    admin = User.objects.filter(username=ADMIN, is_superuser=True, is_active=True).first()
    if admin is None:
        return None
    leaders = User.objects.filter(username__in=DEMO_SIGNERS).select_related("agency")
    todo = [
        (leader, leader.agency)
        for leader in leaders
        if leader.agency is not None
        and not Certificate.objects.filter(user=leader, active=True).exists()
    ]
    result = CertificatesDemo()
    if not todo:
        return result
    pki = demo_pki()
    _trust_root(pki, admin, result)
    for leader, agency in todo:
        person = issue_p12(pki, common_name=leader.full_name, organization=agency.name)
        seal = issue_p12(pki, common_name=agency.name, organization=agency.name)
        for user, p12 in ((leader, person), (None, seal)):
            certificate_register_p12(
                actor=admin,
                agency_id=agency.pk,
                user=user,
                p12=p12,
                password=DEMO_CERT_PASSWORD,
            )
            result.certificates += 1
    return result
