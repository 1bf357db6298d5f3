"""What a trusted security office says about a person's key (issue 16, the directory).

An :class:`Attestation` is an office's statement, in a directory signed by its
anchor, of the attributes of the person owning a key: clearance (a level of
``scheme``), nationality, special accesses and roles. A :class:`KeyRevocation`
is an office's statement that a key must no longer be used. Both name the
anchor (by its name and fingerprint) the user trusted; they are data read from
the vault, shown by the faces and used by the release policy and the verdicts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

__all__ = ["ATTESTABLE", "Attestation", "KeyRevocation"]

# The attributes an attestation covers, as the policy and the contacts screen name them.
ATTESTABLE = ("clearance", "scheme", "nationality", "accesses")


@dataclass(frozen=True, slots=True)
class Attestation:
    """A trusted anchor's attestation of a key (see the module docstring)."""

    anchor_name: str
    anchor: str  # the anchor key's SHA256: fingerprint
    keys: str  # the key set of the attested card (ContactCard.key_set())
    clearance: str
    scheme: str
    nationality: str
    accesses: tuple[str, ...]
    roles: tuple[str, ...]
    attested: datetime
    expires: datetime | None = None

    def valid_at(self, now: datetime) -> bool:
        """Whether the attestation still holds at ``now`` (not past its expiry)."""
        return self.expires is None or now < self.expires

    @property
    def source(self) -> str:
        """``attested by MFA SECURITY OFFICE on 2026-12-01``."""
        return f"attested by {self.anchor_name} on {self.attested.date().isoformat()}"


@dataclass(frozen=True, slots=True)
class KeyRevocation:
    """A trusted anchor's revocation of a key: why (a reason id and words) and when."""

    anchor_name: str
    anchor: str
    reason: str  # key-compromise, left-service, clearance-withdrawn, superseded
    text: str
    revoked: datetime

    @property
    def how(self) -> str:
        """``by MFA SECURITY OFFICE: key-compromise, laptop stolen``."""
        words = f", {self.text}" if self.text else ""
        return f"by {self.anchor_name}: {self.reason}{words}"
