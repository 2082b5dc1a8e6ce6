"""The scan chosen on the registration screen survives a refused form.

The first POST stores the file as a blob (checked and hashed by the documents kernel) and the
page keeps a signed token of it in a hidden field; the token names the blob's digest and the
file name and is bound to the user, so that nobody can attach content they did not upload.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from django.core import signing
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile

from vanthu.accounts.models import User
from vanthu.documents.blobs import blob_key, key_open
from vanthu.documents.uploads import blob_store_upload
from vanthu.incoming.attachments import ALLOWED_TYPES
from vanthu.incoming.enums import Channel

_SALT = "vanthu.incoming.scan"
# A token older than this is refused (the clerk picks the file again).
TOKEN_MAX_AGE = 24 * 3600


@dataclass(frozen=True, slots=True)
class KeptScan:
    """A stored upload waiting for its registration."""

    sha256: str
    filename: str
    size: int

    def token(self, actor: User) -> str:
        """Return the signed hidden-field value of this scan for ``actor``."""
        payload = {"sha": self.sha256, "name": self.filename, "size": self.size, "u": actor.pk}
        return signing.dumps(payload, salt=_SALT, compress=True)

    def as_file(self) -> File[bytes]:
        """Return the stored content as a file object named like the upload."""
        stream = key_open(blob_key(self.sha256))
        kept: File[bytes] = File(stream, name=self.filename)
        kept.size = self.size
        return kept


def scan_store(
    *,
    actor: User,
    upload: UploadedFile[bytes],
    allowed_types: Collection[str] = ALLOWED_TYPES[Channel.PAPER],
) -> KeptScan:
    """Store ``upload`` as a blob (refusals are DomainErrors) and return it as a kept scan."""
    filename = upload.name or "ban-quet"
    try:
        blob = blob_store_upload(
            actor=actor,
            fileobj=upload,
            filename=filename,
            allowed_types=allowed_types,
        )
    finally:
        upload.close()
    return KeptScan(sha256=blob.sha256, filename=filename, size=blob.size)


def scan_from_token(*, actor: User, token: str) -> KeptScan | None:
    """Return the scan named by ``token`` when it is valid and was made for ``actor``."""
    try:
        payload = signing.loads(token, salt=_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or payload.get("u") != actor.pk:
        return None
    return KeptScan(
        sha256=str(payload["sha"]), filename=str(payload["name"]), size=int(payload["size"])
    )
