"""When a cable (or a file, or a backup) is sealed post-quantum: the ``post-quantum-from``
setting and the plan it gives.

The rule (docs/SECURITY.md, post-quantum; docs/FORMAT.md): when the sender and every
recipient have a post-quantum hybrid key, the file is encrypted to those keys only.
When someone has none, the level decides: at or above ``post-quantum-from`` (default
SECRET) sealing is refused, naming who lacks a key and what they must do; below it the
file falls back to X25519 for everyone, with a warning. Files never mix the two kinds.

The setting is stored as the text people type: ``off`` (never required) or a level
name of the user's scheme; it applies to other schemes through the equivalence tiers
(a cable of another scheme is compared by its level's tier).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cabledesk.domain.scheme import Level, SchemeRegistry
from cabledesk.errors import MarkingError, PolicyRefusal
from cabledesk.phrase import Phrase

__all__ = [
    "OFF_WORD",
    "Holder",
    "PostQuantumContext",
    "PostQuantumPlan",
    "canonical_pq_from",
    "plan_post_quantum",
    "pq_threshold",
]

OFF_WORD = "off"
DEFAULT_LEVEL = "SECRET"  # the setting's default (store/settings.py)
SECRET_TIER = 3  # the default's tier, for a scheme without a level named SECRET


@dataclass(frozen=True, slots=True)
class Holder:
    """Someone a file is for: how to name them, and whether they have a post-quantum key."""

    name: str
    has_pq: bool
    is_me: bool = False


@dataclass(frozen=True, slots=True)
class PostQuantumContext:
    """What a plan needs from the vault, read once: the user, and the setting's level."""

    me: Holder
    threshold: Level | None


@dataclass(frozen=True, slots=True)
class PostQuantumPlan:
    """How a file of ``level`` is encrypted for these people.

    ``post_quantum``: to hybrid keys only. ``lacking``: who has no post-quantum key
    ("you" first when it is the user). ``refused``: someone lacks one and the level is
    at or above the setting's.
    """

    level: str
    threshold: str | None  # the setting's level name; None when off
    post_quantum: bool
    lacking: tuple[str, ...]
    refused: bool
    me_lacking: bool = False

    @property
    def warning(self) -> Phrase | None:
        """What to tell when the file falls back to X25519 (None otherwise)."""
        if self.post_quantum or self.refused:
            return None
        return Phrase.of(
            "Not sealed post-quantum: there is no post-quantum key for {names}, so it is "
            "encrypted with X25519 for everyone (a future quantum computer could open it).",
            names=", ".join(self.lacking),
        )

    def refusal(self) -> PolicyRefusal:
        """The refusal to raise when :attr:`refused`."""
        hint = Phrase.of(
            "Ask them to add one ('cabledesk-cli identity upgrade') and send you their newer "
            "contact card; or lower the setting post-quantum-from."
        )
        if self.me_lacking:
            hint = Phrase.of(
                "Add one to your identity with 'cabledesk-cli identity upgrade' and send your "
                "newer contact card to your correspondents."
            )
        return PolicyRefusal(
            Phrase.of(
                "This is {level}: from {threshold} up, CableDesk seals only for post-quantum "
                "keys, and there is none for {names}.",
                level=self.level,
                threshold=self.threshold or "",
                names=", ".join(self.lacking),
            ),
            hint=hint,
        )


def canonical_pq_from(text: str, schemes: SchemeRegistry, user_scheme: str) -> str:
    """The text to store for a typed ``post-quantum-from`` value: ``off`` or a level
    name of the user's scheme. Raises MarkingError for a level the scheme lacks."""
    words = " ".join(text.split())
    if words.lower() == OFF_WORD:
        return OFF_WORD
    try:
        return schemes.get_scheme(user_scheme).level_named(words).name
    except MarkingError:
        if words.upper() == DEFAULT_LEVEL:  # the default, in a scheme without that name
            return DEFAULT_LEVEL
        raise


def pq_threshold(stored: str, schemes: SchemeRegistry, user_scheme: str) -> Level | None:
    """The level from which post-quantum keys are required (None: off). A stored name
    the user's scheme no longer has counts as its first level of the SECRET tier."""
    if stored.strip().lower() == OFF_WORD:
        return None
    scheme = schemes.get_scheme(user_scheme)
    try:
        return scheme.level_named(stored)
    except MarkingError:
        tiered = [level for level in scheme.levels if level.tier >= SECRET_TIER]
        return tiered[0] if tiered else scheme.levels[-1]


def plan_post_quantum(
    level: Level, threshold: Level | None, people: Sequence[Holder]
) -> PostQuantumPlan:
    """The plan for a file of ``level`` for ``people`` (the user among them)."""
    lacking = [p for p in people if not p.has_pq]
    names = tuple(
        [f"you ({p.name})" for p in lacking if p.is_me] + [p.name for p in lacking if not p.is_me]
    )
    required = threshold is not None and level.tier >= threshold.tier
    return PostQuantumPlan(
        level=level.name,
        threshold=None if threshold is None else threshold.name,
        post_quantum=not lacking,
        lacking=names,
        refused=bool(lacking) and required,
        me_lacking=any(p.is_me for p in lacking),
    )
