"""Text from outside, with what it could hide or forge made visible.

A name, a subject, a comment or a file name read from a sealed cable or a card is
data: shown as it is, an escape sequence in it could move a terminal's cursor,
recolour or retitle it, and a bidirectional override could reorder what follows
it on the line (``cod.exe`` read as ``exe.doc``). :func:`visible` writes every such
character as an escape a reader can see; the command line prints everything
through it, and the desktop uses it for file names.
"""

from __future__ import annotations

import unicodedata

__all__ = ["has_hidden_characters", "visible"]

# Controls (ESC, CR, the C1 range…), format characters (bidi overrides and
# isolates, zero-width characters), line and paragraph separators, and lone
# surrogates (which a terminal's encoding cannot even write).
_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with each invisible or control character written as ``\\uXXXX``.

    With ``keep_newlines``, LF stays a line break (the paragraphs of a cable).
    The escapes are JSON's (characters beyond U+FFFF as a surrogate pair), so
    JSON text stays valid JSON: its strings never hold a raw control character,
    and its own line breaks are kept with ``keep_newlines``.
    """
    if text.isprintable() or (keep_newlines and text.replace("\n", "").isprintable()):
        return text  # the common case: nothing to do
    return "".join(
        c
        if (keep_newlines and c == "\n") or unicodedata.category(c) not in _HIDDEN
        else _escape(ord(c))
        for c in text
    )


def _escape(code: int) -> str:
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def has_hidden_characters(text: str) -> bool:
    """Whether :func:`visible` would change ``text`` (line breaks counted)."""
    return visible(text) != text
