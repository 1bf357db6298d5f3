"""Target: contact cards (``contact.ContactCard.parse``), with and without an expiry check.

The input is a ``.contact`` file. It is parsed as it is; then its line 1 is signed
by Jane (namespace ``cabledesk-contact-v1``) and parsed again, so the field rules
of ``/2``, which come after a good signature, see hostile content too. A card that
parses — checked or covered by a directory — must serialise back to its own
bytes, which parse to the same card; the fast key read of a directory (``card_fingerprint``) must agree with it.
"""

from __future__ import annotations

from cabledesk.crypto.contact import ContactCard, card_fingerprint
from cabledesk.crypto.sshsig import CONTACT_NAMESPACE, sign
from tests.fuzz._harness import BOB, DATA, JANE, NOW, attempt


def _check(data: bytes) -> None:
    card = attempt(lambda: ContactCard.parse(data, now=NOW))
    if card is not None:
        assert card.to_bytes() == data or card.format_version == 1
        assert ContactCard.parse(card.to_bytes(), now=NOW) == card
    covered = attempt(lambda: ContactCard.parse_covered(data))
    if covered is not None:
        assert ContactCard.parse_covered(covered.to_bytes()) == covered
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return
        assert attempt(lambda: card_fingerprint(text)) in (covered.fingerprint, None)
    ContactCard.parse(data, now=None)


def run(data: bytes) -> None:
    attempt(lambda: _check(data))
    body = data.partition(b"\n")[0]
    _check(body + b"\n" + sign(JANE.signing_key, CONTACT_NAMESPACE, body).encode())


def seeds() -> dict[str, bytes]:
    unsigned = ContactCard.from_public_keys(
        name="Carol Poe",
        age_recipient=str(BOB.encryption_key.recipient()),
        ssh_key=BOB.public().ssh_line(),
        post="AMEMBASSY LONDON",
    )
    legacy = DATA / "legacy"
    return {
        "jane": ContactCard.for_identity(JANE).to_bytes(),
        "bob": ContactCard.for_identity(BOB).to_bytes(),
        "unsigned": unsigned.to_bytes(),
        "jane-v1": (legacy / "jane-v1.contact").read_bytes(),
        "ada-v1-unsigned": (legacy / "ada-v1-unsigned.contact").read_bytes(),
    }
