"""A key on a PKCS#11 token (the Vietnamese USB tokens, an HSM, SoftHSM2 in the tests)."""

from __future__ import annotations

from typing import Any

from asn1crypto import x509 as asn1_x509  # type: ignore[import-untyped]
from pkcs11 import Session
from pkcs11 import exceptions as p11_errors
from pyhanko.config.pkcs11 import TokenCriteria
from pyhanko.keys import load_certs_from_pemder_data
from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session
from pyhanko.sign.signers import Signer

from vanthu.signing.enums import ProviderKind
from vanthu.signing.errors import KeyUnavailableError, WrongPinError
from vanthu.signing.providers.base import KeyProvider

_PIN_ERRORS = (
    p11_errors.PinIncorrect,
    p11_errors.PinLenRange,
    p11_errors.PinInvalid,
    p11_errors.PinExpired,
    p11_errors.PinLocked,
)


class Pkcs11Provider(KeyProvider):
    """Sign on a token found by its label, with the key found by label (or id)."""

    kind = ProviderKind.PKCS11

    def __init__(
        self,
        *,
        module_path: str,
        token_label: str,
        key_label: str = "",
        key_id_hex: str = "",
        certificate_der: bytes | None = None,
        chain_der: tuple[bytes, ...] = (),
    ) -> None:
        self.module_path = module_path
        self.token_label = token_label
        self.key_label = key_label
        self.key_id_hex = key_id_hex
        self.certificate_der = certificate_der
        self.chain_der = chain_der
        self._session: Session | None = None

    def signer(self, pin: str) -> Signer:
        self.close()
        self._session = self._open(pin)
        cert = asn1_x509.Certificate.load(self.certificate_der) if self.certificate_der else None
        chain = [c for der in self.chain_der for c in load_certs_from_pemder_data(der)]
        return PKCS11Signer(
            self._session,
            key_label=self.key_label or None,
            key_id=bytes.fromhex(self.key_id_hex) if self.key_id_hex else None,
            signing_cert=cert,
            ca_chain=chain,
            other_certs_to_pull=None if cert is not None else (),
        )

    def _open(self, pin: str) -> Session:
        try:
            return open_pkcs11_session(
                self.module_path,
                token_criteria=TokenCriteria(label=self.token_label),
                user_pin=pin,
            )
        except _PIN_ERRORS as exc:
            raise WrongPinError from exc
        except (OSError, RuntimeError, p11_errors.PKCS11Error) as exc:
            raise KeyUnavailableError from exc

    def close(self) -> None:
        if self._session is not None:
            session, self._session = self._session, None
            session.close()

    def config(self) -> dict[str, Any]:
        return {
            "module_path": self.module_path,
            "token_label": self.token_label,
            "key_label": self.key_label,
            "key_id_hex": self.key_id_hex,
        }
