"""Clearance statements (``cabledesk.statement/1``): a person's signed word on a cable's text.

A statement says that its signer *drafted*, *cleared*, *approved*, *returned*
or *declined* one exact text of one cable: ``text_sha256`` is the SHA-256 of the
cable's clearance form (:func:`cabledesk.domain.clearance.clearance_sha256`).
Sealed cables of format ``cabledesk.seal/2`` carry statements as package
entries; docs/FORMAT.md describes the format and how to check one with
``ssh-keygen -Y verify``.

The file is a *signed JSON text* (:mod:`cabledesk.crypto.signedtext`, which
checks its layout, canonical form and armor): line 1 is the statement, then
LF, then the SSHSIG signature by the key of ``signer.ssh_key`` in the
namespace ``cabledesk-clearance-v1``. Names, the office and the comment follow
the shared plain-text rule; ``made`` is a UTC time.

- :meth:`Statement.sign` makes one with a signing key;
- :meth:`Statement.parse` reads one strictly (the format id first: a later
  ``cabledesk.statement/N`` raises :class:`NewerStatement`), without checking
  the signature; :meth:`Statement.verify` checks it;
- :meth:`Statement.covers` says whether it is about a given cable's text.

Every problem with the input raises :class:`~cabledesk.errors.ClearanceError`
naming the field; misuse of :meth:`Statement.sign` raises ``ValueError``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cabledesk.crypto.fingerprint import fingerprint
from cabledesk.crypto.keys import read_exact_ssh_ed25519, ssh_ed25519_line
from cabledesk.crypto.signedtext import (
    LONG_TEXT_CHARS,
    SignedTextFormat,
    canonical_json,
    check_signature,
    field_error,
    format_time,
    identifier,
    key_field,
    newer_version,
    plain_text,
    read_signature,
    read_time,
)
from cabledesk.crypto.sshsig import CLEARANCE_NAMESPACE
from cabledesk.domain.cable import Cable
from cabledesk.domain.clearance import ClearanceLine, clearance_sha256
from cabledesk.errors import ClearanceError
from cabledesk.jsonread import Reader

__all__ = [
    "MAX_STATEMENT_BYTES",
    "STATEMENT_FORMAT",
    "NewerStatement",
    "Statement",
    "StatementRole",
    "StatementSigner",
    "clearance_lines",
]

STATEMENT_FORMAT = "cabledesk.statement/1"
MAX_STATEMENT_BYTES = 64 * 1024
_WHAT = "clearance statement"
_FIELDS = ("format", "role", "cable_id", "text_sha256", "signer", "office", "made", "comment")
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")
_DO_NOT_TRUST = "Do not rely on this statement; ask its signer for it again."


class StatementRole(StrEnum):
    """What the signer says they did with the text."""

    DRAFTED = "drafted"
    CLEARED = "cleared"
    APPROVED = "approved"
    RETURNED = "returned"
    DECLINED = "declined"


class NewerStatement(ClearanceError):
    """The statement was made by a newer CableDesk, in a format this one does not read."""

    def __init__(self, format_id: str) -> None:
        message, hint = newer_version(_WHAT, format_id)
        super().__init__(message, hint=hint)
        self.format_id = format_id


_FORMAT = SignedTextFormat(
    family="cabledesk.statement",
    version=1,
    what=_WHAT,
    error=ClearanceError,
    namespace=CLEARANCE_NAMESPACE,
    max_bytes=MAX_STATEMENT_BYTES,
    newer=NewerStatement,
)


@dataclass(frozen=True, slots=True)
class StatementSigner:
    """Who signs, as the statement states it: a name, and the key that signs."""

    name: str
    fingerprint: str  # OpenSSH SHA256:… of ssh_key
    ssh_key: str  # ssh-ed25519 AAAA… (no comment)


@dataclass(frozen=True, slots=True)
class Statement:
    """A parsed or newly signed statement; ``signature`` is its armored SSHSIG text."""

    role: StatementRole
    cable_id: str
    text_sha256: str
    signer: StatementSigner
    office: str
    made: datetime
    comment: str
    signature: str

    # --- making one --------------------------------------------------------------

    @classmethod
    def sign(
        cls,
        signing_key: Ed25519PrivateKey,
        *,
        role: StatementRole | str,
        cable_id: str,
        text_sha256: str,
        name: str,
        made: datetime,
        office: str = "",
        comment: str = "",
    ) -> Statement:
        """Sign a statement about the text whose clearance form hashes to ``text_sha256``.

        ``name`` is the signer's name as it should read; ``made`` an aware time
        (kept to the second). Raises ValueError for a value the format does not
        allow (an unknown role, a name with control characters, a naive time…).
        """
        if not isinstance(signing_key, Ed25519PrivateKey):
            raise TypeError("a statement is signed with an Ed25519 private key")
        if made.tzinfo is None:
            raise ValueError("a statement's time must be timezone-aware")
        raw = signing_key.public_key().public_bytes_raw()
        doc = {
            "format": STATEMENT_FORMAT,
            "role": str(role),
            "cable_id": cable_id,
            "text_sha256": text_sha256,
            "signer": {
                "name": name,
                "fingerprint": fingerprint(raw),
                "ssh_key": ssh_ed25519_line(raw),
            },
            "office": office,
            "made": format_time(made),
            "comment": comment,
        }
        try:
            # Read back as any reader would: what it refuses is never signed for use.
            return cls.parse(_FORMAT.sign(doc, signing_key))
        except ClearanceError as exc:
            raise ValueError(f"cannot sign this statement: {exc.message}") from None

    def body(self) -> bytes:
        """Line 1: the canonical JSON that the signature covers."""
        return canonical_json(
            {
                "format": STATEMENT_FORMAT,
                "role": str(self.role),
                "cable_id": self.cable_id,
                "text_sha256": self.text_sha256,
                "signer": {
                    "name": self.signer.name,
                    "fingerprint": self.signer.fingerprint,
                    "ssh_key": self.signer.ssh_key,
                },
                "office": self.office,
                "made": format_time(self.made),
                "comment": self.comment,
            }
        )

    def to_bytes(self) -> bytes:
        """The statement file: line 1, LF, the armored signature."""
        return self.body() + b"\n" + self.signature.encode("ascii")

    # --- reading one -------------------------------------------------------------

    @classmethod
    def parse(cls, data: bytes) -> Statement:
        """Read a statement file strictly; the signature is parsed, not yet checked.

        Raises NewerStatement for a later ``cabledesk.statement/N``, and
        ClearanceError for anything else that is not exactly this format:
        a missing or unknown field, a value of the wrong form, line 1 not in
        canonical form, a signature not in the form ``ssh-keygen`` writes.
        """
        text = _FORMAT.read(data)
        root = text.root
        root.only_fields(*_FIELDS)
        role = root.field("role")
        try:
            role_value = StatementRole(role.text())
        except ValueError:
            raise field_error(
                role, "is not one of " + ", ".join(r.value for r in StatementRole)
            ) from None
        return cls(
            role=role_value,
            cable_id=plain_text(root.field("cable_id")),
            text_sha256=identifier(
                root.field("text_sha256"), _SHA256_HEX, "a SHA-256 in lower-case hex"
            ),
            signer=_signer(root.field("signer")),
            office=plain_text(root.field("office"), allow_empty=True),
            made=read_time(root.field("made")),
            comment=plain_text(root.field("comment"), allow_empty=True, max_chars=LONG_TEXT_CHARS),
            signature=text.signature.armored(),
        )

    def verify(self) -> None:
        """Check that the signature is by ``signer.ssh_key``, for clearance, over line 1.

        Raises ClearanceError saying which of the three failed.
        """
        armor = self.signature.encode("ascii")
        signature = read_signature(armor, what=_WHAT, error=ClearanceError)
        check_signature(
            self.body(),
            signature,
            read_exact_ssh_ed25519(self.signer.ssh_key),
            namespace=_FORMAT.namespace,
            what=_WHAT,
            error=ClearanceError,
        )

    def covers(self, cable: Cable) -> bool:
        """Whether this statement is about ``cable``'s exact text (its id and clearance form)."""
        return self.cable_id == cable.id and self.text_sha256 == clearance_sha256(cable)


def _signer(r: Reader) -> StatementSigner:
    r.only_fields("name", "fingerprint", "ssh_key")
    ssh_key = r.field("ssh_key")
    raw = key_field(ssh_key, read_exact_ssh_ed25519)
    stated = r.field("fingerprint").text()
    if stated != fingerprint(raw):
        raise ClearanceError(
            "In this clearance statement, the signer's fingerprint does not belong to the "
            "signer's key.",
            _DO_NOT_TRUST,
        )
    return StatementSigner(
        name=plain_text(r.field("name")), fingerprint=stated, ssh_key=ssh_key.text()
    )


_BLOCK_ROLES = frozenset({"drafted", "cleared", "returned", "approved"})


def clearance_lines(statements: Sequence[Statement]) -> tuple[ClearanceLine, ...]:
    """The document block's names (issue 18): each statement of a role the block
    shows, in order, by the name and office it gives."""
    return tuple(
        ClearanceLine(str(s.role), s.signer.name, s.office)
        for s in statements
        if str(s.role) in _BLOCK_ROLES
    )
