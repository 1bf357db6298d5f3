"""Who may receive a marking, by nationality: the one definition the roll-up and the
release policy share.

:func:`scope_of` reads a marking (a portion or a banner) and answers with a
:class:`ReleaseScope`: the nationalities that may receive it, or None when its
marking restricts nothing by nationality, and the basis of the restriction (for
the policy's wording). The roll-up intersects the scopes of the portions and
writes a banner whose scope is exactly that intersection; the policy applies the
scope of the banner. Both expand organisations and tetragraphs (``NATO``, ``FVEY``)
through the same member lists (:mod:`cabledesk.domain.tetragraphs`), so they can
never disagree.

The rules, in order (the first that applies decides):

1. a ``nationals`` control (NOFORN, UK EYES ONLY, NATO EYES ONLY…): nationals of
   the scheme's country, an organisation standing for its members;
2. a release list (``REL TO USA, GBR``; NATO's ``RELEASABLE TO AUS``): the listed
   nationalities, tetragraphs expanded; where the scheme's lists name only those
   beyond its own members (NATO, EU), its members too;
3. foreign government information (``(//GBR S)``, ``(S//FGI DEU)``) in a scheme
   that needs a release decision: the holder's nationals and the originators'
   (information goes back to its originator, never on to a third country);
4. classified information without any release marking, in a scheme that needs a
   release decision for foreign release (US: ICD 710; NATO and EU: their members
   only): the scheme's nationals;
5. anything else: no restriction by nationality.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from cabledesk.domain.marking import Marking
from cabledesk.domain.tetragraphs import TetragraphTable

__all__ = ["ReleaseBasis", "ReleaseScope", "nationals", "scope_of"]

NATIONALS = "nationals"
RELEASE_LIST = "release-list"


class ReleaseBasis(StrEnum):
    """Why a marking restricts its readers by nationality."""

    OPEN = "open"
    NATIONALS_CONTROL = "nationals-control"
    RELEASE_LIST = "release-list"
    FOREIGN = "foreign"
    UNCAVEATED = "uncaveated"


@dataclass(frozen=True, slots=True)
class ReleaseScope:
    """The nationalities that may receive a marking (None: not restricted), and why.

    ``control`` names the control at stake for the first two bases (``NOFORN``,
    ``REL TO``).
    """

    nationalities: frozenset[str] | None
    basis: ReleaseBasis
    control: str | None = None

    def admits(self, nationality: str) -> bool:
        return self.nationalities is None or nationality in self.nationalities


def nationals(marking: Marking, table: TetragraphTable) -> frozenset[str]:
    """The nationals of the marking's scheme: its country, or an organisation's members."""
    return table.nationalities(marking.scheme.country) or frozenset()


def scope_of(marking: Marking, table: TetragraphTable) -> ReleaseScope:
    """Who may receive ``marking`` by nationality; see the module's rules."""
    scheme = marking.scheme
    for control in sorted(marking.controls, key=lambda c: c.order):
        if control.audience == NATIONALS:
            return ReleaseScope(
                nationals(marking, table), ReleaseBasis.NATIONALS_CONTROL, control.name
            )
    rules = scheme.release
    if rules is not None and marking.release_to:
        listed = _expand(marking.release_to, table)
        if not rules.includes_originator:
            listed |= nationals(marking, table)
        return ReleaseScope(frozenset(listed), ReleaseBasis.RELEASE_LIST, rules.control)
    needs_decision = rules is not None and rules.marking_required
    if needs_decision and _has_fgi(marking):
        return ReleaseScope(
            frozenset(nationals(marking, table) | _expand(marking.fgi, table)),
            ReleaseBasis.FOREIGN,
        )
    if needs_decision and marking.level.classified:
        return ReleaseScope(nationals(marking, table), ReleaseBasis.UNCAVEATED)
    return ReleaseScope(None, ReleaseBasis.OPEN)


def _has_fgi(marking: Marking) -> bool:
    rules = marking.scheme.fgi
    return bool(marking.fgi) or (rules is not None and rules.control in marking.control_names)


def _expand(codes: tuple[str, ...], table: TetragraphTable) -> set[str]:
    """The nationalities codes stand for; a code without a member list stands for no one."""
    out: set[str] = set()
    for code in codes:
        out |= table.nationalities(code) or frozenset()
    return out
