"""age v1 file encryption (C2SP age.md), from ``cryptography`` primitives only.

Use :func:`encrypt` / :func:`decrypt` on binary streams, or
:func:`encrypt_file` / :func:`decrypt_file` on paths (atomic: on any failure
or cancellation no output file is left). Keys: :class:`X25519Identity`
(``AGE-SECRET-KEY-1…``), :class:`X25519Recipient` (``age1…``), the
post-quantum hybrid pair :class:`HybridIdentity` (``AGE-SECRET-KEY-PQ-1…``) /
:class:`HybridRecipient` (``age1pq1…``, never mixed with other recipients in
one file: :func:`mixes_post_quantum`), and the passphrase pair
:class:`ScryptRecipient` / :class:`ScryptIdentity`. One key of either kind:
:func:`parse_recipient`, :func:`parse_identity`.
Identity and recipients files as the ``age`` tool reads them:
:func:`parse_identity_file`, :func:`parse_recipients_file`. The text of a
post-quantum recipient (``age1pq1…``), for syntax only: :func:`check_pq_recipient`.

Errors: HeaderError, HeaderMacError, NoIdentityMatch, PayloadError, ArmorError,
KeyFormatError, Cancelled (all CableDeskError); a failed decryption never says
more than which stage failed.
"""

from __future__ import annotations

from cabledesk.crypto.age._api import (
    decrypt,
    decrypt_file,
    encrypt,
    encrypt_file,
    mixes_post_quantum,
    parse_identity,
    parse_identity_file,
    parse_recipient,
    parse_recipients_file,
)
from cabledesk.crypto.age._format import Stanza
from cabledesk.crypto.age._pqtext import check_pq_recipient
from cabledesk.crypto.age._primitives import Identity, Recipient
from cabledesk.crypto.age._stream import CHUNK_SIZE
from cabledesk.crypto.age.hybrid import HybridIdentity, HybridRecipient
from cabledesk.crypto.age.scrypt import ScryptIdentity, ScryptRecipient, calibrate_work_factor
from cabledesk.crypto.age.x25519 import X25519Identity, X25519Recipient

__all__ = [
    "CHUNK_SIZE",
    "HybridIdentity",
    "HybridRecipient",
    "Identity",
    "Recipient",
    "ScryptIdentity",
    "ScryptRecipient",
    "Stanza",
    "X25519Identity",
    "X25519Recipient",
    "calibrate_work_factor",
    "check_pq_recipient",
    "decrypt",
    "decrypt_file",
    "encrypt",
    "encrypt_file",
    "mixes_post_quantum",
    "parse_identity",
    "parse_identity_file",
    "parse_recipient",
    "parse_recipients_file",
]
