"""Cryptography: age v1 encryption, SSHSIG signatures, identities, and the signed
files about people: contact cards, security offices' anchors and directories (one
signed-JSON-text layout, :mod:`cabledesk.crypto.signedtext`).

Knows nothing of cables. Composes only the ``cryptography`` package's primitives,
exactly as the age v1 and OpenSSH SSHSIG specifications say.
"""

from __future__ import annotations

__all__: list[str] = []
