"""The text of an age post-quantum hybrid recipient (``age1pq1…``), checked for syntax only.

The ``mlkem768x25519`` recipient of age v1.3 is written in Bech32 with the
human-readable part ``age1pq`` over 1,216 bytes: an ML-KEM-768 encapsulation
key (1,184 bytes) followed by an X25519 public key (32 bytes). This module only
checks that form (lower case, checksum, length); it does not read the keys
themselves, which encrypting to such a recipient does.
"""

from __future__ import annotations

from cabledesk.crypto.age._bech32 import bech32_decode, bech32_length
from cabledesk.errors import KeyFormatError

__all__ = ["PQ_RECIPIENT_CHARS", "PQ_RECIPIENT_HRP", "PQ_RECIPIENT_SIZE", "check_pq_recipient"]

PQ_RECIPIENT_HRP = "age1pq"
PQ_RECIPIENT_SIZE = 1184 + 32  # ML-KEM-768 encapsulation key, then X25519 public key
PQ_RECIPIENT_CHARS = bech32_length(PQ_RECIPIENT_HRP, PQ_RECIPIENT_SIZE)  # 1,959
_HINT = "A post-quantum age recipient is age1pq1 followed by 1,952 letters and digits."


def check_pq_recipient(text: str) -> str:
    """``text`` if it is an ``age1pq1…`` recipient in lower case; raises KeyFormatError."""
    if not text.startswith(PQ_RECIPIENT_HRP + "1") or len(text) != PQ_RECIPIENT_CHARS:
        raise KeyFormatError("This is not a post-quantum age recipient.", hint=_HINT)
    try:
        hrp, data = bech32_decode(text)
    except ValueError as exc:
        raise KeyFormatError(
            f"This post-quantum age recipient is damaged ({exc}).", hint=_HINT
        ) from None
    if hrp != PQ_RECIPIENT_HRP or len(data) != PQ_RECIPIENT_SIZE:
        raise KeyFormatError("This is not a post-quantum age recipient.", hint=_HINT)
    return text
