"""Clearance statements (``cabledesk.statement/1``): a person's signed word on a cable's text.

A statement says that its signer *drafted*, *cleared*, *approved*, *returned*
or *declined* one exact text of one cable: ``text_sha256`` is the SHA-256 of the
cable's clearance form (:func:`cabledesk.domain.clearance.clearance_sha256`).
Sealed cables of format ``cabledesk.seal/2`` carry statements as package
entries; docs/FORMAT.md describes the format and how to check one with
``ssh-keygen -Y verify``.

The file is *signed JSON text*: line 1 is the statement in canonical JSON,
then LF, then the armored SSHSIG signature — byte for byte as ``ssh-keygen -Y
sign`` writes it — by the key of ``signer.ssh_key``, namespace
``cabledesk-clearance-v1``, over the exact bytes of line 1 without its LF.

- :meth:`Statement.sign` makes one with a signing key;
- :meth:`Statement.parse` reads one strictly (the format id first: a later
  ``cabledesk.statement/N`` raises :class:`NewerStatement`), without checking
  the signature; :meth:`Statement.verify` checks it;
- :meth:`Statement.covers` says whether it is about a given cable's text.

Every problem with the input raises :class:`~cabledesk.errors.ClearanceError`
naming the field; misuse of :meth:`Statement.sign` raises ``ValueError``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from cabledesk.crypto.fingerprint import fingerprint
from cabledesk.crypto.keys import parse_ssh_ed25519_line
from cabledesk.crypto.sshsig import CLEARANCE_NAMESPACE, parse_signature, sign, verify
from cabledesk.domain.cable import Cable
from cabledesk.domain.clearance import clearance_sha256
from cabledesk.errors import (
    ClearanceError,
    KeyFormatError,
    SignatureFormatError,
    SignatureInvalid,
)
from cabledesk.jsonread import Reader

__all__ = [
    "MAX_STATEMENT_BYTES",
    "STATEMENT_FORMAT",
    "NewerStatement",
    "Statement",
    "StatementRole",
    "StatementSigner",
]

STATEMENT_FORMAT = "cabledesk.statement/1"
MAX_STATEMENT_BYTES = 64 * 1024
MAX_TEXT_CHARS = 200  # names, offices, cable ids
MAX_COMMENT_CHARS = 2000
TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_FIELDS = ("format", "role", "cable_id", "text_sha256", "signer", "office", "made", "comment")
_FORMAT_ID = re.compile(r"cabledesk\.statement/([1-9][0-9]{0,8})")
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")
# Control, format (bidirectional overrides, zero-width characters), line and
# paragraph separators; surrogates, which are no text at all.
_NOT_PLAIN = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
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
        super().__init__(
            f"This clearance statement was made by a newer version of CableDesk (format "
            f"{format_id}); this version reads {STATEMENT_FORMAT}.",
            hint="Update CableDesk to read it.",
        )
        self.format_id = format_id


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
                "ssh_key": _ssh_text(raw),
            },
            "office": office,
            "made": made.astimezone(UTC).strftime(TIME_FORMAT),
            "comment": comment,
        }
        body = _canonical(doc)
        try:
            unsigned = _read_body(body)
        except ClearanceError as exc:
            raise ValueError(f"cannot sign this statement: {exc.message}") from None
        signature = sign(signing_key, CLEARANCE_NAMESPACE, body)
        return replace(unsigned, signature=signature)

    def body(self) -> bytes:
        """Line 1: the canonical JSON that the signature covers."""
        return _canonical(
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
                "made": self.made.astimezone(UTC).strftime(TIME_FORMAT),
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
        if len(data) > MAX_STATEMENT_BYTES:
            raise ClearanceError("This clearance statement is far too large to be one.")
        body, newline, armor = data.partition(b"\n")
        unsigned = _read_body(body)
        if not newline or not armor:
            raise ClearanceError(
                "This clearance statement is not signed.", hint="Ask its signer for it again."
            )
        try:
            signature = parse_signature(armor)
        except SignatureFormatError as exc:
            raise ClearanceError(
                f"This clearance statement's signature is malformed: {exc.message}", _DO_NOT_TRUST
            ) from None
        if signature.armored().encode("ascii") != armor:
            raise ClearanceError(
                "This clearance statement's signature is not written as ssh-keygen writes it.",
                _DO_NOT_TRUST,
            )
        return replace(unsigned, signature=signature.armored())

    def verify(self) -> None:
        """Check that the signature is by ``signer.ssh_key``, for clearance, over line 1.

        Raises ClearanceError saying which of the three failed.
        """
        key = parse_ssh_ed25519_line(self.signer.ssh_key)
        try:
            verify(self.signature, self.body(), key, CLEARANCE_NAMESPACE)
        except (SignatureInvalid, SignatureFormatError) as exc:
            raise ClearanceError(
                f"The signature of this clearance statement is not valid: {exc.message}",
                _DO_NOT_TRUST,
            ) from None

    def covers(self, cable: Cable) -> bool:
        """Whether this statement is about ``cable``'s exact text (its id and clearance form)."""
        return self.cable_id == cable.id and self.text_sha256 == clearance_sha256(cable)


def _canonical(doc: dict[str, Any]) -> bytes:
    text = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def _ssh_text(raw: bytes) -> str:
    """``ssh-ed25519 AAAA…`` of a raw Ed25519 key, without a comment."""
    key = Ed25519PublicKey.from_public_bytes(raw)
    return key.public_bytes(Encoding.OpenSSH, PublicFormat.OpenSSH).decode("ascii")


def _read_body(body: bytes) -> Statement:
    """Line 1 of a statement, checked field by field and for its canonical form."""
    root = Reader.from_json(body, what="clearance statement", error=ClearanceError)
    if not root.has("format"):
        raise ClearanceError("This clearance statement has no format field.")
    format_id = root.field("format").text()
    if format_id != STATEMENT_FORMAT:
        match = _FORMAT_ID.fullmatch(format_id)
        if match is not None and int(match.group(1)) > 1:
            raise NewerStatement(format_id)
        raise ClearanceError(f"This is not a clearance statement (format {format_id[:64]!r}).")
    root.only_fields(*_FIELDS)
    role_text = root.field("role").text()
    try:
        role = StatementRole(role_text)
    except ValueError:
        raise ClearanceError(
            f"In this clearance statement, the role {role_text[:32]!r} is not one of "
            + ", ".join(r.value for r in StatementRole)
            + "."
        ) from None
    digest = root.field("text_sha256").text()
    if not _SHA256_HEX.fullmatch(digest):
        raise ClearanceError(
            "In this clearance statement, the field text_sha256 is not a SHA-256 in lower-case hex."
        )
    statement = Statement(
        role=role,
        cable_id=_plain(root.field("cable_id"), empty=False, limit=MAX_TEXT_CHARS),
        text_sha256=digest,
        signer=_signer(root.field("signer")),
        office=_plain(root.field("office"), empty=True, limit=MAX_TEXT_CHARS),
        made=_time(root.field("made")),
        comment=_plain(root.field("comment"), empty=True, limit=MAX_COMMENT_CHARS),
        signature="",
    )
    try:
        canonical = statement.body() == body
    except UnicodeEncodeError:
        canonical = False
    if not canonical:
        raise ClearanceError(
            "This clearance statement is not in the canonical form its format requires.",
            _DO_NOT_TRUST,
        )
    return statement


def _signer(r: Reader) -> StatementSigner:
    r.only_fields("name", "fingerprint", "ssh_key")
    ssh_key = r.field("ssh_key").text()
    try:
        raw = parse_ssh_ed25519_line(ssh_key).public_bytes_raw()
    except KeyFormatError as exc:
        raise ClearanceError(f"In this clearance statement, {exc.message}") from None
    if _ssh_text(raw) != ssh_key:
        raise ClearanceError(
            "In this clearance statement, the field signer.ssh_key must be exactly "
            "'ssh-ed25519 AAAA…', without a comment."
        )
    stated = r.field("fingerprint").text()
    if stated != fingerprint(raw):
        raise ClearanceError(
            "In this clearance statement, the signer's fingerprint does not belong to the "
            "signer's key.",
            _DO_NOT_TRUST,
        )
    return StatementSigner(
        name=_plain(r.field("name"), empty=False, limit=MAX_TEXT_CHARS),
        fingerprint=stated,
        ssh_key=ssh_key,
    )


def _plain(r: Reader, *, empty: bool, limit: int) -> str:
    """A plain-text field: no control or invisible characters, no surrounding space."""
    text = r.text(allow_empty=True)
    where = f"In this clearance statement, the field {r.path}"
    if not text and not empty:
        raise ClearanceError(f"{where} must not be empty.")
    if text != text.strip():
        raise ClearanceError(f"{where} must not begin or end with white space.")
    if len(text) > limit:
        raise ClearanceError(f"{where} is longer than {limit:,} characters.")
    if any(unicodedata.category(c) in _NOT_PLAIN for c in text):
        raise ClearanceError(
            f"{where} holds control or invisible formatting characters.", _DO_NOT_TRUST
        )
    return text


def _time(r: Reader) -> datetime:
    text = r.text()
    try:
        return datetime.strptime(text, TIME_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        raise ClearanceError(
            f"In this clearance statement, the field {r.path} must be a UTC time like "
            "2026-11-23T14:05:09Z."
        ) from None
