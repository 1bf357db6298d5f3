"""Key-rotation statements (``.rotation``): a person's previous identity key vouches
for their new contact card.

Format ``cabledesk.rotation/1`` (docs/FORMAT.md, "Key-rotation statements"), a
signed JSON text (:mod:`cabledesk.crypto.signedtext`) signed by the *previous*
key (``old_key``) in the namespace ``cabledesk-rotation-v1``. Line 1 holds
``format``, ``old_key`` and ``new_key`` (``ssh-ed25519 AAAA…``, the key replaced and
the key that takes over; never the same), ``card_sha256`` (the SHA-256, in lower-case
hex, of the new ``.contact`` file's exact bytes, whose ``ssh_key`` is ``new_key``) and
``created`` (when the person rotated; cables their previous key signs after it are
not trusted). At most 4 KiB. The card itself is unchanged (``cabledesk.contact/2``,
self-signed by the new key): a reader that knows nothing of rotation reads it as a
card of a new key, as before.

This follows the anchors' ``successor`` (:mod:`cabledesk.crypto.anchor`): the old key
names the new one. Anyone can check a statement with standard tools::

    head -n 1 NEW.rotation | tr -d '\\n' > rotation.json
    tail -n +2 NEW.rotation > rotation.sig
    echo "old $(jq -r .old_key rotation.json)" > signers
    ssh-keygen -Y verify -f signers -I old -n cabledesk-rotation-v1 -s rotation.sig < rotation.json
    sha256sum NEW.contact     # must be card_sha256

Use :meth:`RotationStatement.issue` to make one and :meth:`RotationStatement.parse`
to read one (its signature checked by ``old_key``); :meth:`RotationStatement.covers`
says whether it is about exactly a given card. Problems raise
:class:`~cabledesk.errors.ContactError` (a bad signature:
:class:`~cabledesk.errors.RotationRefused`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.fingerprint import fingerprint
from cabledesk.crypto.keys import read_exact_ssh_ed25519, ssh_ed25519_line
from cabledesk.crypto.signedtext import (
    SignedTextFormat,
    field_error,
    format_time,
    key_field,
    read_time,
)
from cabledesk.crypto.sshsig import ROTATION_NAMESPACE
from cabledesk.errors import ContactError, RotationRefused

__all__ = ["ROTATION_FORMAT", "RotationStatement"]

ROTATION_FORMAT = SignedTextFormat(
    family="cabledesk.rotation",
    version=1,
    what="key-rotation statement",
    error=ContactError,
    namespace=ROTATION_NAMESPACE,
    max_bytes=4 * 1024,
)
_FIELDS = ("format", "old_key", "new_key", "card_sha256", "created")
_HEX = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class RotationStatement:
    """A statement read or issued; its signature by ``old_key`` was checked."""

    old_key: bytes  # raw 32-byte Ed25519 public keys
    new_key: bytes
    card_sha256: str
    created: datetime
    signature: str  # the armored SSHSIG text
    _body: bytes = field(default=b"", init=False, repr=False, compare=False)

    @property
    def old_fingerprint(self) -> str:
        return fingerprint(self.old_key)

    @property
    def new_fingerprint(self) -> str:
        return fingerprint(self.new_key)

    def covers(self, card: ContactCard) -> bool:
        """Whether this statement is about exactly ``card``: its key and its bytes."""
        return (
            card.keys.signing == self.new_key
            and hashlib.sha256(card.to_bytes()).hexdigest() == self.card_sha256
        )

    def to_bytes(self) -> bytes:
        """The ``.rotation`` file, exactly as read or issued."""
        if not self._body:
            raise ValueError("a statement is made by RotationStatement.issue or .parse")
        return self._body + b"\n" + self.signature.encode("ascii")

    @classmethod
    def issue(
        cls, old: Ed25519PrivateKey, card: ContactCard, *, created: datetime
    ) -> RotationStatement:
        """The statement that ``old`` is replaced by the key of ``card`` (the new card,
        self-signed), signed by ``old``. Raises ContactError if the card is ``old``'s."""
        doc = {
            "format": ROTATION_FORMAT.format_id,
            "old_key": ssh_ed25519_line(old.public_key().public_bytes_raw()),
            "new_key": card.keys.ssh_line(),
            "card_sha256": hashlib.sha256(card.to_bytes()).hexdigest(),
            "created": format_time(created),
        }
        return cls.parse(ROTATION_FORMAT.sign(doc, old))

    @classmethod
    def parse(cls, data: bytes) -> RotationStatement:
        """Read a ``.rotation`` file and check its signature by its ``old_key``; raises
        RotationRefused (a ContactError) if that signature fails, ContactError if the
        file is malformed."""
        text = ROTATION_FORMAT.read(data)
        root = text.root
        root.only_fields(*_FIELDS)
        old = key_field(root.field("old_key"), read_exact_ssh_ed25519)
        new = key_field(root.field("new_key"), read_exact_ssh_ed25519)
        try:
            text.verify(old)
        except ContactError as exc:  # read, but forged or altered: a failed check
            raise RotationRefused(exc.message, hint=exc.hint) from None
        if new == old:
            raise field_error(root.field("new_key"), "is the key it replaces")
        digest = root.field("card_sha256")
        if not isinstance(digest.value, str) or not _HEX.fullmatch(digest.value):
            raise field_error(digest, "must be 64 lower-case hexadecimal digits")
        statement = cls(
            old_key=old,
            new_key=new,
            card_sha256=digest.value,
            created=read_time(root.field("created")),
            signature=text.signature.armored(),
        )
        object.__setattr__(statement, "_body", text.body)
        return statement
