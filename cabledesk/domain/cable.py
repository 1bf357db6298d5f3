"""The cable: header, portion-marked paragraphs, authority block, signature.

A :class:`Cable` is an immutable value. Markings are kept as the text the
drafter wrote (``"(S//NF)"``) so that a draft with a mistake can still be
stored and shown; :func:`cabledesk.domain.validation.validate` parses them
against the cable's scheme and reports what is wrong. The banner is never
stored as truth: :func:`cable_banner` computes it from the portions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from cabledesk.domain.marking import Marking, parse_marking
from cabledesk.domain.rollup import ROLLUP_VERSION, combine
from cabledesk.domain.scheme import ClassificationScheme

__all__ = [
    "PRECEDENCES",
    "Addressee",
    "Attachment",
    "Authority",
    "Cable",
    "Paragraph",
    "Provenance",
    "attachment_markings",
    "cable_banner",
    "format_dtg",
    "portion_markings",
]

# Every precedence CableDesk knows, highest first; a scheme lists those it allows.
PRECEDENCES = ("FLASH", "NIACT IMMEDIATE", "IMMEDIATE", "PRIORITY", "ROUTINE")
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


@dataclass(frozen=True, slots=True)
class Addressee:
    """An action or info addressee, with its own precedence if it differs."""

    name: str
    precedence: str | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One portion of the body: its portion mark as written, and its text."""

    marking: str
    text: str


@dataclass(frozen=True, slots=True)
class Authority:
    """The classification authority block.

    ``reasons`` are E.O. 13526 §1.4 codes (``"1.4(b)"``) for original
    classification; ``derived_from`` names the source for derivative
    classification. ``declassify_on`` is a date (``YYYY-MM-DD``), an event, or
    an exemption code such as ``25X1, 2049-12-31`` or ``50X1-HUM``.
    ``downgrade`` is an optional instruction ``"CONFIDENTIAL on 2030-01-01"``;
    ``sources`` lists the sources of ``Derived from: Multiple Sources``
    (both need the format ``cabledesk.cable/2``).
    """

    classified_by: str
    reasons: tuple[str, ...] = ()
    derived_from: str | None = None
    declassify_on: str = ""
    downgrade: str | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file that travels with the cable; size and hash are filled in at sealing.

    ``marking`` is the attachment's own classification as a portion mark
    (``"(S//NF)"``), or empty when none is given; it counts in the banner like a
    paragraph (format ``cabledesk.cable/2``).
    """

    name: str
    description: str = ""
    size: int | None = None
    sha256: str | None = None
    marking: str = ""


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where an imported cable came from, and what its source said that we kept as text."""

    source: str
    record_id: str
    url: str | None = None
    original_marking: str | None = None
    handling: tuple[str, ...] = ()
    file_number: str | None = None
    received: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Cable:
    """A diplomatic cable: its header, subject, paragraphs with their portion marks,
    authority block and attachments (its canonical JSON: :mod:`.canonical`).

    ``dtg`` is the date-time group (UTC, timezone-aware) or None for an
    unreleased draft. ``serial`` is the originator's message number.
    """

    id: str
    scheme: str
    precedence: str
    originator: str
    action: tuple[Addressee, ...]
    subject: str
    subject_marking: str
    paragraphs: tuple[Paragraph, ...]
    info: tuple[Addressee, ...] = ()
    dtg: datetime | None = None
    serial: str | None = None
    captions: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    authority: Authority | None = None
    signature: str = ""
    attachments: tuple[Attachment, ...] = ()
    declared_banner: str | None = None
    provenance: Provenance | None = None

    def __post_init__(self) -> None:
        if self.dtg is not None and (self.dtg.tzinfo is None or self.dtg.utcoffset()):
            raise ValueError("a cable's date-time group must be a UTC datetime")


def portion_markings(cable: Cable) -> list[str]:
    """Every portion mark of the cable as written: subject first, then paragraphs."""
    return [cable.subject_marking, *(p.marking for p in cable.paragraphs)]


def attachment_markings(cable: Cable) -> list[tuple[int, str]]:
    """The attachments that carry a marking: their number (from 1) and marking as written."""
    return [(i, a.marking) for i, a in enumerate(cable.attachments, start=1) if a.marking.strip()]


def cable_banner(
    cable: Cable, scheme: ClassificationScheme, *, rollup: int = ROLLUP_VERSION
) -> Marking:
    """The banner the cable's portions and marked attachments roll up to, with the
    roll-up rules of version ``rollup`` (default: the current ones; see :mod:`.rollup`).

    Raises MarkingError if a portion mark is missing or cannot be parsed (run
    validation for the full list of problems); ValueError for an unknown version.
    """
    # Each distinct mark once: the roll-up is idempotent, and a cable repeats its marks.
    marks = [*portion_markings(cable), *(m for _, m in attachment_markings(cable))]
    distinct = dict.fromkeys(marks)
    return combine(_parsed(distinct, scheme), version=rollup)


def _parsed(texts: Iterable[str], scheme: ClassificationScheme) -> list[Marking]:
    return [parse_marking(t, scheme) for t in texts]


def format_dtg(when: datetime) -> str:
    """The date-time group of a UTC moment, e.g. ``151230Z MAR 24``."""
    when = when.astimezone(UTC)
    return f"{when:%d%H%M}Z {_MONTHS[when.month - 1]} {when:%y}"
