"""The text of a UK diplomatic telegram (the scheme's ``document_template = "uk-telegram"``).

The layout of an FCO/FCDO telegram as registries filed them::

    FM PARIS
    TO IMMEDIATE FCDO LONDON
    TELNO 123 OF 041230Z DECEMBER 26
    INFO PRIORITY UKREP BRUSSELS, WASHINGTON

    SUBJECT: (S) FRANCE: ELYSEE PREVIEWS NATO SUMMIT

    SUMMARY
    1. (S) …
    DETAIL
    2. (S) …
    COMMENT
    5. (OS) …

    JONES

- the classification (written the UK way, ``SECRET UK EYES ONLY``, without
  the US ``//``) is the page header's and footer's banner, top and bottom of
  every page;
- the precedence stands before the addressees it applies to (``TO IMMEDIATE
  FCDO``); information addressees are grouped by their precedence;
- the telegram number is the post's serial (``TELNO 123``: telegrams were
  numbered per post and year), followed by the date-time group with the month
  written out (``OF 041230Z DECEMBER 26``);
- the paragraphs keep their numbers and portion marks (the banner is computed
  from them); a first paragraph written ``SUMMARY: … END SUMMARY.`` goes under a
  SUMMARY heading and the paragraphs after it under DETAIL; a paragraph
  written ``COMMENT: … END COMMENT.`` under COMMENT.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime

from docx.document import Document

from cabledesk.domain.cable import Addressee, Cable
from cabledesk.domain.marking import Marking, parse_marking
from cabledesk.domain.sanitize import Tearline
from cabledesk.domain.scheme import ClassificationScheme
from cabledesk.export._docx_blocks import (
    _authority_block,
    _letter,
    _Writer,
    closing_blocks,
    sanitized_notice,
)
from cabledesk.export._labels import telegram_number

__all__ = ["telegram_dtg", "write_telegram"]

_MONTHS = (
    "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE",
    "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER",
)  # fmt: skip
_SECTION = re.compile(r"^\s*(SUMMARY|COMMENT)\s*[:.\-]\s*", re.IGNORECASE)
_END = re.compile(r"\s*END\s+(SUMMARY|COMMENT)\s*\.?\s*$", re.IGNORECASE)


def telegram_dtg(when: datetime) -> str:
    """``041230Z DECEMBER 26``: the date-time group with the month written out."""
    when = when.astimezone(UTC)
    return f"{when:%d%H%M}Z {_MONTHS[when.month - 1]} {when:%y}"


def write_telegram(
    document: Document,
    cable: Cable,
    scheme: ClassificationScheme,
    banner: Marking,
    tearline: Tearline | None = None,
) -> None:
    """Append the whole text of ``cable`` to ``document``, laid out as a UK telegram.

    Raises MarkingError if a portion mark cannot be parsed.
    """
    w = _Writer(document)
    if tearline is not None:
        sanitized_notice(w, tearline)
    w.line("field", f"FM {' '.join(cable.originator.split())}")
    for line in _grouped("TO", cable.action, cable.precedence):
        w.line("field", line)
    number = telegram_number(cable)
    telno = [f"TELNO {number}" if number else "TELNO NOT YET ALLOCATED"]
    if cable.dtg is not None:
        telno.append(f"OF {telegram_dtg(cable.dtg)}")
    w.line("field", " ".join(telno))
    for line in _grouped("INFO", cable.info, None):
        w.line("field", line)
    if cable.captions:
        w.line("field", "\n".join(cable.captions), gap=True, bold=True)
    subject = parse_marking(cable.subject_marking, scheme).portion
    w.line("field", f"SUBJECT: {subject} {cable.subject}", gap=True)
    if cable.references:
        refs = cable.references
        text = "\n".join(
            refs if len(refs) == 1 else (f"{_letter(i)}. {r}" for i, r in enumerate(refs))
        )
        w.line("field", f"REF: {text}")
    _authority_block(w, cable, banner)
    _paragraphs(w, cable, scheme)
    if cable.signature.strip():
        w.line("signature", cable.signature.strip())
    closing_blocks(w, cable, scheme)


def _grouped(label: str, addressees: Iterable[Addressee], default: str | None) -> list[str]:
    """``TO IMMEDIATE FCDO, UKMIS NEW YORK``: one line per precedence, in the order met."""
    groups: dict[str, list[str]] = {}
    for a in addressees:
        precedence = a.precedence or default or ""
        groups.setdefault(precedence, []).append(" ".join(a.name.split()))
    return [
        " ".join(x for x in (label, precedence, ", ".join(names)) if x)
        for precedence, names in groups.items()
    ]


def _paragraphs(w: _Writer, cable: Cable, scheme: ClassificationScheme) -> None:
    heading: str | None = None
    for number, p in enumerate(cable.paragraphs, start=1):
        text = p.text
        section = _SECTION.match(text)
        if section is not None:
            kind = section.group(1).upper()
            text = _END.sub("", text[section.end() :])
            w.line("heading", kind, gap=True, bold=True)
            heading = kind
        elif heading == "SUMMARY":
            w.line("heading", "DETAIL", gap=True, bold=True)
            heading = "DETAIL"
        mark = parse_marking(p.marking, scheme).portion
        w.line("paragraph", f"{number}. {mark} {text}")
