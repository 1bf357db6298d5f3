"""The consistency rules of a :class:`~cabledesk.domain.marking.Marking`, checked when one
is made: contradictions, levels a control may not be used at, release lists."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from cabledesk.domain._foreign_marks import check_fgi
from cabledesk.errors import MarkingError
from cabledesk.phrase import Phrase

if TYPE_CHECKING:
    from cabledesk.domain.marking import Marking
    from cabledesk.domain.scheme import ClassificationScheme

__all__ = ["check_marking", "order_release_list"]


def order_release_list(codes: Iterable[str], scheme: ClassificationScheme) -> tuple[str, ...]:
    """Order a release list: the originating country, then trigraphs, then tetragraphs
    (CAPCO register: "REL TO USA, AUS, GBR, FVEY")."""
    unique = set(codes)
    first = [scheme.country] if scheme.country in unique else []
    rest = unique - {scheme.country}
    trigraphs = sorted(c for c in rest if len(c) == 3)
    others = sorted(c for c in rest if len(c) != 3)
    return (*first, *trigraphs, *others)


def _not_on(control: str, level: str) -> Phrase:
    return Phrase.of(
        "{control} cannot be used on {level} information.", control=control, level=level
    )


def check_marking(m: Marking) -> None:
    """Raise MarkingError for a contradictory marking, ValueError for an inconsistent one."""
    scheme = m.scheme
    if m.level not in scheme.levels:
        raise ValueError(f"level {m.level.name} is not of scheme {scheme.id}")
    names = {c.name for c in m.controls}
    for control in m.controls:
        if control not in scheme.controls:
            raise ValueError(f"control {control.name} is not of scheme {scheme.id}")
        for other in control.supersedes:
            if other in names:
                raise MarkingError(
                    Phrase.of(
                        "{control} and {other} contradict each other in one marking.",
                        control=control.name,
                        other=other,
                    ),
                    hint=Phrase.of(
                        "{control} already restricts more than {other}; keep only one.",
                        control=control.name,
                        other=other,
                    ),
                )
        if control.min_level and m.level.rank < scheme.level_named(control.min_level).rank:
            raise MarkingError(
                _not_on(control.name, m.level.name),
                hint=Phrase.of(
                    "{control} needs at least {level}.",
                    control=control.name,
                    level=control.min_level,
                ),
            )
        if control.max_level and m.level.rank > scheme.level_named(control.max_level).rank:
            raise MarkingError(
                _not_on(control.name, m.level.name),
                hint=Phrase.of(
                    "{control} applies only up to {level}.",
                    control=control.name,
                    level=control.max_level,
                ),
            )
    release = scheme.release
    has_release = release is not None and release.control in names
    if has_release != bool(m.release_to):
        raise MarkingError(
            Phrase.of("A release list needs its REL TO control, and REL TO needs a list.")
            if release is None
            else Phrase.of(
                "{control} needs a list of countries, and a list needs {control}.",
                control=release.control,
            )
        )
    check_fgi(m, names)
    if has_release and release is not None and not release.includes_originator:
        inside = _members_listed(m)
        if inside:
            raise MarkingError(
                Phrase.of(
                    "{control} names only those beyond the members of {country}: remove {codes}.",
                    control=release.control,
                    country=scheme.country,
                    codes=inside,
                )
            )
        if scheme.country in m.release_to:
            raise MarkingError(
                Phrase.of(
                    "{control} lists only those beyond {country}'s members; remove {country}.",
                    control=release.control,
                    country=scheme.country,
                )
            )
    elif has_release and release is not None:
        if scheme.country not in m.release_to:
            raise MarkingError(
                Phrase.of(
                    "The {control} list must include {country}, the originating country.",
                    control=release.control,
                    country=scheme.country,
                ),
                hint=Phrase.of(
                    "Write {control} {country}, {others}.",
                    control=release.control,
                    country=scheme.country,
                    others=m.release_to,
                ),
            )
        if m.release_to == (scheme.country,):
            raise MarkingError(
                Phrase.of(
                    "{control} {country} alone releases to no one else.",
                    control=release.control,
                    country=scheme.country,
                ),
                hint=Phrase.of("Mark it {control} instead.", control=release.originator_only)
                if release.originator_only
                else Phrase.of("Name the countries it may be released to."),
            )
        if tuple(m.release_to) != order_release_list(m.release_to, scheme):
            raise ValueError("release_to must be ordered with order_release_list()")


def _members_listed(m: Marking) -> list[str]:
    """The codes of a NATO or EU release list that stand only for its own members."""
    from cabledesk.domain.tetragraphs import shipped_tetragraphs

    table = shipped_tetragraphs()
    members = table.nationalities(m.scheme.country) or frozenset()
    return [
        code
        for code in m.release_to
        if code != m.scheme.country and (table.nationalities(code) or {""}) <= members
    ]
