"""Sanitized releases ("tearlines"): the part of a cable that may go to a wider audience.

:func:`sanitize` is a pure function. From a cable it keeps only the portions
that a release at a chosen level may carry, and returns a
:class:`SanitizedCable`: a new cable (paragraphs renumbered simply by being
the only ones left, banner recomputed from what is left) and a
:class:`Tearline` that says which cable it sanitizes and what was withheld, for
the rendered document and the audit log.

A portion is withheld when

- its level is above the release level;
- it carries a control whose audience is the cable's named addressees
  (``NODIS``, ``EXDIS``, ``RECIPIENTS ONLY``): a sanitized release goes
  beyond them by definition;
- it carries an originator control (``ORCON``, by default; see
  :data:`ORIGINATOR_CONTROLS`): a release is further dissemination, which
  needs the originator's approval, so those portions are left to the
  originator to release;
- ``release_to`` names the countries the release is for, and the portion may
  not go to all of them (nationals-only controls such as ``NOFORN`` when a
  foreign country is named, a ``REL TO`` list that misses one, a classified
  portion without a release list).

Everything of the original that carries no portion mark of its own, and so
cannot be judged, is left out: attachments, distribution captions, the
stated banner and the handling words of an imported record. A subject that
is withheld is replaced by :data:`WITHHELD_SUBJECT`, marked at the scheme's
lowest level. Nothing left to release raises
:class:`~cabledesk.errors.PolicyRefusal`; a portion mark that cannot be
parsed raises :class:`~cabledesk.errors.MarkingError`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace

from cabledesk.domain.cable import Cable, Paragraph, cable_banner, format_dtg
from cabledesk.domain.marking import Marking, parse_marking
from cabledesk.domain.scheme import ClassificationScheme, Level
from cabledesk.errors import PolicyRefusal

__all__ = [
    "ORIGINATOR_CONTROLS",
    "SANITIZED_NAMESPACE",
    "WITHHELD_SUBJECT",
    "SanitizedCable",
    "Tearline",
    "sanitize",
]

# The schemes do not (yet) say which controls reserve release to the originator,
# so the default names them here; a caller may pass its own set.
ORIGINATOR_CONTROLS = frozenset({"ORCON"})
NAMED_ADDRESSEES = "named-addressees"
NATIONALS = "nationals"
RELEASE_LIST = "release-list"
WITHHELD_SUBJECT = "SUBJECT WITHHELD IN THIS SANITIZED VERSION"
# Sanitized versions get their own ids (uuid5 of source id, level and audience), so
# that one id never names two different texts and the same release gets the same id.
SANITIZED_NAMESPACE = uuid.UUID("0b8c3d57-2f47-5b0e-a1c6-7d2f9e4a6c31")


@dataclass(frozen=True, slots=True)
class Tearline:
    """What a sanitized release kept and withheld, and which cable it comes from.

    ``kept`` holds the original (1-based) numbers of the paragraphs kept, in
    order; in the sanitized cable they are numbered 1, 2, 3…
    """

    source_id: str
    source_reference: str
    level: str
    release_to: tuple[str, ...]
    kept: tuple[int, ...]
    withheld_paragraphs: int
    subject_withheld: bool
    attachments_withheld: int

    @property
    def paragraphs_total(self) -> int:
        return len(self.kept) + self.withheld_paragraphs

    def statement(self) -> str:
        """One sentence for the document, e.g. for its first page."""
        audience = f" for release to {', '.join(self.release_to)}" if self.release_to else ""
        parts = [
            f"Sanitized version of cable {self.source_reference}, released at "
            f"{self.level}{audience}: {len(self.kept)} of {self.paragraphs_total} "
            f"paragraph{'s' * (self.paragraphs_total != 1)}, renumbered."
        ]
        if self.subject_withheld:
            parts.append("The subject is withheld.")
        if self.attachments_withheld:
            n = self.attachments_withheld
            parts.append(f"{n} attachment{'s' * (n != 1)} withheld.")
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class SanitizedCable:
    """The releasable cable, its recomputed banner, and the tearline note."""

    cable: Cable
    banner: Marking
    tearline: Tearline


def sanitize(
    cable: Cable,
    scheme: ClassificationScheme,
    level: Level,
    *,
    release_to: Iterable[str] = (),
    withhold: frozenset[str] = ORIGINATOR_CONTROLS,
) -> SanitizedCable:
    """The part of ``cable`` releasable at ``level`` (to ``release_to``, if given).

    ``withhold`` names controls (besides those of the named addressees) whose
    portions are never released. Raises ValueError if ``level`` is not of
    ``scheme`` or the cable is of another scheme, MarkingError for a portion
    mark that cannot be parsed, PolicyRefusal when no paragraph is left.
    """
    if scheme.id != cable.scheme.lower():
        raise ValueError(f"cable is in scheme {cable.scheme!r}, sanitized with {scheme.id!r}")
    if level not in scheme.levels:
        raise ValueError(f"level {level.name} is not of scheme {scheme.id}")
    audience = tuple(dict.fromkeys(c.strip().upper() for c in release_to if c.strip()))

    def releasable(text: str) -> bool:
        return _releasable(parse_marking(text, scheme), level, audience, withhold)

    kept = tuple(i for i, p in enumerate(cable.paragraphs, start=1) if releasable(p.marking))
    if not kept:
        raise PolicyRefusal(
            f"Nothing in this cable can be released at {level.name}"
            + (f" to {', '.join(audience)}" if audience else "")
            + ": every paragraph is above that level or restricted.",
            hint="Choose a higher level, or write a releasable paragraph first.",
        )
    subject_ok = releasable(cable.subject_marking)
    originals = [cable.paragraphs[i - 1] for i in kept]
    paragraphs = tuple(
        Paragraph(marking=parse_marking(p.marking, scheme).portion, text=p.text) for p in originals
    )
    tearline = Tearline(
        source_id=cable.id,
        source_reference=_reference(cable),
        level=level.name,
        release_to=audience,
        kept=kept,
        withheld_paragraphs=len(cable.paragraphs) - len(kept),
        subject_withheld=not subject_ok,
        attachments_withheld=len(cable.attachments),
    )
    draft = replace(
        cable,
        id=str(uuid.uuid5(SANITIZED_NAMESPACE, f"{cable.id}|{level.name}|{','.join(audience)}")),
        subject=cable.subject if subject_ok else WITHHELD_SUBJECT,
        subject_marking=(
            parse_marking(cable.subject_marking, scheme).portion
            if subject_ok
            else f"({scheme.lowest.portion})"
        ),
        paragraphs=paragraphs,
        captions=(),
        attachments=(),
        declared_banner=None,
        provenance=(
            None
            if cable.provenance is None
            else replace(cable.provenance, original_marking=None, handling=())
        ),
    )
    banner = cable_banner(draft, scheme)
    sanitized = replace(draft, authority=cable.authority if banner.level.classified else None)
    return SanitizedCable(cable=sanitized, banner=banner, tearline=tearline)


def _releasable(
    marking: Marking, level: Level, audience: tuple[str, ...], withhold: frozenset[str]
) -> bool:
    if marking.level.rank > level.rank:
        return False
    for control in marking.controls:
        if control.audience == NAMED_ADDRESSEES or control.name in withhold:
            return False
    foreign = [c for c in audience if c != marking.scheme.country]
    if not foreign:
        return True
    audiences = {c.audience for c in marking.controls}
    if NATIONALS in audiences:
        return False
    if RELEASE_LIST in audiences:
        return all(c in marking.release_to for c in foreign)
    # A classified portion without a release list has had no foreign-release decision.
    return not marking.level.classified


def _reference(cable: Cable) -> str:
    """How a registry names a cable: originator, serial and date-time group, then its id."""
    words = [cable.originator.strip() or "(no originator)"]
    if cable.serial:
        words.append(cable.serial)
    if cable.dtg is not None:
        words.append(f"of {format_dtg(cable.dtg)}")
    return f"{' '.join(words)} (id {cable.id})"
