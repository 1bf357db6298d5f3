"""The labels a document carries: its banner, how it is written, and how a page names its cable.

- The document's banner is what the cable's portions **and its attachments**
  roll up to: a transmittal document carries the highest classification of
  what it transmits (32 CFR 2001.24(c)). When the attachments raise it above
  what the cable's own portions roll up to, the document also says what it is
  without them: ``CONFIDENTIAL when separated from attachments`` (the ISOO
  marking booklet's "transmittal documents"; ``UNCLASSIFIED when separated
  from attachments`` when the portions are unclassified).
- The banner is written as the scheme's documents write it: with ``//``
  between categories for a US cable (``SECRET//NOFORN``), with spaces for a
  UK telegram (``SECRET UK EYES ONLY``: the UK writes no ``//``).
- Every page after the first names its cable — post and serial (or the
  cable's id when it has no serial yet) — so that a separated page can be
  matched to its cable.
- The document's title property never holds a classified subject: it is the
  subject only when the subject portion is at the scheme's lowest level with
  no control; otherwise the banner and the cable's reference.

An attachment's own marking is read with ``getattr(attachment, "marking",
None)``: a portion mark as text, or None for an attachment marked by nothing
of its own (it then adds nothing to the banner).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from cabledesk.domain.cable import Attachment, Cable, cable_banner
from cabledesk.domain.marking import Marking, parse_marking
from cabledesk.domain.rollup import combine
from cabledesk.domain.scheme import ClassificationScheme

__all__ = [
    "UK_TELEGRAM",
    "DocumentLabels",
    "attachment_marking",
    "banner_text",
    "document_labels",
    "telegram_number",
]

UK_TELEGRAM = "uk-telegram"
SEPARATED = "{marking} when separated from attachments"


@dataclass(frozen=True, slots=True)
class DocumentLabels:
    """What the document says about its own classification and identity."""

    banner: Marking
    # What the cable's own portions roll up to, when the attachments raise the banner.
    separated: Marking | None
    banner_line: str
    separated_line: str | None
    reference: str
    title: str


def attachment_marking(attachment: Attachment, scheme: ClassificationScheme) -> Marking | None:
    """The attachment's own marking, or None; raises MarkingError if it cannot be parsed."""
    text = getattr(attachment, "marking", None)
    if not isinstance(text, str) or not text.strip():
        return None
    return parse_marking(text, scheme)


def banner_text(marking: Marking, scheme: ClassificationScheme) -> str:
    """The banner as the scheme's documents write it (spaces, not ``//``, for the UK)."""
    if scheme.document_template == UK_TELEGRAM:
        return " ".join(part for part in marking.banner.split("//") if part)
    return marking.banner


def telegram_number(cable: Cable) -> str | None:
    """A UK telegram's TELNO: the serial without leading zeros (``000123`` → ``123``), or None."""
    serial = (cable.serial or "").strip()
    if not serial:
        return None
    return serial.lstrip("0") or "0" if serial.isdigit() else serial


def cable_reference(cable: Cable, scheme: ClassificationScheme) -> str:
    """How a page names its cable: ``AMEMBASSY PARIS 000123`` (``PARIS TELNO 123`` for a
    UK telegram), or ``AMEMBASSY PARIS CABLE <id>`` before it has a serial."""
    originator = " ".join(cable.originator.split())
    serial = (cable.serial or "").strip()
    if not serial:
        return f"{originator} CABLE {cable.id}"
    if scheme.document_template == UK_TELEGRAM:
        return f"{originator} TELNO {telegram_number(cable)}"
    return f"{originator} {serial}"


def document_labels(cable: Cable, scheme: ClassificationScheme) -> DocumentLabels:
    """The labels of ``cable``'s document; raises MarkingError for a mark that cannot be parsed."""
    own = cable_banner(replace(cable, attachments=()), scheme)
    enclosed = [m for a in cable.attachments if (m := attachment_marking(a, scheme)) is not None]
    banner = combine([own, *enclosed]) if enclosed else own
    separated = own if banner != own else None
    reference = cable_reference(cable, scheme)
    subject = parse_marking(cable.subject_marking, scheme)
    if subject.level == scheme.lowest and not subject.controls and not subject.release_to:
        title = f"{subject.portion} {cable.subject}".strip()
    else:  # a subject above the lowest level never goes into the file's properties
        title = f"{banner_text(banner, scheme)} {reference}"
    return DocumentLabels(
        banner=banner,
        separated=separated,
        banner_line=banner_text(banner, scheme),
        separated_line=(
            None if separated is None else SEPARATED.format(marking=banner_text(separated, scheme))
        ),
        reference=reference,
        title=title,
    )
