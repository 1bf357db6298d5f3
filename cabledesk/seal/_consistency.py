"""What the signer of a manifest vouches for, beyond its structure; and age key kinds.

:func:`consistency_problem` checks a manifest whose signature verified: its
bytes are the canonical encoding; the sender's card is valid at the sealing
time, self-signed by the sender's key and says what the manifest says of the
sender (name, post, keys — the post-quantum key too, from ``/2``); the
recipients are listed once each, with valid age keys all of one kind
(``X25519`` in ``/1``; ``X25519`` or hybrid ``mlkem768x25519`` in ``/2``,
never mixed); the files follow the layout of the manifest's version.

:func:`recipient_kind` names the kind of an age recipient string; the writer
uses it too, so that it never seals to a mix.
"""

from __future__ import annotations

from cabledesk.crypto.age import X25519Recipient, check_pq_recipient
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.fingerprint import fingerprint
from cabledesk.crypto.keys import parse_ssh_ed25519_line
from cabledesk.errors import CableDeskError
from cabledesk.seal._manifest import (
    ATTACHMENTS,
    CABLE,
    DOCX,
    Manifest,
    statement_path,
)
from cabledesk.seal._names import safe_name

__all__ = [
    "HYBRID",
    "X25519",
    "consistency_problem",
    "recipient_kind",
]

X25519 = "X25519"
HYBRID = "mlkem768x25519"


def recipient_kind(text: str) -> str | None:
    """``X25519`` for an ``age1…`` key, ``mlkem768x25519`` for a hybrid ``age1pq1…``
    key (see :func:`~cabledesk.crypto.age.check_pq_recipient`), None for anything
    else. Only the canonical lower-case spelling counts."""
    if text != text.lower():
        return None
    try:
        check_pq_recipient(text)
    except CableDeskError:
        pass
    else:
        return HYBRID
    try:
        X25519Recipient.parse(text)
    except CableDeskError:
        return None
    return X25519


def consistency_problem(manifest: Manifest, data: bytes) -> str | None:
    """What is wrong with a signed manifest's content (None if nothing), in plain words.

    ``data`` are the bytes as received (they must be the canonical encoding).
    """
    try:
        if manifest.encode() != data:
            return "its manifest is not in the canonical form the format requires"
    except UnicodeEncodeError:
        return "its manifest holds text that is not valid Unicode"
    return _sender_problem(manifest) or _recipients_problem(manifest) or _layout_problem(manifest)


def _sender_problem(manifest: Manifest) -> str | None:
    sender = manifest.sender
    try:
        key = parse_ssh_ed25519_line(sender.ssh_key).public_bytes_raw()
        card = ContactCard.parse(sender.card.encode("utf-8"), now=manifest.created)
    except CableDeskError as exc:
        return f"the sender's keys or contact card are not valid ({exc.message})"
    if fingerprint(key) != sender.fingerprint:
        return "the sender's fingerprint does not belong to the sender's key"
    if not card.self_certified or card.keys.signing != key:
        return "the sender's contact card is not self-signed by the sender's key"
    if (card.name, card.post, str(card.keys.encryption)) != (
        sender.name,
        sender.post,
        sender.age_recipient,
    ):
        return "the sender's contact card does not match the sender's name, post or keys"
    if sender.pq_recipient is not None and recipient_kind(sender.pq_recipient) != HYBRID:
        return "the sender's post-quantum key is not a valid age1pq1 key"
    if card.pq_recipient != sender.pq_recipient:
        return "the sender's contact card does not match the sender's post-quantum key"
    return None


def _recipients_problem(manifest: Manifest) -> str | None:
    allowed = {X25519} if manifest.version == 1 else {X25519, HYBRID}
    seen: set[str] = set()
    kinds: set[str] = set()
    for r in manifest.recipients:
        kind = recipient_kind(r.age_recipient)
        if kind not in allowed:
            return f"the age key of the recipient {r.name!r} is not valid"
        kinds.add(kind)
        if r.fingerprint in seen:
            return f"its manifest lists the recipient {r.fingerprint} twice"
        seen.add(r.fingerprint)
    if len(kinds) > 1:
        return "its recipients mix post-quantum and classic age keys, which the format forbids"
    return None


def _layout_problem(manifest: Manifest) -> str | None:
    paths = [f.path for f in manifest.files]
    expected_head = [CABLE, DOCX] if manifest.docx_included else [CABLE]
    if paths[: len(expected_head)] != expected_head:
        return "its manifest does not list the cable (and document) first, as the format requires"
    seen: set[str] = set()
    rest = manifest.files[len(expected_head) :]
    statements = 0
    for f in rest:
        if statements or (manifest.version >= 2 and f.path == statement_path(1)):
            statements += 1
            if f.path != statement_path(statements) or f.name != f.path:
                return f"its manifest lists a statement {f.path!r} that the format does not allow"
            continue
        name = f.path.removeprefix(ATTACHMENTS)
        if not f.path.startswith(ATTACHMENTS) or "/" in name or safe_name(name) != name:
            return f"its manifest lists a file {f.path!r} that the format does not allow"
        if name.casefold() in seen:
            return f"its manifest lists the file {f.path!r} twice"
        seen.add(name.casefold())
    return None
