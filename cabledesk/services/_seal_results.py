"""What sealing meets and gives: the check before sealing (:class:`SealCheck`), the
outcome of a seal (:class:`SealOutcome`), and the release policy's settings
(:class:`ReleaseSettings`). :mod:`cabledesk.services.sealing` re-exports them.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from cabledesk.domain.cable import Cable
from cabledesk.domain.marking import Marking
from cabledesk.domain.policy import Decision, RecipientProfile
from cabledesk.domain.scheme import Level
from cabledesk.domain.validation import Finding, Severity
from cabledesk.phrase import Phrase
from cabledesk.seal import SealedCable
from cabledesk.services._post_quantum import PostQuantumPlan
from cabledesk.store.contacts import Contact

__all__ = ["ReleaseSettings", "SealCheck", "SealOutcome"]


@dataclass(frozen=True, slots=True)
class SealCheck:
    """What sealing ``cable`` for these recipients would meet."""

    cable: Cable
    banner: Marking | None
    findings: tuple[Finding, ...]
    decisions: tuple[tuple[Contact, RecipientProfile, Decision], ...]
    # how it would be encrypted (None when the banner cannot be read)
    post_quantum: PostQuantumPlan | None = None

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == Severity.WARNING)

    def needs_confirmation(self) -> list[Contact]:
        return [c for c, _, d in self.decisions if d.allowed and d.needs_confirmation]

    def refused(self) -> list[tuple[Contact, Decision]]:
        return [(c, d) for c, _, d in self.decisions if not d.allowed]

    def ready(self, confirmed: Collection[str] = ()) -> bool:
        """No blocking finding, and every recipient allowed (and confirmed if needed)."""
        return (
            self.banner is not None
            and not self.errors
            and bool(self.decisions)
            and all(d.permits(confirmed=c.fingerprint in confirmed) for c, _, d in self.decisions)
            and not (self.post_quantum is not None and self.post_quantum.refused)
        )


@dataclass(frozen=True, slots=True)
class SealOutcome:
    output: Path
    archive_id: int
    sealed: SealedCable
    recipients: tuple[str, ...]  # "Name (SHA256:…)" of everyone it was sealed for
    post_quantum: bool = False  # sealed to post-quantum keys only
    warnings: tuple[Phrase, ...] = ()  # e.g. why it was not sealed post-quantum


@dataclass(frozen=True, slots=True)
class ReleaseSettings:
    """The settings the release policy applies: ``attested_from``, the level from which
    recipients' attributes must be attested by a trusted security office (issue 16)."""

    attested_from: Level | None = None
