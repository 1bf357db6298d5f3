"""Who signs a document and whom a check expects, from the key and card files people give,
and the names the faces use to show a document check.

``cabledesk-cli export -k KEY.ssh [--card CARD.contact]`` signs with a key kept in
a file (:func:`signer_from_files`); ``verify --signer CARD.contact|KEY.pub``
names the expected signer (:func:`expected_signer_from_file`). The user's own
identity signs through :meth:`IdentityService.document_signer`.

The result of a check (:class:`DocumentVerification`, its :class:`Verdict` and
:class:`SignerSource`), the export settings (:class:`ExportSettings`,
:class:`Paper`) and the signature purposes (namespaces) are re-exported here
for the faces.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import parse_ssh_ed25519_line, read_openssh_private_key
from cabledesk.crypto.sshsig import CONTACT_NAMESPACE, DOCUMENT_NAMESPACE, SEAL_NAMESPACE
from cabledesk.errors import InputError
from cabledesk.export.settings import ExportSettings, Paper
from cabledesk.export.signed import DocumentSigner, ExpectedSigner
from cabledesk.export.verification import (
    DocumentVerification,
    KnownSigner,
    SignerSource,
    Verdict,
)

__all__ = [
    "CONTACT_NAMESPACE",
    "DOCUMENT_NAMESPACE",
    "SEAL_NAMESPACE",
    "DocumentSigner",
    "DocumentVerification",
    "ExpectedSigner",
    "ExportSettings",
    "KnownSigner",
    "Paper",
    "SignerSource",
    "Verdict",
    "expected_signer_from_file",
    "signer_from_files",
]

CARD_SUFFIX = ".contact"


def signer_from_files(
    key: bytes, card: bytes | None, *, key_name: str, card_name: str, now: datetime
) -> DocumentSigner:
    """A signer from an OpenSSH Ed25519 private key file's bytes and, for a bundle, the
    bytes of the card made with it.

    Raises KeyFormatError (not such a key), ContactError (not a card), InputError
    (a card of another key).
    """
    private = read_openssh_private_key(key)
    parsed = ContactCard.parse(card, now=now) if card is not None else None
    try:
        return DocumentSigner(private, parsed)
    except ValueError:
        raise InputError(
            f"The contact card {card_name} is not the card of the key {key_name}.",
            hint="Give the card made together with this key.",
        ) from None


def expected_signer_from_file(data: bytes, name: str, *, now: datetime) -> ExpectedSigner:
    """The signer a check expects, from a ``.contact`` card or an ``ssh-ed25519`` line.

    Raises ContactError or KeyFormatError for a file that is neither.
    """
    if name.endswith(CARD_SUFFIX):
        return ExpectedSigner.from_card(ContactCard.parse(data, now=now))
    line = data.decode("utf-8", "replace").strip()
    parts = line.split(maxsplit=2)
    label = parts[2] if len(parts) == 3 else Path(name).name
    return ExpectedSigner.from_key(parse_ssh_ed25519_line(line), label)
