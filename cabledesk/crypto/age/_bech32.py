"""Bech32 (BIP-173) as age uses it: checksummed, one case, no length limit."""

from __future__ import annotations

import base64

__all__ = ["bech32_decode", "bech32_encode"]

CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _step_table() -> tuple[int, ...]:
    table = []
    for top in range(32):
        value = 0
        for i in range(5):
            if (top >> i) & 1:
                value ^= _GENERATOR[i]
        table.append(value)
    return tuple(table)


# One lookup per character instead of five tests: a 2,000-character
# post-quantum recipient is checked in well under a millisecond.
_STEP = _step_table()
# Character to 5-bit value; 0xFF for a character outside the charset.
_VALUES = bytes(CHARSET.find(chr(c)) & 0xFF for c in range(256))
# 5-bit value to the RFC 4648 base32 character of the same value, so that the
# standard library's base32 decoder regroups the bits into bytes.
_BASE32 = bytes.maketrans(bytes(range(32)), b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")


def _polymod(values: bytes | list[int]) -> int:
    chk = 1
    for v in values:
        chk = _STEP[chk >> 25] ^ ((chk & 0x1FFFFFF) << 5) ^ v
    return chk


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _convert_bits(data: bytes | list[int], from_bits: int, to_bits: int, pad: bool) -> list[int]:
    acc = 0
    bits = 0
    out: list[int] = []
    maxv = (1 << to_bits) - 1
    for value in data:
        acc = (acc << from_bits) | value
        bits += from_bits
        while bits >= to_bits:
            bits -= to_bits
            out.append((acc >> bits) & maxv)
    if pad:
        if bits:
            out.append((acc << (to_bits - bits)) & maxv)
    elif bits >= from_bits or ((acc << (to_bits - bits)) & maxv):
        raise ValueError("non-zero padding in bech32 data")
    return out


def bech32_encode(hrp: str, data: bytes) -> str:
    """Encode ``data`` under the human-readable part ``hrp`` (lower case)."""
    hrp = hrp.lower()
    values = _convert_bits(data, 8, 5, pad=True)
    polymod = _polymod([*_hrp_expand(hrp), *values, 0, 0, 0, 0, 0, 0]) ^ 1
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(CHARSET[v] for v in values + checksum)


def bech32_decode(text: str) -> tuple[str, bytes]:
    """Decode a Bech32 string into (hrp in lower case, data).

    Raises ValueError for mixed case, bad characters or a bad checksum.
    """
    if text.lower() != text and text.upper() != text:
        raise ValueError("mixed case")
    lowered = text.lower()
    pos = lowered.rfind("1")
    if pos < 1 or pos + 7 > len(lowered):
        raise ValueError("separator misplaced")
    hrp = lowered[:pos]
    if any(ord(c) < 33 or ord(c) > 126 for c in hrp):
        raise ValueError("invalid character in prefix")
    try:
        values = lowered[pos + 1 :].encode("ascii").translate(_VALUES)
    except UnicodeEncodeError:
        raise ValueError("invalid character") from None
    if 0xFF in values:
        raise ValueError("invalid character")
    if _polymod(bytes(_hrp_expand(hrp)) + values) != 1:
        raise ValueError("bad checksum")
    return hrp, _regroup(values[:-6])


def _regroup(values: bytes) -> bytes:
    """5-bit values to bytes, as ``_convert_bits(values, 5, 8, pad=False)``."""
    size, extra = divmod(len(values) * 5, 8)
    if extra >= 5:
        raise ValueError("non-zero padding in bech32 data")
    filler = b"A" * (-len(values) % 8)  # value 0, so the padding bits stay as they were
    data = base64.b32decode(values.translate(_BASE32) + filler)
    if any(data[size:]):
        raise ValueError("non-zero padding in bech32 data")
    return data[:size]
