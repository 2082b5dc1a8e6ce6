"""Remote signing (ký số từ xa) through a CSC-style API: the interface only, no vendor yet.

A vendor adapter implements the Cloud Signature Consortium API v2 calls below and then returns
pyHanko's ``CSCSigner`` (``pyhanko.sign.signers.csc_signer``) from :meth:`RemoteProvider.signer`.
"""

from __future__ import annotations

from typing import Any

from pyhanko.sign.signers import Signer

from vanthu.signing.enums import ProviderKind
from vanthu.signing.errors import ProviderNotSupportedError
from vanthu.signing.providers.base import KeyProvider


class RemoteProvider(KeyProvider):
    """A key held by a remote signing service, addressed by service URL and credential id.

    Protocol (CSC API v2): ``credentials/list`` → ``credentials/info`` (certificate chain,
    authorisation mode) → ``credentials/authorize`` (PIN/OTP → a signature activation data
    token) → ``signatures/signHash`` (the CMS signed-attributes digest → the signature value).
    """

    kind = ProviderKind.REMOTE

    def __init__(self, *, service_url: str, credential_id: str) -> None:
        self.service_url = service_url
        self.credential_id = credential_id

    def signer(self, pin: str) -> Signer:
        raise ProviderNotSupportedError

    def config(self) -> dict[str, Any]:
        return {"service_url": self.service_url, "credential_id": self.credential_id}

    def credentials_info(self) -> dict[str, Any]:
        """Return the credential's certificate chain and authorisation mode (CSC ``info``)."""
        raise ProviderNotSupportedError

    def credentials_authorize(self, *, pin: str, hashes: list[bytes]) -> str:
        """Exchange the PIN/OTP for a signature activation token (CSC ``authorize``)."""
        raise ProviderNotSupportedError

    def sign_hash(self, *, activation_token: str, digest: bytes, algorithm_oid: str) -> bytes:
        """Have the service sign one digest (CSC ``signatures/signHash``)."""
        raise ProviderNotSupportedError
