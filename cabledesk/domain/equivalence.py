"""Equivalence of levels across schemes (handling equivalence, after Council
Decision 2013/488/EU Appendix B, VSA Anlage VII and the GSCP).

Each level carries a ``tier`` on a common scale (0 unclassified, 1 restricted,
2 confidential, 3 secret, 4 top secret). A level of one scheme is protected in
another at the level of the same tier or, where that scheme has no such tier,
at the next higher one (foreign RESTRICTED is protected as US CONFIDENTIAL).
This is for handling and release decisions, never for re-marking: the
originator's marking is kept.
"""

from __future__ import annotations

from collections.abc import Sequence

from cabledesk.domain.scheme import ClassificationScheme, Level

__all__ = ["TIER_NAMES", "equivalence_table", "equivalent_level"]

TIER_NAMES = ("unclassified", "restricted", "confidential", "secret", "top secret")


def equivalent_level(level: Level, target: ClassificationScheme) -> Level | None:
    """The level of ``target`` that protects ``level`` at least as well.

    None when ``target`` has no level high enough.
    """
    return next((lv for lv in target.levels if lv.tier >= level.tier), None)


def equivalence_table(
    schemes: Sequence[ClassificationScheme],
) -> list[tuple[str, list[Level | None]]]:
    """One row per tier, highest first: the tier name and each scheme's level of that tier."""
    rows = []
    for tier in reversed(range(len(TIER_NAMES))):
        rows.append(
            (
                TIER_NAMES[tier],
                [next((lv for lv in s.levels if lv.tier == tier), None) for s in schemes],
            )
        )
    return rows
