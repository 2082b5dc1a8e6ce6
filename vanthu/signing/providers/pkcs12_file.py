"""A key in a PKCS#12 file (.p12/.pfx) protected by a password."""

from __future__ import annotations

import hashlib
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.keys.internal import (
    translate_pyca_cryptography_cert_to_asn1,
    translate_pyca_cryptography_key_to_asn1,
)
from pyhanko.sign.signers import Signer, SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pyhanko_certvalidator.util import get_pyca_cryptography_hash

from vanthu.signing.enums import ProviderKind
from vanthu.signing.errors import WrongPinError
from vanthu.signing.providers.base import KeyProvider


class _LoadedKeySigner(SimpleSigner):
    """pyHanko's SimpleSigner, but the key is parsed once (pyHanko re-parses it per signature,
    about 0.1 s for an RSA key because of its consistency checks)."""

    def __init__(self, key: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._loaded_key = key

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        name = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
        digest = get_pyca_cryptography_hash(digest_algorithm)
        key = self._loaded_key
        if name == "rsassa_pkcs1v15" and isinstance(key, rsa.RSAPrivateKey):
            signature: bytes = key.sign(data, PKCS1v15(), digest)
            return signature
        if name == "ecdsa" and isinstance(key, ec.EllipticCurvePrivateKey):
            signature = key.sign(data, ec.ECDSA(digest))
            return signature
        fallback: bytes = super().sign_raw(data, digest_algorithm)
        return fallback


class Pkcs12Provider(KeyProvider):
    """Sign with the key of a PKCS#12 archive; the password is the PIN."""

    kind = ProviderKind.PKCS12

    def __init__(self, data: bytes) -> None:
        self.data = data

    def signer(self, pin: str) -> Signer:
        try:
            key, cert, chain = pkcs12.load_key_and_certificates(self.data, pin.encode())
        except ValueError as exc:
            raise WrongPinError from exc
        if key is None or cert is None:
            raise WrongPinError
        registry = SimpleCertificateStore()  # type: ignore[no-untyped-call]
        registry.register_multiple(translate_pyca_cryptography_cert_to_asn1(c) for c in chain)
        return _LoadedKeySigner(
            key,
            signing_key=translate_pyca_cryptography_key_to_asn1(key),
            signing_cert=translate_pyca_cryptography_cert_to_asn1(cert),
            cert_registry=registry,
        )

    def config(self) -> dict[str, Any]:
        return {"p12_sha256": hashlib.sha256(self.data).hexdigest()}
