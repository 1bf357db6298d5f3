"""The ``attested-from`` setting (issue 16) as text, and the level it means.

Stored as the text people type: ``""`` (shown as ``default``): off while the user
trusts no security office's anchor, CONFIDENTIAL once they trust one (the lowest
level of the user's scheme on the confidential tier); ``off``: never; a level of
the user's scheme: from that level on. It applies to other schemes through the
equivalence tiers: the release policy compares tiers
(:func:`cabledesk.domain.policy.eligible`).
"""

from __future__ import annotations

from cabledesk.domain.scheme import Level, SchemeRegistry

__all__ = ["CONFIDENTIAL_TIER", "attested_from_level", "canonical_attested_from"]

CONFIDENTIAL_TIER = 2
_DEFAULT, _OFF = "default", "off"


def canonical_attested_from(text: str, schemes: SchemeRegistry, user_scheme: str) -> str:
    """The text to store for the typed ``text``; MarkingError for a level the user's
    scheme does not have."""
    words = " ".join(text.split())
    if words.lower() in ("", _DEFAULT):
        return ""
    if words.lower() == _OFF:
        return _OFF
    return schemes.get_scheme(user_scheme).level_named(words).name


def attested_from_level(
    text: str, schemes: SchemeRegistry, user_scheme: str, anchor_trusted: bool
) -> Level | None:
    """The level the stored ``text`` means (None: attributes need no attestation)."""
    stored = canonical_attested_from(text, schemes, user_scheme)
    scheme = schemes.get_scheme(user_scheme)
    if stored == _OFF or (not stored and not anchor_trusted):
        return None
    if stored:
        return scheme.level_named(stored)
    return next((lv for lv in scheme.levels if lv.tier >= CONFIDENTIAL_TIER), None)
