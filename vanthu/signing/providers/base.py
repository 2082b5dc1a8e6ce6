"""The one interface behind which every key lives: a file, a USB token, a remote service."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, ClassVar

from pyhanko.sign.signers import Signer

from vanthu.signing.enums import ProviderKind


class KeyProvider(ABC):
    """Give a pyHanko ``Signer`` for a PIN or password supplied at use time (never stored)."""

    kind: ClassVar[ProviderKind]

    @abstractmethod
    def signer(self, pin: str) -> Signer:
        """Open the key with ``pin`` and return a signer; raise a signing ``DomainError``."""

    @abstractmethod
    def config(self) -> dict[str, Any]:
        """Return the provider's settings to store with the certificate (no secret in it)."""

    def close(self) -> None:  # noqa: B027 - optional hook, nothing to release by default
        """Release what :meth:`signer` opened (a token session); nothing by default."""

    @contextmanager
    def opened(self, pin: str) -> Iterator[Signer]:
        """Yield the signer and release the key afterwards, whatever happens."""
        try:
            yield self.signer(pin)
        finally:
            self.close()
