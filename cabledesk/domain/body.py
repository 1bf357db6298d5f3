"""Plain-text cable bodies: paragraphs separated by blank lines, each starting
with its portion mark, e.g. ``(S//NF) The minister said…``.

A paragraph may also be written as on a printed cable, its number first and the
portion mark after it (``2. (S//NF) The minister said…``, 5 FAH-1 H-246.2): the
number is dropped (CableDesk numbers paragraphs itself) and the mark kept.
:func:`typed_portion_mark` finds a mark typed at the start of a paragraph's text,
where the desktop editor lifts it into the paragraph's mark and validation
flags it, so that ``(C) Text`` is never kept as text under another mark."""

from __future__ import annotations

import re

from cabledesk.domain.cable import Paragraph
from cabledesk.domain.marking import Marking, parse_marking
from cabledesk.domain.scheme import ClassificationScheme
from cabledesk.errors import MarkingError

__all__ = [
    "paragraphs_from_text",
    "split_portion_mark",
    "typed_portion_mark",
    "typed_portion_marks",
]

# A leading "(...)" of at most 80 characters with no nested parenthesis, after an
# optional paragraph number ("2. ").
_LEADING_MARK = re.compile(r"^\s*(?:\d{1,3}\s*[.)]\s+)?(\([^()\n]{1,80}\))\s*")
_BLANK_LINES = re.compile(r"\n\s*\n")


def split_portion_mark(text: str) -> tuple[str, str]:
    """Split ``"(S//NF) Text"`` into ``("(S//NF)", "Text")``; no mark gives ``("", text)``.

    Whether the mark is valid is for validation to say; this only splits.
    """
    m = _LEADING_MARK.match(text)
    if m is None:
        return "", text.strip()
    return m.group(1), text[m.end() :].strip()


def typed_portion_mark(text: str, scheme: ClassificationScheme) -> tuple[Marking, str] | None:
    """The portion mark of ``scheme`` that ``text`` starts with (after an optional
    paragraph number), and the text after it; None if it starts with no such mark.

    ``"(C) The minister…"`` gives (CONFIDENTIAL, ``"The minister…"``);
    ``"(Reuters) Paris…"`` gives None: not a mark of the scheme. Portion marks are
    written in capitals, so ``"(c) the third point"`` is an enumeration, not a
    mark; and a mark needs text after it (``"(C)"`` alone labels a list item).
    Invisible characters before the mark and full-width parentheses do not hide it,
    and a mark whose controls are unknown (``(TS//XYZ) …``) still gives its level.
    """
    mark, rest = split_portion_mark(_visible_start(text))
    if not mark or mark != mark.upper() or not rest:
        return None
    try:
        return parse_marking(mark, scheme), rest
    except MarkingError:
        level = scheme.level(mark[1:-1].split("//")[0].split("/")[0])
        if level is None or "//" not in mark:
            return None
        return Marking(scheme=scheme, level=level), rest


def typed_portion_marks(text: str, scheme: ClassificationScheme) -> list[Marking]:
    """Every portion mark typed at the start of a line of ``text``: a paragraph that
    holds "Fine.\n\n(S//NF) The source…" hides a SECRET portion under its own mark."""
    found = []
    for line in text.splitlines() or [text]:
        typed = typed_portion_mark(line, scheme)
        if typed is not None:
            found.append(typed[0])
    return found


_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00a0"


def _visible_start(text: str) -> str:
    """``text`` without the invisible characters before it, full-width parentheses as
    ASCII ones."""
    return text.lstrip(_INVISIBLE + " \t").replace("\uff08", "(").replace("\uff09", ")")


def paragraphs_from_text(text: str) -> tuple[Paragraph, ...]:
    """Paragraphs of a body; lines inside a paragraph are joined with spaces."""
    blocks = _BLANK_LINES.split(text.replace("\r\n", "\n").replace("\r", "\n"))
    result = []
    for block in blocks:
        joined = " ".join(line.strip() for line in block.splitlines() if line.strip())
        if joined:
            mark, rest = split_portion_mark(joined)
            result.append(Paragraph(marking=mark, text=rest))
    return tuple(result)
