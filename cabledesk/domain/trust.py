"""How far the user trusts a correspondent's keys.

A contact starts **unverified** (its card was imported, nobody compared the
fingerprint), becomes **verified** when the user compared the safety number
or fingerprint with its owner through another channel (and says how and
when), and is **revoked** when its keys must no longer be used (lost laptop,
left the service). A signer CableDesk has no contact for is **unknown**; that
state belongs to a signature, never to a stored contact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

__all__ = ["KnownAs", "Trust", "TrustState"]


class TrustState(StrEnum):
    UNKNOWN = "unknown"
    UNVERIFIED = "unverified"
    VERIFIED = "verified"
    REVOKED = "revoked"


@dataclass(frozen=True, slots=True)
class Trust:
    """A trust state with when it was set and, for verified or revoked, how or why.

    ``how`` says how a verification was made ("safety number read aloud on
    the phone") or why a contact was revoked ("laptop lost"). ``by_anchor`` names
    the security office whose directory attests or revokes the key, if any.
    """

    state: TrustState
    since: datetime | None = None
    how: str = ""
    # the trusted anchor (security office) whose directory made this trust: verified
    # by its attestation, or revoked by it; "" when the user's own (issue 16)
    by_anchor: str = ""
    # for a contact's previous key (a key rotation its owner signed with it): when it
    # was replaced; what it signs after that is not trusted, whatever ``state`` says
    superseded: datetime | None = None

    def __post_init__(self) -> None:
        if self.since is not None and self.since.tzinfo is None:
            raise ValueError("trust times must be timezone-aware")

    @property
    def usable(self) -> bool:
        """Whether keys in this state may be used at all (not revoked)."""
        return self.state is not TrustState.REVOKED


@dataclass(frozen=True, slots=True)
class KnownAs:
    """How the user's own contact record names the owner of a key — the only name a
    verdict gives them (a file's claimed name is the sender's own statement) — and
    whether that contact's keys changed since the user verified them."""

    name: str
    post: str = ""
    keys_changed: bool = False
    # the key is a previous key of this contact, replaced by a key rotation
    previous_key: bool = False

    @property
    def label(self) -> str:
        """``Name (POST)``, or the name alone."""
        return f"{self.name} ({self.post})" if self.post else self.name
