"""The user's own identity key revoked by a trusted anchor's directory.

A security office may revoke the user's own key (a stolen laptop, a withdrawn
clearance). As in Kleopatra or Signal, the directory still imports — it is the
office's word, verified — and the user is told loudly: by the import
(:func:`own_revocations_in`, audited once per anchor, "own key revoked"), by
``directory status``, and whenever they seal: sealing with a revoked own key is
refused (:func:`refuse_revoked_own_key`, PolicyRefusal) with the way out — a new key
(``identity rotate``) that the office attests in its next directory. A previous key
of the user's that the office marks ``superseded`` after a rotation is expected, not
news: it is not reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cabledesk.crypto.directory import Revocation
from cabledesk.domain.attestation import KeyRevocation
from cabledesk.domain.trust import Trust, TrustState
from cabledesk.errors import PolicyRefusal
from cabledesk.phrase import Phrase
from cabledesk.store.directory import DirectoryStore
from cabledesk.store.vault import Vault

__all__ = [
    "OwnKeyRevocation",
    "active_key_revocation",
    "own_key_trust",
    "own_revocations_in",
    "refuse_revoked_own_key",
]


@dataclass(frozen=True, slots=True)
class OwnKeyRevocation:
    """A directory's revocation of one of the user's own keys; ``active``: the key the
    user signs with now (else a previous key, which still opens old cables)."""

    fingerprint: str
    reason: str
    text: str
    revoked: datetime
    active: bool

    @property
    def how(self) -> str:
        return f"{self.reason}, {self.text}" if self.text else self.reason


def own_revocations_in(
    vault: Vault, revocations: tuple[Revocation, ...]
) -> tuple[OwnKeyRevocation, ...]:
    """The revocations among ``revocations`` (a directory's) of the user's own keys that
    the user must be told of: all of the active key's; a previous key's unless it is
    ``superseded`` (what the office says after a rotation)."""
    identities = vault.identities.all()  # the active one first
    active = identities[0].fingerprint if identities else None
    own = {i.fingerprint for i in identities}
    return tuple(
        OwnKeyRevocation(r.fingerprint, r.reason, r.text, r.revoked, r.fingerprint == active)
        for r in revocations
        if r.fingerprint in own and (r.fingerprint == active or r.reason != "superseded")
    )


def active_key_revocation(vault: Vault) -> KeyRevocation | None:
    """A trusted anchor's revocation of the user's active key (the earliest), or None."""
    revocations = DirectoryStore(vault.db).revocations_of(vault.identities.active().fingerprint)
    return revocations[0] if revocations else None


def refuse_revoked_own_key(vault: Vault) -> None:
    """Raise PolicyRefusal if a trusted anchor revokes the user's active key."""
    revocation = active_key_revocation(vault)
    if revocation is None:
        return
    raise PolicyRefusal(
        Phrase.of(
            "Your own key was revoked by {anchor} on {date} ({why}): CableDesk no longer "
            "seals with it, and your correspondents would not trust what it signs.",
            anchor=revocation.anchor_name,
            date=revocation.revoked.date().isoformat(),
            why=f"{revocation.reason}, {revocation.text}" if revocation.text else revocation.reason,
        ),
        hint=Phrase.of(
            "Get a new key attested: make one with 'cabledesk-cli identity rotate -o "
            "NEW.contact' and give the card to {anchor}, which attests it in its next "
            "directory.",
            anchor=revocation.anchor_name,
        ),
    )


def own_key_trust(vault: Vault) -> dict[str, Trust]:
    """How far a cable signed by each of the user's own keys is trusted: verified ("your
    own identity"), except a key a trusted directory revokes (revoked, unless only as
    superseded) and a previous key, replaced by ``identity rotate`` (what it signs after
    the next key was made is not trusted: the key was retired, and may be in other
    hands). A directory's ``superseded`` revocation retires a key from its date too."""
    identities = sorted(vault.identities.all(), key=lambda i: i.created)
    store = DirectoryStore(vault.db)
    trust: dict[str, Trust] = {}
    for number, identity in enumerate(identities):
        successor = identities[number + 1].created if number + 1 < len(identities) else None
        revocation = store.revocation(identity.fingerprint)
        if revocation is not None and revocation.reason != "superseded":
            trust[identity.fingerprint] = Trust(
                TrustState.REVOKED, revocation.revoked, revocation.how, revocation.anchor_name
            )
            continue
        if revocation is not None:
            successor = min(filter(None, (successor, revocation.revoked)))
        trust[identity.fingerprint] = Trust(
            TrustState.VERIFIED, None, "your own identity", superseded=successor
        )
    return trust
