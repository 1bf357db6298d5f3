"""Bech32 (BIP-173) as age uses it: checksummed, one case, longer than BIP-173 allows.

BIP-173 caps a string at 90 characters; age does not (a post-quantum recipient
has 1,959). Decoding still refuses anything over :data:`MAX_CHARS` before doing
any work, so that a hostile file cannot make it build masks as long as itself;
callers that know the exact length of what they read check it first.

Decoding is fast for long strings too (a post-quantum recipient has 1,959
characters, and a directory may hold thousands of them): the data characters
are read as one base-32 number by ``int()``, and the checksum, a function that
is linear over GF(2) in the bits of that number, is computed as 30 parities of
masked bits (:func:`_residue`) rather than character by character. A short
string (an X25519 recipient: a directory holds 20,000 of them) is faster still
read as bytes, each byte's share of the checksum looked up in a table for its
position and the shares XORed together, the loop in C (:func:`_byte_tables`).
The character-by-character form (:func:`_polymod`) writes checksums and stands
as the reference the tests compare the fast ones with.
"""

from __future__ import annotations

from functools import lru_cache, reduce
from operator import getitem, xor

from cabledesk.errors import KeyFormatError

__all__ = ["MAX_CHARS", "bech32_decode", "bech32_encode", "bech32_length", "decode_key"]

CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
_CHECKSUM_CHARS = 6
_CHECKSUM_BITS = 30
_MASK_CHUNK = 1024  # masks are made for a multiple of this many bits
# The longest string decoded: twice an age post-quantum recipient (1,959 characters).
MAX_CHARS = 4096
# Up to this many values (BIP-173's longest string), the checksum is read byte-wise.
_BYTE_TABLE_VALUES = 90


def _step_table() -> tuple[int, ...]:
    table = []
    for top in range(32):
        value = 0
        for i in range(5):
            if (top >> i) & 1:
                value ^= _GENERATOR[i]
        table.append(value)
    return tuple(table)


# _polymod's step as one table lookup per character instead of five tests
_STEP = _step_table()
# Character to 5-bit value; 0xFF for a character outside the charset.
_VALUES = bytes(CHARSET.find(chr(c)) & 0xFF for c in range(256))
# 5-bit value to the base-32 digit of the same value, as int(text, 32) reads them
_DIGITS = bytes.maketrans(bytes(range(32)), b"0123456789abcdefghijklmnopqrstuv")


def _shift(chk: int) -> int:
    """One step of the checksum with a zero value: linear over GF(2) in ``chk``."""
    return _STEP[chk >> 25] ^ ((chk & 0x1FFFFFF) << 5)


def _polymod(values: bytes | list[int]) -> int:
    chk = 1
    for v in values:
        chk = _shift(chk) ^ v
    return chk


@lru_cache(maxsize=8)
def _masks(bits: int) -> tuple[int, ...]:
    """For each checksum bit i, the bits p < ``bits`` of the data's number that flip it.

    The value whose bit p%5 is bit p sits p//5 characters before the end, so it
    reaches the checksum shifted p//5 times: bit p flips bit i of the result iff
    bit i of shift^(p//5)(1 << p%5) is set. (Pure function of ``bits``; cached.)
    """
    rows = [bytearray(b"0" * bits) for _ in range(_CHECKSUM_BITS)]
    images = [1 << b for b in range(5)]
    for p in range(bits):
        image = images[p % 5]
        i = 0
        while image:
            if image & 1:
                rows[i][bits - 1 - p] = 0x31  # "1", most significant first
            image >>= 1
            i += 1
        if p % 5 == 4:
            images = [_shift(x) for x in images]
    return tuple(int(row, 2) for row in rows)


@lru_cache(maxsize=64)
def _start(hrp: str, count: int) -> int:
    """The part of the checksum that the prefix gives, after ``count`` more values."""
    chk = _polymod(_hrp_expand(hrp))
    for _ in range(count):
        chk = _shift(chk)
    return chk


@lru_cache(maxsize=8)
def _byte_tables(size: int) -> tuple[tuple[int, ...], ...]:
    """For a number written as ``size`` bytes, most significant first: for each byte
    position, what each of the 256 byte values there adds (XOR) to the checksum.

    Bit p of the number is bit p%5 of the value p//5 characters before the end,
    which reaches the checksum shifted p//5 times (as in :func:`_masks`); a byte's
    share is the XOR of its set bits' images. (Pure function of ``size``; cached.)
    """
    images = []
    row = [1 << b for b in range(5)]
    for p in range(size * 8):
        images.append(row[p % 5])
        if p % 5 == 4:
            row = [_shift(x) for x in row]
    tables = []
    for position in range(size):
        low = (size - 1 - position) * 8  # the number's bit under this byte's bit 0
        table = [0]
        for bit in range(8):
            table += [share ^ images[low + bit] for share in table]
        tables.append(tuple(table))
    return tuple(tables)


def _residue(hrp: str, count: int, number: int) -> int:
    """``_polymod(_hrp_expand(hrp) + values)`` for the ``count`` values whose base-32
    number is ``number``."""
    if count <= _BYTE_TABLE_VALUES:
        size = -(-count * 5 // 8)
        shares = map(getitem, _byte_tables(size), number.to_bytes(size, "big"))
        return reduce(xor, shares, _start(hrp, count))
    masks = _masks(-(-max(count * 5, 1) // _MASK_CHUNK) * _MASK_CHUNK)
    result = _start(hrp, count)
    for i, mask in enumerate(masks):
        result ^= ((number & mask).bit_count() & 1) << i
    return result


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


def _to_bytes(number: int, count: int) -> bytes:
    """The bytes of ``count`` 5-bit values given as one number, as
    ``_convert_bits(values, 5, 8, pad=False)`` gives them."""
    size, extra = divmod(count * 5, 8)
    if extra >= 5 or number & ((1 << extra) - 1):
        raise ValueError("non-zero padding in bech32 data")
    return (number >> extra).to_bytes(size, "big")


def bech32_encode(hrp: str, data: bytes) -> str:
    """Encode ``data`` under the human-readable part ``hrp`` (lower case)."""
    hrp = hrp.lower()
    values = _convert_bits(data, 8, 5, pad=True)
    polymod = _polymod([*_hrp_expand(hrp), *values, 0, 0, 0, 0, 0, 0]) ^ 1
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(CHARSET[v] for v in values + checksum)


def bech32_length(hrp: str, size: int) -> int:
    """The length of the Bech32 string of ``size`` bytes under ``hrp``."""
    return len(hrp) + 1 + -(-size * 8 // 5) + _CHECKSUM_CHARS


def bech32_decode(text: str) -> tuple[str, bytes]:
    """Decode a Bech32 string into (hrp in lower case, data).

    Raises ValueError for a string over MAX_CHARS, mixed case, bad characters or a
    bad checksum.
    """
    if len(text) > MAX_CHARS:
        raise ValueError("far too long")
    lowered = text.lower()
    if lowered != text and text.upper() != text:
        raise ValueError("mixed case")
    pos = lowered.rfind("1")
    if pos < 1 or pos + 7 > len(lowered):
        raise ValueError("separator misplaced")
    hrp = lowered[:pos]
    if not (hrp.isascii() and hrp.isprintable()) or " " in hrp:  # each of 33..126
        raise ValueError("invalid character in prefix")
    try:
        values = lowered[pos + 1 :].encode("ascii").translate(_VALUES)
    except UnicodeEncodeError:
        raise ValueError("invalid character") from None
    if 0xFF in values:
        raise ValueError("invalid character")
    number = int(values.translate(_DIGITS).decode("ascii"), 32)  # in linear time
    if _residue(hrp, len(values), number) != 1:
        raise ValueError("bad checksum")
    return hrp, _to_bytes(number >> _CHECKSUM_BITS, len(values) - _CHECKSUM_CHARS)


def decode_key(text: str, hrp: str, size: int, *, what: str, kind: str = "", hint: str) -> bytes:
    """The ``size`` bytes of the key ``text`` (Bech32 under ``hrp``; surrounding blanks
    ignored). KeyFormatError names ``what`` it should be — "This is not a {kind}{what}."
    for text of another length, prefix or size (its length checked before any decoding),
    "This is not a valid {what} (why)." for a bad checksum or character — with ``hint``."""
    text = text.strip()
    if len(text) != bech32_length(hrp, size):
        raise KeyFormatError(f"This is not a {kind}{what}.", hint=hint)
    try:
        found, data = bech32_decode(text)
    except ValueError as exc:
        raise KeyFormatError(f"This is not a valid {what} ({exc}).", hint=hint) from None
    if found != hrp or len(data) != size:
        raise KeyFormatError(f"This is not a {kind}{what}.", hint=hint)
    return data
