"""The text of a cable document, in the order a registry clerk reads it.

1. for a sanitized version, a boxed statement of what it is and of which cable;
2. the header block: precedence, date-time group, FM, TO, INFO, serial; then
   the captions, the E.O. line, TAGS, SUBJECT (with its portion mark) and REF —
   labels in a 12-character column, values aligned after them;
3. the classification authority block (classified cables);
4. the numbered paragraphs, each opening with its portion mark: ``1. (C) …``;
5. the signature line; the attachments (each one's own portion mark, name,
   size, description, SHA-256);
6. for an imported historic record, where it came from.

Portion marks are written in their normal portion form (``(s//noforn)`` typed
by a drafter prints as ``(S//NF)``).
"""

from __future__ import annotations

import re

from docx.document import Document
from docx.shared import Twips
from docx.styles.style import ParagraphStyle

from cabledesk.domain.cable import Addressee, Attachment, Cable, Provenance, format_dtg
from cabledesk.domain.marking import Marking, parse_marking
from cabledesk.domain.sanitize import Tearline
from cabledesk.domain.scheme import ClassificationScheme
from cabledesk.export._docx_base import BLANK_LINE_TWIPS, STYLE
from cabledesk.export._docx_xml import add_text
from cabledesk.export._labels import attachment_marking

__all__ = ["SANITIZED_TITLE", "closing_blocks", "sanitized_notice", "write_body"]

SANITIZED_TITLE = "SANITIZED VERSION"
_REF_LETTER = re.compile(r"^[A-Z]{1,2}[.)]\s")  # references the drafter lettered already
_KIB = 1024


class _Writer:
    """Appends paragraphs in the document's styles."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.styles: dict[str, ParagraphStyle] = {
            key: document.styles[style_id] for key, style_id in STYLE.items()
        }

    def line(self, style: str, text: str, *, gap: bool = False, bold: bool = False) -> None:
        paragraph = self.document.add_paragraph(style=self.styles[style])
        if gap:
            paragraph.paragraph_format.space_before = Twips(BLANK_LINE_TWIPS)
        add_text(paragraph, text, bold=bold)

    def field(self, label: str, value: str, *, gap: bool = False, style: str = "field") -> None:
        self.line(style, f"{label}\t{value}", gap=gap)


def write_body(
    document: Document,
    cable: Cable,
    scheme: ClassificationScheme,
    banner: Marking,
    tearline: Tearline | None = None,
) -> None:
    """Append the whole text of ``cable`` to ``document`` (whose banner is ``banner``).

    Raises MarkingError if a portion mark cannot be parsed.
    """
    w = _Writer(document)
    if tearline is not None:
        sanitized_notice(w, tearline)
    _header_block(w, cable, scheme, banner)
    _authority_block(w, cable, banner)
    for number, p in enumerate(cable.paragraphs, start=1):
        mark = parse_marking(p.marking, scheme).portion
        w.line("paragraph", f"{number}. {mark} {p.text}")
    if cable.signature.strip():
        w.line("signature", cable.signature.strip())
    closing_blocks(w, cable, scheme)


def sanitized_notice(w: _Writer, tearline: Tearline) -> None:
    """The boxed statement that opens a sanitized version."""
    paragraph = w.document.add_paragraph(style=w.styles["notice"])
    add_text(paragraph, SANITIZED_TITLE, bold=True)
    add_text(paragraph, "\n" + tearline.statement())


def closing_blocks(w: _Writer, cable: Cable, scheme: ClassificationScheme) -> None:
    """What follows the signature: the attachments, then where an imported record came from."""
    if cable.attachments:
        _attachments(w, cable.attachments, scheme)
    if cable.provenance is not None:
        _provenance(w, cable.provenance)


def _addressees(addressees: tuple[Addressee, ...]) -> str:
    return "\n".join(f"{a.name} {a.precedence}" if a.precedence else a.name for a in addressees)


def _header_block(w: _Writer, cable: Cable, scheme: ClassificationScheme, banner: Marking) -> None:
    w.field("PRECEDENCE:", cable.precedence)
    if cable.dtg is not None:
        w.field("DTG:", format_dtg(cable.dtg))
    w.field("FM:", cable.originator)
    w.field("TO:", _addressees(cable.action))
    if cable.info:
        w.field("INFO:", _addressees(cable.info))
    if cable.serial:
        w.field("SERIAL:", cable.serial)
    first = True  # a blank line separates the addressing from what follows
    if cable.captions:
        w.line("field", "\n".join(cable.captions), gap=True, bold=True)
        first = False
    eo_line = _eo_line(cable, scheme, banner)
    if eo_line:
        w.line("field", eo_line, gap=first)
        first = False
    if cable.tags:
        w.field("TAGS:", ", ".join(cable.tags), gap=first)
        first = False
    subject = parse_marking(cable.subject_marking, scheme).portion
    w.field("SUBJECT:", f"{subject} {cable.subject}", gap=first)
    if cable.references:
        refs = cable.references
        lettered = len(refs) == 1 or all(_REF_LETTER.match(ref) for ref in refs)
        text = "\n".join(refs if lettered else (f"{_letter(i)}. {r}" for i, r in enumerate(refs)))
        w.field("REF:", text, gap=True)


def _letter(index: int) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return (
        letters[index] if index < len(letters) else letters[index // 26 - 1] + letters[index % 26]
    )


def _eo_line(cable: Cable, scheme: ClassificationScheme, banner: Marking) -> str | None:
    """``E.O. 13526: DECL: 2036-11-20``, or the scheme's line for unclassified cables."""
    rules = scheme.authority
    if rules is None or not rules.unclassified_eo_line:
        return None
    if not banner.level.classified:
        return rules.unclassified_eo_line
    prefix = rules.unclassified_eo_line.split(":", 1)[0]
    if cable.authority is None or not cable.authority.declassify_on.strip():
        return None
    return f"{prefix}: DECL: {cable.authority.declassify_on.strip()}"


def _authority_block(w: _Writer, cable: Cable, banner: Marking) -> None:
    auth = cable.authority
    if auth is None or not banner.level.classified or not auth.classified_by.strip():
        return
    lines = [f"Classified By: {auth.classified_by.strip()}"]
    if auth.reasons:
        label = "Reasons" if len(auth.reasons) > 1 else "Reason"
        lines.append(f"{label}: {', '.join(auth.reasons)}")
    if auth.derived_from and auth.derived_from.strip():
        lines.append(f"Derived From: {auth.derived_from.strip()}")
    if auth.declassify_on.strip():
        lines.append(f"Declassify On: {auth.declassify_on.strip()}")
    w.line("authority", "\n".join(lines), gap=True)


def _size(size: int | None) -> str:
    if size is None:
        return ""
    if size < _KIB:
        return f"{size} bytes"
    value = float(size)
    for unit in ("KiB", "MiB", "GiB"):
        value /= _KIB
        if value < _KIB:
            return f"{value:.1f} {unit}"
    return f"{value / _KIB:.1f} TiB"


def _attachments(
    w: _Writer, attachments: tuple[Attachment, ...], scheme: ClassificationScheme
) -> None:
    count = len(attachments)
    w.line("field", f"ATTACHMENTS ({count}):", gap=True)
    for i, a in enumerate(attachments, start=1):
        details = ", ".join(x for x in (_size(a.size), a.description.strip()) if x)
        marking = attachment_marking(a, scheme)  # each attachment's own classification
        text = (f"{marking.portion} " if marking is not None else "") + a.name
        text += f" ({details})" if details else ""
        if a.sha256:  # 64 digits on a line of their own: 4 + 64 fits the 68 columns
            text += f"\nSHA-256:\n{a.sha256}"
        w.field(f"{i}.", text, style="list")


def _provenance(w: _Writer, source: Provenance) -> None:
    rows = [
        ("SOURCE:", f"{source.source} {source.record_id}"),
        ("URL:", source.url or ""),
        ("MARKING:", source.original_marking or ""),
        ("HANDLING:", ", ".join(source.handling)),
        ("FILE NO.:", source.file_number or ""),
        ("RECEIVED:", source.received or ""),
        ("NOTES:", "; ".join(source.notes)),
    ]
    first = True
    for label, value in rows:
        if value:
            w.field(label, value, gap=first, style="note")
            first = False
