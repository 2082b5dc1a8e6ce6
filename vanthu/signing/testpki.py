"""A development and test PKI: root CA → intermediate → people, the agency seal, a TSA.

Built with ``cryptography`` and cached in a directory (``pki.json`` + DER/PEM/P12 files). The
certificates carry CRL distribution points on a loopback port chosen when the PKI is built;
:func:`loopback_services` serves the CRLs and an RFC 3161 time-stamp authority on that port.
Never for production: the keys sit unencrypted next to the certificates.
"""

from __future__ import annotations

import datetime as dt
import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from asn1crypto import keys as asn1_keys  # type: ignore[import-untyped]
from asn1crypto import tsp as asn1_tsp
from asn1crypto import x509 as asn1_x509
from certomancer.services import TimeStamper
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID

from vanthu.signing.x509_build import (
    authority_key_id,
    ca_usage,
    cert_builder,
    crl_point,
    leaf_usage,
    new_key,
    subject_name,
)

PASSWORD = "123456"  # noqa: S105 - test PKI only
_MANIFEST = "pki.json"
_NAMES = ("signer", "agency", "expired", "not_yet_valid", "revoked", "tsa")


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


@dataclass(frozen=True)
class Issued:
    """One certificate with its key, as DER/PEM bytes and as files in the PKI directory."""

    cert_der: bytes
    key_pem: bytes
    p12: bytes
    password: str
    cert_path: Path
    p12_path: Path


@dataclass(frozen=True)
class TestPKI:
    """The whole test PKI; ``crl_der`` is the intermediate's CRL (it lists ``revoked``)."""

    __test__ = False  # not a pytest test class

    directory: Path
    port: int
    root: Issued
    intermediate: Issued
    signer: Issued
    agency: Issued
    expired: Issued
    not_yet_valid: Issued
    revoked: Issued
    tsa: Issued
    crl_der: bytes
    root_crl_der: bytes
    root_path: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@dataclass(frozen=True)
class Services:
    """URLs of the running loopback services."""

    tsa_url: str
    crl_url: str
    root_crl_url: str


@dataclass(frozen=True)
class _Spec:
    name: str
    common_name: str
    organization: str
    valid_from: dt.timedelta
    valid_to: dt.timedelta
    time_stamping: bool = False


_SPECS = (
    _Spec("signer", "Nguyễn Văn A", "Sở Nội vụ tỉnh Kiên Giang", -_days(1), _days(730)),
    _Spec(
        "agency", "Sở Nội vụ tỉnh Kiên Giang", "Sở Nội vụ tỉnh Kiên Giang", -_days(1), _days(730)
    ),
    _Spec("expired", "Trần Thị Hết Hạn", "Sở Nội vụ tỉnh Kiên Giang", -_days(400), -_days(2)),
    _Spec("not_yet_valid", "Lê Văn Chưa", "Sở Nội vụ tỉnh Kiên Giang", _days(30), _days(400)),
    _Spec("revoked", "Phạm Văn Thu Hồi", "Sở Nội vụ tỉnh Kiên Giang", -_days(1), _days(730)),
    _Spec("tsa", "VănThư TSA thử nghiệm", "VănThư", -_days(1), _days(3650), time_stamping=True),
)


def build_test_pki(directory: Path) -> TestPKI:
    """Return the PKI cached in ``directory``, building it there first when absent."""
    directory.mkdir(parents=True, exist_ok=True)
    manifest = directory / _MANIFEST
    if not manifest.exists():
        _build(directory, _free_port())
    port = int(json.loads(manifest.read_text())["port"])
    return _load(directory, port)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _build(directory: Path, port: int) -> None:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    base = f"http://127.0.0.1:{port}"
    root_key, inter_key = new_key(), new_key()
    root_name = subject_name("VănThư Root CA thử nghiệm", "VănThư")
    inter_name = subject_name("VănThư CA cấp hai thử nghiệm", "VănThư")
    root = (
        cert_builder(root_name, root_name, root_key, now - _days(2), now + _days(7300))
        .add_extension(x509.BasicConstraints(ca=True, path_length=1), critical=True)
        .add_extension(ca_usage(), critical=True)
        .sign(root_key, hashes.SHA256())
    )
    inter = (
        cert_builder(inter_name, root_name, inter_key, now - _days(2), now + _days(3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(ca_usage(), critical=True)
        .add_extension(authority_key_id(root_key), critical=False)
        .add_extension(crl_point(f"{base}/crl/root.crl"), critical=False)
        .sign(root_key, hashes.SHA256())
    )
    _write(directory, "root", root, root_key, [])
    _write(directory, "intermediate", inter, inter_key, [root])
    revoked_serial = 0
    for spec in _SPECS:
        key = new_key()
        builder = (
            cert_builder(
                subject_name(spec.common_name, spec.organization),
                inter_name,
                key,
                now + spec.valid_from,
                now + spec.valid_to,
            )
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(leaf_usage(), critical=True)
            .add_extension(authority_key_id(inter_key), critical=False)
            .add_extension(crl_point(f"{base}/crl/intermediate.crl"), critical=False)
        )
        if spec.time_stamping:
            builder = builder.add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True
            )
        cert = builder.sign(inter_key, hashes.SHA256())
        _write(directory, spec.name, cert, key, [inter, root])
        if spec.name == "revoked":
            revoked_serial = cert.serial_number
    (directory / "intermediate.crl").write_bytes(_crl(inter_name, inter_key, now, [revoked_serial]))
    (directory / "root.crl").write_bytes(_crl(root_name, root_key, now, []))
    (directory / _MANIFEST).write_text(json.dumps({"port": port, "built_at": now.isoformat()}))


def _crl(issuer: x509.Name, key: rsa.RSAPrivateKey, now: dt.datetime, serials: list[int]) -> bytes:
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(issuer)
        .last_update(now - _days(1))
        .next_update(now + _days(3650))
        .add_extension(authority_key_id(key), critical=False)
        .add_extension(x509.CRLNumber(1), critical=False)
    )
    for serial in serials:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(serial)
            .revocation_date(now - dt.timedelta(hours=1))
            .build()
        )
    return builder.sign(key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


def _write(
    directory: Path,
    name: str,
    cert: x509.Certificate,
    key: rsa.RSAPrivateKey,
    chain: list[x509.Certificate],
) -> None:
    (directory / f"{name}.der").write_bytes(cert.public_bytes(serialization.Encoding.DER))
    (directory / f"{name}.crt").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (directory / f"{name}.key").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    p12 = pkcs12.serialize_key_and_certificates(
        name=name.encode(),
        key=key,
        cert=cert,
        cas=chain or None,
        encryption_algorithm=serialization.BestAvailableEncryption(PASSWORD.encode()),
    )
    (directory / f"{name}.p12").write_bytes(p12)


def _issued(directory: Path, name: str) -> Issued:
    return Issued(
        cert_der=(directory / f"{name}.der").read_bytes(),
        key_pem=(directory / f"{name}.key").read_bytes(),
        p12=(directory / f"{name}.p12").read_bytes(),
        password=PASSWORD,
        cert_path=directory / f"{name}.der",
        p12_path=directory / f"{name}.p12",
    )


def _load(directory: Path, port: int) -> TestPKI:
    return TestPKI(
        directory=directory,
        port=port,
        root=_issued(directory, "root"),
        intermediate=_issued(directory, "intermediate"),
        crl_der=(directory / "intermediate.crl").read_bytes(),
        root_crl_der=(directory / "root.crl").read_bytes(),
        root_path=directory / "root.der",
        **{name: _issued(directory, name) for name in _NAMES},
    )


def _time_stamper(pki: TestPKI) -> TimeStamper:
    key = serialization.load_pem_private_key(pki.tsa.key_pem, password=None)
    key_der = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return TimeStamper(
        tsa_cert=asn1_x509.Certificate.load(pki.tsa.cert_der),
        tsa_key=asn1_keys.PrivateKeyInfo.load(key_der),
        certs_to_embed=[asn1_x509.Certificate.load(pki.intermediate.cert_der)],
    )


def _handler(pki: TestPKI, stamper: TimeStamper) -> type[BaseHTTPRequestHandler]:
    files = {"/crl/intermediate.crl": pki.crl_der, "/crl/root.crl": pki.root_crl_der}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = files.get(self.path)
            if body is None:
                self.send_error(404)
                return
            self._reply(body, "application/pkix-crl")

        def do_POST(self) -> None:
            if self.path != "/tsa":
                self.send_error(404)
                return
            request = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            response = stamper.request_tsa_response(asn1_tsp.TimeStampReq.load(request))
            self._reply(response.dump(), "application/timestamp-reply")

        def _reply(self, body: bytes, content_type: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            """Keep test output quiet."""

    return Handler


@contextmanager
def loopback_services(pki: TestPKI) -> Iterator[Services]:
    """Serve the CRLs and a time-stamp authority on the PKI's loopback port while in the block."""
    ThreadingHTTPServer.allow_reuse_address = True
    server = ThreadingHTTPServer(("127.0.0.1", pki.port), _handler(pki, _time_stamper(pki)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Services(
            tsa_url=f"{pki.base_url}/tsa",
            crl_url=f"{pki.base_url}/crl/intermediate.crl",
            root_crl_url=f"{pki.base_url}/crl/root.crl",
        )
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
