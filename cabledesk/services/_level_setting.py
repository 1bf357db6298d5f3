"""Level switches: settings that take ``off`` or a level of the user's scheme.

``approval-required-from`` and ``two-person-from`` are stored as the level's
name in the user's scheme, or ``""`` for off. A level applies to a cable of
the same scheme from that level's rank up; to a cable of another scheme from
the same equivalence tier up (:attr:`cabledesk.domain.scheme.Level.tier`).

:func:`canonical_level` checks a typed value and gives the text to store
(MarkingError for a level the user's scheme does not have);
:func:`level_applies` says whether a stored value applies to a cable's level.
"""

from __future__ import annotations

from cabledesk.domain.scheme import ClassificationScheme, Level, SchemeRegistry
from cabledesk.errors import MarkingError, SchemeError

__all__ = ["canonical_level", "level_applies"]

_OFF = "off"


def canonical_level(text: str, schemes: SchemeRegistry, user_scheme: str) -> str:
    """``""`` for ``off`` (or nothing), else the level's own name in the user's scheme."""
    words = " ".join(text.split())
    if words.lower() in ("", _OFF):
        return ""
    return schemes.get_scheme(user_scheme).level_named(words).name


def level_applies(
    stored: str,
    level: Level,
    scheme: ClassificationScheme,
    schemes: SchemeRegistry,
    user_scheme: str,
) -> bool:
    """Whether the stored switch ``stored`` covers a cable of ``level`` in ``scheme``.

    A stored level that no longer exists in the user's scheme is applied at its
    most careful: to every classified level.
    """
    if not stored:
        return False
    try:
        mine = schemes.get_scheme(user_scheme)
        threshold = mine.level_named(stored)
    except (MarkingError, SchemeError):
        return level.classified
    if scheme.id == mine.id:
        return level.rank >= threshold.rank
    return level.tier >= threshold.tier
