"""The SQLCipher page MAC of a vault database, as ``vault.key`` records it.

SQLCipher 4 authenticates every page with an HMAC; its default is HMAC-SHA512.
Vaults made since format ``cabledesk.vault-key/2`` use HMAC-SHA256 instead: on
processors with SHA extensions it costs a third of SHA-512 per page, which is
most of what reading a page of the encrypted archive costs beyond plain SQLite
(measured with tests/bench/bench_archive.py), and a 256-bit HMAC keyed with a
256-bit key is as strong an integrity check as the page needs. Vaults of
format ``/1`` keep SQLCipher's default.
"""

from __future__ import annotations

__all__ = ["HMAC_ALGORITHMS", "HMAC_OF_FORMAT_1", "NEW_VAULT_HMAC"]

HMAC_ALGORITHMS = ("HMAC_SHA256", "HMAC_SHA512")
NEW_VAULT_HMAC = "HMAC_SHA256"
HMAC_OF_FORMAT_1 = "HMAC_SHA512"
