"""Key providers: a PKCS#12 file, a PKCS#11 token, a remote signing service (interface only)."""

from __future__ import annotations

from vanthu.signing.providers.base import KeyProvider
from vanthu.signing.providers.pkcs11_token import Pkcs11Provider
from vanthu.signing.providers.pkcs12_file import Pkcs12Provider
from vanthu.signing.providers.remote import RemoteProvider

__all__ = ["KeyProvider", "Pkcs11Provider", "Pkcs12Provider", "RemoteProvider"]
