"""Sanitized releases ("tearlines"): the part of a cable that may go to a wider audience.

:func:`sanitize` is a pure function. From a cable it keeps only the portions
that a release at a chosen level may carry, and returns a
:class:`SanitizedCable`: a new cable (banner recomputed from what is left) and
a :class:`Tearline` that records, for the sanitizer's own audit log, which
cable it sanitizes and what was withheld.

A sanitized release reveals nothing it withholds (E.O. 13526 §1.7 and §3.3:
what is released must not reveal the withheld; 5 FAH-4 H-200 on sanitized
versions; DOJ FOIA guide, "Segregability"):

- the released text never names the source's level or banner, nor how many
  paragraphs were withheld: paragraphs are renumbered 1, 2, 3… and nothing is
  said (``keep_numbers`` instead keeps the original numbers and puts a line
  "[Paragraph 3 withheld: (b)(1)]" where each withheld one stood, as a FOIA
  release does);
- the source cable is not named (no id, no serial, no date-time group)
  unless ``show_source_id`` asks for it;
- the REF lines, the attachments list, the subject and the TAGS that index
  it carry no portion mark of their own to judge, so they are withheld unless
  the sanitizer releases them (``release_refs``, ``release_attachments``,
  ``release_subject``); a withheld subject is replaced by
  :data:`WITHHELD_SUBJECT`, or by a releasable ``subject`` the sanitizer gives
  (marked at the scheme's lowest level: write it so);
- captions, the stated banner and an imported record's provenance (its
  original marking, handling words and source id) never go;
- the document says who sanitized it, when and under what authority
  (:meth:`Tearline.statement`).

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

Nothing left to release, or a subject asked for that may not be released,
raises :class:`~cabledesk.errors.PolicyRefusal`; a portion mark that cannot be
parsed raises :class:`~cabledesk.errors.MarkingError`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from cabledesk.domain.cable import Attachment, Authority, Cable, Paragraph, cable_banner, format_dtg
from cabledesk.domain.marking import Marking, parse_marking
from cabledesk.domain.release import scope_of
from cabledesk.domain.scheme import ClassificationScheme, Level
from cabledesk.domain.tetragraphs import shipped_tetragraphs
from cabledesk.errors import PolicyRefusal
from cabledesk.phrase import Phrase

__all__ = [
    "ORIGINATOR_CONTROLS",
    "SANITIZED_NAMESPACE",
    "WITHHELD_SUBJECT",
    "SanitizeOptions",
    "SanitizedCable",
    "Tearline",
    "sanitize",
    "withheld_line",
]

# The schemes do not (yet) say which controls reserve release to the originator,
# so the default names them here; a caller may pass its own set.
ORIGINATOR_CONTROLS = frozenset({"ORCON"})
NAMED_ADDRESSEES = "named-addressees"
WITHHELD_SUBJECT = "SUBJECT WITHHELD IN THIS SANITIZED VERSION"
# FOIA exemption (b)(1) (5 U.S.C. 552(b)(1)): information classified under an executive
# order. Written where a classified paragraph stood, in a US release that keeps numbers.
FOIA_CLASSIFIED = "(b)(1)"
US_COUNTRY = "USA"
# Sanitized versions get their own ids (uuid5 of source id, level, audience and options),
# so that one id never names two different texts and the same release gets the same id.
SANITIZED_NAMESPACE = uuid.UUID("0b8c3d57-2f47-5b0e-a1c6-7d2f9e4a6c31")


@dataclass(frozen=True, slots=True)
class SanitizeOptions:
    """What the sanitizer chooses to release beyond the portions, and the stamp.

    Everything is withheld by default. ``subject`` is a releasable replacement
    subject (exclusive with ``release_subject``); ``sanitizer``, ``authority``
    and ``on`` make the stamp ("Sanitized by … on … under …"). ValueError if
    both ``release_subject`` and ``subject`` are given.
    """

    release_refs: bool = False
    release_attachments: bool = False
    release_subject: bool = False
    subject: str | None = None
    show_source_id: bool = False
    keep_numbers: bool = False
    sanitizer: str = ""
    authority: str = ""
    on: date | None = None

    def __post_init__(self) -> None:
        if self.release_subject and self.subject is not None:
            raise ValueError("release the subject, or give a replacement subject, not both")
        if self.subject is not None and not self.subject.strip():
            raise ValueError("a replacement subject must not be empty")

    def key(self) -> str:
        """The options as text, for the sanitized version's id."""
        flags = (
            self.release_refs, self.release_attachments, self.release_subject,
            self.show_source_id, self.keep_numbers,
        )  # fmt: skip
        on = self.on.isoformat() if self.on else ""
        return "|".join(
            ["".join("1" if f else "0" for f in flags), self.subject or "", self.sanitizer,
             self.authority, on]
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Tearline:
    """What a sanitized release kept and withheld, and which cable it comes from.

    For the sanitizer's audit log: ``source_id``, ``kept`` (the original
    1-based numbers of the paragraphs kept), ``withheld_paragraphs`` and the
    other counts never appear in the released document, which shows only
    :meth:`statement`.
    """

    source_id: str
    source_reference: str
    level: str
    release_to: tuple[str, ...]
    kept: tuple[int, ...]
    withheld_paragraphs: int
    subject_withheld: bool
    attachments_withheld: int
    references_withheld: int = 0
    options: SanitizeOptions = field(default_factory=SanitizeOptions)

    @property
    def paragraphs_total(self) -> int:
        return len(self.kept) + self.withheld_paragraphs

    def statement(self) -> str:
        """What the released document says about itself: the release, the source
        only if asked, and the sanitizer's stamp; never what was withheld."""
        audience = f" for release to {', '.join(self.release_to)}" if self.release_to else ""
        parts = [f"Sanitized version, released at {self.level}{audience}."]
        opts = self.options
        if opts.show_source_id:
            parts.append(f"Sanitized from cable {self.source_reference}.")
        if opts.keep_numbers:
            parts.append("Paragraphs keep their original numbers.")
        stamp = "Sanitized"
        if opts.sanitizer.strip():
            stamp += f" by {opts.sanitizer.strip()}"
        if opts.on is not None:
            stamp += f" on {opts.on.isoformat()}"
        if opts.authority.strip():
            stamp += f" under {opts.authority.strip()}"
        if stamp != "Sanitized":
            parts.append(stamp + ".")
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class SanitizedCable:
    """The releasable cable, its recomputed banner, and the tearline note."""

    cable: Cable
    banner: Marking
    tearline: Tearline


def withheld_line(number: int, marking: Marking) -> str:
    """The line a release that keeps numbers puts where paragraph ``number`` stood.

    A classified paragraph of a US cable gets FOIA exemption (b)(1); nothing
    else is said of it (not its level, not its controls).
    """
    exemption = (
        f": {FOIA_CLASSIFIED}"
        if marking.level.classified and marking.scheme.country == US_COUNTRY
        else ""
    )
    return f"[Paragraph {number} withheld{exemption}]"


def sanitize(
    cable: Cable,
    scheme: ClassificationScheme,
    level: Level,
    *,
    release_to: Iterable[str] = (),
    withhold: frozenset[str] = ORIGINATOR_CONTROLS,
    options: SanitizeOptions | None = None,
) -> SanitizedCable:
    """The part of ``cable`` releasable at ``level`` (to ``release_to``, if given).

    ``withhold`` names controls (besides those of the named addressees) whose
    portions are never released; ``options`` what else is released and the
    stamp. Raises ValueError if ``level`` is not of ``scheme`` or the cable is
    of another scheme, MarkingError for a portion mark that cannot be parsed,
    PolicyRefusal when no paragraph is left or the subject asked for may not go.
    """
    if scheme.id != cable.scheme.lower():
        raise ValueError(f"cable is in scheme {cable.scheme!r}, sanitized with {scheme.id!r}")
    if level not in scheme.levels:
        raise ValueError(f"level {level.name} is not of scheme {scheme.id}")
    opts = options or SanitizeOptions()
    audience = tuple(dict.fromkeys(c.strip().upper() for c in release_to if c.strip()))

    def releasable(marking: Marking) -> bool:
        return _releasable(marking, level, audience, withhold)

    marks = [parse_marking(p.marking, scheme) for p in cable.paragraphs]
    kept = tuple(i for i, m in enumerate(marks, start=1) if releasable(m))
    if not kept:
        raise PolicyRefusal(
            Phrase.of(
                "Nothing in this cable can be released at {level}: every paragraph is above "
                "that level or restricted.",
                level=level.name,
            )
            if not audience
            else Phrase.of(
                "Nothing in this cable can be released at {level} to {countries}: every "
                "paragraph is above that level or restricted.",
                level=level.name,
                countries=list(audience),
            ),
            hint=Phrase.of("Choose a higher level, or write a releasable paragraph first."),
        )
    subject, subject_mark = _subject(cable, scheme, opts, releasable)
    attachments = _attachments(cable, scheme, opts, releasable)
    paragraphs = _paragraphs(cable, marks, kept, opts.keep_numbers, scheme)
    tearline = Tearline(
        source_id=cable.id,
        source_reference=_reference(cable),
        level=level.name,
        release_to=audience,
        kept=kept,
        withheld_paragraphs=len(cable.paragraphs) - len(kept),
        subject_withheld=subject != cable.subject,
        attachments_withheld=len(cable.attachments) - len(attachments),
        references_withheld=0 if opts.release_refs else len(cable.references),
        options=opts,
    )
    key = f"{cable.id}|{level.name}|{','.join(audience)}|{opts.key()}"
    draft = replace(
        cable,
        id=str(uuid.uuid5(SANITIZED_NAMESPACE, key)),
        dtg=cable.dtg if opts.show_source_id else None,
        serial=cable.serial if opts.show_source_id else None,
        subject=subject,
        subject_marking=subject_mark,
        tags=cable.tags if opts.release_subject else (),
        references=cable.references if opts.release_refs else (),
        paragraphs=paragraphs,
        captions=(),
        attachments=attachments,
        declared_banner=None,
        provenance=None,
    )
    banner = cable_banner(draft, scheme)
    sanitized = replace(
        draft, authority=_authority(cable, opts) if banner.level.classified else None
    )
    return SanitizedCable(cable=sanitized, banner=banner, tearline=tearline)


def _attachments(
    cable: Cable,
    scheme: ClassificationScheme,
    opts: SanitizeOptions,
    releasable: Callable[[Marking], bool],
) -> tuple[Attachment, ...]:
    """The attachments released: none unless asked; then those without a marking of their
    own and those whose marking is releasable (a SECRET annex never goes in a CONFIDENTIAL
    release, nor does its name)."""
    if not opts.release_attachments:
        return ()
    return tuple(
        a
        for a in cable.attachments
        if not a.marking.strip() or releasable(parse_marking(a.marking, scheme))
    )


def _authority(cable: Cable, opts: SanitizeOptions) -> Authority | None:
    """The source's authority block without what would reveal the source: its list of
    sources names other cables (released only with the REF lines), and its downgrade
    instruction names a level the source is above."""
    if cable.authority is None:
        return None
    sources = cable.authority.sources if opts.release_refs else ()
    return replace(cable.authority, sources=sources, downgrade=None)


def _subject(
    cable: Cable,
    scheme: ClassificationScheme,
    opts: SanitizeOptions,
    releasable: Callable[[Marking], bool],
) -> tuple[str, str]:
    lowest = f"({scheme.lowest.portion})"
    if opts.subject is not None:
        return " ".join(opts.subject.split()), lowest
    if not opts.release_subject:
        return WITHHELD_SUBJECT, lowest
    mark = parse_marking(cable.subject_marking, scheme)
    if not releasable(mark):
        raise PolicyRefusal(
            Phrase.of("The subject of this cable may not be released at this level."),
            hint=Phrase.of("Withhold it, or give a releasable subject instead."),
        )
    return cable.subject, mark.portion


def _paragraphs(
    cable: Cable,
    marks: list[Marking],
    kept: tuple[int, ...],
    keep_numbers: bool,
    scheme: ClassificationScheme,
) -> tuple[Paragraph, ...]:
    if not keep_numbers:
        return tuple(Paragraph(marks[i - 1].portion, cable.paragraphs[i - 1].text) for i in kept)
    lowest = f"({scheme.lowest.portion})"
    return tuple(
        Paragraph(mark.portion, p.text) if number in kept
        else Paragraph(lowest, withheld_line(number, mark))
        for number, (p, mark) in enumerate(zip(cable.paragraphs, marks, strict=True), start=1)
    )  # fmt: skip


def _releasable(
    marking: Marking, level: Level, audience: tuple[str, ...], withhold: frozenset[str]
) -> bool:
    """Whether a portion may go in the release: at or below its level, not restricted to
    the addressees or withheld by a control, and admitting every nationality of the
    audience by the release policy's own definition (:func:`.release.scope_of`)."""
    if marking.level.rank > level.rank:
        return False
    for control in marking.controls:
        if control.audience == NAMED_ADDRESSEES or control.name in withhold:
            return False
    table = shipped_tetragraphs()
    scope = scope_of(marking, table).nationalities
    for code in audience:
        members = table.nationalities(code) or frozenset()
        if not members or (scope is not None and not members <= scope):
            return False
    return True


def _reference(cable: Cable) -> str:
    """How a registry names a cable: originator, serial and date-time group, then its id."""
    words = [cable.originator.strip() or "(no originator)"]
    if cable.serial:
        words.append(cable.serial)
    if cable.dtg is not None:
        words.append(f"of {format_dtg(cable.dtg)}")
    return f"{' '.join(words)} (id {cable.id})"
