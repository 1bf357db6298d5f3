"""Strict, canonical, unpadded base64 as the age header requires."""

from __future__ import annotations

import base64
import binascii

__all__ = ["b64_decode", "b64_encode"]


def b64_encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def b64_decode(text: str) -> bytes:
    """Decode unpadded canonical base64; ValueError for anything else."""
    if "=" in text or "\n" in text or "\r" in text:
        raise ValueError("padding or line break in base64")
    try:
        data = base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("invalid base64") from None
    if b64_encode(data) != text:
        raise ValueError("non-canonical base64")
    return data
