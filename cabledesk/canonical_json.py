"""Canonical JSON: the one encoding whose exact bytes are hashed, MACed, signed or
bound as associated data.

UTF-8; object keys sorted; no white space (``,`` and ``:`` alone); characters
outside ASCII written as themselves, not as ``\\uXXXX`` escapes. Python's own
``json`` module, with exactly these settings. The audit chain's hashes, the
vault key file's associated data and its audit record, and every signed JSON
text (contact cards, anchors, directories, statements) cover these bytes:
changing the settings changes every hash and signature already made.

Formats ``/1`` and ``/2`` of the vault key file used another form (non-ASCII
escaped): that one stays in :mod:`cabledesk.store.keyfile`, which still reads them.
"""

from __future__ import annotations

import json

__all__ = ["canonical_json", "canonical_text"]


def canonical_json(value: object) -> bytes:
    """``value`` in canonical JSON (no final LF); raises TypeError for a value JSON
    cannot hold and UnicodeEncodeError for a lone surrogate."""
    return _ENCODER.encode(value).encode("utf-8")


def canonical_text(value: object) -> str:
    """``canonical_json(value)`` as text, not yet encoded (for comparing it with text);
    a lone surrogate is kept, which the UTF-8 encoding would refuse."""
    return _ENCODER.encode(value)


# What ``json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))``
# builds on every call, built once (the same bytes; a directory's import checks 20,000
# cards with it). An encoder keeps no state between calls.
_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))
