"""Anchors (``.anchor``): a security office's signing key, name and scope, self-signed.

Format ``cabledesk.anchor/1`` (docs/FORMAT.md, Part III), a signed JSON text
(:mod:`cabledesk.crypto.signedtext`) signed by its own ``ssh_key`` in the
namespace ``cabledesk-anchor-v1``. Line 1 holds ``format``, ``name`` (plain
text), ``ssh_key`` (``ssh-ed25519 AAAA…``), ``created``, ``scope`` (an object:
``nationalities``, sorted ISO 3166 alpha-3 codes, and ``schemes``, sorted
scheme ids; an empty list sets no limit on that dimension) and ``successor``
(null, or the ``ssh-ed25519`` key that takes over: the office re-issues its
anchor, signed by the old key, naming the new one). At most 64 KiB.

A user pins an anchor after comparing its fingerprint or safety number (the
same as a contact's, from the same kind of key) with the office; the
directories it signs are then checked against it
(:meth:`cabledesk.crypto.directory.Directory.verify`).

Use :meth:`Anchor.issue` to make one from the office's private key and
:meth:`Anchor.parse` to read one (its self-signature checked); both raise
:class:`~cabledesk.errors.DirectoryError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from cabledesk.crypto._attributes import (
    NATIONALITY,
    NATIONALITY_WHAT,
    SCHEME,
    SCHEME_WHAT,
)
from cabledesk.crypto.fingerprint import fingerprint, safety_number
from cabledesk.crypto.keys import read_exact_ssh_ed25519, ssh_ed25519_line
from cabledesk.crypto.signedtext import (
    SignedTextFormat,
    field_error,
    format_time,
    key_field,
    plain_text,
    read_time,
    sorted_identifiers,
)
from cabledesk.crypto.sshsig import ANCHOR_NAMESPACE
from cabledesk.errors import DirectoryError

__all__ = ["ANCHOR_FORMAT", "Anchor", "AnchorScope"]

ANCHOR_FORMAT = SignedTextFormat(
    family="cabledesk.anchor",
    version=1,
    what="anchor",
    error=DirectoryError,
    namespace=ANCHOR_NAMESPACE,
    max_bytes=64 * 1024,
)
_FIELDS = ("format", "name", "ssh_key", "created", "scope", "successor")


@dataclass(frozen=True, slots=True)
class AnchorScope:
    """Whom an anchor may attest: nationalities and schemes (empty: no limit on that)."""

    nationalities: tuple[str, ...] = ()
    schemes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for values, pattern, what in (
            (self.nationalities, NATIONALITY, NATIONALITY_WHAT),
            (self.schemes, SCHEME, SCHEME_WHAT),
        ):
            if not isinstance(values, tuple):
                raise TypeError("a scope's nationalities and schemes are tuples of str")
            for value in values:
                if not isinstance(value, str) or not pattern.fullmatch(value):
                    raise ValueError(f"{value!r} is not {what}")
            if list(values) != sorted(set(values)):
                raise ValueError("a scope's lists must be sorted, without duplicates")

    @property
    def unlimited(self) -> bool:
        return not self.nationalities and not self.schemes

    def covers(self, nationality: str, scheme: str) -> bool:
        """Whether a person of ``nationality`` under ``scheme`` is inside this scope."""
        return (not self.nationalities or nationality in self.nationalities) and (
            not self.schemes or scheme in self.schemes
        )


@dataclass(frozen=True, slots=True)
class Anchor:
    """A security office's anchor, read or issued; its self-signature was checked."""

    name: str
    key: bytes  # raw 32-byte Ed25519 public key
    created: datetime
    scope: AnchorScope
    successor: bytes | None  # raw key of the anchor that takes over, if any
    signature: str  # the armored SSHSIG text
    # line 1 exactly as read (Anchor.parse makes every anchor)
    _body: bytes = field(default=b"", init=False, repr=False, compare=False)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.key)

    @property
    def safety_number(self) -> str:
        return safety_number(self.key)

    @property
    def ssh_key(self) -> str:
        """The key as ``ssh-ed25519 AAAA…`` (for an allowed-signers file)."""
        return ssh_ed25519_line(self.key)

    @property
    def successor_fingerprint(self) -> str | None:
        return None if self.successor is None else fingerprint(self.successor)

    def ed25519(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.key)

    def covers(self, nationality: str, scheme: str) -> bool:
        """Whether this anchor may attest a person of ``nationality`` under ``scheme``."""
        return self.scope.covers(nationality, scheme)

    def to_bytes(self) -> bytes:
        """The ``.anchor`` file, exactly as read or issued."""
        if not self._body:
            raise ValueError("an anchor is made by Anchor.issue or Anchor.parse")
        return self._body + b"\n" + self.signature.encode("ascii")

    @classmethod
    def issue(
        cls,
        key: Ed25519PrivateKey,
        *,
        name: str,
        created: datetime,
        scope: AnchorScope | None = None,
        successor: Ed25519PublicKey | None = None,
    ) -> Anchor:
        """The anchor of ``key``, signed by it. Raises DirectoryError if ``name``
        breaks the plain-text rule or ``successor`` is ``key`` itself."""
        scope = scope or AnchorScope()
        next_key = None if successor is None else ssh_ed25519_line(successor.public_bytes_raw())
        doc: dict[str, Any] = {
            "format": ANCHOR_FORMAT.format_id,
            "name": name,
            "ssh_key": ssh_ed25519_line(key.public_key().public_bytes_raw()),
            "created": format_time(created),
            "scope": {"nationalities": list(scope.nationalities), "schemes": list(scope.schemes)},
            "successor": next_key,
        }
        return cls.parse(ANCHOR_FORMAT.sign(doc, key))

    @classmethod
    def parse(cls, data: bytes) -> Anchor:
        """Read an ``.anchor`` file and check its self-signature; raises DirectoryError."""
        text = ANCHOR_FORMAT.read(data)
        root = text.root
        root.only_fields(*_FIELDS)
        key = key_field(root.field("ssh_key"), read_exact_ssh_ed25519)
        text.verify(key)
        successor_field = root.field("successor")
        successor = (
            None
            if successor_field.is_null()
            else key_field(successor_field, read_exact_ssh_ed25519)
        )
        if successor == key:
            raise field_error(successor_field, "names the anchor's own key")
        scope = root.field("scope")
        scope.only_fields("nationalities", "schemes")
        anchor = cls(
            name=plain_text(root.field("name")),
            key=key,
            created=read_time(root.field("created")),
            scope=AnchorScope(
                sorted_identifiers(scope.field("nationalities"), NATIONALITY, NATIONALITY_WHAT),
                sorted_identifiers(scope.field("schemes"), SCHEME, SCHEME_WHAT),
            ),
            successor=successor,
            signature=text.signature.armored(),
        )
        object.__setattr__(anchor, "_body", text.body)
        return anchor
