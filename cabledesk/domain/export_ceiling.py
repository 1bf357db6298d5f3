"""The export ceiling: the highest level a cable may be exported at as an unencrypted document.

A Word or PDF export leaves CableDesk's encryption behind, so it is allowed
only up to a ceiling per scheme. By default the ceiling is the scheme's
lowest *classified* level (CONFIDENTIAL for the US scheme, NATO RESTRICTED for
NATO): unclassified and lowest-classified cables may be exported, anything
higher must be sealed, or released as a sanitized version at or below the
ceiling. A scheme with no classified level has no ceiling. A ministry sets its
own ceilings with :meth:`ExportCeiling.from_settings`.

:meth:`ExportCeiling.check` raises :class:`~cabledesk.errors.PolicyRefusal`
with the reason and what to do instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from cabledesk.domain.marking import Marking
from cabledesk.domain.scheme import ClassificationScheme, Level, SchemeRegistry
from cabledesk.errors import PolicyRefusal
from cabledesk.phrase import Phrase

__all__ = ["ExportCeiling"]


@dataclass(frozen=True, slots=True)
class ExportCeiling:
    """Ceilings per scheme id, as level names; schemes not named use the default.

    Build it with :meth:`from_settings` (which checks every name) or leave it
    empty for the defaults.
    """

    overrides: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_settings(cls, settings: Mapping[str, str], schemes: SchemeRegistry) -> ExportCeiling:
        """Ceilings from settings (scheme id → level name, any accepted spelling).

        Raises SchemeError for an unknown scheme and MarkingError for a level
        the scheme does not have.
        """
        pairs: list[tuple[str, str]] = []
        for scheme_id, level_name in sorted(settings.items()):
            scheme = schemes.get_scheme(scheme_id)
            pairs.append((scheme.id, scheme.level_named(level_name).name))
        return cls(tuple(pairs))

    def level_for(self, scheme: ClassificationScheme) -> Level | None:
        """The highest level of ``scheme`` that may be exported; None if all may be.

        Raises MarkingError if a setting names a level the scheme does not have.
        """
        for scheme_id, level_name in self.overrides:
            if scheme_id == scheme.id:
                return scheme.level_named(level_name)
        return scheme.lowest_classified

    def allows(self, marking: Marking) -> bool:
        ceiling = self.level_for(marking.scheme)
        return ceiling is None or marking.level.rank <= ceiling.rank

    def check(self, marking: Marking) -> None:
        """Refuse an unencrypted export of a document whose banner is ``marking``.

        Raises PolicyRefusal naming the banner, the ceiling, and what to do.
        """
        ceiling = self.level_for(marking.scheme)
        if ceiling is None or marking.level.rank <= ceiling.rank:
            return
        raise PolicyRefusal(
            Phrase.of(
                "This cable is {banner}. CableDesk does not export cables above {ceiling} as "
                "unencrypted documents (the export ceiling of the {scheme} scheme).",
                banner=marking.banner,
                ceiling=ceiling.name,
                scheme=marking.scheme.name,
            ),
            hint=Phrase.of(
                "Seal the cable for its recipients instead, or export a sanitized version at "
                "{ceiling} or below (--level {ceiling}). Your security officer sets the ceiling.",
                ceiling=ceiling.name,
            ),
        )
