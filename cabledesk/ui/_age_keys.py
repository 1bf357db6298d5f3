"""How an age file is recognised (for opening files dropped on the window).

Decrypting with the vault's keys, and asking for a passphrase only when the
file needs one, is :class:`~cabledesk.services.file_crypto.FileCryptoService`'s.
"""

from __future__ import annotations

__all__ = ["AGE_PREFIXES", "SNIFF_BYTES", "looks_like_age"]

AGE_PREFIXES = (b"age-encryption.org/", b"-----BEGIN AGE ENCRYPTED FILE-----")
SNIFF_BYTES = 64


def looks_like_age(prefix: bytes) -> bool:
    """Whether the first bytes of a file are those of an age file (binary or armored)."""
    return prefix.lstrip(b" \t\r\n").startswith(AGE_PREFIXES)
