"""Plain-text cable bodies: paragraphs separated by blank lines, each starting
with its portion mark, e.g. ``(S//NF) The minister said…``."""

from __future__ import annotations

import re

from cabledesk.domain.cable import Paragraph

__all__ = ["paragraphs_from_text", "split_portion_mark"]

# A leading "(...)" of at most 80 characters with no nested parenthesis.
_LEADING_MARK = re.compile(r"^\s*(\([^()\n]{1,80}\))\s*")
_BLANK_LINES = re.compile(r"\n\s*\n")


def split_portion_mark(text: str) -> tuple[str, str]:
    """Split ``"(S//NF) Text"`` into ``("(S//NF)", "Text")``; no mark gives ``("", text)``.

    Whether the mark is valid is for validation to say; this only splits.
    """
    m = _LEADING_MARK.match(text)
    if m is None:
        return "", text.strip()
    return m.group(1), text[m.end() :].strip()


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
