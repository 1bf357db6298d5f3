"""What a person types into the search box, as an FTS5 query.

Plain words match as words (punctuation inside them is harmless: ``O'Neill``
and ``U.S.-French`` just work), ``"quoted phrases"`` match as phrases,
``word*`` matches a prefix, ``AND``/``OR``/``NOT`` and parentheses combine,
and ``subject:``, ``body:``, ``tags:``, ``to:`` and ``ref:`` restrict a word
or phrase to one field. Every word is quoted for FTS5, so only the operators
and parentheses can make a query invalid; FTS5 then says so and
:func:`cabledesk.store.search.search` turns that into a SearchError.
"""

from __future__ import annotations

import re

from cabledesk.errors import SearchError

__all__ = ["FIELDS", "MAX_QUERY_CHARS", "check_text", "to_fts_query"]

MAX_QUERY_CHARS = 1000
FIELDS = {
    "subject": "subject",
    "body": "body",
    "text": "body",
    "tag": "tags",
    "tags": "tags",
    "to": "addressees",
    "from": "addressees",
    "post": "addressees",
    "ref": "refs",
    "refs": "refs",
}
_OPERATORS = {"AND", "OR", "NOT"}
_TOKEN = re.compile(
    r'\s*(?:(?P<paren>[()])|(?P<field>[A-Za-z]+):(?=\S)|"(?P<phrase>[^"]*)("|$)(?P<pstar>\*?)'
    r"|(?P<word>[^\s()\"]+))"
)


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def check_text(text: str, what: str = "search") -> None:
    """Raise SearchError for text SQLite cannot take: a NUL character (it ends FTS5's
    strings), or characters that are not Unicode (bytes of a command line that were
    not UTF-8, passed on as surrogates)."""
    if "\x00" in text:
        raise SearchError(
            f"This {what} holds a NUL character, which cannot be searched for.",
            hint="Remove it and search again.",
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise SearchError(
            f"This {what} holds bytes that are not UTF-8 text.",
            hint="Type it again, or set the terminal to UTF-8.",
        ) from None


def to_fts_query(text: str) -> str:
    """The FTS5 query for what a person typed (see the module docstring); "" if empty."""
    if len(text) > MAX_QUERY_CHARS:
        raise SearchError("This search is too long.", hint="Use fewer words.")
    check_text(text)
    out: list[str] = []
    pos = 0
    pending_field = ""
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:  # only whitespace remains
            break
        pos = match.end()
        if match["field"] is not None:
            name = match["field"].lower()
            if name not in FIELDS:
                raise SearchError(
                    f"There is no field called {match['field']!r} to search in.",
                    hint="Fields: subject, body, tags, to, ref.",
                )
            pending_field = FIELDS[name] + " : "
            continue
        if match["paren"] is not None:
            out.append(pending_field + match["paren"] if match["paren"] == "(" else ")")
            pending_field = ""
            continue
        if match["phrase"] is not None:
            if not match["phrase"].strip():
                continue
            token = _quote(match["phrase"]) + match["pstar"]
        else:
            word = match["word"]
            if word in _OPERATORS and not pending_field:
                out.append(word)
                continue
            star = "*" if word.endswith("*") and len(word.rstrip("*")) > 0 else ""
            token = _quote(word.rstrip("*")) + star
        out.append(pending_field + token)
        pending_field = ""
    return " ".join(out)
